import { describe, expect, it } from "vitest";
import { DEMO_SHOP_DOMAIN } from "../store";
import { SEED_CATEGORIES } from "./categories";
import { generateStore } from "./generate";

const store = generateStore();

/** Every gid in the store, grouped by resource type, to check uniqueness and shape. */
function gidsByType(): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  const add = (gid: string) => {
    const type = gid.split("/")[3] ?? "?";
    const list = byType.get(type) ?? [];
    list.push(gid);
    byType.set(type, list);
  };
  add(store.shop.id);
  for (const p of store.products) {
    add(p.id);
    p.options.forEach((o) => add(o.id));
    p.media.forEach((m) => add(m.id));
    p.metafields.forEach((m) => add(m.id));
    for (const v of p.variants) {
      add(v.id);
      add(v.inventoryItem.id);
    }
  }
  store.collections.forEach((c) => add(c.id));
  store.locations.forEach((l) => add(l.id));
  store.inventoryLevels.forEach((l) => add(l.id));
  store.markets.forEach((m) => add(m.id));
  for (const o of store.orders) {
    add(o.id);
    o.lineItems.forEach((l) => add(l.id));
  }
  return byType;
}

describe("determinism", () => {
  it("gives byte-identical JSON for the same options", () => {
    expect(JSON.stringify(generateStore())).toBe(JSON.stringify(store));
    const options = {
      seed: 7,
      products: 50,
      shopDomain: "other.myshopify.com",
      now: "2027-01-15T08:00:00Z",
    };
    expect(JSON.stringify(generateStore(options))).toBe(JSON.stringify(generateStore(options)));
  });

  it("works for any integer seed, including 0 and negative ones", () => {
    for (const seed of [0, -5, 2 ** 40]) {
      const s = generateStore({ seed, products: 60 });
      expect(new Set(s.products.map((p) => p.seedCategory)).size, String(seed)).toBe(9);
      expect(JSON.stringify(generateStore({ seed, products: 60 }))).toBe(JSON.stringify(s));
    }
  });

  it("changes with the seed", () => {
    const other = generateStore({ seed: 2 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(store));
    expect(other.products[0]?.id).not.toBe(store.products[0]?.id);
  });

  it("keeps products stable as the catalogue grows (a small store is a prefix)", () => {
    const small = generateStore({ products: 40 });
    expect(JSON.stringify(small.products)).toBe(JSON.stringify(store.products.slice(0, 40)));
  });

  it("uses the caller's shop domain and clock", () => {
    const custom = generateStore({
      products: 10,
      shopDomain: "x.myshopify.com",
      now: "2030-01-01T00:00:00Z",
    });
    expect(custom.shop.myshopifyDomain).toBe("x.myshopify.com");
    for (const p of custom.products) expect(p.createdAt < "2030-01-01T00:00:00Z").toBe(true);
  });

  it("rejects bad options", () => {
    expect(() => generateStore({ now: "not a date" })).toThrow();
    expect(() => generateStore({ products: -1 })).toThrow();
    expect(generateStore({ products: 0 }).orders).toEqual([]);
  });
});

describe("default store", () => {
  it("has the shop set-up of a Chinese exporter", () => {
    expect(store.shop.myshopifyDomain).toBe(DEMO_SHOP_DOMAIN);
    expect(store.shop.name).toBe("Seaworthy Demo Outfitters");
    expect(store.shop.currencyCode).toBe("USD");
    expect(store.shop.planDisplayName).toBe("Shopify");
    expect(store.shop.countryCode).toBe("CN");
    const locales = Object.fromEntries(store.shop.locales.map((l) => [l.locale, l]));
    expect(locales.en).toMatchObject({ primary: true, published: true });
    for (const l of ["de", "fr", "es", "ru"])
      expect(locales[l]).toMatchObject({ primary: false, published: true });
    expect(locales["zh-CN"]).toMatchObject({ published: false });
  });

  it("has at least 300 products across all nine seed categories", () => {
    expect(store.products.length).toBeGreaterThanOrEqual(300);
    const seen = new Set(store.products.map((p) => p.seedCategory));
    expect([...seen].sort()).toEqual([...SEED_CATEGORIES].sort());
    for (const p of store.products) {
      expect(p.category?.id).toMatch(/^gid:\/\/shopify\/TaxonomyCategory\/[a-z]{2}(-\d+)*$/);
    }
  });

  it("gives every product 1-6 variants, 1-8 images of 400-2400 px, and consistent options", () => {
    for (const p of store.products) {
      expect(p.variants.length).toBeGreaterThanOrEqual(1);
      expect(p.variants.length).toBeLessThanOrEqual(6);
      expect(p.media.length).toBeGreaterThanOrEqual(1);
      expect(p.media.length).toBeLessThanOrEqual(8);
      for (const m of p.media) {
        for (const side of [m.width, m.height]) {
          expect(side).toBeGreaterThanOrEqual(400);
          expect(side).toBeLessThanOrEqual(2400);
        }
        expect(m.url).toMatch(
          /^https:\/\/cdn\.shopify\.com\/s\/files\/1\/0000\/0001\/products\/[a-z0-9-]+-\d\.jpg$/,
        );
      }
      const combos = new Set(p.variants.map((v) => v.title));
      expect(combos.size).toBe(p.variants.length);
      for (const v of p.variants) {
        expect(v.selectedOptions.map((s) => s.name)).toEqual(p.options.map((o) => o.name));
        v.selectedOptions.forEach((s, i) => expect(p.options[i]?.values).toContain(s.value));
        expect(Number(v.price)).toBeGreaterThan(0);
        if (v.compareAtPrice) expect(Number(v.compareAtPrice)).toBeGreaterThan(Number(v.price));
        const cost = v.inventoryItem.unitCost;
        if (cost) {
          const margin = 1 - Number(cost.amount) / Number(v.price);
          expect(margin).toBeGreaterThanOrEqual(0.14);
          expect(margin).toBeLessThanOrEqual(0.71);
        }
        const hs = v.inventoryItem.harmonizedSystemCode;
        if (hs !== null) expect(hs).toMatch(/^\d{6}$/);
      }
    }
  });

  it("keeps dates ordered and before now", () => {
    const now = "2026-11-01T00:00:00Z";
    for (const p of store.products) {
      expect(p.createdAt <= p.updatedAt).toBe(true);
      expect(p.updatedAt <= now).toBe(true);
      if (p.publishedAt) expect(p.publishedAt >= p.createdAt && p.publishedAt <= now).toBe(true);
      expect(p.publishedAt === null).toBe(p.status !== "ACTIVE");
    }
  });

  it("has unique handles, SKUs and valid barcodes mostly from CN", () => {
    expect(new Set(store.products.map((p) => p.handle)).size).toBe(store.products.length);
    const skus = store.products
      .flatMap((p) => p.variants.map((v) => v.sku))
      .filter((s) => s !== null);
    expect(new Set(skus).size).toBe(skus.length);
    const origins = store.products.flatMap((p) =>
      p.variants.map((v) => v.inventoryItem.countryCodeOfOrigin),
    );
    expect(origins.filter((o) => o === "CN").length / origins.length).toBeGreaterThan(0.75);
  });

  it("carries review and material metafields but nothing in the app's namespace", () => {
    const fields = store.products.flatMap((p) => p.metafields);
    const rating = fields.find((f) => f.namespace === "reviews" && f.key === "rating");
    expect(rating?.type).toBe("rating");
    expect(JSON.parse(rating?.value ?? "{}")).toMatchObject({ scale_min: "1.0", scale_max: "5.0" });
    expect(fields.some((f) => f.namespace === "reviews" && f.key === "rating_count")).toBe(true);
    expect(fields.some((f) => f.namespace === "custom" && f.key === "material")).toBe(true);
    expect(fields.some((f) => f.namespace.includes("seaworthy"))).toBe(false);
  });

  it("has 3 locations, markets for US/EU/UK/RU plus a disabled one, and 6-12 collections", () => {
    expect(store.locations.map((l) => l.countryCode)).toEqual(["CN", "US", "NL"]);
    const markets = Object.fromEntries(store.markets.map((m) => [m.handle, m]));
    expect(markets.us).toMatchObject({
      primary: true,
      enabled: true,
      currencyCode: "USD",
      countryCodes: ["US"],
    });
    expect(markets.eu).toMatchObject({ enabled: true, currencyCode: "EUR" });
    expect(markets.eu?.countryCodes).toEqual(
      expect.arrayContaining(["DE", "FR", "ES", "IT", "NL"]),
    );
    expect(markets.uk).toMatchObject({ enabled: true, currencyCode: "GBP", countryCodes: ["GB"] });
    expect(markets.ru).toMatchObject({ enabled: true, currencyCode: "RUB", countryCodes: ["RU"] });
    expect(store.markets.some((m) => !m.enabled)).toBe(true);
    expect(store.collections.length).toBeGreaterThanOrEqual(6);
    expect(store.collections.length).toBeLessThanOrEqual(12);
    for (const c of store.collections) expect(c.productIds.length, c.title).toBeGreaterThan(0);
    expect(store.collections.map((c) => c.title)).toEqual(
      expect.arrayContaining([
        "Winter Sports",
        "Best Sellers",
        "New Arrivals",
        "Eco Collection",
        "Gifts under $25",
      ]),
    );
  });
});

describe("referential integrity", () => {
  it("has unique, Shopify-shaped ids per type", () => {
    for (const [type, gids] of gidsByType()) {
      expect(new Set(gids).size, type).toBe(gids.length);
      for (const gid of gids)
        expect(gid).toMatch(/^gid:\/\/shopify\/[A-Za-z]+\/\d{13}(\?inventory_item_id=\d{13})?$/);
    }
  });

  it("stocks every inventory item at 1-3 existing locations", () => {
    const items = new Set(store.products.flatMap((p) => p.variants.map((v) => v.inventoryItem.id)));
    const locations = new Set(store.locations.map((l) => l.id));
    const perItem = new Map<string, Set<string>>();
    for (const level of store.inventoryLevels) {
      expect(items.has(level.inventoryItemId)).toBe(true);
      expect(locations.has(level.locationId)).toBe(true);
      expect(level.available).toBeLessThanOrEqual(level.onHand);
      expect(level.available).toBeGreaterThanOrEqual(0);
      const set = perItem.get(level.inventoryItemId) ?? new Set();
      set.add(level.locationId);
      perItem.set(level.inventoryItemId, set);
    }
    expect(perItem.size).toBe(items.size);
    for (const set of perItem.values()) expect(set.size).toBeGreaterThanOrEqual(1);
    expect(store.inventoryLevels.some((l) => l.onHand === 0)).toBe(true);
  });

  it("points every order line at an existing product and one of its variants", () => {
    const variantsByProduct = new Map(
      store.products.map((p) => [p.id, new Set(p.variants.map((v) => v.id))]),
    );
    for (const order of store.orders) {
      expect(order.lineItems.length).toBeGreaterThan(0);
      for (const line of order.lineItems) {
        expect(
          line.productId && variantsByProduct.get(line.productId)?.has(line.variantId ?? ""),
        ).toBe(true);
      }
    }
  });

  it("only lists existing products in collections", () => {
    const ids = new Set(store.products.map((p) => p.id));
    for (const c of store.collections)
      for (const id of c.productIds) expect(ids.has(id)).toBe(true);
  });
});
