import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { chunksOf, collectChunks, type Collected } from "../../../test/helpers/import";
import { officialExample } from "../../../test/helpers/webhook";
import { parseProductsJson } from "./products-json";
import type { ImportInput } from "./types";

const collect = (input: ImportInput | string, batchSize?: number): Promise<Collected> =>
  collectChunks(parseProductsJson(input, { batchSize }));

/** Shopify's products/create webhook example: its `response` is a REST product. */
const webhookProduct = (): Record<string, unknown> => officialExample("products/create");

/** A fuller REST product: options, images, weights, inventory items. */
const tee = {
  id: 1001,
  title: "Tee",
  body_html: "<p>Soft</p>",
  vendor: "Acme",
  product_type: "",
  handle: "tee",
  status: "draft",
  tags: "b,  a",
  created_at: "2024-01-02T03:04:05-05:00",
  updated_at: "2024-02-02T00:00:00Z",
  published_at: null,
  options: [
    { name: "Color", position: 2, values: ["Red"] },
    { name: "Size", position: 1, values: ["S", "M"] },
  ],
  variants: [
    {
      id: 2001,
      product_id: 1001,
      title: "S / Red",
      price: "10.00",
      compare_at_price: null,
      sku: "T-S",
      barcode: "0042",
      position: 1,
      option1: "S",
      option2: "Red",
      option3: null,
      grams: 200,
      weight: 0.2,
      weight_unit: "kg",
      inventory_item_id: 3001,
      updated_at: "2024-02-02T00:00:00Z",
    },
    {
      id: 2002,
      product_id: 1001,
      title: "M / Red",
      price: "11.00",
      sku: "",
      position: 2,
      option1: "M",
      option2: "Red",
      grams: 250,
      inventory_item_id: null,
    },
  ],
  images: [
    {
      id: 4001,
      product_id: 1001,
      src: "https://x/1.jpg",
      alt: null,
      width: 800,
      height: 600,
      position: 1,
    },
  ],
};

