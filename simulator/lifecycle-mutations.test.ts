import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { officialExample } from "../test/helpers/webhook";
import type { Simulator } from "./server";
import {
  asArray,
  dig,
  gql,
  startTestSimulator,
  startWebhookReceiver,
  TEST_SECRET,
  type ReceivedWebhook,
  type WebhookReceiver,
} from "./testing";

const NOW = new Date("2026-11-02T15:30:00Z");
const NOW_ISO = "2026-11-02T15:30:00Z";
const NOW_REST = "2026-11-02T10:30:00-05:00"; // America/New_York

const TOPICS = [
  "products/create",
  "products/update",
  "products/delete",
  "collections/create",
  "collections/update",
  "collections/delete",
  "orders/create",
];

let receiver: WebhookReceiver;
let sim: Simulator;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  sim = await startTestSimulator({
    appUrl: receiver.url,
    now: () => NOW,
    webhookSubscriptions: TOPICS.map((topic) => ({ topic, uri: `/webhooks/${topic}` })),
  });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

/** Every delivery so far, checked to be signed and sent to its topic's path, as [topic, payload]. */
async function delivered(): Promise<[string, Record<string, unknown>][]> {
  await sim.webhooksIdle();
  return receiver.received.map((hook: ReceivedWebhook) => {
    const topic = hook.headers["x-shopify-topic"] ?? "";
    expect(hook.path).toBe(`/webhooks/${topic}`);
    expect(hook.headers["x-shopify-hmac-sha256"]).toBe(
      createHmac("sha256", TEST_SECRET).update(hook.rawBody, "utf8").digest("base64"),
    );
    return [topic, JSON.parse(hook.rawBody) as Record<string, unknown>];
  });
}

function keys(value: unknown): string[] {
  return Object.keys(value as object).sort();
}

function payloadOf(
  hooks: [string, Record<string, unknown>][],
  topic: string,
): Record<string, unknown> {
  const found = hooks.filter(([t]) => t === topic);
  expect(found).toHaveLength(1);
  return found[0]![1];
}

async function expectNoWebhooks(): Promise<void> {
  await sim.webhooksIdle();
  expect(receiver.received).toHaveLength(0);
  expect(sim.deliveries).toHaveLength(0);
}

function notImplemented(body: Record<string, unknown>): string {
  expect(dig(body, "errors", 0, "extensions", "code")).toBe("NOT_IMPLEMENTED_IN_SIMULATOR");
  return String(dig(body, "errors", 0, "message"));
}

const PRODUCT_CREATE = `mutation($product: ProductCreateInput!) {
  productCreate(product: $product) {
    product {
      id title handle status vendor tags createdAt updatedAt publishedAt
      options { name position values }
      variants(first: 5) { nodes { title price sku selectedOptions { name value } inventoryQuantity inventoryItem { id tracked } } }
      collections(first: 5) { nodes { id } }
      metafields(first: 5) { nodes { namespace key value } }
    }
    shop { id }
    userErrors { field message }
  }
}`;

const PRODUCT_DELETE = `mutation($id: ID!) {
  productDelete(input: { id: $id }) { deletedProductId shop { id } userErrors { field message } }
}`;

