import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TAXONOMY } from "./categories";

const TAXONOMY_FILE = "/work/shared/data/taxonomy/shopify-2025-08/dist_en/categories.txt";

/** Parses lines like `gid://shopify/TaxonomyCategory/aa-1-13-8 : Apparel & Accessories > ...`. */
function loadTaxonomy(): Map<string, string> {
  const byId = new Map<string, string>();
  for (const line of readFileSync(TAXONOMY_FILE, "utf8").split("\n")) {
    if (!line.startsWith("gid://")) continue;
    const sep = line.indexOf(" : ");
    byId.set(line.slice(0, sep).trim(), line.slice(sep + 3).trim());
  }
  return byId;
}

describe("hard-coded taxonomy categories", () => {
  const taxonomy = loadTaxonomy();

  it("loaded the taxonomy file", () => {
    expect(taxonomy.size).toBeGreaterThan(10000);
  });

  for (const [key, category] of Object.entries(TAXONOMY)) {
    it(`${key} (${category.id}) exists with exactly that full name`, () => {
      expect(taxonomy.get(category.id)).toBe(category.fullName);
      expect(category.fullName.endsWith(` > ${category.name}`)).toBe(true);
    });
  }
});
