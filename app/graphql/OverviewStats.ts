import type { OverviewStatsQuery, OverviewStatsQueryVariables } from "./generated/admin.generated";

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

/** Generated from the document (npm run graphql:codegen). */
export type OverviewStatsResult = OverviewStatsQuery;
export type OverviewStatsVariables = OverviewStatsQueryVariables;
