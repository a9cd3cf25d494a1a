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

export interface MetafieldDefinitionCreateResult {
  metafieldDefinitionCreate: {
    createdDefinition: { id: string; namespace: string; key: string } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
}
