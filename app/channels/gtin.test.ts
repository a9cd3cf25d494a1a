import { describe, expect, it } from "vitest";
import { gtinProblem, gtinStoredClean, isValidGtin, normalizeGtin } from "./gtin";

// Valid examples per length (check digits computed by hand with GS1 mod-10).
const VALID = {
  8: "96385074",
  12: "036000291452",
  13: "4006381333931",
  14: "10614141000415",
} as const;

/** Same number with the check digit bumped by one: always invalid. */
const corrupt = (gtin: string) => gtin.slice(0, -1) + String((Number(gtin.slice(-1)) + 1) % 10);

describe("GTIN", () => {
  for (const [length, gtin] of Object.entries(VALID)) {
    it(`accepts a valid GTIN-${length} and rejects a wrong check digit`, () => {
      expect(gtin).toHaveLength(Number(length));
      expect(isValidGtin(gtin)).toBe(true);
      expect(gtinProblem(gtin)).toBeNull();
      expect(gtinProblem(corrupt(gtin))).toBe("check_digit");
      expect(isValidGtin(corrupt(gtin))).toBe(false);
    });
  }

  it("strips a leading apostrophe, spaces and hyphens", () => {
    expect(normalizeGtin("'4006381333931")).toBe("4006381333931");
    expect(normalizeGtin(" 400 6381 33393 1 ")).toBe("4006381333931");
    expect(normalizeGtin("4-006381-333931")).toBe("4006381333931");
    expect(isValidGtin("'4006381333931")).toBe(true);
    expect(isValidGtin("0360 0029 1452")).toBe(true);
    expect(gtinStoredClean("'4006381333931")).toBe(false);
    expect(gtinStoredClean("4006381333931")).toBe(true);
  });

  it("reports missing, wrong lengths and non-digits", () => {
    expect(gtinProblem(null)).toBe("missing");
    expect(gtinProblem("")).toBe("missing");
    expect(gtinProblem("'")).toBe("missing");
    expect(normalizeGtin(null)).toBeNull();
    expect(gtinProblem("1234567")).toBe("length");
    expect(gtinProblem("123456789")).toBe("length");
    expect(gtinProblem("12345678901")).toBe("length");
    expect(gtinProblem("123456789012345")).toBe("length");
    expect(gtinProblem("40063813339X1")).toBe("format");
    expect(gtinProblem("ABC-123")).toBe("format");
  });
});
