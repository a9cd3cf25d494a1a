import type {
  MetaobjectDeleteMutation,
  MetaobjectDeleteMutationVariables,
} from "./generated/admin.generated";

/** Deletes one of the app's metaobjects (a certificate deleted or expired). */
export const MetaobjectDelete = {
  name: "MetaobjectDelete",
  document: `#graphql
    mutation MetaobjectDelete($id: ID!) {
      metaobjectDelete(id: $id) {
        deletedId
        userErrors {
          field
          message
          code
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type MetaobjectDeleteResult = MetaobjectDeleteMutation;
export type MetaobjectDeleteVariables = MetaobjectDeleteMutationVariables;
