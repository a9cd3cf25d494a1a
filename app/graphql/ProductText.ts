/** A product's own text as Shopify holds it now (read just before rewriting a claim in it). */
export const ProductText = {
  name: "ProductText",
  document: `#graphql
    query ProductText($id: ID!) {
      product(id: $id) {
        id
        title
        descriptionHtml
        updatedAt
      }
    }
  `,
} as const;

export interface ProductTextResult {
  product: { id: string; title: string; descriptionHtml: string; updatedAt: string } | null;
}
