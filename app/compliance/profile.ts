/**
 * A product's compliance profile: defaults guessed from the taxonomy category, product type, tags
 * and text (every guess marked `inferred`), then overridden by what the merchant confirmed.
 */
import {
  APPAREL_NAME,
  BATTERY_NOT_INCLUDED,
  FOOTWEAR_NAME,
  CATEGORY_PREFIXES,
  NON_ELECTRICAL_NAME,
  TEXT_CUES,
  categoryCode,
  hasPrefix,
  type KindFlag,
} from "./taxonomy";
import { productText } from "./text";
import type {
  ComplianceProfile,
  MaterialShare,
  MerchantProfile,
  ProductFacts,
  ProfileValues,
  Sourced,
} from "./types";

// Shared, frozen wrappers for the common inferred values: a catalogue pass allocates ~20 fewer
// objects per product. mergeProfile never mutates them (it builds new wrappers).
const INFERRED_TRUE = Object.freeze({ value: true, source: "inferred" as const });
const INFERRED_FALSE = Object.freeze({ value: false, source: "inferred" as const });
const INFERRED_NULL = Object.freeze({ value: null, source: "inferred" as const });

function inferred<T>(value: T): Sourced<T> {
  if (value === true) return INFERRED_TRUE as Sourced<T>;
  if (value === false) return INFERRED_FALSE as Sourced<T>;
  if (value === null) return INFERRED_NULL as Sourced<T>;
  return { value, source: "inferred" };
}

const MATERIAL =
  /(\d{1,3})\s?%\s?(organic cotton|recycled polyester|cotton|polyester|wool|merino wool|silk|linen|viscose|nylon|polyamide|elastane|spandex|acrylic|leather|bamboo|cashmere|baumwolle|wolle|coton|laine|algodón|lana|cotone)/g;

/** `80% cotton, 20% polyester` from the text, or a `custom.material` metafield word. */
function materialsOf(product: ProductFacts, haystack: string): MaterialShare[] {
  const found: MaterialShare[] = [];
  for (const m of haystack.matchAll(MATERIAL)) {
    const share = Number(m[1]);
    if (share > 0 && share <= 100 && m[2]) found.push({ material: m[2], share });
  }
  if (found.length > 0) return found;
  const field = product.metafields.find((f) => f.namespace === "custom" && f.key === "material");
  return field?.value ? [{ material: field.value.toLowerCase(), share: 100 }] : [];
}

function firstOf<T>(values: readonly T[], pick: (v: T) => string | null): string | null {
  for (const v of values) {
    const x = pick(v);
    if (x) return x;
  }
  return null;
}

/** Per category id: its code and which kind flags its prefixes give (categories repeat). */
interface CategoryInfo {
  code: string | null;
  flags: Partial<Record<KindFlag, boolean>>;
}
const CATEGORIES = new Map<string, CategoryInfo>();
const NO_CATEGORY: CategoryInfo = { code: null, flags: {} };

function categoryInfo(categoryId: string | null): CategoryInfo {
  if (!categoryId) return NO_CATEGORY;
  let info = CATEGORIES.get(categoryId);
  if (!info) {
    info = { code: categoryCode(categoryId), flags: {} };
    if (CATEGORIES.size >= 50_000) CATEGORIES.clear();
    CATEGORIES.set(categoryId, info);
  }
  return info;
}

/** hasPrefix(code, CATEGORY_PREFIXES[flag]), memoised per category. */
function categoryFlag(info: CategoryInfo, flag: KindFlag): boolean {
  let hit = info.flags[flag];
  if (hit === undefined) {
    hit = hasPrefix(info.code, CATEGORY_PREFIXES[flag]);
    if (info !== NO_CATEGORY) info.flags[flag] = hit;
  }
  return hit;
}

export function inferProfile(product: ProductFacts): ComplianceProfile {
  const { haystack } = productText(product);
  const category = categoryInfo(product.categoryId);
  const code = category.code;
  const byCategory = (flag: KindFlag) => categoryFlag(category, flag);
  // Text cues are the costly part of inference: each runs only when its answer matters.
  const byText = (flag: KindFlag) => TEXT_CUES[flag]?.test(haystack) ?? false;
  const leafName = product.categoryName?.split(" > ").pop() ?? "";

  const notPhysical =
    byCategory("notPhysical") ||
    /\b(gift ?card|service|digital download|e-?book)\b/i.test(product.productType ?? "");
  const battery =
    byCategory("batteryIncluded") ||
    (byText("batteryIncluded") && !BATTERY_NOT_INCLUDED.test(haystack));
  const electricalCategory = byCategory("electrical") && !NON_ELECTRICAL_NAME.test(leafName);
  // Text alone only counts for products without a category, so a "LED-look" mug stays a mug.
  const electrical = electricalCategory || battery || (code === null && byText("electrical"));
  const radio = electrical && (byCategory("radio") || byText("radio"));
  const mainsPowered = electrical && (byCategory("mainsPowered") || byText("mainsPowered"));
  const toy = byCategory("toy") || (code === null && byText("toy"));
  const forChildren = byCategory("forChildren") || toy || byText("forChildren");
  // Without a category, clothing, linen and shoes are known by their name (title and type).
  const name = code === null ? `${product.title} ${product.productType ?? ""}`.toLowerCase() : "";
  const footwear = byCategory("footwear") || (code === null && FOOTWEAR_NAME.test(name));
  const textile = byCategory("textile") || (code === null && !footwear && APPAREL_NAME.test(name));

  return {
    materials: inferred(materialsOf(product, haystack)),
    recycledContentPct: inferred(null),
    packaging: inferred([]),
    physical: inferred(!notPhysical),
    batteryIncluded: inferred(battery),
    electrical: inferred(electrical),
    radio: inferred(radio),
    mainsPowered: inferred(mainsPowered),
    textile: inferred(textile),
    footwear: inferred(footwear),
    toy: inferred(toy),
    cosmetic: inferred(byCategory("cosmetic")),
    foodContact: inferred(byCategory("foodContact")),
    forChildren: inferred(forChildren),
    furniture: inferred(byCategory("furniture")),
    sportsLeisure: inferred(byCategory("sportsLeisure")),
    diyGarden: inferred(byCategory("diyGarden")),
    ppe: inferred(byCategory("ppe") || (byCategory("sportsLeisure") && byText("ppe"))),
    countryOfOrigin: inferred(firstOf(product.variants, (v) => v.countryOfOrigin)),
    hsCode: inferred(firstOf(product.variants, (v) => v.hsCode)),
    manufacturer: inferred(null),
    euResponsiblePerson: inferred(null),
    safetyInfo: inferred({}),
    prop65: inferred(null),
  };
}

/** Merchant-confirmed values win; everything else keeps the inferred value and its mark. */
export function mergeProfile(
  base: ComplianceProfile,
  merchant: MerchantProfile | null | undefined,
): ComplianceProfile {
  if (!merchant) return base;
  const merged = { ...base } as Record<keyof ProfileValues, Sourced<unknown>>;
  for (const key of Object.keys(merchant) as (keyof ProfileValues)[]) {
    const value = merchant[key];
    if (value !== undefined) merged[key] = { value, source: "merchant" };
  }
  return merged as ComplianceProfile;
}

/** Is the product restricted in the heuristic sense (vapes, CBD, knives, OTC medicine)? */
export function looksRestricted(product: ProductFacts): boolean {
  return (
    categoryFlag(categoryInfo(product.categoryId), "restricted") ||
    (TEXT_CUES.restricted?.test(productText(product).haystack) ?? false)
  );
}
