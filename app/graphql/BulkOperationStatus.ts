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

export interface BulkOperationState {
  id: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "CANCELING" | "EXPIRED";
  errorCode: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface BulkOperationStatusResult {
  node: BulkOperationState | null;
}
