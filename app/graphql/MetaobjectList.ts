/** One page of the shop's metaobjects of a type, with their fields (to mirror what Shopify holds). */
export const MetaobjectList = {
  name: "MetaobjectList",
  document: `#graphql
    query MetaobjectList($type: String!, $first: Int!, $after: String) {
      metaobjects(type: $type, first: $first, after: $after) {
        nodes {
          id
          handle
          updatedAt
          fields {
            key
            value
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
} as const;

export interface MetaobjectListResult {
  metaobjects: {
    nodes: {
      id: string;
      handle: string;
      updatedAt: string;
      fields: { key: string; value: string | null }[];
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
