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

export interface MetaobjectDefinitionCreateResult {
  metaobjectDefinitionCreate: {
    metaobjectDefinition: { id: string; type: string } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}
