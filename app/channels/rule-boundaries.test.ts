/**
 * Rules at their boundaries (just below, at, just above), per channel, with the real scorer and
 * the thresholds read from the packs: a pack change moves the boundary the test checks.
 */
import { describe, expect, it } from "vitest";
import { extractFeatures } from "./features";
import { PACKS } from "./packs";
import type { Rule, RuleCheck, RulePack } from "./packs/types";
import { scoreProduct } from "./score";
import { SHOP, cleanProduct, withMainImage, withVariant } from "./test-fixtures";
import type { ChannelId, ProductFacts } from "./types";

/** The channels whose pack has the check, with its thresholds. */
function packsWith<K extends RuleCheck["check"]>(check: K) {
  return PACKS.flatMap((pack) => {
    const found = pack.rules.find((r) => r.check === check);
    return found ? [[pack.channel, found as Rule & Extract<RuleCheck, { check: K }>] as const] : [];
  });
}

const fired = (channel: ChannelId, p: ProductFacts, rule: string) =>
  scoreProduct(p, SHOP)
    .find((s) => s.channel === channel)!
    .findings.some((f) => f.rule === rule);

const images = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    url: `https://cdn/i-${i}.jpg`,
    alt: null,
    width: 900,
    height: 1200,
  }));

describe("rule boundaries", () => {
  it.each(packsWith("image_count_max"))("image_count_max on %s", (channel, c) => {
    for (const [n, expected] of [
      [c.max - 1, false],
      [c.max, false],
      [c.max + 1, true],
    ] as const)
      expect(
        fired(channel, cleanProduct(channel, { images: images(n) }), "image_count_max"),
        `${n} images`,
      ).toBe(expected);
  });

  it.each(packsWith("inventory_depth"))("inventory_depth on %s", (channel, c) => {
    for (const [n, expected] of [
      [c.min - 1, true],
      [c.min, false],
      [c.min + 1, false],
    ] as const)
      expect(
        fired(channel, withVariant(cleanProduct(channel), { available: n }), "inventory_depth"),
        `${n} in stock`,
      ).toBe(expected);
  });

  it.each(packsWith("status_inactive"))("status_inactive on %s", (channel) => {
    for (const [status, expected] of [
      ["ACTIVE", false],
      ["DRAFT", true],
      ["ARCHIVED", true],
    ] as const)
      expect(fired(channel, cleanProduct(channel, { status }), "status_inactive"), status).toBe(
        expected,
      );
  });

  it.each(packsWith("sku_missing"))("sku_missing on %s", (channel) => {
    for (const [sku, expected] of [
      ["NL-1", false],
      ["", true],
      [null, true],
    ] as const)
      expect(
        fired(channel, withVariant(cleanProduct(channel), { sku }), "sku_missing"),
        String(sku),
      ).toBe(expected);
  });
});

/** PACKS with one rule taken out of one channel's pack (cached: the scorer compiles per array). */
const without = new Map<string, readonly RulePack[]>();
function packsWithout(channel: ChannelId, ruleId: string): readonly RulePack[] {
  const key = `${channel} ${ruleId}`;
  let packs = without.get(key);
  if (!packs) {
    packs = PACKS.map((pack) =>
      pack.channel === channel
        ? { ...pack, rules: pack.rules.filter((r) => r.id !== ruleId) }
        : pack,
    );
    without.set(key, packs);
  }
  return packs;
}

/**
 * `rule` fires on `channel` for `p` exactly when `expected`, once, with the pack's severity and
 * penalty; and the score is the score without that rule minus its penalty (unchanged for info),
 * with eligibility lost only by a blocker.
 */
function expectRule(
  channel: ChannelId,
  p: ProductFacts,
  rule: Rule,
  expected: boolean,
  label: string,
): void {
  const on = (packs: readonly RulePack[]) =>
    scoreProduct(p, SHOP, packs).find((s) => s.channel === channel)!;
  const s = on(PACKS);
  const base = on(packsWithout(channel, rule.id));
  const hits = s.findings.filter((f) => f.rule === rule.id);
  expect(hits.length, `${label}: ${rule.id} findings`).toBe(expected ? 1 : 0);
  if (expected) {
    expect(
      { severity: hits[0]!.severity, penalty: hits[0]!.penalty },
      `${label}: severity/penalty`,
    ).toEqual({ severity: rule.severity, penalty: rule.penalty });
    // The penalty must show in the score, not vanish under the floor at 0.
    expect(base.score, `${label}: room for the penalty`).toBeGreaterThanOrEqual(rule.penalty);
  }
  expect(
    s.findings.filter((f) => f.rule !== rule.id).map((f) => f.rule),
    `${label}: other findings`,
  ).toEqual(base.findings.map((f) => f.rule));
  expect(s.score, `${label}: score`).toBe(base.score - (expected ? rule.penalty : 0));
  expect(s.eligible, `${label}: eligible`).toBe(
    base.eligible && !(expected && rule.severity === "blocker"),
  );
}

