/**
 * Builds one SimProduct from its index. Each product draws from its own seeded stream
 * (seed, index), so product #n is the same whatever the catalogue size: a 320-product store is a
 * prefix of a 100k one.
 */
import type { SimMetafield, SimProduct } from "../store";
import { TAXONOMY } from "./categories";
import { BRAND_NUMBERS, CATEGORY_CODES, CATEGORY_CYCLE } from "./category-mix";
import type { GtinFormat } from "./barcodes";
import { ProductFlaws, type FlawManifest, type ProductFlaw } from "./flaws";
import { buildMedia } from "./product-media";
import { writeCopy, type GreenPlacement } from "./product-copy";
import { Rng, everyNth } from "./random";
import { RESTRICTED, TEMPLATES, type ProductTemplate } from "./templates";
import { DAY_MS, HOUR_MS, iso } from "./time";
import { cat, slugify } from "./text";
import { buildVariants, type VariantContext } from "./variants";
import { BRANDS, GREEN_CLAIMS, PLACEHOLDER_VENDORS, type Brand } from "./vocab";

/** Products are created over the two years before `now`. */
const CATALOGUE_AGE_DAYS = 720;
const RATING_RATE = 0.35;
const MATERIAL_RATE = 0.5;
const SALE_RATE = 0.2;
const UNTRACKED_RATE = 0.05;
const EXTRA_TAGS = [
  "new",
  "gift idea",
  "ships from CN",
  "limited edition",
  "creator pick",
  "bfcm-2026",
] as const;

export interface HandleRegistry {
  used: Set<string>;
  /** Last numeric suffix tried per base handle, so duplicates do not rescan from -2. */
  nextSuffix: Map<string, number>;
}

export interface ProductContext extends VariantContext {
  nowMs: number;
  shopName: string;
  handles: HandleRegistry;
  manifest: FlawManifest;
}

function chooseTemplate(seed: number, index: number, rng: Rng, flaws: ProductFlaws) {
  if (flaws.has("restricted")) {
    const entry = RESTRICTED[flaws.occurrence("restricted") % RESTRICTED.length];
    if (entry) return { seedCategory: entry.seedCategory, template: entry.template };
  }
  // Start the cycle at a seed-dependent slot (non-negative even for negative seeds).
  const seedCategory = CATEGORY_CYCLE[(index + (((seed % 100) + 100) % 100)) % 100] ?? "home";
  return { seedCategory, template: rng.pick(TEMPLATES[seedCategory]) };
}

const words = (text: string) => text.toLowerCase().split(/[\s-]+/);

/** An adjective that does not repeat a word of the noun ("Cable Knit Knit Gloves"). */
function adjectiveFor(rng: Rng, adjectives: readonly string[], noun: string): string {
  const nounWords = new Set(words(noun));
  let adjective = rng.pick(adjectives);
  for (let tries = 0; tries < 6 && words(adjective).some((w) => nounWords.has(w)); tries++) {
    adjective = rng.pick(adjectives);
  }
  return adjective;
}

/** Shopify's rule for duplicate handles: append -2, -3, ... until the handle is free. */
function uniqueHandle(handles: HandleRegistry, title: string): string {
  const base = slugify(title);
  let handle = base;
  let n = handles.nextSuffix.get(base) ?? 1;
  while (handles.used.has(handle)) handle = `${base}-${++n}`;
  handles.nextSuffix.set(base, n);
  handles.used.add(handle);
  return handle;
}

function gtinFormat(seed: number, index: number): GtinFormat {
  // Stratified so every format shows up in a small store; GTIN-13 (EAN) dominates, as in China.
  if (everyNth(seed, "gtin14", index, 17)) return "GTIN-14";
  if (everyNth(seed, "gtin8", index, 16)) return "GTIN-8";
  if (everyNth(seed, "gtin12", index, 5)) return "GTIN-12";
  return "GTIN-13";
}

function vendorOf(flaws: ProductFlaws, brand: Brand, shopName: string): string {
  if (!flaws.has("placeholderVendor")) return brand.vendor;
  const placeholder =
    PLACEHOLDER_VENDORS[flaws.occurrence("placeholderVendor") % PLACEHOLDER_VENDORS.length];
  return (placeholder ?? "My Store").replace("{shop}", shopName);
}

function greenClaimOf(flaws: ProductFlaws) {
  if (!flaws.has("greenClaim")) return null;
  const n = flaws.occurrence("greenClaim");
  const claim = GREEN_CLAIMS[n % GREEN_CLAIMS.length];
  if (!claim) return null;
  // English claims rotate through title, description and alt text; translations sit in the copy.
  const placements: readonly GreenPlacement[] = ["title", "description", "alt"];
  const placement: GreenPlacement =
    claim.lang === "en"
      ? (placements[Math.floor(n / GREEN_CLAIMS.length) % 3] ?? "description")
      : "description";
  return { claim, placement };
}

function metafieldsOf(
  ctx: ProductContext,
  rng: Rng,
  template: ProductTemplate,
  material: string | null,
  updatedAt: string,
): SimMetafield[] {
  const fields: SimMetafield[] = [];
  const add = (namespace: string, key: string, type: string, value: string) =>
    fields.push({ id: ctx.ids.metafield.next(), namespace, key, type, value, updatedAt });
  if (rng.chance(RATING_RATE)) {
    // Review apps skew positive: ratings between 3.6 and 5.0.
    const rating = (3.6 + rng.int(0, 14) / 10).toFixed(1);
    add(
      "reviews",
      "rating",
      "rating",
      JSON.stringify({ value: rating, scale_min: "1.0", scale_max: "5.0" }),
    );
    add("reviews", "rating_count", "number_integer", String(rng.int(3, 2400)));
  }
  if (material && template.materials) add("custom", "material", "single_line_text_field", material);
  return fields;
}

