import type { ProductRow, VariantRow } from "../../app/sync/mirror/rows";

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
  featuredMediaId: null,
});

/** Product n of a test mirror (`gid://shopify/Product/n`); `fields` override the defaults. */
export const mirrorProduct = (n: number, fields: Partial<ProductRow> = {}): ProductRow => ({
  id: `gid://shopify/Product/${n}`,
  title: `Steel mug ${n}`,
  handle: `p-${n}`,
  vendor: "Acme Outdoor",
  productType: "Mugs",
  categoryId: null,
  categoryName: null,
  tags: "",
  status: "ACTIVE",
  descriptionHtml: "<p>A steel mug that keeps coffee hot for hours.</p>",
  seoTitle: null,
  seoDescription: null,
  options: null,
  createdAt: null,
  updatedAt: "2026-01-01T00:00:00Z",
  publishedAt: null,
  featuredMediaId: null,
  ...fields,
});

/** The one variant of product n (`gid://shopify/ProductVariant/n`); `fields` override. */
export const mirrorVariant = (n: number, fields: Partial<VariantRow> = {}): VariantRow => ({
  id: `gid://shopify/ProductVariant/${n}`,
  productId: `gid://shopify/Product/${n}`,
  title: null,
  sku: `SKU-${n}`,
  barcode: null,
  price: "25.00",
  compareAtPrice: null,
  position: 1,
  selectedOptions: null,
  inventoryItemId: `gid://shopify/InventoryItem/${n}`,
  unitCost: null,
  unitCostCurrency: null,
  countryOfOrigin: null,
  hsCode: null,
  weight: 300,
  weightUnit: "GRAMS",
  updatedAt: null,
  ...fields,
});
