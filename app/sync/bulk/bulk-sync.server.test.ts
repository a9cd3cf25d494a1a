import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateStore } from "../../../simulator/catalog/generate";
import { startSimulator, type Simulator } from "../../../simulator";
import { db } from "../../db.server";
import { createAdminClient } from "../../graphql/admin-client";
import {
  BulkOperationRunQuery,
  type BulkOperationRunQueryResult,
} from "../../graphql/BulkOperationRunQuery";
import { BULK_QUERIES, completeBulkSync, startBulkSync } from "./bulk-sync.server";

const SHOP = "bulk-shop.myshopify.com";
const TOKEN = "shpat_bulk_test";
const store = generateStore({ seed: 3, products: 45, shopDomain: SHOP });
const workDir = mkdtempSync(path.join(os.tmpdir(), "sw-bulk-"));
let sim: Simulator;

const client = () =>
  createAdminClient({
    shop: SHOP,
    accessToken: TOKEN,
    endpoint: sim.graphqlUrl,
    baseDelayMs: 5,
    maxRetryAfterMs: 20,
  });
async function sync(fetcher?: typeof fetch) {
  const { runId } = await startBulkSync({
    db: db(),
    client: client(),
    shop: SHOP,
    resource: "products",
  });
  return { runId, ...(await complete(runId, fetcher)) };
}
/** Waits for the run's operation, downloads and ingests (what the completion job does). */
function complete(runId: string, fetcher?: typeof fetch) {
  return completeBulkSync({
    db: db(),
    client: client(),
    shop: SHOP,
    runId,
    databaseUrl: process.env.DATABASE_URL!,
    workDir,
    pollMs: 20,
    fetch: fetcher,
  });
}

beforeAll(async () => {
  sim = await startSimulator({
    store,
    accessToken: TOKEN,
    apiSecret: "s",
    webhookSubscriptions: [],
  });
});
afterAll(async () => sim?.close());

describe("bulk sync of products from the (simulated) Admin API", () => {
  it("mirrors every product, variant, image and metafield of the store", async () => {
    const { report, runId } = await sync();
    const variants = store.products.reduce((n, p) => n + p.variants.length, 0);
    const images = store.products.reduce((n, p) => n + p.media.length, 0);
    const metafields = store.products.reduce((n, p) => n + p.metafields.length, 0);
    expect(report?.counts).toMatchObject({ products: store.products.length, variants, images });
    expect(report?.counts.metafields ?? 0).toBe(metafields);
    expect(await db().product.count({ where: { shop: SHOP } })).toBe(store.products.length);
    expect(await db().variant.count({ where: { shop: SHOP } })).toBe(variants);
    const sample = store.products[7]!;
    const mirrored = await db().product.findUniqueOrThrow({
      where: { shop_id: { shop: SHOP, id: sample.id } },
    });
    expect(mirrored).toMatchObject({
      title: sample.title,
      handle: sample.handle,
      categoryId: sample.category?.id ?? null,
      status: sample.status,
    });
    const v = sample.variants[0]!;
    const mv = await db().variant.findUniqueOrThrow({
      where: { shop_id: { shop: SHOP, id: v.id } },
    });
    expect(mv).toMatchObject({
      productId: sample.id,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price,
      hsCode: v.inventoryItem.harmonizedSystemCode,
    });
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe(
      "completed",
    );
  });

  it("completes through throttling and a cut-off download", async () => {
    sim.faults.throttle = 2;
    sim.faults.truncateDownloads = true;
    let downloads = 0;
    const fetcher: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes("/bulk/") && ++downloads === 1)
        sim.faults.truncateDownloads = false;
      return response;
    };
    const { report } = await sync(fetcher);
    expect(downloads).toBeGreaterThanOrEqual(2);
    expect(report?.counts.products).toBe(store.products.length);
    expect(report?.problems).toEqual([]);
  });

  it("adopts the operation a process that died right after starting it left without a run", async () => {
    // What the dead process did: Shopify started the products query; no run records it.
    sim.faults.holdBulkOperations = true;
    const started = await client().request<BulkOperationRunQueryResult>(BulkOperationRunQuery, {
      query: BULK_QUERIES.products.document,
    });
    const orphan = started.bulkOperationRunQuery!.bulkOperation!.id;
    // Another resource cannot start meanwhile (one bulk query per shop): refused, not adopted.
    await expect(
      startBulkSync({ db: db(), client: client(), shop: SHOP, resource: "orders" }),
    ).rejects.toThrow(/did not start the orders sync: .*already in progress/);
    const { runId, bulkOperationId } = await startBulkSync({
      db: db(),
      client: client(),
      shop: SHOP,
      resource: "products",
    });
    expect(bulkOperationId).toBe(orphan);
    // Asked again while it still runs: the same run, not a second one.
    expect(
      await startBulkSync({ db: db(), client: client(), shop: SHOP, resource: "products" }),
    ).toEqual({ runId, bulkOperationId: orphan });
    sim.faults.holdBulkOperations = false;
    const { report } = await complete(runId);
    expect(report?.counts.products).toBe(store.products.length);
    expect(await db().syncRun.count({ where: { shop: SHOP, bulkOperationId: orphan } })).toBe(1);
  });

  it("stops with a clear, resumable error when Shopify's operation fails", async () => {
    sim.faults.failBulkOperations = 1;
    const error = await sync().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/bulk operation ended FAILED.*Start the sync again/);
    const run = await db().syncRun.findFirstOrThrow({
      where: { shop: SHOP },
      orderBy: { startedAt: "desc" },
    });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/FAILED/);
  });
});

