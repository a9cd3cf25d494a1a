import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  TAXONOMY_FILE,
  categoriesTxt,
  compactCategories,
  parseCategories,
  readCategories,
  sha256,
} from "./categories";

const SAMPLE = [
  ["aa", "Apparel & Accessories"],
  ["aa-1", "Apparel & Accessories > Clothing"],
  ["aa-1-2", "Apparel & Accessories > Clothing > Shirts"],
  ["aa-1-2-10", "Apparel & Accessories > Clothing > Shirts > A > B"],
];
/** As Shopify publishes it: ids padded to the longest one. */
const SAMPLE_TXT =
  "# Shopify Product Taxonomy - Categories: 2099-01\n" +
  "# Format: {GID} : {Ancestor name} > ... > {Category name}\n\n" +
  SAMPLE.map(
    ([code, path]) => `gid://shopify/TaxonomyCategory/${code}`.padEnd(40) + ` : ${path}\n`,
  ).join("");

describe("the taxonomy shipped in app/taxonomy", () => {
  const shipped = readCategories();

  it("lives beside its module, whatever the working directory", () => {
    expect(TAXONOMY_FILE).toBe(path.join(import.meta.dirname, "shopify-categories.tsv"));
  });

  it("rebuilds Shopify's categories.txt byte for byte: every full path, as published", () => {
    expect(shipped.release).toBe("2025-08-unstable");
    expect(shipped.paths.size).toBe(10_595);
    // The checksum the generator recorded from Shopify's file (sha256sum of dist/en/categories.txt).
    expect(shipped.sourceSha256).toBe(
      "470dbab4304bb348291e9b5ef31bf27a5f0b189b59d7645066a16b67184a62b2",
    );
    expect(sha256(categoriesTxt(shipped))).toBe(shipped.sourceSha256);
    expect(shipped.paths.get("aa-1-13-8")).toBe(
      "Apparel & Accessories > Clothing > Clothing Tops > T-Shirts",
    );
    expect(shipped.paths.get("hg-11-7-53")).toBe(
      "Home & Garden > Kitchen & Dining > Kitchen Appliances > Air Fryers",
    );
  });
});

describe("compactCategories", () => {
  it("keeps each category's own name and rebuilds the source exactly", () => {
    expect(SAMPLE_TXT).toContain("TaxonomyCategory/aa        : Apparel & Accessories\n");
    const compact = compactCategories(SAMPLE_TXT);
    expect(compact).toContain("\naa-1-2\tShirts\n");
    // A name may hold " > " itself: it is whatever extends the parent's path.
    expect(compact).toContain("\naa-1-2-10\tA > B\n");
    expect(compact).toContain("# release: 2099-01\n");
    expect(compact).toContain(`# categories.txt sha256: ${sha256(SAMPLE_TXT)}\n`);
    const parsed = parseCategories(compact);
    expect(categoriesTxt(parsed)).toBe(SAMPLE_TXT);
    expect([...parsed.paths]).toEqual([...parseCategories(SAMPLE_TXT).paths]);
  });

  it("refuses a category without its parent, or whose path does not extend the parent's", () => {
    const orphan = SAMPLE_TXT.replace(/^gid:\/\/shopify\/TaxonomyCategory\/aa-1 .*\n/m, "");
    expect(() => compactCategories(orphan)).toThrow(/aa-1-2 has no parent/);
    const moved = SAMPLE_TXT.replace("Clothing > Shirts\n", "Apparel > Shirts\n");
    expect(() => compactCategories(moved)).toThrow(/aa-1-2 .* does not extend its parent/);
  });

  it("refuses a compact file whose lines lost their parents", () => {
    expect(() => parseCategories("aa\tApparel\naa-1-2\tShirts\n")).toThrow(/no parent/);
  });
});
