import type { ProductListQuery, ProductListQueryVariables } from "./generated/admin.generated";

/** One page of the Products list, newest first, with an optional search. */
export const ProductList = {
  name: "ProductList",
  document: `#graphql
    query ProductList($first: Int!, $after: String, $query: String) {
      products(first: $first, after: $after, query: $query, sortKey: TITLE) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          handle
          status
          productType
          vendor
          totalInventory
          variantsCount {
            count
          }
          category {
            name
          }
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type ProductListResult = ProductListQuery;
export type ProductListVariables = ProductListQueryVariables;
