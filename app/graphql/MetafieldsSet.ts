import type {
  MetafieldsSetMutation,
  MetafieldsSetMutationVariables,
} from "./generated/admin.generated";

/** Writes up to 25 metafields atomically (labels, profiles); values are JSON text. */
export const MetafieldsSet = {
  name: "MetafieldsSet",
  document: `#graphql
    mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
      metafieldsSet(metafields: $metafields) {
        metafields {
          id
          ownerType
          namespace
          key
        }
        userErrors {
          field
          message
          code
          elementIndex
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type MetafieldsSetResult = MetafieldsSetMutation;
export type MetafieldsSetVariables = MetafieldsSetMutationVariables;
