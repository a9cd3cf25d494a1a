import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAdminSchema } from "./schema";
import { unknownResolverFields } from "./resolvers/index";
import type { Simulator } from "./server";
import { asArray, dig, gql, startTestSimulator } from "./testing";

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim.close();
});

describe("resolver map", () => {
  it("only names types and fields that exist in the 2026-10 schema", () => {
    expect(unknownResolverFields(loadAdminSchema("2026-10"))).toEqual([]);
  });
});

describe("HTTP surface", () => {
  it("answers a valid query with data and Shopify's cost extension", async () => {
    const r = await gql(
      sim,
      `{ shop { name email myshopifyDomain contactEmail currencyCode ianaTimezone
           primaryDomain { url host } plan { publicDisplayName partnerDevelopment shopifyPlus }
           billingAddress { countryCodeV2 } } }`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get("x-shopify-api-version")).toBe("2026-10");
    expect(dig(r.body, "data", "shop")).toEqual({
      name: "Seaworthy Demo",
      email: "owner@seaworthy-demo.example",
      myshopifyDomain: "seaworthy-demo.myshopify.com",
      contactEmail: "hello@seaworthy-demo.example",
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
      primaryDomain: { url: "https://seaworthy-demo.example", host: "seaworthy-demo.example" },
      plan: { publicDisplayName: "Shopify", partnerDevelopment: false, shopifyPlus: false },
      billingAddress: { countryCodeV2: "US" },
    });
    const cost = dig(r.body, "extensions", "cost");
    expect(dig(cost, "requestedQueryCost")).toBe(4); // shop + primaryDomain + plan + billingAddress
    expect(dig(cost, "actualQueryCost")).toBe(4);
    expect(dig(cost, "throttleStatus", "maximumAvailable")).toBe(2000);
    expect(dig(cost, "throttleStatus", "restoreRate")).toBe(100);
    expect(typeof dig(cost, "throttleStatus", "currentlyAvailable")).toBe("number");
  });

  it("fails a misspelled field as a query error", async () => {
    const r = await gql(sim, "{ shop { nmae } }");
    expect(r.status).toBe(200);
    expect(r.body.data).toBeUndefined();
    const err = dig(r.body, "errors", 0);
    expect(dig(err, "message")).toBe("Field 'nmae' doesn't exist on type 'Shop'");
    expect(dig(err, "extensions", "code")).toBe("undefinedField");
    expect(dig(err, "locations", 0)).toEqual({ line: 1, column: 10 });
  });

  it("rejects a wrong access token with 401", async () => {
    const r = await gql(sim, "{ shop { name } }", {}, { token: "shpat_wrong" });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
  });

  it("answers 404 for another shop or API version", async () => {
    const other = await gql(
      sim,
      "{ shop { name } }",
      {},
      { url: `${sim.url}/other.myshopify.com/admin/api/2026-10/graphql.json` },
    );
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ errors: "Not Found" });
    const version = await gql(
      sim,
      "{ shop { name } }",
      {},
      { url: `${sim.url}/${sim.shop}/admin/api/2025-01/graphql.json` },
    );
    expect(version.status).toBe(404);
  });

  it("refuses connections without first or last", async () => {
    const r = await gql(sim, "{ products { edges { node { id } } } }");
    expect(r.status).toBe(200);
    expect(dig(r.body, "errors", 0, "message")).toBe("you must provide one of first or last");
    expect(dig(r.body, "errors", 0, "path")).toEqual(["products"]);
    expect(r.body.data).toBeUndefined();
  });

  it("refuses queries above the 1000-point limit", async () => {
    const r = await gql(
      sim,
      "{ products(first: 250) { nodes { variants(first: 100) { nodes { id } } } } }",
    );
    expect(dig(r.body, "errors", 0, "extensions", "code")).toBe("MAX_COST_EXCEEDED");
    expect(dig(r.body, "extensions", "cost", "requestedQueryCost")).toBe(2 + 250 * (1 + 2 + 100));
  });

  it("serves health and 404s unknown paths", async () => {
    const health = await fetch(`${sim.url}/_sim/health`).then((r) => r.json());
    expect(dig(health, "ok")).toBe(true);
    expect((await fetch(`${sim.url}/nope`)).status).toBe(404);
  });
});