describe("parseProductsJson", () => {
  it("imports the official webhook example wrapped as products.json", async () => {
    const example = webhookProduct();
    const all = await collect(JSON.stringify({ products: [example, tee] }));
    expect(all.problems).toEqual([]);
    expect(all.skipped).toEqual([]);
    expect(all.products).toHaveLength(2);
    expect(all.products[0]).toEqual({
      // The example's numeric id (788032119674292900) was rounded when written; its
      // admin_graphql_api_id holds the real one.
      id: "gid://shopify/Product/788032119674292922",
      title: "Example T-Shirt",
      handle: "example-t-shirt",
      vendor: "Acme",
      productType: "Shirts",
      categoryId: null,
      categoryName: null,
      tags: "example, mens, t-shirt",
      status: "ACTIVE",
      descriptionHtml: "An example T-Shirt",
      seoTitle: null,
      seoDescription: null,
      options: null,
      createdAt: null,
      updatedAt: "2022-01-01T00:00:00.000Z",
      publishedAt: "2022-01-01T00:00:00.000Z",
      featuredMediaId: null,
    });
    expect(all.variants.slice(0, 2)).toMatchObject([
      {
        id: "gid://shopify/ProductVariant/642667041472713922",
        productId: "gid://shopify/Product/788032119674292922",
        title: "Small",
        price: "19.99",
        compareAtPrice: "24.99",
        position: 1,
        inventoryItemId: null,
        updatedAt: "2021-12-31T00:00:00.000Z",
      },
      { id: "gid://shopify/ProductVariant/757650484644203962", title: "Medium", position: 2 },
    ]);
  });

  it("maps options, weights, inventory items and images to gids", async () => {
    const all = await collect(JSON.stringify({ products: [tee] }));
    expect(all.products[0]).toMatchObject({
      id: "gid://shopify/Product/1001",
      productType: null,
      tags: "b, a",
      status: "DRAFT",
      createdAt: "2024-01-02T08:04:05.000Z",
      options: JSON.stringify([
        { name: "Color", values: ["Red"] },
        { name: "Size", values: ["S", "M"] },
      ]),
    });
    expect(all.variants).toMatchObject([
      {
        id: "gid://shopify/ProductVariant/2001",
        productId: "gid://shopify/Product/1001",
        sku: "T-S",
        barcode: "0042",
        price: "10.00",
        compareAtPrice: null,
        // option1 is the option at position 1.
        selectedOptions: JSON.stringify([
          { name: "Size", value: "S" },
          { name: "Color", value: "Red" },
        ]),
        inventoryItemId: "gid://shopify/InventoryItem/3001",
        weight: 0.2,
        weightUnit: "KILOGRAMS",
      },
      { id: "gid://shopify/ProductVariant/2002", sku: null, weight: 250, weightUnit: "GRAMS" },
    ]);
    expect(all.media).toEqual([
      {
        id: "gid://shopify/ProductImage/4001",
        productId: "gid://shopify/Product/1001",
        url: "https://x/1.jpg",
        alt: null,
        width: 800,
        height: 600,
        position: 1,
      },
    ]);
  });

  it("keeps ids beyond 2^53 exact when there is no admin_graphql_api_id", async () => {
    const json = `{"products":[{"id":9007199254740993,"title":"Big","handle":"big","variants":[{"id":9007199254740995,"inventory_item_id":18014398509481985}]}]}`;
    const all = await collect(json);
    expect(all.products[0]?.id).toBe("gid://shopify/Product/9007199254740993");
    expect(all.variants[0]).toMatchObject({
      id: "gid://shopify/ProductVariant/9007199254740995",
      inventoryItemId: "gid://shopify/InventoryItem/18014398509481985",
    });
  });

  it("accepts a top-level array and a single {product}", async () => {
    expect((await collect(JSON.stringify([tee, webhookProduct()]))).products).toHaveLength(2);
    const single = await collect(JSON.stringify({ product: tee }, null, 2));
    expect(single.products.map((p) => p.id)).toEqual(["gid://shopify/Product/1001"]);
  });

  it("reports and skips a malformed product, importing the rest", async () => {
    const text = [
      /* 1 */ '{"products": [',
      /* 2 */ JSON.stringify(tee) + ",",
      /* 3 */ '{"id": 5, "handle": "no-title", "variants": []},',
      /* 4 */ '{"id": 6, "title": "Trailing", "handle": "trailing",},',
      /* 5 */ '{"id": 7, "title": "Bad variant", "handle": "bad-variant", "variants": [{"price": "1"}]},',
      /* 6 */ JSON.stringify({ ...tee, id: 1002, handle: "tee-2", variants: [], images: [] }),
      /* 7 */ "]}",
    ].join("\n");
    const all = await collect(text);
    expect(all.products.map((p) => p.handle)).toEqual(["tee", "tee-2"]);
    expect(all.skipped).toEqual([
      {
        line: 3,
        handle: "no-title",
        reason: "product #2: title: Invalid input: expected string, received undefined",
      },
      { line: 4, reason: expect.stringMatching(/^product #3 is not valid JSON: /) },
      {
        line: 5,
        handle: "bad-variant",
        reason: expect.stringMatching(/^product #4: variants\.0\.id: /),
      },
    ]);
    expect(all.problems).toEqual([]);
  });

  it("ends with a fatal problem when the file is truncated, keeping what came before", async () => {
    const text = JSON.stringify(
      { products: [tee, { ...tee, id: 1002, handle: "tee-2" }] },
      null,
      1,
    );
    const all = await collect(text.slice(0, text.lastIndexOf('"tee-2"')));
    expect(all.products.map((p) => p.handle)).toEqual(["tee"]);
    expect(all.problems).toEqual([
      {
        line: expect.any(Number),
        fatal: true,
        reason: expect.stringMatching(/^the file ends in the product starting on line \d+ before/),
      },
    ]);
  });

  it("says what it expected when there is no products array", async () => {
    expect((await collect('{"orders":[]}')).problems).toEqual([
      {
        line: 1,
        fatal: true,
        reason:
          'no products found: expected {"products":[…]}, a top-level array of products, or {"product":{…}}',
      },
    ]);
    expect(await collect('{"products":[]}')).toMatchObject({ chunks: [], problems: [] });
  });

  it("streams: a BOM and 3-byte chunks give the same rows, in chunks of batchSize", async () => {
    const products = Array.from({ length: 7 }, (_, i) => ({
      ...tee,
      id: 1000 + i,
      handle: `tee-${i}`,
      title: 'Tee ] } " [ { \u00e9\u6f22',
    }));
    const broken = { ...products[4], title: 5 };
    const all = [...products.slice(0, 4), broken, ...products.slice(4)];
    const text = "\uFEFF" + JSON.stringify({ note: { products: [] }, products: all }, null, 2);
    // The broken product's opening brace: the fifth product-level "{" line of the file.
    const braceLines = text.split("\n").flatMap((l, i) => (l === "    {" ? [i + 1] : []));
    const whole = await collect(text.slice(1));
    const streamed = await collect(Readable.from(chunksOf(Buffer.from(text), 3)), 3);
    expect(streamed.products).toEqual(whole.products);
    expect(streamed.variants).toEqual(whole.variants);
    expect(streamed.chunks.map((c) => c.rows.Product?.length)).toEqual([3, 3, 1]);
    for (const result of [whole, streamed]) {
      expect(result.skipped).toEqual([
        {
          line: braceLines[4],
          handle: "tee-4",
          reason: expect.stringMatching(/^product #5: title/),
        },
      ]);
    }
    expect(whole.products[6]?.title).toBe('Tee ] } " [ { \u00e9\u6f22');
  });
});
