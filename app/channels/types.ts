/**
 * Channel fit: the contract between the pure scorer (rule packs + evaluators, no I/O), the code
 * that feeds it (the store mirror, or a file for `seaworthy audit`) and the code that shows or
 * stores its results (pages, CSV export, CLI). Channel ids are part of the public contract (API,
 * CLI JSON, CSV): never rename one.
 */

export const CHANNEL_IDS = [
  "amazon",
  "ebay",
  "online_store",
  "walmart",
  "tiktok_shop",
  "ozon",
  "wildberries",
  "instagram",
] as const;

export type ChannelId = (typeof CHANNEL_IDS)[number];

export const isChannelId = (value: unknown): value is ChannelId =>
  typeof value === "string" && (CHANNEL_IDS as readonly string[]).includes(value);

export type Severity = "blocker" | "warning" | "info";

/**
 * One thing a rule found. Every point a score is below 100 is accounted for by the `penalty` of
 * its findings (score = max(0, 100 - sum of penalties)); `info` findings carry penalty 0.
 */
export interface Finding {
  /** The rule's id; names what it checks (a GTIN rule's id contains `gtin`, a title rule's `title`). */
  rule: string;
  severity: Severity;
  /** What is wrong, in words a merchant understands. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** The text or field value that triggered the rule (quoted, truncated), or the measured figure. */
  evidence: string;
  /** Points this finding takes off the score (0 for info). */
  penalty: number;
  /**
   * The values filled into the rule's message and fix templates (e.g. `{ length: 212, max: 200 }`),
   * so the admin can render the finding in the merchant's language (`localizeFinding`).
   */
  args?: Record<string, string | number>;
}

/** Walmart's listing-quality bands (Poor 0–59, Good 60–79, Excellent 80–100), used for every channel. */
export type Band = "excellent" | "good" | "poor";

export interface ChannelScore {
  channel: ChannelId;
  /** 0–100. */
  score: number;
  band: Band;
  /** False when any blocker holds: the product cannot (or may not yet) be listed there. */
  eligible: boolean;
  findings: Finding[];
  /** The edition of the channel's rule pack that judged it (e.g. `amazon@2026-12-01.1`). */
  packVersion: string;
}

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
