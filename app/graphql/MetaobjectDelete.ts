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

export interface MetaobjectDeleteResult {
  metaobjectDelete: {
    deletedId: string | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}
