import type {
  ProductUpdateTextMutation,
  ProductUpdateTextMutationVariables,
} from "./generated/admin.generated";

/**
 * Writes a product's title or description (2026-10: `product: ProductUpdateInput` with the id;
 * the older `input: ProductInput` is deprecated). Only the fields given change.
 */
export const ProductUpdateText = {
  name: "ProductUpdateText",
  document: `#graphql
    mutation ProductUpdateText($product: ProductUpdateInput!) {
      productUpdate(product: $product) {
        product {
          id
          title
          descriptionHtml
          updatedAt
        }
        userErrors {
          field
          message
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type ProductUpdateTextResult = ProductUpdateTextMutation;
export type ProductUpdateTextVariables = ProductUpdateTextMutationVariables;
