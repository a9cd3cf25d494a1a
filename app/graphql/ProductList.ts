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

export interface ProductListResult {
  products: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: {
      id: string;
      title: string;
      handle: string;
      status: "ACTIVE" | "DRAFT" | "ARCHIVED";
      productType: string;
      vendor: string;
      totalInventory: number;
      variantsCount: { count: number } | null;
      category: { name: string } | null;
    }[];
  };
}
