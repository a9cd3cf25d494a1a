/**
 * Everything the rules look at, extracted ONCE per product: the per-channel rules then only
 * compare numbers and flags (a full pass is 100k products x 8 channels in about a second).
 */
import { scanProductText, type GoodsHit } from "./goods";
import { gtinProblem, gtinStoredClean } from "./gtin";
import { categoryCode } from "./taxonomy";
import type { ProductFacts, ShopFacts } from "./types";

export type BrandVerdict = "ok" | "missing" | "shop_name" | "placeholder" | "company";

export interface ImageStat {
  long: number;
  short: number;
  /** width / height. */
  ratio: number;
}

export interface Features {
  product: ProductFacts;
  shop: ShopFacts;
  title: string;
  titleLength: number;
  descriptionText: string;
  descriptionWords: number;
  /** Share of letters in title + description that are Cyrillic (0..1). */
  cyrillicShare: number;
  code: string | null;
  goods: GoodsHit;
  brand: BrandVerdict;
  vendor: string;
  refurbished: boolean;
  imageCount: number;
  /** Images with known dimensions, in position order (index 0 = main when known). */
  images: (ImageStat | null)[];
  variantCount: number;
  gtinMissing: number;
  gtinFormat: { count: number; first: string };
  gtinCheckDigit: { count: number; first: string };
  gtinDirty: { count: number; first: string };
  weightMissing: number;
  skuMissing: number;
  hsMissing: number;
  originMissing: number;
  unitCostMissing: number;
  /** Lowest variant price, in the shop's currency; null when no variant has a price. */
  price: number | null;
  /** Lowest price converted to USD (heuristic rates), null when the currency is unknown. */
  priceUsd: number | null;
  /** Highest unit cost / price over variants with both; null when none has both. */
  costRatio: number | null;
  available: number | null;
  rating: { value: number; count: number | null } | null;
  sellsToUs: boolean;
  sellsToEuUk: boolean;
  /** Per-product values several channels' rules share, filled on first use (rules.ts). */
  shared: {
    promo: string | null | undefined;
    repeat: { word: string; count: number } | null | undefined;
  };
}

/** Vendor names that are not brands (compared lower-cased). */
const PLACEHOLDER_VENDORS = new Set([
  "my store",
  "my shop",
  "store",
  "shop",
  "default",
  "default vendor",
  "vendor",
  "unknown",
  "generic",
  "no brand",
  "unbranded",
  "none",
  "n/a",
  "na",
  "test",
  "brand",
]);
/** Trading companies and factories: a supplier, not a consumer brand. */
const COMPANY_RE =
  /\b(?:trading|factory|manufactory|co\.?,?\s*ltd\.?|company limited)\b|有限公司|工厂/i;

/**
 * USD per unit of currency. Seaworthy heuristic: rough 2026 rates, only used to place a price in
 * a channel's band (bands are wide), never to show money.
 */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CNY: 0.14,
  RUB: 0.011,
  CAD: 0.73,
  AUD: 0.66,
  JPY: 0.0067,
  HKD: 0.13,
  CHF: 1.12,
};

const EU_UK = new Set([
  "GB",
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
]);

const ENTITY_RE = /&(amp|lt|gt|quot|#39|apos|nbsp);/g;
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  apos: "'",
  nbsp: " ",
};

/** `html` with every tag (`<` up to the next `>`) replaced by a space, as `TAG_RE` would. */
function stripTags(html: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const lt = html.indexOf("<", i);
    const gt = lt < 0 ? -1 : html.indexOf(">", lt + 1);
    if (gt < 0) return i === 0 ? html : out + html.slice(i);
    out += html.slice(i, lt) + " ";
    i = gt + 1;
  }
}

export function plainText(html: string | null): string {
  if (!html) return "";
  const noTags = html.indexOf("<") === -1 ? html : stripTags(html);
  return noTags.indexOf("&") === -1
    ? noTags
    : noTags.replace(ENTITY_RE, (_, e: string) => ENTITIES[e] ?? " ");
}