const rating = (count: number | null): ProductFacts["metafields"] => [
  {
    namespace: "reviews",
    key: "rating",
    type: "rating",
    value: '{"value":"4.6","scale_min":"1.0","scale_max":"5.0"}',
  },
  ...(count === null
    ? []
    : [
        { namespace: "reviews", key: "rating_count", type: "number_integer", value: String(count) },
      ]),
];

/** A second variant, so "one of several variants" cases can be built. */
const twoVariants = (p: ProductFacts, second: Partial<ProductFacts["variants"][number]>) => ({
  ...p,
  variants: [...p.variants, { ...p.variants[0]!, id: "gid://shopify/ProductVariant/2", ...second }],
});

/** Money in cents, so boundaries are exact decimal amounts a merchant would type. */
const dollars = (cents: number) => cents / 100;

describe("rule boundaries (continued)", () => {
  it.each(packsWith("rating_count_low"))("rating_count_low on %s", (channel, c) => {
    for (const [count, expected] of [
      [c.min - 1, true],
      [c.min, false],
      [c.min + 1, false],
      [0, c.min > 0],
      [null, false], // a rating without a count: the count is unknown, not low
    ] as const)
      expectRule(
        channel,
        cleanProduct(channel, { metafields: rating(count) }),
        c,
        expected,
        `${count} ratings`,
      );
    expectRule(channel, cleanProduct(channel, { metafields: [] }), c, false, "no rating at all");
  });

  it.each(packsWith("title_missing"))("title_missing on %s", (channel, c) => {
    for (const [title, expected] of [
      ["", true],
      ["   ", true], // trimmed to nothing
      ["X", false],
      [" X ", false],
    ] as const)
      expectRule(channel, cleanProduct(channel, { title }), c, expected, JSON.stringify(title));
  });

  it.each(packsWith("price_missing"))("price_missing on %s", (channel, c) => {
    const p = cleanProduct(channel);
    for (const [price, expected] of [
      [null, true],
      [-1, true],
      [0, true], // a zero price is no price
      [0.01, false],
    ] as const)
      expectRule(channel, withVariant(p, { price }), c, expected, `price ${price}`);
    expectRule(
      channel,
      twoVariants(withVariant(p, { price: null }), { price: 40 }),
      c,
      false,
      "one of two variants priced",
    );
  });

  it.each(packsWith("category_missing"))("category_missing on %s", (channel, c) => {
    for (const [overrides, expected, label] of [
      [{}, false, "taxonomy category"],
      [{ categoryId: null }, true, "no category"],
      [{ categoryId: null, categoryName: "Hoodies" }, true, "category name only"],
      [{ categoryId: "gid://shopify/TaxonomyCategory/Hoodies" }, true, "not a taxonomy code"],
    ] as const)
      expectRule(channel, cleanProduct(channel, overrides), c, expected, label);
  });

  it.each(packsWith("image_dimensions_unknown"))("image_dimensions_unknown on %s", (channel, c) => {
    const p = cleanProduct(channel);
    const last = p.images.length - 1;
    const withImage = (i: number, size: { width: number | null; height: number | null }) => ({
      ...p,
      images: p.images.map((im, j) => (j === i ? { ...im, ...size } : im)),
    });
    const cases: [ProductFacts, boolean, string][] = [
      [p, false, "all sizes known"],
      [withImage(0, { width: null, height: null }), true, "main image without size"],
      [withImage(last, { width: 900, height: null }), true, "last image without height"],
      [withImage(last, { width: 0, height: 1200 }), true, "width 0"],
      [withImage(last, { width: 1, height: 1 }), false, "1×1 px is a known size"],
      [
        { ...p, images: p.images.map((im) => ({ ...im, width: null, height: null })) },
        true, // one finding however many images lack a size
        "no image has a size",
      ],
      [{ ...p, images: [] }, false, "no images (image_missing says so)"],
    ];
    for (const [product, expected, label] of cases)
      expectRule(channel, product, c, expected, label);
  });

  it.each(packsWith("weight_missing"))("weight_missing on %s", (channel, c) => {
    const p = cleanProduct(channel);
    for (const [grams, expected] of [
      [null, true],
      [-1, true],
      [0, true],
      [1, false],
    ] as const)
      expectRule(channel, withVariant(p, { grams }), c, expected, `${grams} g`);
    expectRule(channel, twoVariants(p, { grams: 0 }), c, true, "one of two variants weightless");
  });

  it.each(packsWith("customs_hs_code_missing"))("customs_hs_code_missing on %s", (channel, c) => {
    const p = cleanProduct(channel);
    for (const [hsCode, expected] of [
      [null, true],
      ["", true],
      ["610910", false],
    ] as const)
      expectRule(channel, withVariant(p, { hsCode }), c, expected, `HS ${hsCode}`);
    expectRule(channel, twoVariants(p, { hsCode: null }), c, true, "one of two variants");
  });

  it.each(packsWith("customs_origin_missing"))("customs_origin_missing on %s", (channel, c) => {
    const p = cleanProduct(channel);
    for (const [countryOfOrigin, expected] of [
      [null, true],
      ["", true],
      ["CN", false],
    ] as const)
      expectRule(
        channel,
        withVariant(p, { countryOfOrigin }),
        c,
        expected,
        `origin ${countryOfOrigin}`,
      );
    expectRule(channel, twoVariants(p, { countryOfOrigin: "" }), c, true, "one of two variants");
  });

  it.each(packsWith("price_band"))("price_band on %s (both ends, USD shop)", (channel, c) => {
    const min = Math.round(c.minUsd * 100);
    const max = Math.round(c.maxUsd * 100);
    for (const [cents, expected] of [
      [min - 1, true],
      [min, false],
      [min + 1, false],
      [max - 1, false],
      [max, false],
      [max + 1, true],
    ] as const) {
      const price = dollars(cents);
      // Cost a quarter of the price, so the margin rules do not move with it.
      expectRule(
        channel,
        withVariant(cleanProduct(channel), { price, unitCost: price / 4 }),
        c,
        expected,
        `$${price}`,
      );
    }
  });

  /** Unit costs (cents) at a $40 price that leave exactly `margin` after the pack's fee. */
  const PRICE = 4000;
  const costFor = (fee: number, margin: number) => {
    const cents =
      (PRICE * (10_000 - Math.round(fee * 10_000) - Math.round(margin * 10_000))) / 10_000;
    expect(Number.isInteger(cents), `exact cost for fee ${fee}, margin ${margin}`).toBe(true);
    return cents;
  };
  const margined = (channel: ChannelId, costCents: number) =>
    withVariant(cleanProduct(channel), { price: dollars(PRICE), unitCost: dollars(costCents) });

  it.each(packsWith("margin_low"))("margin_low on %s: around the minimum margin", (channel, c) => {
    const at = costFor(c.fee, c.minMargin);
    expectRule(channel, margined(channel, at + 1), c, true, "1 cent under the minimum margin");
    expectRule(channel, margined(channel, at - 1), c, false, "1 cent over the minimum margin");
  });

  it.each(packsWith("margin_low"))("margin_low on %s: around zero margin", (channel, c) => {
    const zero = costFor(c.fee, 0);
    // Just under zero it is margin_negative's to report, not margin_low's.
    expectRule(channel, margined(channel, zero + 1), c, false, "1 cent of loss");
    expect(fired(channel, margined(channel, zero + 1), "margin_negative")).toBe(true);
    expectRule(channel, margined(channel, zero - 1), c, true, "1 cent of margin");
    expect(fired(channel, margined(channel, zero - 1), "margin_negative")).toBe(false);
  });

  // Exactly at the thresholds in cents: 1 - fee - cost / price in floating point lands a hair
  // under 20 % (or 0); rules.ts compares with a tolerance far below a cent.
  it("margin_low at exactly the minimum margin, and exactly zero margin, every channel", () => {
    for (const [channel, c] of packsWith("margin_low")) {
      expectRule(channel, margined(channel, costFor(c.fee, c.minMargin)), c, false, channel);
      expectRule(channel, margined(channel, costFor(c.fee, 0)), c, true, channel);
      expect(fired(channel, margined(channel, costFor(c.fee, 0)), "margin_negative")).toBe(false);
    }
  });

  /** Mirrors the rounding tolerance in rules.ts (image_main_aspect); it is not pack data. */
  const ASPECT_TOLERANCE = 1e-3;
  /** A main image this many px tall: one px of width is 1e-4 of ratio. */
  const HEIGHT = 10_000;

  it.each(packsWith("image_main_aspect"))("image_main_aspect on %s", (channel, c) => {
    const p = cleanProduct(channel);
    const px = (ratio: number) => Math.round(ratio * HEIGHT);
    const lowEdge = px(c.minRatio - ASPECT_TOLERANCE);
    const highEdge = px(c.maxRatio + ASPECT_TOLERANCE);
    for (const [width, expected, label] of [
      [lowEdge - 1, true, "1 px outside the tolerated minimum"],
      [lowEdge + 1, false, "1 px inside the tolerated minimum"],
      [px(c.minRatio) - 1, false, "1 px under the pack's minimum (tolerated)"],
      [px(c.minRatio), false, "at the pack's minimum"],
      [px(c.minRatio) + 1, false, "1 px over the pack's minimum"],
      [px(c.maxRatio) - 1, false, "1 px under the pack's maximum"],
      [px(c.maxRatio), false, "at the pack's maximum"],
      [px(c.maxRatio) + 1, false, "1 px over the pack's maximum (tolerated)"],
      [highEdge - 1, false, "1 px inside the tolerated maximum"],
      [highEdge + 1, true, "1 px outside the tolerated maximum"],
    ] as const)
      expectRule(
        channel,
        withMainImage(p, width, HEIGHT),
        c,
        expected,
        `${label}: ${width}×${HEIGHT}`,
      );
    // Only the main image counts, and an unknown size is not judged.
    const landscape = { ...p, images: p.images.map((im) => ({ ...im, width: 1200, height: 900 })) };
    const portraitMain = withMainImage(landscape, px(c.minRatio), HEIGHT);
    expectRule(channel, portraitMain, c, false, "landscape extra images");
    expectRule(channel, withMainImage(p, 0, 0), c, false, "main image size unknown");
  });

  /**
   * Title "Худи" and a description with `cyrillic` Cyrillic and `latin` Latin letters in all, plus
   * digits and punctuation (not letters). Letters are counted in the title and description only;
   * ё and Latin-1 letters (ä) are letters; the clean product's Latin type and tags are not counted.
   */
  const russianShare = (channel: ChannelId, cyrillic: number, latin: number) => {
    const run = (alphabet: string, n: number) =>
      Array.from({ length: n }, (_, i) => alphabet[i % alphabet.length])
        .join("")
        .replace(/(.{6})/g, "$1 ");
    const title = "Худи";
    const description = `${run("тёплыйхлопок", cyrillic - title.length)} — 2026, 100 % · ${run("softcottonwärme", latin)}`;
    return cleanProduct(channel, { title, descriptionHtml: `<p>${description}</p>` });
  };

  it.each(packsWith("content_language_ru"))("content_language_ru on %s", (channel, c) => {
    const letters = 200;
    const at = c.minShare * letters;
    expect(Number.isInteger(at)).toBe(true);
    for (const [cyrillic, latin, expected, label] of [
      [at, letters - at + 1, true, "just under"],
      [at, letters - at, false, "exactly at"],
      [at + 1, letters - at, false, "just over"],
    ] as const) {
      const p = russianShare(channel, cyrillic, latin);
      // The input really has that share, as the scorer computes it.
      expect(extractFeatures(p, SHOP).cyrillicShare, label).toBe(cyrillic / (cyrillic + latin));
      expectRule(channel, p, c, expected, `${label}: ${cyrillic}/${cyrillic + latin} Cyrillic`);
    }
    // Digits and punctuation are not letters: adding them leaves the share where it was.
    const withDigits = russianShare(channel, at, letters - at);
    withDigits.descriptionHtml += "<p>1234567890 — !?</p>";
    expectRule(channel, withDigits, c, false, "exactly at, plus digits");
    // No title: title_missing reports it, the language rule does not.
    expectRule(
      channel,
      cleanProduct(channel, { title: "", descriptionHtml: "<p>Soft cotton</p>" }),
      c,
      false,
      "no title",
    );
  });
});
