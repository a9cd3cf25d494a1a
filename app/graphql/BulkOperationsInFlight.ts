import type {
  BulkOperationsInFlightQuery,
  BulkOperationsInFlightQueryVariables,
} from "./generated/admin.generated";

/**
 * The shop's bulk queries still in flight, newest first (Shopify runs one per app and shop): read
 * when a start is refused with OPERATION_IN_PROGRESS, to adopt the operation a process that died
 * right after starting it left without a run.
 */
export const BulkOperationsInFlight = {
  name: "BulkOperationsInFlight",
  document: `#graphql
    query BulkOperationsInFlight {
      bulkOperations(
        first: 5
        query: "operation_type:QUERY AND (status:CREATED OR status:RUNNING)"
        sortKey: CREATED_AT
        reverse: true
      ) {
        nodes {
          id
          status
          query
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type BulkOperationsInFlightResult = BulkOperationsInFlightQuery;
export type BulkOperationsInFlightVariables = BulkOperationsInFlightQueryVariables;
