/**
 * How the catalogue is spread over seed categories, and the short codes that go into SKUs and
 * barcodes per category and brand.
 */
import { SEED_CATEGORIES, type SeedCategory } from "./categories";
import { BRANDS } from "./vocab";

/** Share of the catalogue per seed category (sums to 100). */
const CATEGORY_WEIGHTS: Record<SeedCategory, number> = {
  home: 16,
  electronics: 14,
  apparel: 16,
  beauty: 10,
  toys: 10,
  collectibles: 8,
  auto_parts: 8,
  winter_sports: 10,
  small_appliances: 8,
};

/**
 * A 100-slot category cycle built by smooth weighted round-robin: exact shares per 100 products
 * and categories interleaved (no long runs of one category), with no state to carry around.
 */
export const CATEGORY_CYCLE: readonly SeedCategory[] = (() => {
  const current = new Map<SeedCategory, number>(SEED_CATEGORIES.map((c) => [c, 0]));
  const cycle: SeedCategory[] = [];
  for (let slot = 0; slot < 100; slot++) {
    let best: SeedCategory = SEED_CATEGORIES[0];
    for (const c of SEED_CATEGORIES) {
      current.set(c, (current.get(c) ?? 0) + CATEGORY_WEIGHTS[c]);
      if ((current.get(c) ?? 0) > (current.get(best) ?? 0)) best = c;
    }
    current.set(best, (current.get(best) ?? 0) - 100);
    cycle.push(best);
  }
  return cycle;
})();

export const CATEGORY_CODES: Record<SeedCategory, string> = {
  home: "HOM",
  electronics: "ELE",
  apparel: "APP",
  beauty: "BEA",
  toys: "TOY",
  collectibles: "COL",
  auto_parts: "AUT",
  winter_sports: "WIN",
  small_appliances: "SMA",
};

/** A stable small number per brand, used as the brand's GS1 company-prefix digits. */
export const BRAND_NUMBERS = new Map<string, number>(
  Object.values(BRANDS)
    .flat()
    .map((b, i) => [b.code, i + 2] as const),
);