describe("productCreate", () => {
  it("creates the product with its initial variant, stocks it and fires products/create", async () => {
    const r = await gql(sim, PRODUCT_CREATE, {
      product: {
        title: "Tide Pool Boots!",
        vendor: "Seaworthy Supply",
        tags: ["boots", "rain"],
        status: "DRAFT",
        productOptions: [
          { name: "Size", values: [{ name: "40" }, { name: "41" }] },
          { name: "Color", values: [{ name: "Yellow" }] },
        ],
        collectionsToJoin: ["gid://shopify/Collection/601"],
        metafields: [
          { namespace: "custom", key: "a", type: "single_line_text_field", value: "1" },
          { namespace: "custom", key: "b", type: "single_line_text_field", value: "2" },
        ],
      },
    });
    expect(r.body.errors).toBeUndefined();
    const created = dig(r.body, "data", "productCreate");
    expect(dig(created, "userErrors")).toEqual([]);
    expect(dig(created, "shop", "id")).toBe(sim.store.shop.id);
    const product = dig(created, "product");
    // Above every product id in the store: gid://shopify/Product/104 is the fixture's last.
    expect(dig(product, "id")).toBe("gid://shopify/Product/105");
    expect(product).toMatchObject({
      title: "Tide Pool Boots!",
      handle: "tide-pool-boots",
      status: "DRAFT",
      vendor: "Seaworthy Supply",
      tags: ["boots", "rain"],
      createdAt: NOW_ISO,
      updatedAt: NOW_ISO,
      publishedAt: null,
      options: [
        { name: "Size", position: 1, values: ["40", "41"] },
        { name: "Color", position: 2, values: ["Yellow"] },
      ],
      collections: { nodes: [{ id: "gid://shopify/Collection/601" }] },
      metafields: {
        nodes: [
          { namespace: "custom", key: "a", value: "1" },
          { namespace: "custom", key: "b", value: "2" },
        ],
      },
    });
    // Only the initial variant: the first value of each option.
    const variants = asArray(dig(product, "variants", "nodes"));
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({
      title: "40 / Yellow",
      price: "0.00",
      sku: null,
      selectedOptions: [
        { name: "Size", value: "40" },
        { name: "Color", value: "Yellow" },
      ],
      inventoryQuantity: 0,
      inventoryItem: { tracked: true },
    });
    const stored = sim.store.products.find((p) => p.id === "gid://shopify/Product/105");
    expect(new Set(stored?.metafields.map((m) => m.id)).size).toBe(2);
    const itemId = String(dig(variants[0], "inventoryItem", "id"));
    expect(sim.store.inventoryLevels.filter((l) => l.inventoryItemId === itemId)).toMatchObject([
      { locationId: "gid://shopify/Location/701", available: 0, onHand: 0, updatedAt: NOW_ISO },
    ]);
    expect(sim.store.collections[0]).toMatchObject({ updatedAt: NOW_ISO });

    const hooks = await delivered();
    expect(hooks.map(([t]) => t)).toEqual(["products/create", "collections/update"]);
    const payload = payloadOf(hooks, "products/create");
    const example = officialExample("products/create");
    expect(keys(payload)).toEqual(keys(example));
    expect(keys(dig(payload, "variants", 0))).toEqual(keys(dig(example, "variants", 0)));
    expect(payload).toMatchObject({
      id: 105,
      admin_graphql_api_id: "gid://shopify/Product/105",
      title: "Tide Pool Boots!",
      handle: "tide-pool-boots",
      status: "draft",
      tags: "boots, rain",
      created_at: NOW_REST,
      updated_at: NOW_REST,
      published_at: null,
      variants: [{ title: "40 / Yellow", option1: "40", option2: "Yellow", option3: null }],
    });
    expect(dig(payloadOf(hooks, "collections/update"), "id")).toBe(601);
  });

  it("defaults to one 'Default Title' variant, ACTIVE, and suffixes a generated handle that is taken", async () => {
    const r = await gql(sim, PRODUCT_CREATE, { product: { title: "Harbor Rain Jacket" } });
    expect(dig(r.body, "data", "productCreate", "product")).toMatchObject({
      handle: "harbor-rain-jacket-1",
      status: "ACTIVE",
      options: [{ name: "Title", values: ["Default Title"] }],
      variants: {
        nodes: [
          { title: "Default Title", selectedOptions: [{ name: "Title", value: "Default Title" }] },
        ],
      },
      collections: { nodes: [] },
    });
    const again = await gql(sim, PRODUCT_CREATE, {
      product: { title: "Harbor  Rain--Jacket ", handle: " " },
    });
    expect(dig(again.body, "data", "productCreate", "product", "handle")).toBe(
      "harbor-rain-jacket-2",
    );
    const hooks = await delivered();
    expect(hooks.map(([t]) => t)).toEqual(["products/create", "products/create"]);
  });

  it("reports bad input as userErrors and changes nothing", async () => {
    const before = JSON.stringify(sim.store);
    const cases: [Record<string, unknown>, unknown][] = [
      [{ vendor: "x" }, [{ field: ["title"], message: "Title can't be blank" }]],
      [{ title: "  " }, [{ field: ["title"], message: "Title can't be blank" }]],
      [
        { title: "Another jacket", handle: "harbor-rain-jacket" },
        [
          {
            field: ["handle"],
            message: "Handle 'harbor-rain-jacket' already in use. Please provide a new handle.",
          },
        ],
      ],
      [
        {
          title: "Four options",
          productOptions: ["A", "B", "C", "D"].map((name) => ({ name, values: [{ name: "x" }] })),
        },
        [{ field: ["productOptions"], message: "Products can have at most 3 options" }],
      ],
      [
        { title: "Bad metafield", metafields: [{ namespace: "custom", key: "k", value: "v" }] },
        [
          {
            field: ["metafields", "0"],
            message: "Namespace, key and type are required for a new metafield",
          },
        ],
      ],
    ];
    for (const [product, userErrors] of cases) {
      const r = await gql(sim, PRODUCT_CREATE, { product });
      expect(dig(r.body, "data", "productCreate", "product")).toBeNull();
      expect(dig(r.body, "data", "productCreate", "userErrors")).toEqual(userErrors);
    }
    const giftCard = await gql(sim, PRODUCT_CREATE, { product: { title: "Card", giftCard: true } });
    expect(notImplemented(giftCard.body)).toMatch(/productCreate for: giftCard/);
    const media = await gql(
      sim,
      `mutation { productCreate(product: { title: "x" }, media: [{ originalSource: "https://example.com/a.jpg", mediaContentType: IMAGE }]) { userErrors { message } } }`,
    );
    expect(notImplemented(media.body)).toMatch(/media/);
    expect(JSON.stringify(sim.store)).toBe(before);
    await expectNoWebhooks();
  });
});

