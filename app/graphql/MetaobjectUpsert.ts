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

export interface MetaobjectUpsertResult {
  metaobjectUpsert: {
    metaobject: { id: string; handle: string } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}
