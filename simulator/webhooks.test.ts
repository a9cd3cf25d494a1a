import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "./server";
import {
  dig,
  gql,
  startTestSimulator,
  startWebhookReceiver,
  TEST_SECRET,
  type WebhookReceiver,
} from "./testing";
import { webhookConfigFromToml } from "./toml";

let receiver: WebhookReceiver;
let sim: Simulator;
let statuses: number[];

beforeEach(async () => {
  statuses = [];
  receiver = await startWebhookReceiver((i) => statuses[i] ?? 200);
  sim = await startTestSimulator({
    appUrl: receiver.url,
    webhookSubscriptions: [
      { topic: "products/update", uri: "/webhooks/products/update" },
      { topic: "customers/redact", uri: "/webhooks/compliance" },
      { topic: "app/uninstalled", uri: `${receiver.url}/absolute/uninstalled` },
    ],
  });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

function hmac(body: string): string {
  return createHmac("sha256", TEST_SECRET).update(body, "utf8").digest("base64");
}

describe("webhook delivery", () => {
  it("POSTs signed JSON with Shopify's headers", async () => {
    const payload = {
      shop_id: 1,
      shop_domain: sim.shop,
      customer: { id: 7, email: "x@example.com" },
      orders_to_redact: [1],
    };
    const records = await sim.sendWebhook("customers/redact", payload);
    expect(records).toHaveLength(1);
    expect(records[0]?.ok).toBe(true);
    const [hook] = await receiver.waitFor(1);
    if (!hook) throw new Error("no webhook");
    expect(hook.path).toBe("/webhooks/compliance");
    expect(JSON.parse(hook.rawBody)).toEqual(payload);
    expect(hook.headers["content-type"]).toBe("application/json");
    expect(hook.headers["x-shopify-hmac-sha256"]).toBe(hmac(hook.rawBody));
    expect(hook.headers["x-shopify-topic"]).toBe("customers/redact");
    expect(hook.headers["x-shopify-shop-domain"]).toBe("seaworthy-demo.myshopify.com");
    expect(hook.headers["x-shopify-api-version"]).toBe("2026-10");
    expect(hook.headers["x-shopify-webhook-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(hook.headers["x-shopify-event-id"]).toBe(records[0]?.eventId);
    expect(Number.isNaN(Date.parse(hook.headers["x-shopify-triggered-at"] ?? ""))).toBe(false);
  });

  it("retries failures with the same event id and records every attempt", async () => {
    statuses = [500, 503, 200];
    const records = await sim.sendWebhook("app/uninstalled", { id: 1 }, { eventId: "evt-1" });
    expect(records.map((r) => [r.attempt, r.status, r.ok])).toEqual([
      [1, 500, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    expect(receiver.received.map((h) => h.headers["x-shopify-event-id"])).toEqual([
      "evt-1",
      "evt-1",
      "evt-1",
    ]);
    expect(new Set(receiver.received.map((h) => h.headers["x-shopify-webhook-id"])).size).toBe(1);
    expect(new Set(receiver.received.map((h) => h.headers["x-shopify-triggered-at"])).size).toBe(1);
    expect(receiver.received[0]?.path).toBe("/absolute/uninstalled");
    expect(sim.deliveries).toHaveLength(3);
  });

  it("gives up after the configured attempts and survives network errors", async () => {
    statuses = [500, 500, 500, 500];
    const records = await sim.sendWebhook("app/uninstalled", {});
    expect(records).toHaveLength(3);
    expect(records.every((r) => !r.ok)).toBe(true);
    await receiver.close();
    const offline = await sim.sendWebhook("customers/redact", {});
    expect(offline).toHaveLength(3);
    expect(offline.every((r) => r.status === null && typeof r.error === "string")).toBe(true);
    receiver = await startWebhookReceiver(); // afterEach closes it again
  });

  it("triggers deliveries over the control endpoint", async () => {
    const res = await fetch(`${sim.url}/_sim/webhooks/customers/redact`, {
      method: "POST",
      body: JSON.stringify({ shop_domain: sim.shop }),
    });
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(dig(body, "deliveries", 0, "ok")).toBe(true);
    const [hook] = await receiver.waitFor(1);
    expect(hook?.headers["x-shopify-topic"]).toBe("customers/redact");
    expect(hook?.headers["x-shopify-hmac-sha256"]).toBe(hmac(hook?.rawBody ?? ""));
  });

  it("productUpdate changes the product, bumps updatedAt and fires products/update", async () => {
    const before = sim.store.products[0]?.updatedAt;
    const r = await gql(
      sim,
      `mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id title tags status seo { title } updatedAt } userErrors { field message } } }`,
      {
        product: {
          id: "gid://shopify/Product/101",
          title: "Harbor Rain Jacket II",
          tags: ["rain"],
          status: "DRAFT",
          seo: { title: "New SEO" },
        },
      },
    );
    expect(dig(r.body, "data", "productUpdate", "userErrors")).toEqual([]);
    expect(dig(r.body, "data", "productUpdate", "product", "title")).toBe("Harbor Rain Jacket II");
    expect(dig(r.body, "extensions", "cost", "requestedQueryCost")).toBe(10);
    const product = sim.store.products[0];
    expect(product?.title).toBe("Harbor Rain Jacket II");
    expect(product?.status).toBe("DRAFT");
    expect(product?.seo.title).toBe("New SEO");
    expect(product?.updatedAt).not.toBe(before);
    await sim.webhooksIdle();
    const [hook] = await receiver.waitFor(1);
    expect(hook?.headers["x-shopify-topic"]).toBe("products/update");
    const payload: unknown = JSON.parse(hook?.rawBody ?? "{}");
    expect(dig(payload, "admin_graphql_api_id")).toBe("gid://shopify/Product/101");
    expect(dig(payload, "id")).toBe(101);
    expect(dig(payload, "title")).toBe("Harbor Rain Jacket II");
    expect(dig(payload, "status")).toBe("draft");
    expect(dig(payload, "tags")).toBe("rain");
    expect(dig(payload, "variants", 0, "sku")).toBe("HRJ-S");
    expect(dig(payload, "variants", 0, "option1")).toBe("S");
    expect(dig(payload, "variants", 0, "inventory_quantity")).toBe(13);
    expect(String(dig(payload, "updated_at"))).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/,
    );
  });

  it("reports productUpdate input problems as userErrors", async () => {
    const missing = await gql(
      sim,
      `mutation { productUpdate(product: { id: "gid://shopify/Product/999", title: "x" }) { product { id } userErrors { field message } } }`,
    );
    expect(dig(missing.body, "data", "productUpdate")).toEqual({
      product: null,
      userErrors: [{ field: ["id"], message: "Product does not exist" }],
    });
    const blank = await gql(
      sim,
      `mutation { productUpdate(product: { id: "gid://shopify/Product/101", title: " " }) { userErrors { field message } } }`,
    );
    expect(dig(blank.body, "data", "productUpdate", "userErrors", 0, "field")).toEqual(["title"]);
    const unknown = await gql(
      sim,
      `mutation { tagsAdd(id: "gid://shopify/Product/101", tags: ["x"]) { userErrors { message } } }`,
    );
    expect(String(dig(unknown.body, "errors", 0, "message"))).toMatch(
      /does not implement the mutation 'tagsAdd'/,
    );
  });
});

describe("shopify.app.toml", () => {
  it("reads webhook subscriptions, compliance topics and the api version", () => {
    const config = webhookConfigFromToml(`
client_id = "abc" # comment
[webhooks]
api_version = "2026-10"

  [[webhooks.subscriptions]]
  topics = [ "app/uninstalled" ]
  uri = "/webhooks/app/uninstalled"

  [[webhooks.subscriptions]]
  topics = [
    "products/create",
    "products/update", # trailing comment
  ]
  uri = "/webhooks/products"

  [[webhooks.subscriptions]]
  compliance_topics = ["customers/data_request", "customers/redact", "shop/redact"]
  uri = "https://example.com/webhooks/compliance"

[access_scopes]
scopes = "read_products"
`);
    expect(config.apiVersion).toBe("2026-10");
    expect(config.subscriptions).toEqual([
      { topic: "app/uninstalled", uri: "/webhooks/app/uninstalled" },
      { topic: "products/create", uri: "/webhooks/products" },
      { topic: "products/update", uri: "/webhooks/products" },
      { topic: "customers/data_request", uri: "https://example.com/webhooks/compliance" },
      { topic: "customers/redact", uri: "https://example.com/webhooks/compliance" },
      { topic: "shop/redact", uri: "https://example.com/webhooks/compliance" },
    ]);
  });
});
