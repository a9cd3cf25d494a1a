import { describe, expect, it } from "vitest";
import type { SimProduct, SimVariant } from "../store";
import { isValidGtin } from "./barcodes";
import { TAXONOMY } from "./categories";
import { FLAW_KINDS, PRODUCT_FLAW_PERIODS, VARIANT_FLAW_PERIODS, generateDemo } from "./generate";
import { GREEN_CLAIMS, PLACEHOLDER_VENDORS } from "./vocab";

const { store, manifest } = generateDemo();
const products = new Map(store.products.map((p) => [p.id, p]));
const variants = new Map<string, SimVariant>(
  store.products.flatMap((p) => p.variants.map((v) => [v.id, v] as const)),
);
const flawed = (kind: keyof typeof manifest): SimProduct[] =>
  manifest[kind].map((id) => products.get(id) as SimProduct);
const text = (html: string) => html.replace(/<[^>]+>/g, "").trim();

describe("flaw manifest", () => {
  it("has every flaw kind at least once in the default store", () => {
    for (const kind of FLAW_KINDS) expect(manifest[kind].length, kind).toBeGreaterThan(0);
  });

  it("hits products at the documented one-in-N rates", () => {
    const n = store.products.length;
    for (const [kind, period] of Object.entries(PRODUCT_FLAW_PERIODS)) {
      if (kind === "longTitle" || kind === "draft") continue; // displaced by stronger kinds
      expect(
        manifest[kind as keyof typeof PRODUCT_FLAW_PERIODS].length,
        kind,
      ).toBeGreaterThanOrEqual(Math.floor(n / period));
      expect(manifest[kind as keyof typeof PRODUCT_FLAW_PERIODS].length, kind).toBeLessThanOrEqual(
        Math.ceil(n / period),
      );
    }
  });

  it("only names real products and variants", () => {
    for (const kind of FLAW_KINDS) {
      for (const id of manifest[kind]) {
        const known = kind in VARIANT_FLAW_PERIODS ? variants.has(id) : products.has(id);
        expect(known, `${kind} ${id}`).toBe(true);
      }
    }
  });
});