describe("productDelete", () => {
  it("removes the product, its inventory and its collection memberships and fires products/delete", async () => {
    const ordersBefore = JSON.stringify(sim.store.orders);
    const product = sim.store.products[0]!;
    const items = new Set(product.variants.map((v) => v.inventoryItem.id));
    const r = await gql(sim, PRODUCT_DELETE, { id: "gid://shopify/Product/101" });
    expect(dig(r.body, "data", "productDelete")).toEqual({
      deletedProductId: "gid://shopify/Product/101",
      shop: { id: sim.store.shop.id },
      userErrors: [],
    });
    expect(sim.store.products.map((p) => p.id)).not.toContain("gid://shopify/Product/101");
    expect(sim.store.inventoryLevels.filter((l) => items.has(l.inventoryItemId))).toEqual([]);
    expect(sim.store.collections.map((c) => [c.id, c.productIds, c.updatedAt])).toEqual([
      ["gid://shopify/Collection/601", [], NOW_ISO],
      [
        "gid://shopify/Collection/602",
        ["gid://shopify/Product/102", "gid://shopify/Product/104"],
        NOW_ISO,
      ],
    ]);
    // Completed orders keep their line items.
    expect(JSON.stringify(sim.store.orders)).toBe(ordersBefore);
    const read = await gql(sim, `{ product(id: "gid://shopify/Product/101") { id } }`);
    expect(dig(read.body, "data", "product")).toBeNull();

    const hooks = await delivered();
    expect(hooks.map(([t]) => t).sort()).toEqual([
      "collections/update",
      "collections/update",
      "products/delete",
    ]);
    const payload = payloadOf(hooks, "products/delete");
    expect(keys(payload)).toEqual(keys(officialExample("products/delete")));
    expect(payload).toEqual({ id: 101 });
  });

  it("reports an unknown product as a userError, and never hands a deleted id out again", async () => {
    const created = await gql(sim, PRODUCT_CREATE, { product: { title: "Short-lived" } });
    const id = String(dig(created.body, "data", "productCreate", "product", "id"));
    await gql(sim, PRODUCT_DELETE, { id });
    const again = await gql(sim, PRODUCT_DELETE, { id });
    expect(dig(again.body, "data", "productDelete")).toEqual({
      deletedProductId: null,
      shop: { id: sim.store.shop.id },
      userErrors: [{ field: ["id"], message: "Product does not exist" }],
    });
    const next = await gql(sim, PRODUCT_CREATE, { product: { title: "Short-lived" } });
    expect(dig(next.body, "data", "productCreate", "product")).toMatchObject({
      id: "gid://shopify/Product/106",
      handle: "short-lived",
    });
    expect(id).toBe("gid://shopify/Product/105");
    const async = await gql(
      sim,
      `mutation { productDelete(input: { id: "gid://shopify/Product/102" }, synchronous: false) { deletedProductId } }`,
    );
    expect(notImplemented(async.body)).toMatch(/synchronous: false/);
    const hooks = await delivered();
    expect(hooks.map(([t]) => t)).toEqual([
      "products/create",
      "products/delete",
      "products/create",
    ]);
  });
});

