/** Whether a metaobject definition exists, and its fields (to spot definitions missing a field). */
export const MetaobjectDefinitionByType = {
  name: "MetaobjectDefinitionByType",
  document: `#graphql
    query MetaobjectDefinitionByType($type: String!) {
      metaobjectDefinitionByType(type: $type) {
        id
        type
        fieldDefinitions {
          key
        }
      }
    }
  `,
} as const;

export interface MetaobjectDefinitionByTypeResult {
  metaobjectDefinitionByType: {
    id: string;
    type: string;
    fieldDefinitions: { key: string }[];
  } | null;
}
