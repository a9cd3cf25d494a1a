/** Where Shopify's processing of uploaded files stands, and their URLs once READY. */
export const FileStatus = {
  name: "FileStatus",
  document: `#graphql
    query FileStatus($ids: [ID!]!) {
      nodes(ids: $ids) {
        ... on File {
          id
          fileStatus
          fileErrors {
            code
            message
          }
        }
        ... on GenericFile {
          url
        }
        ... on MediaImage {
          image {
            url
          }
        }
      }
    }
  `,
} as const;

export interface FileStatusNode {
  id: string;
  fileStatus: "UPLOADED" | "PROCESSING" | "READY" | "FAILED";
  fileErrors: { code: string; message: string }[];
  url?: string | null;
  image?: { url: string } | null;
}

export interface FileStatusResult {
  nodes: (FileStatusNode | Record<string, never> | null)[];
}
