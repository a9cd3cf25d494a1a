/** Products for the channel-fit tests: a clean product per channel, then one flaw at a time. */
import type { ChannelId, ProductFacts, ShopFacts } from "./types";

export const SHOP: ShopFacts = {
  domain: "demo-shop.myshopify.com",
  name: "Demo Shop",
  currency: "USD",
  markets: ["US", "DE", "GB", "RU"],
};

const WORDS_EN =
  "Soft brushed cotton in a relaxed fit that keeps its shape wash after wash. Each piece is cut and sewn in small batches, checked by hand and packed without plastic. Measurements, care instructions and what is in the box are listed below so you know exactly what arrives at your door.";
const WORDS_RU =
  "Мягкий хлопок свободного кроя сохраняет форму после многих стирок. Каждое изделие кроится и шьётся небольшими партиями, проверяется вручную и упаковывается без пластика. Размеры, уход и комплектация указаны ниже, чтобы вы точно знали, что получите в посылке. Гарантия качества от производителя.";

const CATEGORY: Record<ChannelId, string> = {
  amazon: "hg-3-64",
  ebay: "ae-2-2-8-3",
  online_store: "hg-3-64",
  walmart: "hg-15-1-2",
  tiktok_shop: "hb-3-2-9-21",
  ozon: "hg-11-7-11",
  wildberries: "aa-1-13-13",
  instagram: "aa-2-26",
};

export function cleanProduct(
  channel: ChannelId,
  overrides: Partial<ProductFacts> = {},
): ProductFacts {
  const russian = channel === "ozon" || channel === "wildberries";
  return {
    id: `gid://shopify/Product/${channel}`,
    handle: `clean-${channel}`,
    title: russian ? "Худи из хлопка Nordlicht" : "Nordlicht Cotton Crew Hoodie",
    vendor: "Nordlicht",
    productType: "Hoodie",
    categoryId: `gid://shopify/TaxonomyCategory/${CATEGORY[channel]}`,
    categoryName: null,
    tags: ["cotton"],
    status: "ACTIVE",
    descriptionHtml: `<p>${russian ? WORDS_RU : WORDS_EN}</p>`,
    seoTitle: null,
    seoDescription: null,
    variants: [
      {
        id: "gid://shopify/ProductVariant/1",
        sku: "NL-1",
        barcode: "4006381333931",
        price: 40,
        compareAtPrice: null,
        unitCost: 10,
        grams: 400,
        countryOfOrigin: "CN",
        hsCode: "610910",
        available: 100,
      },
    ],
    images: Array.from({ length: 5 }, (_, i) => ({
      url: `https://cdn/x-${i}.jpg`,
      alt: null,
      width: 900,
      height: 1200,
    })),
    metafields: [
      {
        namespace: "reviews",
        key: "rating",
        type: "rating",
        value: '{"value":"4.6","scale_min":"1.0","scale_max":"5.0"}',
      },
      { namespace: "reviews", key: "rating_count", type: "number_integer", value: "120" },
    ],
    collections: [],
    sales: { units30d: 12, orders30d: 10 },
    certificates: ["UL", "CE", "EAC", "CPC", "UKCA", "CPNP", "CHESTNY_ZNAK"],
    ...overrides,
  };
}

export const withVariant = (
  p: ProductFacts,
  v: Partial<ProductFacts["variants"][number]>,
): ProductFacts => ({
  ...p,
  variants: p.variants.map((x) => ({ ...x, ...v })),
});

export const withMainImage = (p: ProductFacts, width: number, height: number): ProductFacts => ({
  ...p,
  images: p.images.map((im, i) => (i === 0 ? { ...im, width, height } : im)),
});
