import type {
  MetafieldDefinitionListQuery,
  MetafieldDefinitionListQueryVariables,
} from "./generated/admin.generated";

/** The metafield definitions of one owner type in one namespace (`$app:…` resolves to the app's). */
export const MetafieldDefinitionList = {
  name: "MetafieldDefinitionList",
  document: `#graphql
    query MetafieldDefinitionList($ownerType: MetafieldOwnerType!, $namespace: String!) {
      metafieldDefinitions(first: 100, ownerType: $ownerType, namespace: $namespace) {
        nodes {
          id
          key
          type {
            name
          }
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type MetafieldDefinitionListResult = MetafieldDefinitionListQuery;
export type MetafieldDefinitionListVariables = MetafieldDefinitionListQueryVariables;
