import type { ProductTextQuery, ProductTextQueryVariables } from "./generated/admin.generated";

/** A product's own text as Shopify holds it now (read just before rewriting a claim in it). */
export const ProductText = {
  name: "ProductText",
  document: `#graphql
    query ProductText($id: ID!) {
      product(id: $id) {
        id
        title
        descriptionHtml
        updatedAt
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type ProductTextResult = ProductTextQuery;
export type ProductTextVariables = ProductTextQueryVariables;
