import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "./server";
import {
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

let receiver: WebhookReceiver;
let sim: Simulator;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  sim = await startTestSimulator({
    appUrl: receiver.url,
    now: () => NOW,
    webhookSubscriptions: [
      { topic: "inventory_levels/update", uri: "/webhooks/inventory" },
      { topic: "orders/updated", uri: "/webhooks/orders" },
    ],
  });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

function expectSigned(hook: ReceivedWebhook | undefined, topic: string): unknown {
  if (!hook) throw new Error("no webhook");
  expect(hook.headers["x-shopify-topic"]).toBe(topic);
  expect(hook.headers["x-shopify-hmac-sha256"]).toBe(
    createHmac("sha256", TEST_SECRET).update(hook.rawBody, "utf8").digest("base64"),
  );
  return JSON.parse(hook.rawBody);
}

const SET_QUANTITIES = `mutation($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { id reason createdAt changes { name delta quantityAfterChange item { id } location { id } } }
    userErrors { field message code }
  }
}`;

const ITEM = "gid://shopify/InventoryItem/1301";
const WAREHOUSE = "gid://shopify/Location/701";
const THREE_PL = "gid://shopify/Location/702";

function level(item: string, location: string) {
  const found = sim.store.inventoryLevels.find(
    (l) => l.inventoryItemId === item && l.locationId === location,
  );
  if (!found) throw new Error(`no level ${item} @ ${location}`);
  return found;
}

describe("inventorySetQuantities", () => {
  it("sets available, moves on_hand by the same delta and fires inventory_levels/update per level", async () => {
    const r = await gql(sim, SET_QUANTITIES, {
      input: {
        name: "available",
        reason: "correction",
        quantities: [
          { inventoryItemId: ITEM, locationId: WAREHOUSE, quantity: 25, changeFromQuantity: 10 },
          { inventoryItemId: ITEM, locationId: THREE_PL, quantity: 0 },
          // unchanged: no change entry, no webhook
          {
            inventoryItemId: "gid://shopify/InventoryItem/1302",
            locationId: WAREHOUSE,
            quantity: 11,
          },
        ],
      },
    });
    expect(r.body.errors).toBeUndefined();
    expect(dig(r.body, "data", "inventorySetQuantities", "userErrors")).toEqual([]);
    const group = dig(r.body, "data", "inventorySetQuantities", "inventoryAdjustmentGroup");
    expect(dig(group, "id")).toBe("gid://shopify/InventoryAdjustmentGroup/1");
    expect(dig(group, "reason")).toBe("correction");
    expect(dig(group, "createdAt")).toBe(NOW_ISO);
    expect(dig(group, "changes")).toEqual([
      {
        name: "available",
        delta: 15,
        quantityAfterChange: 25,
        item: { id: ITEM },
        location: { id: WAREHOUSE },
      },
      {
        name: "on_hand",
        delta: 15,
        quantityAfterChange: 27,
        item: { id: ITEM },
        location: { id: WAREHOUSE },
      },
      {
        name: "available",
        delta: -3,
        quantityAfterChange: 0,
        item: { id: ITEM },
        location: { id: THREE_PL },
      },
      {
        name: "on_hand",
        delta: -3,
        quantityAfterChange: 0,
        item: { id: ITEM },
        location: { id: THREE_PL },
      },
    ]);
    expect(level(ITEM, WAREHOUSE)).toMatchObject({ available: 25, onHand: 27, updatedAt: NOW_ISO });
    expect(level(ITEM, THREE_PL)).toMatchObject({ available: 0, onHand: 0, updatedAt: NOW_ISO });
    expect(level("gid://shopify/InventoryItem/1302", WAREHOUSE).updatedAt).not.toBe(NOW_ISO);

    await sim.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
    expect(new Set(receiver.received.map((h) => h.path))).toEqual(new Set(["/webhooks/inventory"]));
    // The two deliveries run concurrently: compare them in location order.
    const payloads = receiver.received
      .map((h) => expectSigned(h, "inventory_levels/update"))
      .sort((a, b) => Number(dig(a, "location_id")) - Number(dig(b, "location_id")));
    expect(payloads).toEqual([
      {
        inventory_item_id: 1301,
        location_id: 701,
        available: 25,
        updated_at: NOW_REST,
        admin_graphql_api_id: level(ITEM, WAREHOUSE).id,
      },
      {
        inventory_item_id: 1301,
        location_id: 702,
        available: 0,
        updated_at: NOW_REST,
        admin_graphql_api_id: level(ITEM, THREE_PL).id,
      },
    ]);
  });

  it("sets on_hand and moves available by the same delta", async () => {
    const r = await gql(sim, SET_QUANTITIES, {
      input: {
        name: "on_hand",
        reason: "cycle_count_available",
        quantities: [{ inventoryItemId: ITEM, locationId: WAREHOUSE, quantity: 20 }],
      },
    });
    expect(
      dig(r.body, "data", "inventorySetQuantities", "inventoryAdjustmentGroup", "changes", 0),
    ).toMatchObject({ name: "on_hand", delta: 8, quantityAfterChange: 20 });
    expect(level(ITEM, WAREHOUSE)).toMatchObject({ available: 18, onHand: 20 });
    await sim.webhooksIdle();
    const [hook] = await receiver.waitFor(1);
    expect(dig(expectSigned(hook, "inventory_levels/update"), "available")).toBe(18);
    expect(receiver.received).toHaveLength(1);
  });

  it("rejects the whole input on unknown ids, stale quantities or bad names, changing nothing", async () => {
    const before = JSON.stringify(sim.store.inventoryLevels);
    const r = await gql(sim, SET_QUANTITIES, {
      input: {
        name: "available",
        reason: "correction",
        quantities: [
          { inventoryItemId: ITEM, locationId: WAREHOUSE, quantity: 5 },
          {
            inventoryItemId: "gid://shopify/InventoryItem/9999",
            locationId: WAREHOUSE,
            quantity: 1,
          },
          { inventoryItemId: ITEM, locationId: "gid://shopify/Location/9999", quantity: 1 },
          {
            inventoryItemId: "gid://shopify/InventoryItem/1302",
            locationId: THREE_PL,
            quantity: 1,
          },
          { inventoryItemId: ITEM, locationId: THREE_PL, quantity: 1, changeFromQuantity: 99 },
        ],
      },
    });
    expect(dig(r.body, "data", "inventorySetQuantities", "inventoryAdjustmentGroup")).toBeNull();
    const errors = dig(r.body, "data", "inventorySetQuantities", "userErrors");
    expect(
      Array.isArray(errors) ? errors.map((e) => [dig(e, "field"), dig(e, "code")]) : errors,
    ).toEqual([
      [["input", "quantities", "1", "inventoryItemId"], "INVALID_INVENTORY_ITEM"],
      [["input", "quantities", "2", "locationId"], "INVALID_LOCATION"],
      [["input", "quantities", "3", "locationId"], "INVALID_LOCATION"],
      [["input", "quantities", "4", "changeFromQuantity"], "CHANGE_FROM_QUANTITY_STALE"],
    ]);
    const badName = await gql(sim, SET_QUANTITIES, {
      input: {
        name: "committed",
        reason: "because",
        quantities: [{ inventoryItemId: ITEM, locationId: WAREHOUSE, quantity: 5 }],
      },
    });
    expect(dig(badName.body, "data", "inventorySetQuantities", "userErrors")).toMatchObject([
      { code: "INVALID_NAME" },
      { code: "INVALID_REASON" },
    ]);
    expect(JSON.stringify(sim.store.inventoryLevels)).toBe(before);
    await sim.webhooksIdle();
    expect(receiver.received).toHaveLength(0);
    expect(sim.deliveries).toHaveLength(0);
  });
});

const ORDER_UPDATE = `mutation($input: OrderInput!) {
  orderUpdate(input: $input) {
    order { id updatedAt customAttributes { key value } }
    userErrors { field message }
  }
}`;

describe("orderUpdate", () => {
  it("replaces customAttributes, bumps updatedAt and fires orders/updated", async () => {
    const r = await gql(sim, ORDER_UPDATE, {
      input: {
        id: "gid://shopify/Order/1101",
        customAttributes: [
          { key: "creator", value: "leo" },
          { key: "gift", value: "yes" },
        ],
      },
    });
    expect(r.body.errors).toBeUndefined();
    expect(dig(r.body, "data", "orderUpdate")).toEqual({
      order: {
        id: "gid://shopify/Order/1101",
        updatedAt: NOW_ISO,
        customAttributes: [
          { key: "creator", value: "leo" },
          { key: "gift", value: "yes" },
        ],
      },
      userErrors: [],
    });
    const order = sim.store.orders.find((o) => o.id === "gid://shopify/Order/1101");
    expect(order?.customAttributes).toEqual([
      { key: "creator", value: "leo" },
      { key: "gift", value: "yes" },
    ]);
    expect(order?.updatedAt).toBe(NOW_ISO);

    await sim.webhooksIdle();
    expect(receiver.received).toHaveLength(1);
    const payload = expectSigned(receiver.received[0], "orders/updated");
    expect(receiver.received[0]?.path).toBe("/webhooks/orders");
    expect(payload).toEqual({
      id: 1101,
      admin_graphql_api_id: "gid://shopify/Order/1101",
      name: "#1001",
      created_at: "2026-10-05T10:00:00-04:00",
      processed_at: "2026-10-05T10:00:00-04:00",
      updated_at: NOW_REST,
      cancelled_at: null,
      test: false,
      currency: "USD",
      subtotal_price: "178.00",
      total_discounts: "17.80",
      total_price: "170.20",
      discount_codes: [{ code: "CREATOR10", amount: "17.80", type: "fixed_amount" }],
      landing_site:
        "/products/harbor-rain-jacket?utm_source=tiktok&utm_medium=social&utm_campaign=fall",
      referring_site: "https://www.tiktok.com/",
      source_name: "web",
      note_attributes: [
        { name: "creator", value: "leo" },
        { name: "gift", value: "yes" },
      ],
      customer: { id: 1201, admin_graphql_api_id: "gid://shopify/Customer/1201" },
      shipping_address: { country_code: "US" },
      line_items: [
        {
          id: 1301,
          admin_graphql_api_id: "gid://shopify/LineItem/1301",
          product_id: 101,
          variant_id: 302,
          sku: "HRJ-M",
          title: "Harbor Rain Jacket",
          quantity: 2,
          price: "89.00",
        },
      ],
    });
  });

  it("reports an unknown order as a userError and fails loudly on fields the store lacks", async () => {
    const missing = await gql(sim, ORDER_UPDATE, {
      input: { id: "gid://shopify/Order/9999", customAttributes: [] },
    });
    expect(dig(missing.body, "data", "orderUpdate")).toEqual({
      order: null,
      userErrors: [{ field: ["id"], message: "Order does not exist" }],
    });
    const unmodeled = await gql(sim, ORDER_UPDATE, {
      input: { id: "gid://shopify/Order/1101", note: "hi", tags: ["x"] },
    });
    expect(dig(unmodeled.body, "errors", 0, "extensions", "code")).toBe(
      "NOT_IMPLEMENTED_IN_SIMULATOR",
    );
    expect(String(dig(unmodeled.body, "errors", 0, "message"))).toMatch(/note, tags/);
    expect(sim.store.orders[0]?.updatedAt).toBe("2026-10-05T14:05:00Z");
    await sim.webhooksIdle();
    expect(receiver.received).toHaveLength(0);
    expect(sim.deliveries).toHaveLength(0);
  });
});
