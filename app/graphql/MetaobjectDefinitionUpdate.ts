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

export interface MetaobjectDefinitionUpdateResult {
  metaobjectDefinitionUpdate: {
    metaobjectDefinition: { id: string } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}