describe("productUpdate and collection membership", () => {
  it("fires collections/update once per collection whose products changed", async () => {
    const r = await gql(
      sim,
      `mutation { productUpdate(product: { id: "gid://shopify/Product/102", collectionsToJoin: ["gid://shopify/Collection/601", "gid://shopify/Collection/602"] }) { userErrors { message } } }`,
    );
    expect(dig(r.body, "data", "productUpdate", "userErrors")).toEqual([]);
    const hooks = await delivered();
    // 602 already holds the product: it does not change.
    expect(hooks.map(([t, p]) => [t, p.id])).toEqual([
      ["products/update", 102],
      ["collections/update", 601],
    ]);
    expect(sim.store.collections[1]?.updatedAt).toBe("2026-11-01T08:30:00Z");
  });
});

const COLLECTION_FIELDS =
  "id title handle descriptionHtml updatedAt sortOrder products(first: 5) { nodes { id } }";

describe("collectionCreate / collectionUpdate / collectionDelete", () => {
  it("creates a collection and fires collections/create with the documented payload", async () => {
    const r = await gql(
      sim,
      `mutation($c: CollectionCreateInput!) { collectionCreate(collection: $c) { collection { ${COLLECTION_FIELDS} } userErrors { field message } } }`,
      { c: { title: "Gifts", descriptionHtml: "<p>For giving</p>", sortOrder: "MANUAL" } },
    );
    expect(r.body.errors).toBeUndefined();
    expect(dig(r.body, "data", "collectionCreate")).toEqual({
      collection: {
        id: "gid://shopify/Collection/603",
        title: "Gifts",
        handle: "gifts-1",
        descriptionHtml: "<p>For giving</p>",
        updatedAt: NOW_ISO,
        sortOrder: "MANUAL",
        products: { nodes: [] },
      },
      userErrors: [],
    });
    const hooks = await delivered();
    const payload = payloadOf(hooks, "collections/create");
    expect(keys(payload)).toEqual(keys(officialExample("collections/create")));
    expect(payload).toEqual({
      id: 603,
      handle: "gifts-1",
      title: "Gifts",
      updated_at: NOW_REST,
      body_html: "<p>For giving</p>",
      published_at: null,
      sort_order: "manual",
      template_suffix: null,
      published_scope: "web",
      admin_graphql_api_id: "gid://shopify/Collection/603",
    });
  });

  it("takes the initial products of the deprecated input and reports bad input as userErrors", async () => {
    const r = await gql(
      sim,
      `mutation { collectionCreate(input: { title: "Deck", handle: "deck", products: ["gid://shopify/Product/102", "gid://shopify/Product/103"] }) { collection { handle products(first: 5) { nodes { id } } } userErrors { field message } } }`,
    );
    expect(dig(r.body, "data", "collectionCreate")).toEqual({
      collection: {
        handle: "deck",
        products: {
          nodes: [{ id: "gid://shopify/Product/102" }, { id: "gid://shopify/Product/103" }],
        },
      },
      userErrors: [],
    });
    const count = sim.store.collections.length;
    const bad = await gql(
      sim,
      `mutation { collectionCreate(input: { title: " ", handle: "outerwear", products: ["gid://shopify/Product/999"] }) { collection { id } userErrors { field message } } }`,
    );
    expect(dig(bad.body, "data", "collectionCreate")).toEqual({
      collection: null,
      userErrors: [
        { field: ["title"], message: "Title can't be blank" },
        {
          field: ["handle"],
          message: "Handle 'outerwear' already in use. Please provide a new handle.",
        },
        { field: ["products", "0"], message: "Product does not exist" },
      ],
    });
    const smart = await gql(
      sim,
      `mutation { collectionCreate(collection: { title: "Cheap", sortOrder: PRICE_ASC, seo: { title: "x" } }) { userErrors { message } } }`,
    );
    expect(notImplemented(smart.body)).toMatch(/collectionCreate for: seo, sortOrder: PRICE_ASC/);
    expect(sim.store.collections).toHaveLength(count);
    const hooks = await delivered();
    expect(hooks.map(([t]) => t)).toEqual(["collections/create"]);
  });

  it("updates a collection and fires collections/update; unknown ids and taken handles are userErrors", async () => {
    const UPDATE = `mutation($c: CollectionUpdateInput!) { collectionUpdate(collection: $c) { collection { id title handle updatedAt } userErrors { field message } } }`;
    const r = await gql(sim, UPDATE, {
      c: { id: "gid://shopify/Collection/601", title: "Coats", handle: "coats" },
    });
    expect(dig(r.body, "data", "collectionUpdate")).toEqual({
      collection: {
        id: "gid://shopify/Collection/601",
        title: "Coats",
        handle: "coats",
        updatedAt: NOW_ISO,
      },
      userErrors: [],
    });
    const missing = await gql(sim, UPDATE, {
      c: { id: "gid://shopify/Collection/999", title: "x" },
    });
    expect(dig(missing.body, "data", "collectionUpdate")).toEqual({
      collection: null,
      userErrors: [{ field: ["id"], message: "Collection does not exist" }],
    });
    const taken = await gql(sim, UPDATE, {
      c: { id: "gid://shopify/Collection/601", handle: "gifts" },
    });
    expect(dig(taken.body, "data", "collectionUpdate", "userErrors", 0, "field")).toEqual([
      "handle",
    ]);
    const products = await gql(
      sim,
      `mutation { collectionUpdate(input: { id: "gid://shopify/Collection/601", products: ["gid://shopify/Product/102"] }) { userErrors { field } } }`,
    );
    expect(dig(products.body, "data", "collectionUpdate", "userErrors", 0, "field")).toEqual([
      "products",
    ]);
    expect(sim.store.collections[0]).toMatchObject({
      title: "Coats",
      handle: "coats",
      productIds: ["gid://shopify/Product/101"],
    });
    const hooks = await delivered();
    expect(hooks.map(([t]) => t)).toEqual(["collections/update"]);
    const payload = payloadOf(hooks, "collections/update");
    expect(keys(payload)).toEqual(keys(officialExample("collections/update")));
    expect(payload).toMatchObject({
      id: 601,
      title: "Coats",
      handle: "coats",
      updated_at: NOW_REST,
    });
  });

  it("deletes a collection, keeps its products and fires collections/delete", async () => {
    const DELETE = `mutation($id: ID!) { collectionDelete(input: { id: $id }) { deletedCollectionId shop { id } userErrors { field message } } }`;
    const products = sim.store.products.length;
    const r = await gql(sim, DELETE, { id: "gid://shopify/Collection/602" });
    expect(dig(r.body, "data", "collectionDelete")).toEqual({
      deletedCollectionId: "gid://shopify/Collection/602",
      shop: { id: sim.store.shop.id },
      userErrors: [],
    });
    expect(sim.store.collections.map((c) => c.id)).toEqual(["gid://shopify/Collection/601"]);
    expect(sim.store.products).toHaveLength(products);
    const again = await gql(sim, DELETE, { id: "gid://shopify/Collection/602" });
    expect(dig(again.body, "data", "collectionDelete")).toEqual({
      deletedCollectionId: null,
      shop: { id: sim.store.shop.id },
      userErrors: [{ field: ["id"], message: "Collection does not exist" }],
    });
    const hooks = await delivered();
    const payload = payloadOf(hooks, "collections/delete");
    expect(keys(payload)).toEqual(keys(officialExample("collections/delete")));
    expect(payload).toEqual({
      id: 602,
      published_scope: "web",
      admin_graphql_api_id: "gid://shopify/Collection/602",
    });
  });
});

