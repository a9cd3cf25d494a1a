import { describe, expect, it } from "vitest";
import { readCategories } from "../taxonomy/categories";
import { CATEGORY_PREFIXES, categoryCode, hasPrefix } from "./taxonomy";

describe("taxonomy prefixes", () => {
  it("every prefix used for inference exists in the Shopify 2025-08 taxonomy", () => {
    const codes = new Set(readCategories().paths.keys());
    expect(codes.size).toBeGreaterThan(10_000);
    const missing = Object.values(CATEGORY_PREFIXES)
      .flat()
      .filter((p) => !codes.has(p));
    expect(missing).toEqual([]);
  });

  it("matches a prefix only at a code boundary", () => {
    expect(hasPrefix("hg-11-10-5-5", ["hg-11-10"])).toBe(true);
    expect(hasPrefix("hg-11-1", ["hg-11-10"])).toBe(false);
    expect(hasPrefix("hg-11-10", ["hg-11-1"])).toBe(false);
    expect(categoryCode("gid://shopify/TaxonomyCategory/aa-1-13-8")).toBe("aa-1-13-8");
    expect(categoryCode(null)).toBeNull();
  });
});
