import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabase, TEST_DATABASE_URL } from "../../test/helpers/postgres";
import { createDb, db, type Db } from "../db.server";
import { migrate } from "../db/migrate.server";
import { openMirrorWriter, type MirrorWriter } from "../sync/mirror/writer.server";
import type { OrderRow, ProductRow, VariantRow } from "../sync/mirror/rows";
import { rawDb, closeRawDb } from "../db/raw.server";
import {
  grams,
  loadProductFacts,
  loadShopFacts,
  money,
  productFactsPages,
} from "./products.server";

const SHOP = "facts-shop.myshopify.com";
const OTHER = "facts-other.myshopify.com";
const NOW = new Date("2026-11-20T00:00:00Z");
let databaseUrl = "";
let dropDatabase = async () => {};
let prismaDb: Db | undefined;
const url = () => databaseUrl;
const prisma = () =>
  (prismaDb ??= databaseUrl === process.env.DATABASE_URL ? db() : createDb(databaseUrl));

const product = (n: number, extra: Partial<ProductRow> = {}): ProductRow => ({
  id: `gid://shopify/Product/${n}`,
  title: `Product ${n}`,
  handle: `product-${n}`,
  vendor: "Acme",
  productType: "Mugs",
  categoryId: null,
  categoryName: null,
  tags: "kitchen, gift ,",
  status: "ACTIVE",
  descriptionHtml: "<p>A mug</p>",
  seoTitle: null,
  seoDescription: null,
  options: null,
  createdAt: null,
  updatedAt: "2026-11-01T00:00:00Z",
  publishedAt: null,
  featuredMediaId: null,
  ...extra,
});
const variant = (n: number, v: number, extra: Partial<VariantRow> = {}): VariantRow => ({
  id: `gid://shopify/ProductVariant/${n * 10 + v}`,
  productId: `gid://shopify/Product/${n}`,
  title: null,
  sku: `SKU-${n}-${v}`,
  barcode: "'0012345678905",
  price: "19.90",
  compareAtPrice: null,
  position: v,
  selectedOptions: null,
  inventoryItemId: `gid://shopify/InventoryItem/${n * 10 + v}`,
  unitCost: "6.40",
  unitCostCurrency: "USD",
  countryOfOrigin: "CN",
  hsCode: "732393",
  weight: 1.5,
  weightUnit: "KILOGRAMS",
  updatedAt: null,
  ...extra,
});
const order = (id: number, createdAt: string, extra: Partial<OrderRow> = {}): OrderRow => ({
  id: `gid://shopify/Order/${id}`,
  name: `#${id}`,
  createdAt,
  processedAt: null,
  updatedAt: null,
  cancelledAt: null,
  test: false,
  currencyCode: "USD",
  subtotal: null,
  totalDiscounts: null,
  total: "10.00",
  discountCodes: "",
  landingSite: null,
  referringSite: null,
  sourceName: null,
  customAttributes: null,
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmContent: null,
  utmTerm: null,
  customerJourney: null,
  customerId: null,
  shippingCountry: null,
  ...extra,
});
const line = (id: number, orderId: number, productN: number, quantity: number) => ({
  id: `gid://shopify/LineItem/${id}`,
  orderId: `gid://shopify/Order/${orderId}`,
  productId: `gid://shopify/Product/${productN}`,
  variantId: null,
  sku: null,
  title: "x",
  quantity,
  unitPrice: "10.00",
});

