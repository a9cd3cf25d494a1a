import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import {
  handleCustomerRedact,
  handleDataRequest,
  handleShopRedact,
} from "../app/privacy/privacy.server";
import { claimEvent } from "../app/webhooks/receive.server";
import { ingestJsonl } from "../app/sync/ingest/ingest.server";
import { openMirrorWriter } from "../app/sync/mirror/writer.server";
import { startRun } from "../app/sync/runs.server";
import { applySyncWebhook } from "../app/sync/webhooks/apply.server";
import { writeBulkProductsFile } from "../bench/bulk-jsonl";
import { officialExample } from "./helpers/webhook";
import { productRow } from "./helpers/rows";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { countShopRows, everyTable, seedShopRows } from "./helpers/fixtures";
import { scratchDatabase, TEST_DATABASE_URL } from "./helpers/postgres";

// The same data paths as on SQLite, on a migrated PostgreSQL database.
describe.runIf(TEST_DATABASE_URL)("data layer on PostgreSQL", () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let db: Db;

  beforeAll(async () => {
    scratch = await scratchDatabase();
    await migrate(scratch.url);
    db = createDb(scratch.url);
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  it("dedupes webhook events per shop", async () => {
    expect(await claimEvent(db, "a.myshopify.com", "evt-1", "shop/redact")).toBe(true);
    expect(await claimEvent(db, "a.myshopify.com", "evt-1", "shop/redact")).toBe(false);
    expect(await claimEvent(db, "b.myshopify.com", "evt-1", "shop/redact")).toBe(true);
  });

  it("erases one shop's rows in every table and keeps the other's", async () => {
    await seedShopRows(db, "pg-a.myshopify.com");
    await seedShopRows(db, "pg-b.myshopify.com");
    await handleShopRedact(db, "pg-a.myshopify.com");
    expect(await countShopRows(db, "pg-a.myshopify.com")).toEqual(everyTable(0));
    expect(await countShopRows(db, "pg-b.myshopify.com")).toEqual(everyTable(1));
  });

  it("stores a data request report as JSON and scrubs it on redact", async () => {
    const customer = { id: 7, email: "pg@example.com", phone: null };
    await handleDataRequest(db, "pg-b.myshopify.com", {
      shop_domain: "pg-b.myshopify.com",
      customer,
      orders_requested: [1],
    });
    await handleCustomerRedact(db, "pg-b.myshopify.com", {
      shop_domain: "pg-b.myshopify.com",
      customer,
      orders_to_redact: [],
    });
    const rows = await db.privacyRequest.findMany({
      where: { shop: "pg-b.myshopify.com", customerId: "7" },
    });
    expect(JSON.stringify(rows)).not.toContain("pg@example.com");
    expect(rows.map((r) => r.topic).sort()).toEqual(["customers/data_request", "customers/redact"]);
  });

  it("ingests a bulk file through the PostgreSQL writer, idempotently, with dates and booleans intact", async () => {
    const shop = "pg-sync.myshopify.com";
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "sw-pg-")), "p.jsonl");
    await writeBulkProductsFile(file, {
      products: 30,
      variants: 3,
      images: 2,
      metafields: 1,
      shuffleChildren: true,
    });
    const writer = await openMirrorWriter(scratch.url, shop);
    try {
      const first = await ingestJsonl({
        db,
        writer,
        shop,
        runId: await startRun(db, shop, { resource: "products", kind: "bulk" }),
        file,
        batchRows: 25,
      });
      expect(first.counts).toEqual({ products: 30, variants: 90, images: 60, metafields: 30 });
      const snapshot = await db.product.findMany({
        where: { shop },
        orderBy: { id: "asc" },
        omit: { syncedAt: true },
      });
      await ingestJsonl({
        db,
        writer,
        shop,
        runId: await startRun(db, shop, { resource: "products", kind: "bulk" }),
        file,
        batchRows: 25,
      });
      expect(
        await db.product.findMany({
          where: { shop },
          orderBy: { id: "asc" },
          omit: { syncedAt: true },
        }),
      ).toEqual(snapshot);
      expect(snapshot.find((p) => p.handle === "product-7")?.updatedAt?.toISOString()).toBe(
        "2026-10-08T12:00:00.000Z",
      );
      expect(await db.variant.count({ where: { shop } })).toBe(90);

      const order = officialExample("orders/create") as { admin_graphql_api_id: string };
      expect(
        await applySyncWebhook({
          db,
          writer,
          shop,
          topic: "orders/create",
          payload: { ...order, test: true },
        }),
      ).toEqual({ applied: true });
      expect(
        (
          await db.order.findUniqueOrThrow({
            where: { shop_id: { shop, id: order.admin_graphql_api_id } },
          })
        ).test,
      ).toBe(true);
    } finally {
      await writer.close();
    }
  });

  it("never lets an older version overwrite a newer one on PostgreSQL either", async () => {
    const shop = "pg-newest.myshopify.com";
    const writer = await openMirrorWriter(scratch.url, shop);
    try {
      await writer.write({ Product: [productRow("v2", "2026-11-02T10:00:00Z")] });
      await writer.write({ Product: [productRow("v1 (older)", "2026-11-01T10:00:00Z")] });
      const row = await db.product.findUniqueOrThrow({
        where: { shop_id: { shop, id: "gid://shopify/Product/42" } },
      });
      expect(row.title).toBe("v2");
      // Two rows with one key in a batch: the last wins, as on SQLite.
      await writer.write({
        Product: [productRow("a", "2026-11-05T00:00:00Z"), productRow("b", "2026-11-05T00:00:00Z")],
      });
      expect(
        (
          await db.product.findUniqueOrThrow({
            where: { shop_id: { shop, id: "gid://shopify/Product/42" } },
          })
        ).title,
      ).toBe("b");
    } finally {
      await writer.close();
    }
  });
});
