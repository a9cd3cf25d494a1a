import type {
  BulkOperationStatusQuery,
  BulkOperationStatusQueryVariables,
} from "./generated/admin.generated";

/** A bulk operation's state: polled as a fallback when the finish webhook does not arrive. */
export const BulkOperationStatus = {
  name: "BulkOperationStatus",
  document: `#graphql
    query BulkOperationStatus($id: ID!) {
      node(id: $id) {
        ... on BulkOperation {
          id
          status
          errorCode
          objectCount
          rootObjectCount
          fileSize
          url
          partialDataUrl
          createdAt
          completedAt
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type BulkOperationStatusResult = BulkOperationStatusQuery;
export type BulkOperationStatusVariables = BulkOperationStatusQueryVariables;

/** The bulk operation the node resolves to (null when the id is unknown). */
export type BulkOperationState = NonNullable<BulkOperationStatusResult["node"]>;
