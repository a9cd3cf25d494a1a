import { describe, expect, it } from "vitest";
import { PACKS } from "./packs";
import { bandFor, rankChannels, scoreProduct } from "./score";
import { SHOP, cleanProduct, withMainImage, withVariant } from "./test-fixtures";
import { CHANNEL_IDS, type ChannelId, type ChannelScore, type ProductFacts } from "./types";

const score = (channel: ChannelId, p: ProductFacts, shop = SHOP): ChannelScore => {
  const s = scoreProduct(p, shop).find((x) => x.channel === channel);
  if (!s) throw new Error(`no score for ${channel}`);
  return s;
};
const rules = (channel: ChannelId, p: ProductFacts, shop = SHOP) =>
  score(channel, p, shop).findings.map((f) => f.rule);
const letters = (n: number) => "Ab".repeat(n).slice(0, n);

describe("scoreProduct", () => {
  for (const channel of CHANNEL_IDS) {
    it(`a product with nothing wrong scores 100 on ${channel}`, () => {
      const s = score(channel, cleanProduct(channel));
      expect(s.findings).toEqual([]);
      expect(s).toMatchObject({ score: 100, band: "excellent", eligible: true });
    });
  }

  it("returns all 8 channels in CHANNEL_IDS order with the pack version", () => {
    const scores = scoreProduct(cleanProduct("amazon"), SHOP);
    expect(scores.map((s) => s.channel)).toEqual([...CHANNEL_IDS]);
    expect(scores.map((s) => s.packVersion)).toEqual(PACKS.map((p) => p.version));
  });

  it("explains every point below 100 with finding penalties", () => {
    const messy = withVariant(
      cleanProduct("amazon", {
        title: "Best Seller!! Hoodie Hoodie Hoodie $9 {new}",
        vendor: "Demo Shop",
        descriptionHtml: "<p>Eco-friendly hoodie.</p>",
        images: [{ url: null, alt: null, width: 400, height: 400 }],
        certificates: null,
      }),
      { barcode: "'4006381333932", grams: null, hsCode: null, unitCost: 39 },
    );
    for (const s of scoreProduct(messy, SHOP)) {
      const penalties = s.findings.reduce((sum, f) => sum + f.penalty, 0);
      expect(s.score).toBe(Math.max(0, 100 - penalties));
      expect(s.eligible).toBe(!s.findings.some((f) => f.severity === "blocker"));
      for (const f of s.findings) {
        expect(f.message).not.toMatch(/\{\w+\}/);
        expect(f.fix).not.toMatch(/\{\w+\}/);
        if (f.severity === "info") expect(f.penalty).toBe(0);
      }
    }
  });

  it.each([
    ["amazon", 200],
    ["ebay", 80],
    ["walmart", 150],
    ["tiktok_shop", 255],
    ["instagram", 200],
    ["online_store", 255],
  ] as const)("%s title limit %i is a blocker one character over", (channel, max) => {
    const at = cleanProduct(channel, { title: letters(max) });
    const over = cleanProduct(channel, { title: letters(max + 1) });
    expect(rules(channel, at)).not.toContain("title_length");
    const s = score(channel, over);
    expect(s.findings.find((f) => f.rule === "title_length")).toMatchObject({
      severity: "blocker",
      args: { length: max + 1, max },
    });
    expect(s.eligible).toBe(false);
  });

  it("Amazon: banned characters block, 80-character recommendation warns, words at most twice", () => {
    expect(rules("amazon", cleanProduct("amazon", { title: letters(80) }))).not.toContain(
      "title_length_recommended",
    );
    expect(rules("amazon", cleanProduct("amazon", { title: letters(81) }))).toContain(
      "title_length_recommended",
    );
    for (const c of ["!", "$", "?", "_", "{", "}", "^", "¬", "¦"]) {
      expect(
        score("amazon", cleanProduct("amazon", { title: `Cotton Hoodie ${c}` })).eligible,
      ).toBe(false);
    }
    expect(
      rules("amazon", cleanProduct("amazon", { title: "Cotton Hoodie - Soft & Warm, 2 Pack" })),
    ).toEqual([]);
    expect(
      rules("amazon", cleanProduct("amazon", { title: "Hoodie Cotton Hoodie" })),
    ).not.toContain("title_word_repeat");
    expect(
      rules("amazon", cleanProduct("amazon", { title: "Hoodie Cotton Hoodie Warm Hoodie" })),
    ).toContain("title_word_repeat");
    expect(
      rules("amazon", cleanProduct("amazon", { title: "Cotton Hoodie Free Shipping" })),
    ).toContain("title_promotional");
  });

  it("Walmart: 75-character recommendation and at least 2 images", () => {
    expect(rules("walmart", cleanProduct("walmart", { title: letters(75) }))).not.toContain(
      "title_length_recommended",
    );
    expect(rules("walmart", cleanProduct("walmart", { title: letters(76) }))).toContain(
      "title_length_recommended",
    );
    const base = cleanProduct("walmart");
    expect(rules("walmart", { ...base, images: base.images.slice(0, 2) })).not.toContain(
      "image_count",
    );
    expect(rules("walmart", { ...base, images: base.images.slice(0, 1) })).toContain("image_count");
    expect(score("walmart", { ...base, images: [] }).eligible).toBe(false);
  });

  it("TikTok Shop: 600 px images, 3:4–4:3 main image, 30-word description, 5 images", () => {
    const p = cleanProduct("tiktok_shop");
    expect(rules("tiktok_shop", withMainImage(p, 600, 780))).toEqual([]);
    const small = score("tiktok_shop", withMainImage(p, 599, 780));
    expect(small.findings.map((f) => f.rule)).toEqual(["image_main_resolution"]);
    expect(small.eligible).toBe(false);
    expect(rules("tiktok_shop", withMainImage(p, 750, 1000))).toEqual([]); // 3:4
    expect(rules("tiktok_shop", withMainImage(p, 1000, 750))).toEqual([]); // 4:3
    expect(rules("tiktok_shop", withMainImage(p, 740, 1000))).toEqual(["image_main_aspect"]);
    expect(rules("tiktok_shop", withMainImage(p, 1000, 740))).toEqual(["image_main_aspect"]);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    expect(rules("tiktok_shop", { ...p, descriptionHtml: `<p>${words(30)}</p>` })).not.toContain(
      "description_words",
    );
    expect(rules("tiktok_shop", { ...p, descriptionHtml: `<p>${words(29)}</p>` })).toContain(
      "description_words",
    );
    expect(rules("tiktok_shop", { ...p, images: p.images.slice(0, 4) })).toEqual(["image_count"]);
    const other = {
      ...p,
      images: p.images.map((im, i) => (i === 2 ? { ...im, width: 599, height: 599 } : im)),
    };
    expect(rules("tiktok_shop", other)).toEqual(["image_resolution"]);
  });

  it("eBay: 500 px main image; Wildberries 900×1200", () => {
    expect(rules("ebay", withMainImage(cleanProduct("ebay"), 500, 400))).toEqual([]);
    expect(score("ebay", withMainImage(cleanProduct("ebay"), 499, 400)).eligible).toBe(false);
    expect(rules("wildberries", withMainImage(cleanProduct("wildberries"), 899, 1200))).toContain(
      "image_main_resolution",
    );
  });

  it("GTIN: invalid check digit blocks on Walmart, warns elsewhere; apostrophes are a format warning", () => {
    const bad = withVariant(cleanProduct("walmart"), { barcode: "4006381333932" });
    expect(score("walmart", bad).findings.find((f) => f.rule === "gtin_check_digit")).toMatchObject(
      { severity: "blocker" },
    );
    expect(
      score("ebay", withVariant(cleanProduct("ebay"), { barcode: "4006381333932" })).findings[0],
    ).toMatchObject({
      rule: "gtin_check_digit",
      severity: "warning",
    });
    expect(
      rules("walmart", withVariant(cleanProduct("walmart"), { barcode: "'4006381333931" })),
    ).toEqual(["gtin_stored_format"]);
    expect(
      rules("walmart", withVariant(cleanProduct("walmart"), { barcode: "40063813339" })),
    ).toEqual(["gtin_format"]);
    expect(score("walmart", withVariant(cleanProduct("walmart"), { barcode: null })).eligible).toBe(
      false,
    );
  });

  it("brand: the shop's name, My Store and factories are not brands", () => {
    for (const vendor of [
      "Demo Shop",
      "My Store",
      "demo-shop",
      "Shenzhen Haoyue Trading Co., Ltd.",
    ]) {
      expect(rules("amazon", cleanProduct("amazon", { vendor }))).toEqual(["brand_placeholder"]);
    }
    expect(rules("amazon", cleanProduct("amazon", { vendor: null }))).toEqual(["brand_missing"]);
  });

  it("certificates: unknown is reported as unknown, never as present", () => {
    const kettle = cleanProduct("ozon", { certificates: null });
    const s = score("ozon", kettle);
    expect(s.findings.map((f) => f.rule)).toEqual(["certificate_unknown"]);
    expect(s.findings[0]).toMatchObject({ severity: "warning", args: { certs: "EAC" } });
    const missing = score("ozon", cleanProduct("ozon", { certificates: ["CE"] }));
    expect(missing.findings.map((f) => f.rule)).toEqual(["certificate_required"]);
    expect(missing.eligible).toBe(false);
  });

  it("Russian content on Ozon and Wildberries", () => {
    const english = cleanProduct("amazon", {
      categoryId: "gid://shopify/TaxonomyCategory/hg-11-7-11",
    });
    expect(rules("ozon", english)).toContain("content_language_ru");
    expect(rules("ozon", cleanProduct("ozon"))).not.toContain("content_language_ru");
  });

  it("restricted goods: prohibited blocks, restricted warns", () => {
    const vape = cleanProduct("walmart", {
      title: "Disposable Vape Kit",
      categoryId: "gid://shopify/TaxonomyCategory/fb-3-7-3",
    });
    const walmart = score("walmart", vape);
    expect(walmart.eligible).toBe(false);
    expect(walmart.findings.find((f) => f.rule === "prohibited.tobacco_vape")?.evidence).toBe(
      "category fb-3-7-3",
    );
    const knife = cleanProduct("amazon", { title: "Damascus Folding Knife", categoryId: null });
    expect(
      score("amazon", knife).findings.find((f) => f.rule === "restricted.weapons"),
    ).toMatchObject({ severity: "warning" });
    expect(score("amazon", knife).eligible).toBe(true);
  });

  it("category fit, Instagram checkout, commerce signals", () => {
    const kettle = cleanProduct("amazon", {
      categoryId: "gid://shopify/TaxonomyCategory/hg-11-7-11",
    });
    expect(rules("wildberries", kettle)).toContain("category_fit");
    expect(rules("instagram", cleanProduct("instagram"), { ...SHOP, markets: ["DE"] })).toEqual([
      "checkout_us_only",
    ]);
    expect(rules("amazon", withVariant(cleanProduct("amazon"), { unitCost: 30 }))).toEqual([
      "margin_low",
    ]);
    expect(rules("amazon", withVariant(cleanProduct("amazon"), { unitCost: 36 }))).toEqual([
      "margin_negative",
    ]);
    expect(rules("amazon", withVariant(cleanProduct("amazon"), { unitCost: null }))).toEqual([
      "margin_unit_cost_missing",
    ]);
    expect(
      rules("tiktok_shop", withVariant(cleanProduct("tiktok_shop"), { price: 700, unitCost: 100 })),
    ).toEqual(["price_band"]);
    expect(rules("amazon", withVariant(cleanProduct("amazon"), { available: 0 }))).toEqual([
      "inventory_out_of_stock",
    ]);
    expect(rules("amazon", withVariant(cleanProduct("amazon"), { available: 19 }))).toEqual([
      "inventory_depth",
    ]);
    expect(
      rules("amazon", cleanProduct("amazon", { sales: { units30d: 0, orders30d: 0 } })),
    ).toEqual(["sales_none"]);
    expect(rules("amazon", cleanProduct("amazon", { sales: null }))).toEqual([]);
    const low = cleanProduct("amazon", {
      metafields: [
        {
          namespace: "reviews",
          key: "rating",
          type: "rating",
          value: '{"value":"3.9","scale_min":"1.0","scale_max":"5.0"}',
        },
      ],
    });
    expect(rules("amazon", low)).toEqual(["rating_low"]);
    expect(
      rules(
        "amazon",
        cleanProduct("amazon", {
          descriptionHtml: "<p>Eco-friendly cotton. " + "x ".repeat(60) + "</p>",
        }),
      ),
    ).toEqual(["claim_green_generic"]);
  });
});

describe("rankChannels and bandFor", () => {
  it("bands by Walmart's listing-quality bands", () => {
    expect([0, 59, 60, 79, 80, 100].map(bandFor)).toEqual([
      "poor",
      "poor",
      "good",
      "good",
      "excellent",
      "excellent",
    ]);
  });

  it("puts eligible first, then score, then channel order", () => {
    const s = (channel: ChannelId, score: number, eligible: boolean): ChannelScore => ({
      channel,
      score,
      eligible,
      band: bandFor(score),
      findings: [],
      packVersion: "x",
    });
    const ranked = rankChannels([
      s("amazon", 90, false),
      s("ebay", 70, true),
      s("walmart", 70, true),
      s("ozon", 95, true),
    ]);
    expect(ranked.map((r) => r.channel)).toEqual(["ozon", "ebay", "walmart", "amazon"]);
  });
});
