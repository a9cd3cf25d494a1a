import type { FileStatusQuery, FileStatusQueryVariables } from "./generated/admin.generated";

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

/** Generated from the document (npm run graphql:codegen). */
export type FileStatusResult = FileStatusQuery;
export type FileStatusVariables = FileStatusQueryVariables;

/** One file in the answer (null when the id is unknown). */
export type FileStatusNode = NonNullable<FileStatusResult["nodes"][number]>;

/** The file's URL: a generic file has its own, an image's is on the image; other kinds have none here. */
export function fileUrl(node: FileStatusNode): string | null {
  if ("url" in node) return node.url;
  if ("image" in node) return node.image?.url ?? null;
  return null;
}
