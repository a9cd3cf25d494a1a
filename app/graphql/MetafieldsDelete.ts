import type {
  MetafieldsDeleteMutation,
  MetafieldsDeleteMutationVariables,
} from "./generated/admin.generated";

/**
 * Deletes metafields by owner, namespace and key (a product's cleared profile, the shop's last
 * registration). A metafield that is not there comes back as null, and the call still succeeds.
 */
export const MetafieldsDelete = {
  name: "MetafieldsDelete",
  document: `#graphql
    mutation MetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
      metafieldsDelete(metafields: $metafields) {
        deletedMetafields {
          ownerId
          namespace
          key
        }
        userErrors {
          field
          message
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type MetafieldsDeleteResult = MetafieldsDeleteMutation;
export type MetafieldsDeleteVariables = MetafieldsDeleteMutationVariables;
