import type {
  MetaobjectDefinitionCreateMutation,
  MetaobjectDefinitionCreateMutationVariables,
} from "./generated/admin.generated";

/** Creates an app-owned metaobject definition (e.g. `$app:certificate`). */
export const MetaobjectDefinitionCreate = {
  name: "MetaobjectDefinitionCreate",
  document: `#graphql
    mutation MetaobjectDefinitionCreate($definition: MetaobjectDefinitionCreateInput!) {
      metaobjectDefinitionCreate(definition: $definition) {
        metaobjectDefinition {
          id
          type
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
export type MetaobjectDefinitionCreateResult = MetaobjectDefinitionCreateMutation;
export type MetaobjectDefinitionCreateVariables = MetaobjectDefinitionCreateMutationVariables;
