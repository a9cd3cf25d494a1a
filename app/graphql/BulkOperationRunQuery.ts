import type {
  BulkOperationRunQueryMutation,
  BulkOperationRunQueryMutationVariables,
} from "./generated/admin.generated";

/** Starts a bulk query; Shopify runs it in the background and calls bulk_operations/finish. */
export const BulkOperationRunQuery = {
  name: "BulkOperationRunQuery",
  document: `#graphql
    mutation BulkOperationRunQuery($query: String!) {
      bulkOperationRunQuery(query: $query) {
        bulkOperation {
          id
          status
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type BulkOperationRunQueryResult = BulkOperationRunQueryMutation;
export type BulkOperationRunQueryVariables = BulkOperationRunQueryMutationVariables;
