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

const TAG_RE = /<[^>]*>/g;
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

export function plainText(html: string | null): string {
  if (!html) return "";
  const noTags = html.indexOf("<") === -1 ? html : html.replace(TAG_RE, " ");
  return noTags.indexOf("&") === -1
    ? noTags
    : noTags.replace(ENTITY_RE, (_, e: string) => ENTITIES[e] ?? " ");
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

function ratingOf(product: ProductFacts): Features["rating"] {
  let value: number | null = null;
  let count: number | null = null;
  for (const m of product.metafields) {
    if (m.namespace !== "reviews") continue;
    if (m.key === "rating") {
      try {
        const parsed = JSON.parse(m.value) as {
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
    } else if (m.key === "rating_count") {
      const n = Number(m.value);
      if (Number.isFinite(n)) count = n;
    }
  }
  return value === null ? null : { value, count };
}

const REFURB_RE =
  /\b(?:refurbished|renewed|reconditioned|generalüberholt|reconditionné|reacondicionado)\b|восстановленн|翻新/i;

export function extractFeatures(product: ProductFacts, shop: ShopFacts): Features {
  const title = product.title.trim();
  const descriptionText = plainText(product.descriptionHtml).trim();
  const code = categoryCode(product.categoryId);
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
  const fx = USD_PER_UNIT[shop.currency.toUpperCase()];

  let sellsToUs = false;
  let sellsToEuUk = false;
  for (const m of shop.markets) {
    const c = m.toUpperCase();
    if (c === "US") sellsToUs = true;
    else if (EU_UK.has(c)) sellsToEuUk = true;
  }

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
    brand: brandOf(vendor, shop),
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
    sellsToUs,
    sellsToEuUk,
  };
}