describe("barcodes", () => {
  const bad = new Set(manifest.badCheckDigit);
  const withBarcode = [...variants.values()].filter((v) => v.barcode !== null);

  it("are missing on whole products", () => {
    for (const p of flawed("missingBarcodes"))
      for (const v of p.variants) expect(v.barcode).toBeNull();
  });

  it("have valid GS1 check digits, except exactly the corrupted ones", () => {
    for (const v of withBarcode) {
      const digits = (v.barcode ?? "").replace(/^'/, "").replace(/\s/g, "");
      expect(digits).toMatch(/^(\d{8}|\d{12,14})$/);
      expect(isValidGtin(digits), `${v.id} ${v.barcode}`).toBe(!bad.has(v.id));
    }
  });

  it("come in all four GTIN lengths", () => {
    const lengths = new Set(
      withBarcode
        .filter((v) => !bad.has(v.id))
        .map((v) => (v.barcode ?? "").replace(/\D/g, "").length),
    );
    expect([...lengths].sort()).toEqual([12, 13, 14, 8]);
  });

  it("carry leading apostrophes or spaces where the manifest says so", () => {
    for (const id of manifest.apostropheBarcode)
      expect(variants.get(id)?.barcode).toMatch(/^'\d+$/);
    for (const id of manifest.spacedBarcode) expect(variants.get(id)?.barcode).toMatch(/\s/);
    const clean = withBarcode.filter(
      (v) => !manifest.apostropheBarcode.includes(v.id) && !manifest.spacedBarcode.includes(v.id),
    );
    for (const v of clean) expect(v.barcode).toMatch(/^\d+$/);
  });
});

describe("titles", () => {
  it("has keyword-stuffed titles of 81-150 characters", () => {
    for (const p of flawed("longTitle")) {
      expect(p.title.length, p.title).toBeGreaterThanOrEqual(81);
      expect(p.title.length, p.title).toBeLessThanOrEqual(150);
    }
  });

  it("has over-long titles above 200 characters (and within Shopify's 255)", () => {
    for (const p of flawed("overlongTitle")) {
      expect(p.title.length).toBeGreaterThan(200);
      expect(p.title.length).toBeLessThanOrEqual(255);
    }
  });

  it("keeps ordinary titles short and free of banned characters", () => {
    const flaggedIds = new Set([...manifest.longTitle, ...manifest.overlongTitle]);
    for (const p of store.products)
      if (!flaggedIds.has(p.id)) expect(p.title.length, p.title).toBeLessThanOrEqual(80);
    const banned = new Set(manifest.bannedCharsTitle);
    for (const p of store.products) expect(/[!${]/.test(p.title), p.title).toBe(banned.has(p.id));
  });

  it("uses each banned character at least once", () => {
    const titles = flawed("bannedCharsTitle")
      .map((p) => p.title)
      .join(" ");
    for (const ch of ["!", "$", "{"]) expect(titles).toContain(ch);
  });
});

describe("images", () => {
  it("has single-image products", () => {
    for (const p of flawed("singleImage")) expect(p.media).toHaveLength(1);
  });

  it("has a low-resolution image exactly on the flagged products", () => {
    const low = new Set(manifest.lowResImage);
    for (const p of store.products) {
      expect(
        p.media.some((m) => Math.max(m.width, m.height) < 500),
        p.handle,
      ).toBe(low.has(p.id));
    }
  });

  it("leaves some alt text empty and uses several aspect ratios", () => {
    const media = store.products.flatMap((p) => p.media);
    expect(media.some((m) => m.alt === null)).toBe(true);
    expect(media.some((m) => m.alt !== null)).toBe(true);
    expect(new Set(media.map((m) => (m.width / m.height).toFixed(2))).size).toBeGreaterThanOrEqual(
      5,
    );
  });
});

describe("green claims", () => {
  const haystack = (p: SimProduct) =>
    [p.title, p.descriptionHtml, ...p.media.map((m) => m.alt ?? "")].join("\n").toLowerCase();

  it("puts a generic claim on every flagged product, and only there", () => {
    const flagged = new Set(manifest.greenClaim);
    for (const p of store.products) {
      const has = GREEN_CLAIMS.some((c) => haystack(p).includes(c.phrase));
      expect(has, p.title).toBe(flagged.has(p.id));
    }
  });

  it("uses every phrase, in at least four languages, in titles, descriptions and alt text", () => {
    const all = flawed("greenClaim");
    const used = GREEN_CLAIMS.filter((c) => all.some((p) => haystack(p).includes(c.phrase)));
    expect(used.map((c) => c.phrase)).toEqual(GREEN_CLAIMS.map((c) => c.phrase));
    expect(new Set(used.map((c) => c.lang)).size).toBeGreaterThanOrEqual(4);
    const phrases = GREEN_CLAIMS.map((c) => c.phrase);
    const inPlace = (get: (p: SimProduct) => string) =>
      all.some((p) => phrases.some((ph) => get(p).toLowerCase().includes(ph)));
    expect(inPlace((p) => p.title)).toBe(true);
    expect(inPlace((p) => p.descriptionHtml)).toBe(true);
    expect(inPlace((p) => p.media.map((m) => m.alt ?? "").join(" "))).toBe(true);
  });
});

describe("copy, vendor and data gaps", () => {
  it("uses placeholder vendors, including the shop's own name", () => {
    const vendors = new Set(flawed("placeholderVendor").map((p) => p.vendor));
    const expected = PLACEHOLDER_VENDORS.map((v) => v.replace("{shop}", store.shop.name));
    for (const v of vendors) expect(expected).toContain(v);
    expect(vendors.has("My Store")).toBe(true);
    expect(vendors.has(store.shop.name)).toBe(true);
  });

  it("has very short descriptions and some Russian copy", () => {
    for (const p of flawed("shortDescription"))
      expect(text(p.descriptionHtml.split("\n")[0] ?? "").length).toBeLessThan(40);
    expect(store.products.some((p) => /[а-яё]{4,}/i.test(p.descriptionHtml))).toBe(true);
    expect(store.products.filter((p) => !/[а-яё]/i.test(p.descriptionHtml)).length).toBeGreaterThan(
      store.products.length / 2,
    );
  });

  it("leaves SEO fields, costs, weights, HS codes, origins and SKUs missing where flagged", () => {
    for (const p of flawed("missingSeoTitle")) expect(p.seo.title).toBeNull();
    for (const p of flawed("missingSeoDescription")) expect(p.seo.description).toBeNull();
    for (const p of flawed("missingUnitCost"))
      for (const v of p.variants) expect(v.inventoryItem.unitCost).toBeNull();
    for (const p of flawed("missingWeight"))
      for (const v of p.variants) expect(v.inventoryItem.weight).toBeNull();
    for (const p of flawed("missingHsCode"))
      for (const v of p.variants) expect(v.inventoryItem.harmonizedSystemCode).toBeNull();
    for (const p of flawed("missingOrigin"))
      for (const v of p.variants) expect(v.inventoryItem.countryCodeOfOrigin).toBeNull();
    for (const p of flawed("missingSku")) for (const v of p.variants) expect(v.sku).toBeNull();
    const costs = store.products
      .flatMap((p) => p.variants)
      .filter((v) => v.inventoryItem.unitCost !== null);
    expect(costs.length).toBeGreaterThan(store.products.length);
  });

  it("has DRAFT and ARCHIVED products", () => {
    for (const p of flawed("draft")) expect(p.status).toBe("DRAFT");
    for (const p of flawed("archived")) expect(p.status).toBe("ARCHIVED");
  });
});

describe("restricted goods and certificates", () => {
  it("includes a vape, a knife, CBD, a lithium battery pack and an OTC medicine", () => {
    const categories = new Set(flawed("restricted").map((p) => p.category?.id));
    for (const key of [
      "vaporizers",
      "folding_knives",
      "cbd_supplements",
      "power_banks",
      "medicine",
    ] as const) {
      expect(categories.has(TAXONOMY[key].id), key).toBe(true);
    }
    expect(
      flawed("restricted").some(
        (p) => /lithium battery pack/i.test(p.title) || p.productType === "Power Bank",
      ),
    ).toBe(true);
  });

  it("gives electronics and toys no certificate metafields", () => {
    const certifiable = store.products.filter(
      (p) => p.seedCategory === "electronics" || p.seedCategory === "toys",
    );
    expect(certifiable.length).toBeGreaterThan(0);
    for (const p of certifiable)
      expect(p.metafields.some((m) => /cert|ce_|fcc|ukca/i.test(m.key))).toBe(false);
  });
});
