import { describe, expect, it } from "vitest";
import {
  gtinCheckDigit,
  isValidGtin,
  makeGtin,
  withApostrophe,
  withBadCheckDigit,
  withSpaces,
  type GtinFormat,
} from "./barcodes";
import { gtinCheckDigit as exported } from "./generate";
import { TEMPLATES, RESTRICTED } from "./templates";
import { skuCode } from "./text";

describe("gtinCheckDigit", () => {
  it("matches published GS1 examples for every length", () => {
    expect(gtinCheckDigit("590123412345")).toBe(7); // EAN-13 5901234123457
    expect(gtinCheckDigit("400638133393")).toBe(1); // EAN-13 4006381333931
    expect(gtinCheckDigit("03600029145")).toBe(2); // UPC-A 036000291452
    expect(gtinCheckDigit("9638507")).toBe(4); // EAN-8 96385074
    expect(gtinCheckDigit("1590123412345")).toBe(4); // GTIN-14 with indicator 1
  });

  it("is re-exported from generate.ts", () => {
    expect(exported).toBe(gtinCheckDigit);
  });

  it("rejects non-digits", () => {
    expect(() => gtinCheckDigit("12a4")).toThrow();
  });
});

describe("barcode builders", () => {
  const formats: GtinFormat[] = ["GTIN-8", "GTIN-12", "GTIN-13", "GTIN-14"];
  const lengths: Record<GtinFormat, number> = {
    "GTIN-8": 8,
    "GTIN-12": 12,
    "GTIN-13": 13,
    "GTIN-14": 14,
  };

  it("makes valid GTINs of the right length", () => {
    for (const format of formats) {
      for (let serial = 0; serial < 500; serial += 7) {
        const code = makeGtin(format, 5, 1_234_567 + serial);
        expect(code).toHaveLength(lengths[format]);
        expect(isValidGtin(code)).toBe(true);
      }
    }
  });

  it("corrupts only the check digit", () => {
    for (let bump = 0; bump < 30; bump++) {
      const good = makeGtin("GTIN-13", 3, 42 + bump);
      const bad = withBadCheckDigit(good, bump);
      expect(bad.slice(0, -1)).toBe(good.slice(0, -1));
      expect(isValidGtin(bad)).toBe(false);
    }
  });

  it("formatting flaws keep the digits recoverable", () => {
    const code = makeGtin("GTIN-13", 2, 99);
    expect(withApostrophe(code)).toBe(`'${code}`);
    for (const style of [0, 1]) {
      const spaced = withSpaces(code, style);
      expect(spaced).not.toBe(code);
      expect(spaced.replace(/\s/g, "")).toBe(code);
    }
  });
});

describe("SKU option codes", () => {
  it("are distinct within every option of every template", () => {
    const templates = [...Object.values(TEMPLATES).flat(), ...RESTRICTED.map((r) => r.template)];
    for (const template of templates) {
      for (const option of template.options) {
        const codes = option.values.map(skuCode);
        expect(new Set(codes).size, `${template.taxonomy} ${option.name}: ${codes.join(",")}`).toBe(
          codes.length,
        );
      }
    }
  });
});
