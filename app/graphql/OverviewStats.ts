/** The Overview page's figures, read live from the Admin API until the store mirror exists. */
export const OverviewStats = {
  name: "OverviewStats",
  document: `#graphql
    query OverviewStats($ordersQuery: String!) {
      productsCount(limit: null) {
        count
        precision
      }
      activeProductsCount: productsCount(query: "status:active", limit: null) {
        count
      }
      ordersCount(query: $ordersQuery, limit: null) {
        count
        precision
      }
      products(first: 8, sortKey: UPDATED_AT, reverse: true) {
        nodes {
          id
          title
          status
          productType
          vendor
          totalInventory
          updatedAt
        }
      }
    }
  `,
} as const;

export interface OverviewStatsResult {
  productsCount: { count: number; precision: string } | null;
  activeProductsCount: { count: number } | null;
  ordersCount: { count: number; precision: string } | null;
  products: {
    nodes: {
      id: string;
      title: string;
      status: "ACTIVE" | "DRAFT" | "ARCHIVED";
      productType: string;
      vendor: string;
      totalInventory: number;
      updatedAt: string;
    }[];
  };
}
