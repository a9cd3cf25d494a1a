import type {
  MetaobjectDefinitionUpdateMutation,
  MetaobjectDefinitionUpdateMutationVariables,
} from "./generated/admin.generated";

/** Adds fields a newer Seaworthy needs to a metaobject definition an older one created. */
export const MetaobjectDefinitionUpdate = {
  name: "MetaobjectDefinitionUpdate",
  document: `#graphql
    mutation MetaobjectDefinitionUpdate($id: ID!, $definition: MetaobjectDefinitionUpdateInput!) {
      metaobjectDefinitionUpdate(id: $id, definition: $definition) {
        metaobjectDefinition {
          id
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
export type MetaobjectDefinitionUpdateResult = MetaobjectDefinitionUpdateMutation;
export type MetaobjectDefinitionUpdateVariables = MetaobjectDefinitionUpdateMutationVariables;