describe("products", () => {
  it("pages through every product exactly once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const r = await gql(
        sim,
        `query($after: String) { products(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor hasPreviousPage startCursor } } }`,
        { after },
      );
      const conn = dig(r.body, "data", "products");
      for (const e of asArray(dig(conn, "edges"))) seen.push(String(dig(e, "node", "id")));
      expect(dig(conn, "pageInfo", "hasPreviousPage")).toBe(page > 0);
      if (!dig(conn, "pageInfo", "hasNextPage")) break;
      after = String(dig(conn, "pageInfo", "endCursor"));
    }
    expect(seen).toEqual(sim.store.products.map((p) => p.id));
  });

  it("sorts by UPDATED_AT and reverses; supports last/before", async () => {
    const r = await gql(
      sim,
      "{ products(first: 10, sortKey: UPDATED_AT, reverse: true) { nodes { id updatedAt } } }",
    );
    const ids = asArray(dig(r.body, "data", "products", "nodes")).map((n) => dig(n, "id"));
    expect(ids[0]).toBe("gid://shopify/Product/102");
    expect(ids.at(-1)).toBe("gid://shopify/Product/104");
    const last = await gql(
      sim,
      "{ products(last: 2) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }",
    );
    expect(asArray(dig(last.body, "data", "products", "nodes")).map((n) => dig(n, "id"))).toEqual([
      "gid://shopify/Product/103",
      "gid://shopify/Product/104",
    ]);
    expect(dig(last.body, "data", "products", "pageInfo")).toEqual({
      hasPreviousPage: true,
      hasNextPage: false,
    });
  });

  it("filters with Shopify search syntax and counts", async () => {
    const ids = async (q: string): Promise<unknown[]> =>
      asArray(
        dig(
          (
            await gql(
              sim,
              "query($q: String) { products(first: 50, query: $q) { nodes { id } } }",
              { q },
            )
          ).body,
          "data",
          "products",
          "nodes",
        ),
      ).map((n) => dig(n, "id"));
    expect(await ids("status:active")).toEqual([
      "gid://shopify/Product/101",
      "gid://shopify/Product/102",
    ]);
    expect(await ids("title:*rain*")).toEqual(["gid://shopify/Product/101"]);
    expect(await ids("lamp")).toEqual(["gid://shopify/Product/102"]);
    expect(await ids("updated_at:>'2026-10-15T00:00:00Z'")).toEqual(["gid://shopify/Product/102"]);
    expect(await ids("vendor:'Lumen & Co' AND -status:archived")).toEqual([
      "gid://shopify/Product/102",
    ]);
    expect(await ids("tag:bags OR tag:gifts")).toEqual([
      "gid://shopify/Product/103",
      "gid://shopify/Product/104",
    ]);
    const count = await gql(
      sim,
      `{ all: productsCount { count precision } active: productsCount(query: "status:active") { count } }`,
    );
    expect(dig(count.body, "data")).toEqual({
      all: { count: 4, precision: "EXACT" },
      active: { count: 2 },
    });
    const warn = await gql(sim, `{ products(first: 5, query: "colour:red") { nodes { id } } }`);
    expect(dig(warn.body, "extensions", "search", 0, "warnings", 0, "field")).toBe("colour");
  });

  it("resolves product, variant, inventory, media and metafield fields", async () => {
    const r = await gql(
      sim,
      `query($id: ID!) { product(id: $id) {
          id title handle vendor productType descriptionHtml status tags createdAt updatedAt publishedAt totalInventory
          category { id name fullName } seo { title description } options { name position values }
          featuredMedia { id ... on MediaImage { image { url } } }
          media(first: 5) { nodes { mediaContentType ... on MediaImage { id alt image { url width height } } } }
          metafields(first: 5) { nodes { namespace key type value } }
          metafield(namespace: "custom", key: "material") { value }
          collections(first: 5) { nodes { handle } }
          variants(first: 5) { nodes {
            id sku barcode price compareAtPrice inventoryQuantity selectedOptions { name value }
            product { id }
            inventoryItem { id tracked unitCost { amount currencyCode } countryCodeOfOrigin harmonizedSystemCode
              measurement { weight { unit value } }
              inventoryLevels(first: 5) { nodes { location { id } quantities(names: ["available", "on_hand"]) { name quantity } } } }
          } }
        } }`,
      { id: "gid://shopify/Product/101" },
    );
    expect(r.body.errors).toBeUndefined();
    const p = dig(r.body, "data", "product");
    expect(dig(p, "title")).toBe("Harbor Rain Jacket");
    expect(dig(p, "tags")).toEqual(["outerwear", "rain", "bestseller"]);
    expect(dig(p, "category", "name")).toBe("Rain Coats");
    expect(dig(p, "featuredMedia", "image", "url")).toContain("harbor-front.jpg");
    expect(dig(p, "media", "nodes", 1)).toEqual({
      mediaContentType: "IMAGE",
      id: "gid://shopify/MediaImage/402",
      alt: null,
      image: {
        url: "https://cdn.shopify.com/s/files/1/0001/harbor-back.jpg",
        width: 1200,
        height: 1600,
      },
    });
    expect(dig(p, "metafield", "value")).toBe("Recycled nylon");
    expect(asArray(dig(p, "collections", "nodes")).map((c) => dig(c, "handle"))).toEqual([
      "outerwear",
      "gifts",
    ]);
    const v = dig(p, "variants", "nodes", 0);
    expect(dig(v, "sku")).toBe("HRJ-S");
    expect(dig(v, "price")).toBe("89.00");
    expect(dig(v, "inventoryQuantity")).toBe(13);
    expect(dig(v, "inventoryItem", "unitCost")).toEqual({ amount: "31.50", currencyCode: "USD" });
    expect(dig(v, "inventoryItem", "measurement", "weight")).toEqual({ unit: "GRAMS", value: 540 });
    expect(dig(v, "inventoryItem", "inventoryLevels", "nodes", 0)).toEqual({
      location: { id: "gid://shopify/Location/701" },
      quantities: [
        { name: "available", quantity: 10 },
        { name: "on_hand", quantity: 12 },
      ],
    });
    expect(dig(p, "totalInventory")).toBe(10 + 3 + 11 + 12 + 3);
  });

  it("answers fields without store data with null or empty values", async () => {
    const r = await gql(
      sim,
      `{ product(id: "gid://shopify/Product/102") { templateSuffix giftCardTemplateSuffix sellingPlanGroups(first: 2) { nodes { id } } resourcePublicationsCount { count } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    expect(dig(r.body, "data", "product")).toEqual({
      templateSuffix: null,
      giftCardTemplateSuffix: null,
      sellingPlanGroups: { nodes: [] },
      resourcePublicationsCount: null,
    });
  });

  it("lists variants across products and resolves nodes", async () => {
    const r = await gql(
      sim,
      `{ productVariants(first: 3, query: "sku:HRJ-*") { nodes { sku product { handle } } }
      nodes(ids: ["gid://shopify/Product/104", "gid://shopify/Collection/602", "gid://shopify/Order/1102", "gid://shopify/Product/999"]) {
        __typename id ... on Collection { products(first: 5) { nodes { id } } } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    expect(
      asArray(dig(r.body, "data", "productVariants", "nodes")).map((n) => dig(n, "sku")),
    ).toEqual(["HRJ-S", "HRJ-M", "HRJ-L"]);
    const nodes = asArray(dig(r.body, "data", "nodes"));
    expect(nodes.map((n) => dig(n, "__typename"))).toEqual([
      "Product",
      "Collection",
      "Order",
      undefined,
    ]);
    expect(nodes[3]).toBeNull();
    expect(asArray(dig(nodes[1], "products", "nodes")).map((n) => dig(n, "id"))).toEqual([
      "gid://shopify/Product/102",
      "gid://shopify/Product/104",
      "gid://shopify/Product/101",
    ]);
  });
});

describe("orders, markets, locations", () => {
  it("resolves orders with money, attribution and line items", async () => {
    const r = await gql(
      sim,
      `{ orders(first: 5, sortKey: CREATED_AT) { nodes { name createdAt processedAt cancelledAt test currencyCode discountCodes sourceName
          subtotalPriceSet { shopMoney { amount currencyCode } } totalPriceSet { shopMoney { amount } } totalDiscountsSet { shopMoney { amount } }
          customAttributes { key value } customer { id email firstName lastName } shippingAddress { countryCodeV2 }
          customerJourneySummary { daysToConversion firstVisit { landingPage referrerUrl source occurredAt utmParameters { source medium campaign content term } } lastVisit { source utmParameters { source } } }
          lineItems(first: 5) { nodes { title quantity sku product { id } variant { id } originalUnitPriceSet { shopMoney { amount currencyCode } } } } } }
        ordersCount(query: "test:false") { count }
        customers(first: 5) { nodes { email displayName numberOfOrders } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const first = dig(r.body, "data", "orders", "nodes", 0);
    expect(dig(first, "name")).toBe("#1001");
    expect(dig(first, "totalDiscountsSet", "shopMoney", "amount")).toBe("17.80");
    expect(dig(first, "customerJourneySummary", "firstVisit", "utmParameters")).toEqual({
      source: "tiktok",
      medium: "social",
      campaign: "fall",
      content: null,
      term: null,
    });
    expect(dig(first, "customerJourneySummary", "lastVisit")).toEqual({
      source: "direct",
      utmParameters: null,
    });
    expect(dig(first, "lineItems", "nodes", 0, "variant", "id")).toBe(
      "gid://shopify/ProductVariant/302",
    );
    const second = dig(r.body, "data", "orders", "nodes", 1);
    expect(dig(second, "customer")).toBeNull();
    expect(dig(second, "shippingAddress", "countryCodeV2")).toBe("DE");
    expect(dig(r.body, "data", "ordersCount", "count")).toBe(1);
    expect(dig(r.body, "data", "customers", "nodes")).toEqual([
      { email: "ana@example.com", displayName: "Ana Lopez", numberOfOrders: "1" },
    ]);
  });

  it("resolves markets, locations and locales", async () => {
    const r = await gql(
      sim,
      `{ markets(first: 5) { nodes { name handle enabled primary status type currencySettings { baseCurrency { currencyCode } }
          conditions { regionsCondition { regions(first: 10) { nodes { name ... on MarketRegionCountry { code } } } } } } }
        locations(first: 5) { nodes { id name isActive address { countryCode } } }
        shopLocales(published: true) { locale primary published } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const eu = dig(r.body, "data", "markets", "nodes", 0);
    expect(dig(eu, "handle")).toBe("eu");
    expect(dig(eu, "currencySettings", "baseCurrency", "currencyCode")).toBe("EUR");
    expect(
      asArray(dig(eu, "conditions", "regionsCondition", "regions", "nodes")).map((n) =>
        dig(n, "code"),
      ),
    ).toEqual(["DE", "FR", "NL"]);
    expect(dig(r.body, "data", "locations", "nodes", 1, "address", "countryCode")).toBe("NL");
    expect(asArray(dig(r.body, "data", "shopLocales")).map((l) => dig(l, "locale"))).toEqual([
      "en",
      "de",
    ]);
  });
});

describe("cost and throttling", () => {
  it("charges connections as 2 + first x node cost and refunds unused points", async () => {
    const slow = await startTestSimulator({
      bucket: { maximumAvailable: 1000, restoreRate: 0.001 },
    });
    const r = await gql(
      slow,
      "{ products(first: 10) { edges { node { id variants(first: 5) { nodes { id } } } } } }",
    );
    await slow.close();
    // requested: 2 + 10 * (1 + 2 + 5 * 1) = 82
    // actual: 4 products with 3, 1, 2, 1 variants: 2 + (1+2+3) + (1+2+1) + (1+2+2) + (1+2+1) = 21
    expect(dig(r.body, "extensions", "cost", "requestedQueryCost")).toBe(82);
    expect(dig(r.body, "extensions", "cost", "actualQueryCost")).toBe(21);
    // 82 taken up front, 61 refunded after execution.
    expect(dig(r.body, "extensions", "cost", "throttleStatus", "currentlyAvailable")).toBe(
      1000 - 21,
    );
  });

  it("throttles when the bucket is empty and serves again after refill", async () => {
    const small = await startTestSimulator({ bucket: { maximumAvailable: 30, restoreRate: 50 } });
    try {
      const q = "{ products(first: 10) { nodes { id } } }"; // requested 12, actual 6
      const first = await gql(small, q);
      expect(first.body.errors).toBeUndefined();
      small.bucket.set(5);
      const throttled = await gql(small, q);
      expect(throttled.status).toBe(200);
      expect(throttled.body.data).toBeUndefined();
      expect(throttled.body.errors).toEqual([
        {
          message: "Throttled",
          extensions: {
            code: "THROTTLED",
            documentation: "https://shopify.dev/api/usage/rate-limits",
          },
        },
      ]);
      expect(dig(throttled.body, "extensions", "cost", "requestedQueryCost")).toBe(12);
      expect(dig(throttled.body, "extensions", "cost", "actualQueryCost")).toBeNull();
      await new Promise((r) => setTimeout(r, 200)); // 50 points/s * 0.2 s = 10 points
      const again = await gql(small, q);
      expect(again.body.errors).toBeUndefined();
      expect(dig(again.body, "data", "products", "nodes", 0, "id")).toBe(
        "gid://shopify/Product/101",
      );
    } finally {
      await small.close();
    }
  });
});