export function buildProduct(ctx: ProductContext, index: number): SimProduct {
  const { seed, nowMs, manifest } = ctx;
  const rng = new Rng(seed, "product", index);
  const flaws = new ProductFlaws(seed, index);
  const { seedCategory, template } = chooseTemplate(seed, index, rng, flaws);
  const brand = rng.pick(BRANDS[seedCategory]);
  const vendor = vendorOf(flaws, brand, ctx.shopName);
  const noun = rng.pick(template.nouns);
  const adjective = adjectiveFor(rng, template.adjectives, noun);
  const material =
    template.materials && rng.chance(MATERIAL_RATE) ? rng.pick(template.materials) : null;
  const priceUsd = template.price[0] + rng.next() * (template.price[1] - template.price[0]);
  const green = greenClaimOf(flaws);

  const copy = writeCopy({
    rng,
    seed,
    index,
    flaws,
    seedCategory,
    template,
    vendor: brand.vendor,
    noun,
    adjective,
    material,
    priceLabel: Math.floor(priceUsd) + ".99",
    green,
  });
  const handle = uniqueHandle(ctx.handles, copy.title);

  const createdMs = nowMs - rng.next() * CATALOGUE_AGE_DAYS * DAY_MS;
  const updatedMs = createdMs + rng.next() * (nowMs - createdMs);
  const status: SimProduct["status"] = flaws.has("archived")
    ? "ARCHIVED"
    : flaws.has("draft")
      ? "DRAFT"
      : "ACTIVE";
  const createdAt = iso(createdMs);
  const updatedAt = iso(updatedMs);

  const { options, variants } = buildVariants(ctx, {
    rng,
    flaws,
    options: template.options,
    skuPrefix: cat(
      brand.code,
      "-",
      CATEGORY_CODES[seedCategory],
      "-",
      String(index + 1).padStart(5, "0"),
    ),
    brandNumber: BRAND_NUMBERS.get(brand.code) ?? 1,
    gtinFormat: gtinFormat(seed, index),
    priceUsd,
    priceEnding: rng.next(),
    saleMarkup: rng.chance(SALE_RATE) ? 1.15 + rng.next() * 0.35 : null,
    margin: 0.15 + rng.next() * 0.55,
    grams: template.grams[0] + rng.next() * (template.grams[1] - template.grams[0]),
    weightUnit: rng.weighted([
      ["GRAMS", 75],
      ["KILOGRAMS", 15],
      ["POUNDS", 10],
    ] as const),
    tracked: !rng.chance(UNTRACKED_RATE),
    origin: flaws.has("missingOrigin")
      ? null
      : rng.weighted([
          ["CN", 90],
          ["VN", 5],
          ["US", 3],
          ["TW", 2],
        ] as const),
    hsCode: flaws.has("missingHsCode") ? null : template.hs,
    createdAt,
    updatedAt,
  });

  const media = buildMedia({
    rng,
    ids: ctx.ids,
    handle,
    baseTitle: copy.baseTitle,
    noun,
    singleImage: flaws.has("singleImage"),
    lowRes: flaws.has("lowResImage"),
    greenAlt: green?.placement === "alt" ? green.claim.phrase : null,
  });

  const tags = new Set<string>([
    ...rng.sample(template.tags, rng.int(1, 3)),
    ...rng.sample(EXTRA_TAGS, rng.int(0, 2)),
  ]);
  if (variants.some((v) => v.compareAtPrice !== null)) tags.add("sale");
  if (green) tags.add("eco");

  const product: SimProduct = {
    id: ctx.ids.product.next(),
    title: copy.title,
    handle,
    vendor,
    productType: template.productType,
    descriptionHtml: copy.descriptionHtml,
    status,
    tags: [...tags].sort(),
    category: { ...TAXONOMY[template.taxonomy] }, // own copy: products must not share objects
    seo: copy.seo,
    options,
    createdAt,
    updatedAt,
    publishedAt:
      status === "ACTIVE" ? iso(Math.min(createdMs + rng.next() * 6 * HOUR_MS, nowMs)) : null,
    variants,
    media,
    metafields: metafieldsOf(ctx, rng, template, material, updatedAt),
    seedCategory,
  };
  recordFlaws(manifest, flaws, product);
  return product;
}

const PRODUCT_LEVEL: readonly ProductFlaw[] = [
  "missingBarcodes",
  "overlongTitle",
  "bannedCharsTitle",
  "singleImage",
  "lowResImage",
  "greenClaim",
  "placeholderVendor",
  "missingSeoTitle",
  "missingSeoDescription",
  "shortDescription",
  "missingUnitCost",
  "missingWeight",
  "missingHsCode",
  "missingOrigin",
  "missingSku",
  "archived",
  "restricted",
];

function recordFlaws(manifest: FlawManifest, flaws: ProductFlaws, product: SimProduct): void {
  for (const kind of PRODUCT_LEVEL) if (flaws.has(kind)) manifest[kind].push(product.id);
  // Conflicting kinds: the stronger one wins, so only record the weaker when it applied.
  if (flaws.has("longTitle") && !flaws.has("overlongTitle")) manifest.longTitle.push(product.id);
  if (product.status === "DRAFT") manifest.draft.push(product.id);
}
