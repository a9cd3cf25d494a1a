/**
 * Deterministic demo store for the simulator: a China-based brand exporter selling home goods,
 * electronics, apparel, beauty, toys, collectibles, auto parts, winter sports gear and small
 * appliances to the US, the EU, the UK and Russia, with the catalogue flaws the app is built to
 * find (see flaws.ts for the list and rates).
 *
 * Same options -> byte-identical JSON. No clock, no Math.random: all randomness is seeded.
 */
import type { SimStore } from "../store";
import { DEMO_SHOP_DOMAIN } from "../store";
import { buildCollections } from "./collections";
import { emptyManifest, type FlawManifest } from "./flaws";
import { idSequences } from "./ids";
import { buildInventoryLevels } from "./inventory";
import { buildOrders } from "./orders";
import { buildProduct, type ProductContext } from "./products";
import { SHOP_NAME, buildLocations, buildMarkets, buildShop } from "./store-setup";
import { hash32 } from "./random";
import { parseNow } from "./time";

export { gtinCheckDigit, isValidGtin } from "./barcodes";
export {
  FLAW_KINDS,
  PRODUCT_FLAW_PERIODS,
  VARIANT_FLAW_PERIODS,
  type FlawKind,
  type FlawManifest,
} from "./flaws";

export interface GenerateOptions {
  seed?: number;
  products?: number;
  shopDomain?: string;
  now?: string;
  /**
   * Orders processed shortly (1 s to 1 h) before they were created, as orders placed offline or
   * imported are, so that `processedAt` and `createdAt` differ (tests of what reads them). Off by
   * default: the stores the golden files were made from have processedAt = createdAt.
   */
  distinctProcessedAt?: boolean;
}

export const DEFAULT_OPTIONS = {
  seed: 1,
  products: 320,
  shopDomain: DEMO_SHOP_DOMAIN,
  now: "2026-11-01T00:00:00Z",
  distinctProcessedAt: false,
} as const satisfies Required<GenerateOptions>;

export interface GeneratedDemo {
  store: SimStore;
  /** Answer key: ids of the products (or variants, for barcode flaws) carrying each flaw. */
  manifest: FlawManifest;
}

/** The store plus the flaw answer key, for tests and for checking the app's findings. */
export function generateDemo(options: GenerateOptions = {}): GeneratedDemo {
  const seed = options.seed ?? DEFAULT_OPTIONS.seed;
  const productCount = options.products ?? DEFAULT_OPTIONS.products;
  const shopDomain = options.shopDomain ?? DEFAULT_OPTIONS.shopDomain;
  const nowMs = parseNow(options.now ?? DEFAULT_OPTIONS.now);
  if (!Number.isInteger(seed))
    throw new Error(`generateStore: seed must be an integer, got ${seed}`);
  if (!Number.isInteger(productCount) || productCount < 0) {
    throw new Error(`generateStore: products must be a non-negative integer, got ${productCount}`);
  }

  const ids = idSequences(seed);
  const manifest = emptyManifest();
  const shop = buildShop(ids, shopDomain);
  const locations = buildLocations(ids);
  const markets = buildMarkets(ids);

  const ctx: ProductContext = {
    seed,
    nowMs,
    shopName: SHOP_NAME,
    ids,
    manifest,
    handles: { used: new Set(), nextSuffix: new Map() },
    counters: { variant: 0, barcoded: 0 },
    gtinBase: 100_000 + (hash32(seed, "gtin-base") % 4_000_000),
  };
  const products = Array.from({ length: productCount }, (_, i) => buildProduct(ctx, i));
  const orders = buildOrders({
    seed,
    ids,
    products,
    markets,
    nowMs,
    origin: shop.primaryDomainUrl,
    distinctProcessedAt: options.distinctProcessedAt ?? DEFAULT_OPTIONS.distinctProcessedAt,
  });

  return {
    store: {
      shop,
      products,
      collections: buildCollections(ids, products, orders, nowMs),
      locations: locations.map((l) => l.location),
      inventoryLevels: buildInventoryLevels(seed, ids, products, locations, nowMs),
      markets: markets.map((m) => m.market),
      orders,
    },
    manifest,
  };
}

export function generateStore(options: GenerateOptions = {}): SimStore {
  return generateDemo(options).store;
}
