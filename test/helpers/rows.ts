import type { ProductRow } from "../../app/sync/mirror/rows";

/** A product row with only the fields these tests vary. */
export const productRow = (title: string, updatedAt: string | null): ProductRow => ({
  id: "gid://shopify/Product/42",
  title,
  handle: "mug",
  vendor: null,
  productType: null,
  categoryId: null,
  categoryName: null,
  tags: "",
  status: "ACTIVE",
  descriptionHtml: null,
  seoTitle: null,
  seoDescription: null,
  options: null,
  createdAt: null,
  updatedAt,
  publishedAt: null,
});