describe("a full sync heals a missed delete", () => {
  it("removes mirror rows Shopify no longer has, and keeps the rest", async () => {
    const ghost = "gid://shopify/Product/999999999";
    await db().product.create({
      data: {
        shop: SHOP,
        id: ghost,
        title: "Deleted in Shopify",
        handle: "ghost",
        syncedAt: new Date(Date.now() - 60_000),
      },
    });
    await db().variant.create({
      data: {
        shop: SHOP,
        id: "gid://shopify/ProductVariant/999999999",
        productId: ghost,
        syncedAt: new Date(Date.now() - 60_000),
      },
    });
    await db().product.create({
      data: {
        shop: "another-shop.myshopify.com",
        id: ghost,
        title: "Another shop's",
        handle: "ghost",
        syncedAt: new Date(0),
      },
    });
    await sync();
    expect(await db().product.count({ where: { shop: SHOP, id: ghost } })).toBe(0);
    expect(await db().variant.count({ where: { shop: SHOP, productId: ghost } })).toBe(0);
    expect(await db().product.count({ where: { shop: SHOP } })).toBe(store.products.length);
    expect(await db().product.count({ where: { shop: "another-shop.myshopify.com" } })).toBe(1);
  });
});

describe("bulk sync of collections, inventory and orders", () => {
  async function syncResource(resource: "collections" | "inventory" | "orders") {
    const { runId } = await startBulkSync({ db: db(), client: client(), shop: SHOP, resource });
    return completeBulkSync({
      db: db(),
      client: client(),
      shop: SHOP,
      runId,
      databaseUrl: process.env.DATABASE_URL!,
      workDir,
      pollMs: 20,
    });
  }

  it("mirrors collections and their memberships, and leaves the products alone", async () => {
    const productsBefore = await db().product.count({ where: { shop: SHOP } });
    expect(productsBefore).toBe(store.products.length);
    await syncResource("collections");
    expect(await db().collection.count({ where: { shop: SHOP } })).toBe(store.collections.length);
    expect(await db().collectionProduct.count({ where: { shop: SHOP } })).toBe(
      store.collections.reduce((n, c) => n + c.productIds.length, 0),
    );
    expect(await db().product.count({ where: { shop: SHOP } })).toBe(productsBefore);
  });

  it("mirrors locations and every inventory level", async () => {
    await syncResource("inventory");
    expect(await db().location.count({ where: { shop: SHOP } })).toBe(store.locations.length);
    expect(await db().inventoryLevel.count({ where: { shop: SHOP } })).toBe(
      store.inventoryLevels.length,
    );
    const level = store.inventoryLevels[0]!;
    const mirrored = await db().inventoryLevel.findUniqueOrThrow({
      where: {
        shop_inventoryItemId_locationId: {
          shop: SHOP,
          inventoryItemId: level.inventoryItemId,
          locationId: level.locationId,
        },
      },
    });
    expect(mirrored.available).toBe(level.available);
  });

  it("mirrors orders with their attribution and lines", async () => {
    await syncResource("orders");
    expect(await db().order.count({ where: { shop: SHOP } })).toBe(store.orders.length);
    expect(await db().orderLine.count({ where: { shop: SHOP } })).toBe(
      store.orders.reduce((n, o) => n + o.lineItems.length, 0),
    );
    const attributed = store.orders.find(
      (o) => o.customerJourney?.firstVisit?.utmParameters?.source && o.discountCodes.length,
    )!;
    const row = await db().order.findUniqueOrThrow({
      where: { shop_id: { shop: SHOP, id: attributed.id } },
    });
    expect(row.utmSource).toBe(attributed.customerJourney!.firstVisit!.utmParameters!.source);
    expect(row.discountCodes).toBe(attributed.discountCodes.join(","));
    expect(row.total).toBe(attributed.total);
  });
});
