import type { ProductsCountQuery, ProductsCountQueryVariables } from "./generated/admin.generated";

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

/** Generated from the document (npm run graphql:codegen). */
export type ProductsCountResult = ProductsCountQuery;
export type ProductsCountVariables = ProductsCountQueryVariables;
