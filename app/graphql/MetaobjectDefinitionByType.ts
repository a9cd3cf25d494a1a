import type {
  MetaobjectDefinitionByTypeQuery,
  MetaobjectDefinitionByTypeQueryVariables,
} from "./generated/admin.generated";

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

/** Generated from the document (npm run graphql:codegen). */
export type MetaobjectDefinitionByTypeResult = MetaobjectDefinitionByTypeQuery;
export type MetaobjectDefinitionByTypeVariables = MetaobjectDefinitionByTypeQueryVariables;
