/** Makes a file in the shop's Files from a staged upload; Shopify processes it afterwards. */
export const FileCreate = {
  name: "FileCreate",
  document: `#graphql
    mutation FileCreate($files: [FileCreateInput!]!) {
      fileCreate(files: $files) {
        files {
          id
          fileStatus
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

export interface FileCreateResult {
  fileCreate: {
    files: { id: string; fileStatus: string }[] | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}
