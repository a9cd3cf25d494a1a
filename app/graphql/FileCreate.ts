import type { FileCreateMutation, FileCreateMutationVariables } from "./generated/admin.generated";

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

/** Generated from the document (npm run graphql:codegen). */
export type FileCreateResult = FileCreateMutation;
export type FileCreateVariables = FileCreateMutationVariables;