/** What extractFeatures derives from the shop alone, memoised per shop object. */
interface ShopInfo {
  name: string | null;
  domain: string;
  currency: string;
  markets: string[];
  sellsToUs: boolean;
  sellsToEuUk: boolean;
  fx: number | undefined;
  brands: Map<string, BrandVerdict>;
}
const SHOP_INFO = new WeakMap<ShopFacts, ShopInfo>();

function sameShop(info: ShopInfo, shop: ShopFacts): boolean {
  if (
    info.name !== shop.name ||
    info.domain !== shop.domain ||
    info.currency !== shop.currency ||
    info.markets.length !== shop.markets.length
  )
    return false;
  for (let i = 0; i < info.markets.length; i++)
    if (info.markets[i] !== shop.markets[i]) return false;
  return true;
}

/** The shop's derived facts; recomputed when the shop object was changed since last time. */
function shopInfo(shop: ShopFacts): ShopInfo {
  const cached = SHOP_INFO.get(shop);
  if (cached && sameShop(cached, shop)) return cached;
  let sellsToUs = false;
  let sellsToEuUk = false;
  for (const m of shop.markets) {
    const c = m.toUpperCase();
    if (c === "US") sellsToUs = true;
    else if (EU_UK.has(c)) sellsToEuUk = true;
  }
  const info: ShopInfo = {
    name: shop.name,
    domain: shop.domain,
    currency: shop.currency,
    markets: [...shop.markets],
    sellsToUs,
    sellsToEuUk,
    fx: USD_PER_UNIT[shop.currency.toUpperCase()],
    brands: new Map(),
  };
  SHOP_INFO.set(shop, info);
  return info;
}

/** brandOf, memoised per shop and vendor (a catalogue has few vendors). */
function brandFor(vendor: string, shop: ShopFacts, info: ShopInfo): BrandVerdict {
  let verdict = info.brands.get(vendor);
  if (verdict === undefined) {
    verdict = brandOf(vendor, shop);
    if (info.brands.size >= 10_000) info.brands.clear();
    info.brands.set(vendor, verdict);
  }
  return verdict;
}

function brandOf(vendor: string, shop: ShopFacts): BrandVerdict {
  const v = vendor.trim().toLowerCase();
  if (v === "") return "missing";
  if (shop.name && v === shop.name.trim().toLowerCase()) return "shop_name";
  if (
    v === shop.domain.toLowerCase() ||
    v === shop.domain.replace(/\.myshopify\.com$/i, "").toLowerCase()
  )
    return "shop_name";
  if (PLACEHOLDER_VENDORS.has(v)) return "placeholder";
  if (COMPANY_RE.test(vendor)) return "company";
  return "ok";
}

/** The 1-5 value of a `reviews.rating` metafield value, or null; memoised (values repeat). */
const RATING_VALUES = new Map<string, number | null>();
function ratingValue(raw: string): number | null {
  let value = RATING_VALUES.get(raw);
  if (value !== undefined) return value;
  value = null;
  try {
    const parsed = JSON.parse(raw) as {
      value?: string;
      scale_min?: string;
      scale_max?: string;
    };
    const v = Number(parsed.value);
    const min = Number(parsed.scale_min ?? "1");
    const max = Number(parsed.scale_max ?? "5");
    // Normalise to a 1-5 scale so thresholds read the same whatever the review app uses.
    if (Number.isFinite(v) && max > min) value = 1 + ((v - min) * 4) / (max - min);
  } catch {
    value = null;
  }
  if (RATING_VALUES.size >= 10_000) RATING_VALUES.clear();
  RATING_VALUES.set(raw, value);
  return value;
}

function ratingOf(product: ProductFacts): Features["rating"] {
  let value: number | null = null;
  let count: number | null = null;
  for (const m of product.metafields) {
    if (m.namespace !== "reviews") continue;
    if (m.key === "rating") {
      value = ratingValue(m.value);
    } else if (m.key === "rating_count") {
      const n = Number(m.value);
      if (Number.isFinite(n)) count = n;
    }
  }
  return value === null ? null : { value, count };
}

const REFURB_RE =
  /\b(?:refurbished|renewed|reconditioned|generalüberholt|reconditionné|reacondicionado)\b|восстановленн|翻新/i;

