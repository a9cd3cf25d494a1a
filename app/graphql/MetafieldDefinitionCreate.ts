import type {
  MetafieldDefinitionCreateMutation,
  MetafieldDefinitionCreateMutationVariables,
} from "./generated/admin.generated";

/** Creates one app-owned metafield definition (typed, with storefront access for theme blocks). */
export const MetafieldDefinitionCreate = {
  name: "MetafieldDefinitionCreate",
  document: `#graphql
    mutation MetafieldDefinitionCreate($definition: MetafieldDefinitionInput!) {
      metafieldDefinitionCreate(definition: $definition) {
        createdDefinition {
          id
          namespace
          key
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
export type MetafieldDefinitionCreateResult = MetafieldDefinitionCreateMutation;
export type MetafieldDefinitionCreateVariables = MetafieldDefinitionCreateMutationVariables;
