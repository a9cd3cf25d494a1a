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

export interface MetafieldsDeleteResult {
  metafieldsDelete: {
    deletedMetafields: ({ ownerId: string; namespace: string; key: string } | null)[] | null;
    userErrors: { field: string[] | null; message: string }[];
  };
}
