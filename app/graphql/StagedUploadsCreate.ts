import type {
  StagedUploadsCreateMutation,
  StagedUploadsCreateMutationVariables,
} from "./generated/admin.generated";

/** Asks Shopify where to upload a file's bytes before `fileCreate` (certificate documents). */
export const StagedUploadsCreate = {
  name: "StagedUploadsCreate",
  document: `#graphql
    mutation StagedUploadsCreate($input: [StagedUploadInput!]!) {
      stagedUploadsCreate(input: $input) {
        stagedTargets {
          url
          resourceUrl
          parameters {
            name
            value
          }
        }
        userErrors {
          field
          message
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type StagedUploadsCreateResult = StagedUploadsCreateMutation;
export type StagedUploadsCreateVariables = StagedUploadsCreateMutationVariables;
