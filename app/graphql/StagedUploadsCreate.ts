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

export interface StagedUploadsCreateResult {
  stagedUploadsCreate: {
    stagedTargets:
      | {
          url: string | null;
          resourceUrl: string | null;
          parameters: { name: string; value: string }[];
        }[]
      | null;
    userErrors: { field: string[] | null; message: string }[];
  };
}
