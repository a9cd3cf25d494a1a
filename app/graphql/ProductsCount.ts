/** How many products Shopify has: the reconcile compares it with the mirror. */
export const ProductsCount = {
  name: "ProductsCount",
  document: `#graphql
    query ProductsCount {
      productsCount(limit: null) {
        count
      }
    }
  `,
} as const;

export interface ProductsCountResult {
  productsCount: { count: number } | null;
}
