import type {
  MetaobjectUpsertMutation,
  MetaobjectUpsertMutationVariables,
} from "./generated/admin.generated";

/** Creates or updates one of the app's metaobjects by type and handle (a certificate). */
export const MetaobjectUpsert = {
  name: "MetaobjectUpsert",
  document: `#graphql
    mutation MetaobjectUpsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {
      metaobjectUpsert(handle: $handle, metaobject: $metaobject) {
        metaobject {
          id
          handle
        }
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
export type MetaobjectUpsertResult = MetaobjectUpsertMutation;
export type MetaobjectUpsertVariables = MetaobjectUpsertMutationVariables;
