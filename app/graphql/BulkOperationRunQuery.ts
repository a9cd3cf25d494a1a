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

export interface BulkOperationRunQueryResult {
  bulkOperationRunQuery: {
    bulkOperation: { id: string; status: string } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}
