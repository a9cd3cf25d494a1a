import { describe, expect, it } from "vitest";
import { GID_PREFIX, readCategories } from "../../app/taxonomy/categories";
import { TAXONOMY } from "./categories";

describe("hard-coded taxonomy categories", () => {
  // The taxonomy the app ships, keyed by gid as the simulator's categories are.
  const taxonomy = new Map(
    [...readCategories().paths].map(([code, fullName]) => [GID_PREFIX + code, fullName]),
  );

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
