import { describe, expect, it } from "vitest";
import { readCategories } from "../taxonomy/categories";
import "./packs";
import { TAXONOMY_CODES_USED, ancestorsOf, categoryCode } from "./taxonomy";

describe("taxonomy", () => {
  it("every category prefix the packs and goods table use exists in the taxonomy", () => {
    const known = new Set(readCategories().paths.keys());
    expect(known.size).toBeGreaterThan(10_000);
    expect(TAXONOMY_CODES_USED.size).toBeGreaterThan(40);
    const unknown = [...TAXONOMY_CODES_USED].filter((code) => !known.has(code));
    expect(unknown).toEqual([]);
  });

  it("parses gids and walks ancestors", () => {
    expect(categoryCode("gid://shopify/TaxonomyCategory/hg-11-7-53")).toBe("hg-11-7-53");
    expect(categoryCode("Home & Garden")).toBeNull();
    expect(categoryCode(null)).toBeNull();
    expect(ancestorsOf("hg-11-7-53")).toEqual(["hg-11-7-53", "hg-11-7", "hg-11", "hg"]);
  });
});