const ORDER_CREATE = `mutation($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
  orderCreate(order: $order, options: $options) {
    order {
      id name createdAt processedAt updatedAt test sourceName currencyCode discountCodes
      subtotalPriceSet { shopMoney { amount currencyCode } }
      totalPriceSet { shopMoney { amount } }
      totalDiscountsSet { shopMoney { amount } }
      customAttributes { key value }
      customer { id email firstName lastName }
      shippingAddress { countryCodeV2 }
      lineItems(first: 5) { nodes { id title quantity sku product { id } variant { id } originalUnitPriceSet { shopMoney { amount } } } }
    }
    userErrors { field message code }
  }
}`;

describe("orderCreate", () => {
  it("creates the order from variants and custom items and fires orders/create", async () => {
    const r = await gql(sim, ORDER_CREATE, {
      order: {
        lineItems: [
          { variantId: "gid://shopify/ProductVariant/302", quantity: 2 },
          {
            title: "Gift wrap",
            quantity: 1,
            priceSet: { shopMoney: { amount: "5.00", currencyCode: "USD" } },
          },
        ],
        discountCode: { itemPercentageDiscountCode: { code: "CREATOR10", percentage: 10 } },
        customer: { toUpsert: { email: "new@example.com", firstName: "Noa", lastName: "Berg" } },
        customAttributes: [{ key: "creator", value: "leo" }],
        shippingAddress: { countryCode: "NL" },
        processedAt: "2026-11-01T09:00:00Z",
        referringSite: "https://www.tiktok.com/",
      },
      options: { inventoryBehaviour: "BYPASS", sendReceipt: false },
    });
    expect(r.body.errors).toBeUndefined();
    expect(dig(r.body, "data", "orderCreate", "userErrors")).toEqual([]);
    const order = dig(r.body, "data", "orderCreate", "order");
    expect(order).toMatchObject({
      id: "gid://shopify/Order/1103",
      name: "#1003",
      createdAt: NOW_ISO,
      processedAt: "2026-11-01T09:00:00Z",
      updatedAt: NOW_ISO,
      test: false,
      // Without a sourceName an API order carries the creating app's id.
      sourceName: "7070707",
      currencyCode: "USD",
      discountCodes: ["CREATOR10"],
      subtotalPriceSet: { shopMoney: { amount: "183.00", currencyCode: "USD" } },
      totalDiscountsSet: { shopMoney: { amount: "18.30" } },
      totalPriceSet: { shopMoney: { amount: "164.70" } },
      customAttributes: [{ key: "creator", value: "leo" }],
      customer: { id: "gid://shopify/Customer/1202", email: "new@example.com", firstName: "Noa" },
      shippingAddress: { countryCodeV2: "NL" },
      lineItems: {
        nodes: [
          {
            id: "gid://shopify/LineItem/1304",
            title: "Harbor Rain Jacket",
            quantity: 2,
            sku: "HRJ-M",
            product: { id: "gid://shopify/Product/101" },
            variant: { id: "gid://shopify/ProductVariant/302" },
            originalUnitPriceSet: { shopMoney: { amount: "89.00" } },
          },
          {
            id: "gid://shopify/LineItem/1305",
            title: "Gift wrap",
            quantity: 1,
            sku: null,
            product: null,
            variant: null,
            originalUnitPriceSet: { shopMoney: { amount: "5.00" } },
          },
        ],
      },
    });
    expect(sim.store.orders).toHaveLength(3);

    const hooks = await delivered();
    expect(hooks.map(([t]) => t)).toEqual(["orders/create"]);
    const payload = payloadOf(hooks, "orders/create");
    // The builder sends the documented keys the store model has values for, and no others.
    const example = officialExample("orders/create");
    const exampleKeys = new Set(keys(example));
    expect(keys(payload).filter((k) => !exampleKeys.has(k))).toEqual([]);
    const lineKeys = new Set(keys(dig(example, "line_items", 0)));
    expect(keys(dig(payload, "line_items", 0)).filter((k) => !lineKeys.has(k))).toEqual([]);
    const customerKeys = new Set(keys(dig(example, "customer")));
    expect(keys(dig(payload, "customer")).filter((k) => !customerKeys.has(k))).toEqual([]);
    const addressKeys = new Set(keys(dig(example, "shipping_address")));
    expect(keys(dig(payload, "shipping_address")).filter((k) => !addressKeys.has(k))).toEqual([]);
    expect(payload).toMatchObject({
      id: 1103,
      admin_graphql_api_id: "gid://shopify/Order/1103",
      name: "#1003",
      created_at: NOW_REST,
      processed_at: "2026-11-01T04:00:00-05:00",
      updated_at: NOW_REST,
      currency: "USD",
      subtotal_price: "183.00",
      total_discounts: "18.30",
      total_price: "164.70",
      discount_codes: [{ code: "CREATOR10", amount: "18.30", type: "fixed_amount" }],
      source_name: "7070707",
      referring_site: "https://www.tiktok.com/",
      note_attributes: [{ name: "creator", value: "leo" }],
      customer: { id: 1202, admin_graphql_api_id: "gid://shopify/Customer/1202" },
      shipping_address: { country_code: "NL" },
      line_items: [
        { id: 1304, product_id: 101, variant_id: 302, quantity: 2, price: "89.00" },
        { id: 1305, product_id: null, variant_id: null, title: "Gift wrap", price: "5.00" },
      ],
    });
  });

  it("associates an existing customer, takes a fixed discount and clamps a future processedAt", async () => {
    const r = await gql(sim, ORDER_CREATE, {
      order: {
        name: "EXT-1",
        test: true,
        sourceName: "wholesale",
        lineItems: [{ variantId: "gid://shopify/ProductVariant/304", quantity: 1 }],
        discountCode: {
          itemFixedDiscountCode: {
            code: "WELCOME",
            amountSet: { shopMoney: { amount: "20.00", currencyCode: "USD" } },
          },
        },
        customer: { toAssociate: { id: "gid://shopify/Customer/1201" } },
        processedAt: "2030-01-01T00:00:00Z",
      },
    });
    expect(dig(r.body, "data", "orderCreate", "userErrors")).toEqual([]);
    expect(dig(r.body, "data", "orderCreate", "order")).toMatchObject({
      name: "EXT-1",
      test: true,
      sourceName: "wholesale",
      processedAt: NOW_ISO,
      subtotalPriceSet: { shopMoney: { amount: "145.00" } },
      totalDiscountsSet: { shopMoney: { amount: "20.00" } },
      totalPriceSet: { shopMoney: { amount: "125.00" } },
      customer: { id: "gid://shopify/Customer/1201", email: "ana@example.com" },
      shippingAddress: null,
    });
    const hooks = await delivered();
    expect(dig(payloadOf(hooks, "orders/create"), "customer", "id")).toBe(1201);
  });

  it("upserts a customer matched by email into every order that holds it", async () => {
    const r = await gql(sim, ORDER_CREATE, {
      order: {
        lineItems: [{ variantId: "gid://shopify/ProductVariant/302", quantity: 1 }],
        customer: { toUpsert: { email: "ANA@example.com", firstName: "Anna" } },
      },
    });
    expect(dig(r.body, "data", "orderCreate", "order", "customer")).toEqual({
      id: "gid://shopify/Customer/1201",
      email: "ANA@example.com",
      firstName: "Anna",
      lastName: "Lopez",
    });
    expect(sim.store.orders.map((o) => o.customer?.firstName ?? null)).toEqual([
      "Anna",
      null,
      "Anna",
    ]);
  });

  it("reports bad input as userErrors and fails loudly on fields the store lacks", async () => {
    const before = JSON.stringify(sim.store.orders);
    const errorsOf = async (order: Record<string, unknown>) =>
      dig((await gql(sim, ORDER_CREATE, { order })).body, "data", "orderCreate", "userErrors");
    expect(await errorsOf({})).toEqual([
      { field: ["order", "lineItems"], message: "Line items can't be blank", code: "INVALID" },
    ]);
    expect(
      await errorsOf({
        lineItems: [
          { variantId: "gid://shopify/ProductVariant/999", quantity: 1 },
          { title: "Custom", quantity: 0 },
          {
            title: "Euro item",
            quantity: 1,
            priceSet: { shopMoney: { amount: "1.00", currencyCode: "EUR" } },
          },
        ],
      }),
    ).toEqual([
      {
        field: ["order", "lineItems", "0", "variantId"],
        message: "Product variant does not exist",
        code: "INVALID",
      },
      {
        field: ["order", "lineItems", "1", "quantity"],
        message: "Quantity must be greater than or equal to 1",
        code: "INVALID",
      },
      {
        field: ["order", "lineItems", "1", "priceSet"],
        message: "Price can't be blank",
        code: "INVALID",
      },
      {
        field: ["order", "lineItems", "2", "priceSet"],
        message: "Price must be in the order's currency (USD)",
        code: "INVALID",
      },
    ]);
    const line = { variantId: "gid://shopify/ProductVariant/302", quantity: 1 };
    expect(
      await errorsOf({
        lineItems: [line],
        customerId: "gid://shopify/Customer/1201",
        customer: { toUpsert: { email: "x@example.com" } },
      }),
    ).toMatchObject([{ field: ["order", "customer"], code: "REDUNDANT_CUSTOMER_FIELDS" }]);
    expect(
      await errorsOf({
        lineItems: [line],
        customer: { toAssociate: { id: "gid://shopify/Customer/9999" } },
        sourceName: "web",
      }),
    ).toMatchObject([
      { field: ["order", "customer", "toAssociate"], message: "Customer does not exist" },
      { field: ["order", "sourceName"], code: "INVALID" },
    ]);
    const unmodeled = await gql(sim, ORDER_CREATE, {
      order: {
        lineItems: [{ ...line, requiresShipping: true }],
        email: "a@example.com",
        transactions: [],
        shippingAddress: { countryCode: "US", city: "Boston" },
      },
      options: { inventoryBehaviour: "DECREMENT_OBEYING_POLICY" },
    });
    expect(notImplemented(unmodeled.body)).toBe(
      "The simulated store does not implement orderCreate for: email, transactions, shippingAddress.city, lineItems.0.requiresShipping, options.inventoryBehaviour: DECREMENT_OBEYING_POLICY.",
    );
    expect(JSON.stringify(sim.store.orders)).toBe(before);
    await expectNoWebhooks();
  });
});
