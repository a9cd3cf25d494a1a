/**
 * Product facts: what the mirror knows of a product and its shop, as both engines read them
 * (compliance judges them, channel fit scores them). The floor both capabilities stand on: it
 * imports neither.
 */

/** How much a finding weighs, in either engine. */
export type Severity = "blocker" | "warning" | "info";

/** One variant as the scorer sees it. Money is a number in the shop's currency. */
export interface VariantFacts {
  id: string;
  sku: string | null;
  /** As stored (may carry a leading apostrophe or spaces from a CSV export). */
  barcode: string | null;
  price: number | null;
  compareAtPrice: number | null;
  /** Unit cost from the inventory item, in the shop's currency. */
  unitCost: number | null;
  /** Weight in grams (converted from the variant's unit). */
  grams: number | null;
  countryOfOrigin: string | null;
  hsCode: string | null;
  /** Units available across all locations; null when the source has no inventory data. */
  available: number | null;
}

export interface ImageFacts {
  url: string | null;
  alt: string | null;
  width: number | null;
  height: number | null;
}

export interface MetafieldFacts {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

/**
 * What the scorer knows of one product: plain data from the mirror or from a file, no I/O.
 * `null` in `sales` or `certificates` means "unknown" (e.g. a file audit has no orders, and
 * certificates come from the compliance vault): rules report unknown, never assume present.
 */
export interface ProductFacts {
  /** Shopify gid, or `handle:<handle>` for products read from a file without ids. */
  id: string;
  handle: string;
  title: string;
  vendor: string | null;
  productType: string | null;
  /** Shopify Standard Product Taxonomy gid, e.g. `gid://shopify/TaxonomyCategory/el-4-8`. */
  categoryId: string | null;
  /** Full taxonomy path as Shopify names it (`Electronics > … > Headphones`), or a name. */
  categoryName: string | null;
  tags: string[];
  /** ACTIVE, DRAFT or ARCHIVED. */
  status: string;
  descriptionHtml: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  variants: VariantFacts[];
  /** In position order; the first is the main image. */
  images: ImageFacts[];
  metafields: MetafieldFacts[];
  /** Collection gids the product belongs to. */
  collections: string[];
  /** Units sold in the last 30 days (non-test, non-cancelled orders); null when unknown. */
  sales: { units30d: number; orders30d: number } | null;
  /**
   * Certificate types that are valid today for this product (e.g. `CE`, `UL`, `FCC`, `EAC`,
   * `CPC`, `UKCA`), from the compliance vault; null while compliance data is unknown.
   */
  certificates: string[] | null;
}

/** What the scorer knows of the shop. */
export interface ShopFacts {
  /** The shop's *.myshopify.com domain. */
  domain: string;
  /** The shop's name (a vendor equal to it is not a brand). */
  name: string | null;
  /** ISO 4217; prices in ProductFacts are in this currency. */
  currency: string;
  /** ISO country codes the shop sells to (from its markets), e.g. ["US","DE","FR"]. */
  markets: string[];
}
