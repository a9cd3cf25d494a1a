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

export interface MetafieldDefinitionListResult {
  metafieldDefinitions: { nodes: { id: string; key: string; type: { name: string } }[] };
}
