/**
 * Taxonomy helpers. Shopify category gids end in a code whose ancestors are its dash-prefixes
 * (`hg-11-7-53` -> `hg-11-7` -> `hg-11` -> `hg`), so "is this product under X" is a prefix walk.
 * Every code used by the packs is listed in `TAXONOMY_CODES_USED` and checked against the
 * Shopify Standard Product Taxonomy 2025-08 (app/taxonomy) by taxonomy.test.ts.
 */

const GID_PREFIX = "gid://shopify/TaxonomyCategory/";

/** The category code of a gid (`gid://shopify/TaxonomyCategory/el-4-8` -> `el-4-8`), or null. */
export function categoryCode(categoryId: string | null): string | null {
  if (!categoryId) return null;
  const code = categoryId.startsWith(GID_PREFIX) ? categoryId.slice(GID_PREFIX.length) : categoryId;
  return /^[a-z]{2}(-\d+)*$/.test(code) ? code : null;
}

/** The code and its ancestors, most specific first. */
export function ancestorsOf(code: string): string[] {
  const out = [code];
  for (let i = code.lastIndexOf("-"); i > 0; i = code.lastIndexOf("-", i - 1)) {
    out.push(code.slice(0, i));
  }
  return out;
}

/** The most specific entry of `table` that `code` falls under, if any. */
export function lookupByPrefix<T>(
  table: ReadonlyMap<string, T>,
  code: string | null,
): T | undefined {
  if (code === null) return undefined;
  for (const prefix of ancestorsOf(code)) {
    const hit = table.get(prefix);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Every code any pack or the goods table names (filled in by the modules that use them). */
export const TAXONOMY_CODES_USED = new Set<string>();

export function registerCodes(codes: readonly string[]): readonly string[] {
  for (const code of codes) TAXONOMY_CODES_USED.add(code);
  return codes;
}