function suite(name: string, open: () => Promise<void>) {
  describe(name, () => {
    let writer: MirrorWriter;
    let other: MirrorWriter;

    beforeAll(async () => {
      await open();
      writer = await openMirrorWriter(url(), SHOP);
      other = await openMirrorWriter(url(), OTHER);
      await writer.write({
        Product: [1, 2, 3, 4, 5].map((n) => product(n)),
        Variant: [
          variant(1, 1),
          variant(1, 2, { weight: 8, weightUnit: "OUNCES", price: "", barcode: null }),
          variant(2, 1, { weight: 2, weightUnit: "POUNDS", inventoryItemId: null }),
        ],
        ProductMedia: [
          {
            id: "m2",
            productId: "gid://shopify/Product/1",
            url: "b.jpg",
            alt: null,
            width: 800,
            height: 600,
            position: 2,
          },
          {
            id: "m1",
            productId: "gid://shopify/Product/1",
            url: "a.jpg",
            alt: "front",
            width: 1200,
            height: 1200,
            position: 1,
          },
        ],
        Metafield: [
          {
            id: "mf1",
            ownerId: "gid://shopify/Product/1",
            namespace: "custom",
            key: "material",
            type: "single_line_text_field",
            value: "steel",
            updatedAt: null,
          },
        ],
        CollectionProduct: [
          { collectionId: "gid://shopify/Collection/9", productId: "gid://shopify/Product/1" },
        ],
        InventoryLevel: [
          {
            inventoryItemId: "gid://shopify/InventoryItem/11",
            locationId: "L1",
            available: 3,
            onHand: null,
            updatedAt: null,
          },
          {
            inventoryItemId: "gid://shopify/InventoryItem/11",
            locationId: "L2",
            available: 4,
            onHand: null,
            updatedAt: null,
          },
        ],
        Order: [
          order(1, "2026-11-10T00:00:00Z"),
          order(2, "2026-11-11T00:00:00Z"),
          order(3, "2026-11-12T00:00:00Z", { test: true }),
          order(4, "2026-11-12T00:00:00Z", { cancelledAt: "2026-11-13T00:00:00Z" }),
          order(5, "2026-09-01T00:00:00Z"),
        ],
        OrderLine: [
          line(1, 1, 1, 2),
          line(2, 2, 1, 1),
          line(3, 3, 1, 50),
          line(4, 4, 1, 50),
          line(5, 5, 1, 50),
          line(6, 1, 2, 1),
        ],
      });
      // Another shop with the same ids: none of it may leak into SHOP's facts.
      await other.write({
        Product: [product(1, { title: "Other shop's" }), product(6)],
        Variant: [variant(1, 9, { inventoryItemId: "gid://shopify/InventoryItem/11" })],
        InventoryLevel: [
          {
            inventoryItemId: "gid://shopify/InventoryItem/11",
            locationId: "L1",
            available: 100,
            onHand: null,
            updatedAt: null,
          },
        ],
        Order: [order(1, "2026-11-10T00:00:00Z")],
        OrderLine: [line(1, 1, 1, 99)],
      });
      await prisma().shop.create({
        data: {
          shop: SHOP,
          name: "Acme",
          currencyCode: "EUR",
          locales: [],
          settings: {},
          markets: [
            {
              id: "m1",
              name: "EU",
              handle: "eu",
              active: true,
              currencyCode: "EUR",
              countries: ["FR", "DE"],
            },
            {
              id: "m2",
              name: "US",
              handle: "us",
              active: true,
              currencyCode: "USD",
              countries: ["US", "DE"],
            },
            {
              id: "m3",
              name: "RU",
              handle: "ru",
              active: false,
              currencyCode: "RUB",
              countries: ["RU"],
            },
          ],
        },
      });
    });
    afterAll(async () => {
      await writer.close();
      await other.close();
      await closeRawDb(url());
      if (prismaDb !== db()) await prismaDb?.$disconnect();
      prismaDb = undefined;
      await dropDatabase();
    });

    describe(`ProductFacts from the mirror`, () => {
      it("GIVEN a product with two variants, stock in two locations, images, a metafield and orders WHEN loaded THEN every fact is converted", async () => {
        const facts = await loadProductFacts(rawDb(url()), SHOP, "gid://shopify/Product/1", {
          now: NOW,
        });
        expect(facts).toMatchObject({
          title: "Product 1",
          tags: ["kitchen", "gift"],
          collections: ["gid://shopify/Collection/9"],
          images: [{ url: "a.jpg", alt: "front", width: 1200 }, { url: "b.jpg" }],
          metafields: [{ namespace: "custom", key: "material", value: "steel" }],
          // Orders 1 and 2 count; the test order, the cancelled one and the one from September do not.
          sales: { units30d: 3, orders30d: 2 },
          certificates: null,
        });
        expect(facts!.variants).toEqual([
          expect.objectContaining({
            sku: "SKU-1-1",
            price: 19.9,
            unitCost: 6.4,
            grams: 1500,
            available: 7,
          }),
          expect.objectContaining({
            sku: "SKU-1-2",
            price: null,
            grams: 226.8,
            available: null,
            barcode: null,
          }),
        ]);
      });

      it("GIVEN the same ids in another shop WHEN one shop's facts load THEN none of the other's rows are in them", async () => {
        const mine = await loadProductFacts(rawDb(url()), SHOP, "gid://shopify/Product/1", {
          now: NOW,
        });
        expect(mine!.title).toBe("Product 1");
        expect(mine!.variants.map((v) => v.sku)).not.toContain("SKU-1-9");
        expect(await loadProductFacts(rawDb(url()), SHOP, "gid://shopify/Product/6")).toBeNull();
        const pages = [];
        for await (const page of productFactsPages(rawDb(url()), OTHER, { now: NOW }))
          pages.push(...page);
        expect(pages.map((p) => p.id)).toEqual([
          "gid://shopify/Product/1",
          "gid://shopify/Product/6",
        ]);
        expect(pages[0]!.variants[0]!.available).toBe(100);
        expect(pages[0]!.sales).toEqual({ units30d: 99, orders30d: 1 });
      });

      it("GIVEN pages smaller than the catalogue WHEN every page is read THEN each product comes once, in id order, with its children", async () => {
        const seen = [];
        for await (const page of productFactsPages(rawDb(url()), SHOP, {
          now: NOW,
          pageSize: 2,
        })) {
          expect(page.length).toBeLessThanOrEqual(2);
          seen.push(...page);
        }
        expect(seen.map((p) => p.id)).toEqual(
          [1, 2, 3, 4, 5].map((n) => `gid://shopify/Product/${n}`),
        );
        expect(seen[1]!.variants).toEqual([
          expect.objectContaining({ grams: 907.2, available: null }),
        ]);
        expect(seen[1]!.sales).toEqual({ units30d: 1, orders30d: 1 });
        expect(seen[2]!.sales).toEqual({ units30d: 0, orders30d: 0 });
      });

      it("the shop's facts come from its row: currency and the countries of its active markets", async () => {
        expect(await loadShopFacts(rawDb(url()), SHOP)).toEqual({
          domain: SHOP,
          name: "Acme",
          currency: "EUR",
          markets: ["DE", "FR", "US"],
        });
      });

      it("converts units and money", () => {
        expect(grams(1, "KILOGRAMS")).toBe(1000);
        expect(grams(1, "lb")).toBe(453.6);
        expect(grams(0, "GRAMS")).toBe(0);
        expect(grams(null, "GRAMS")).toBeNull();
        expect(grams(3, "STONES")).toBeNull();
        expect(money("1299.00")).toBe(1299);
        expect(money("abc")).toBeNull();
      });
    });

    describe(`sales without any order data`, () => {
      it("are unknown (null), not zero", async () => {
        const facts = await loadProductFacts(
          rawDb(url()),
          "no-orders.myshopify.com",
          "gid://shopify/Product/1",
        );
        expect(facts).toBeNull();
        const w = await openMirrorWriter(url(), "no-orders.myshopify.com");
        await w.write({ Product: [product(1)] });
        await w.close();
        const loaded = await loadProductFacts(
          rawDb(url()),
          "no-orders.myshopify.com",
          "gid://shopify/Product/1",
        );
        expect(loaded!.sales).toBeNull();
      });

      it("GIVEN media without positions (a bulk sync) WHEN loaded THEN the featured media is the main image and the rest follow by id as a number", async () => {
        const shop = "featured.myshopify.com";
        const w = await openMirrorWriter(url(), shop);
        const media = (n: number) => ({
          id: `gid://shopify/MediaImage/${n}`,
          productId: "gid://shopify/Product/1",
          url: `${n}.jpg`,
          alt: null,
          width: 1000,
          height: 1000,
          position: null,
        });
        await w.write({
          Product: [product(1, { featuredMediaId: "gid://shopify/MediaImage/10" })],
          ProductMedia: [media(100), media(9), media(10)],
        });
        await w.close();
        const loaded = await loadProductFacts(rawDb(url()), shop, "gid://shopify/Product/1");
        expect(loaded!.images.map((i) => i.url)).toEqual(["10.jpg", "9.jpg", "100.jpg"]);
      });
    });
  });
}

suite("SQLite", async () => {
  databaseUrl = process.env.DATABASE_URL!;
});

if (TEST_DATABASE_URL)
  suite("PostgreSQL", async () => {
    const scratch = await scratchDatabase("seaworthy_facts");
    await migrate(scratch.url);
    databaseUrl = scratch.url;
    dropDatabase = scratch.drop;
  });
