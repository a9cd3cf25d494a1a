/**
 * The deliberate catalogue flaws the demo store carries, and the rate of each.
 *
 * Every rate is "one in N", placed with `everyNth` (stratified: exactly one hit in every block of
 * N consecutive products or barcoded variants, at a seeded position). Rates are therefore stable
 * across seeds and sizes, and any flaw with N <= 320 shows up at the default size. Hits of
 * different kinds can land on the same product; where two kinds conflict the stronger one wins
 * (over-long title beats long title, ARCHIVED beats DRAFT).
 *
 * Product level (N = one in N products):
 *   missingBarcodes       6   no barcode on any variant                         ~16.7%
 *   longTitle             8   keyword-stuffed title of 81-150 characters        ~12.5%
 *   overlongTitle        40   title over 200 characters                          2.5%
 *   bannedCharsTitle     30   `!`, `$` or `{` in the title                       ~3.3%
 *   singleImage          10   exactly one image                                   10%
 *   lowResImage          12   one image with both sides under 500 px             ~8.3%
 *   greenClaim           15   generic green claim in title, description or alt  ~6.7%
 *                             (cycles en/de/fr/es phrases: eco-friendly, environmentally
 *                             friendly, umweltfreundlich, écologique, respetuoso con el medio
 *                             ambiente, carbon neutral, climate neutral)
 *   placeholderVendor    20   vendor "My Store", the shop name or the factory     5%
 *   missingSeoTitle       4   seo.title null                                      25%
 *   missingSeoDescription 3   seo.description null                               ~33%
 *   shortDescription     20   main copy under 40 characters or empty (a Russian     5%
 *                             line or a green claim may still follow it)
 *   missingUnitCost      15   no unit cost on any variant                        ~6.7%
 *   missingWeight        18   no weight on any variant                           ~5.6%
 *   missingHsCode         7   no HS code                                         ~14.3%
 *   missingOrigin        20   no country of origin                                5%
 *   missingSku           40   no SKU on any variant                               2.5%
 *   draft                25   status DRAFT                                         4%
 *   archived             40   status ARCHIVED                                     2.5%
 *   restricted           64   restricted good (vape, knife, CBD, lithium battery  ~1.6%
 *                             pack, OTC medicine, in rotation)
 *
 * Barcoded-variant level (N = one in N variants that carry a barcode):
 *   badCheckDigit        25   GTIN with a wrong GS1 check digit                    4%
 *   apostropheBarcode    40   leading apostrophe ('6901234567892)                2.5%
 *   spacedBarcode        40   padded or grouped with spaces                      2.5%
 *   (a corrupted check digit can also carry an apostrophe; the format flaws exclude each other)
 *
 * Valid barcodes are GTIN-13 (GS1 China prefix) except one in 5 products on GTIN-12 (UPC), one
 * in 16 on GTIN-8 and one in 17 on GTIN-14 (see products.ts `gtinFormat`).
 *
 * Not generated on purpose ("missing certificates"): no product carries a certificate metafield,
 * so every electronics and toys product lacks its CE/FCC/UKCA/EN 71 evidence.
 */
import { everyNth, nthOccurrence } from "./random";

export const PRODUCT_FLAW_PERIODS = {
  missingBarcodes: 6,
  longTitle: 8,
  overlongTitle: 40,
  bannedCharsTitle: 30,
  singleImage: 10,
  lowResImage: 12,
  greenClaim: 15,
  placeholderVendor: 20,
  missingSeoTitle: 4,
  missingSeoDescription: 3,
  shortDescription: 20,
  missingUnitCost: 15,
  missingWeight: 18,
  missingHsCode: 7,
  missingOrigin: 20,
  missingSku: 40,
  draft: 25,
  archived: 40,
  restricted: 64,
} as const;

export const VARIANT_FLAW_PERIODS = {
  badCheckDigit: 25,
  apostropheBarcode: 40,
  spacedBarcode: 40,
} as const;

/** Russian copy is not a flaw, just a trait of some listings: one in 6 products. */
export const RUSSIAN_TEXT_PERIOD = 6;

export type ProductFlaw = keyof typeof PRODUCT_FLAW_PERIODS;
export type VariantFlaw = keyof typeof VARIANT_FLAW_PERIODS;
export type FlawKind = ProductFlaw | VariantFlaw;

export const FLAW_KINDS: readonly FlawKind[] = [
  ...(Object.keys(PRODUCT_FLAW_PERIODS) as ProductFlaw[]),
  ...(Object.keys(VARIANT_FLAW_PERIODS) as VariantFlaw[]),
];

const PRODUCT_FLAWS = Object.keys(PRODUCT_FLAW_PERIODS) as ProductFlaw[];
const FLAW_BIT = new Map(PRODUCT_FLAWS.map((kind, i) => [kind, 1 << i] as const));

/** Which product-level flaws hit product `index`, and which occurrence of each it is. */
export class ProductFlaws {
  /** One bit per kind, computed once: `has` is asked several times per kind per product. */
  private readonly bits: number;

  constructor(
    seed: number,
    private readonly index: number,
  ) {
    let bits = 0;
    for (const kind of PRODUCT_FLAWS) {
      if (everyNth(seed, kind, index, PRODUCT_FLAW_PERIODS[kind])) bits |= FLAW_BIT.get(kind) ?? 0;
    }
    this.bits = bits;
  }

  has(kind: ProductFlaw): boolean {
    return (this.bits & (FLAW_BIT.get(kind) ?? 0)) !== 0;
  }

  /** 0 for the first product hit by `kind`, 1 for the second...: used to rotate flaw variants. */
  occurrence(kind: ProductFlaw): number {
    return nthOccurrence(this.index, PRODUCT_FLAW_PERIODS[kind]);
  }
}

export function variantHas(seed: number, kind: VariantFlaw, barcodeSerial: number): boolean {
  return everyNth(seed, kind, barcodeSerial, VARIANT_FLAW_PERIODS[kind]);
}

/** Answer key: the ids of the products (or variants) carrying each flaw. */
export type FlawManifest = Record<FlawKind, string[]>;

export function emptyManifest(): FlawManifest {
  const manifest = {} as FlawManifest;
  for (const kind of FLAW_KINDS) manifest[kind] = [];
  return manifest;
}