/** categoryCode, memoised per category id (a catalogue has few categories). */
const CODES = new Map<string, string | null>();
function codeOf(categoryId: string | null): string | null {
  if (!categoryId) return null;
  let code = CODES.get(categoryId);
  if (code === undefined) {
    code = categoryCode(categoryId);
    if (CODES.size >= 50_000) CODES.clear();
    CODES.set(categoryId, code);
  }
  return code;
}

export function extractFeatures(product: ProductFacts, shop: ShopFacts): Features {
  const title = product.title.trim();
  const descriptionText = plainText(product.descriptionHtml).trim();
  const code = codeOf(product.categoryId);
  const descStart = title.length + 1;
  const descEnd = descStart + descriptionText.length;
  let text = `${title}\n${descriptionText}\n${product.productType ?? ""}\n${product.tags.join(", ")}`;
  if (code === null && product.categoryName) text += `\n${product.categoryName}`;
  for (const image of product.images) if (image.alt) text += `\n${image.alt}`;
  const scan = scanProductText(code, text, descStart, descEnd);
  const goods: GoodsHit = { mask: scan.mask, evidence: scan.evidence, green: scan.green };
  const descriptionWords = scan.descriptionWords;
  const stats = scan;

  const vendor = product.vendor ?? "";
  const images: (ImageStat | null)[] = product.images.map((im) =>
    im.width && im.height && im.width > 0 && im.height > 0
      ? {
          long: Math.max(im.width, im.height),
          short: Math.min(im.width, im.height),
          ratio: im.width / im.height,
        }
      : null,
  );

  let gtinMissing = 0;
  const gtinFormat = { count: 0, first: "" };
  const gtinCheckDigit = { count: 0, first: "" };
  const gtinDirty = { count: 0, first: "" };
  let weightMissing = 0;
  let skuMissing = 0;
  let hsMissing = 0;
  let originMissing = 0;
  let unitCostMissing = 0;
  let price: number | null = null;
  let costRatio: number | null = null;
  let available: number | null = null;
  for (const v of product.variants) {
    const problem = gtinProblem(v.barcode);
    if (problem === "missing") gtinMissing++;
    else if (problem === "format" || problem === "length") {
      if (gtinFormat.count++ === 0) gtinFormat.first = v.barcode ?? "";
    } else if (problem === "check_digit") {
      if (gtinCheckDigit.count++ === 0) gtinCheckDigit.first = v.barcode ?? "";
    }
    if (problem !== "missing" && !gtinStoredClean(v.barcode)) {
      if (gtinDirty.count++ === 0) gtinDirty.first = v.barcode ?? "";
    }
    if (v.grams === null || v.grams <= 0) weightMissing++;
    if (!v.sku) skuMissing++;
    if (!v.hsCode) hsMissing++;
    if (!v.countryOfOrigin) originMissing++;
    if (v.unitCost === null) unitCostMissing++;
    if (v.price !== null && v.price > 0) {
      if (price === null || v.price < price) price = v.price;
      if (v.unitCost !== null) {
        const r = v.unitCost / v.price;
        if (costRatio === null || r > costRatio) costRatio = r;
      }
    }
    if (v.available !== null) available = (available ?? 0) + v.available;
  }
  const info = shopInfo(shop);
  const fx = info.fx;

  return {
    product,
    shop,
    title,
    titleLength: title.length,
    descriptionText,
    descriptionWords,
    cyrillicShare: stats.letters === 0 ? 0 : stats.cyrillic / stats.letters,
    code,
    goods,
    brand: brandFor(vendor, shop, info),
    vendor,
    refurbished: REFURB_RE.test(title) || product.tags.some((t) => REFURB_RE.test(t)),
    imageCount: product.images.length,
    images,
    variantCount: product.variants.length,
    gtinMissing,
    gtinFormat,
    gtinCheckDigit,
    gtinDirty,
    weightMissing,
    skuMissing,
    hsMissing,
    originMissing,
    unitCostMissing,
    price,
    priceUsd: price !== null && fx !== undefined ? price * fx : null,
    costRatio,
    available,
    rating: ratingOf(product),
    sellsToUs: info.sellsToUs,
    sellsToEuUk: info.sellsToEuUk,
    shared: { promo: undefined, repeat: undefined },
  };
}
