import type {
  MetaobjectListQuery,
  MetaobjectListQueryVariables,
} from "./generated/admin.generated";

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

/** Generated from the document (npm run graphql:codegen). */
export type MetaobjectListResult = MetaobjectListQuery;
export type MetaobjectListVariables = MetaobjectListQueryVariables;
