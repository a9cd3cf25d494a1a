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

export interface MetafieldsSetResult {
  metafieldsSet: {
    metafields: { id: string; ownerType: string; namespace: string; key: string }[] | null;
    userErrors: {
      field: string[] | null;
      message: string;
      code: string | null;
      elementIndex: number | null;
    }[];
  };
}
