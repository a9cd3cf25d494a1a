import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { migrateTokenJob, shopsOnLegacyTokens } from "../auth/jobs.server";
import { db, type Db } from "../db.server";
import { ProductsCount, type ProductsCountResult } from "../graphql/ProductsCount";
import { ShopProfile, type ShopProfileResult } from "../graphql/ShopProfile";
import { refreshShopProfile } from "../shop/install.server";
import { defineJob, queueOf, type JobContext } from "../jobs/types";
import { adminClientForShop } from "./admin-for-shop.server";
import { finishRun } from "./runs.server";
import {
  BULK_RESOURCES,
  completeBulkSync,
  nextResource,
  startBulkSync,
  type BulkResource,
} from "./bulk/bulk-sync.server";
import { forgetOldDeletions } from "./mirror/deleted.server";
import { openMirrorWriter } from "./mirror/writer.server";
import { mirrorChanged } from "./events";
import { applySyncWebhook } from "./webhooks/apply.server";
import { databaseUrl } from "../db/url";

const workDir = () => process.env.SYNC_WORK_DIR ?? path.join(os.tmpdir(), "seaworthy-sync");

/** Applies one store-data webhook to the mirror (the route only verifies, dedupes and enqueues). */
export const syncWebhookJob = defineJob({
  name: "sync.webhook",
  schema: z.object({ topic: z.string(), eventId: z.string(), payload: z.unknown() }),
  attempts: 5,
  concurrency: 4,
  async run({ topic, eventId, payload }, ctx) {
    const writer = await openMirrorWriter(databaseUrl(), ctx.shop);
    try {
      // An order's lines before the change too: a product dropped from it sold less.
      const before = await productsTouched(db(), ctx.shop, topic, payload);
      const outcome = await applySyncWebhook({ db: db(), writer, shop: ctx.shop, topic, payload });
      if (!outcome.applied) {
        ctx.log(`webhook not applied: ${outcome.reason}`, { topic });
        return;
      }
      await announceWebhook(ctx, topic, eventId, payload, before);
    } finally {
      await writer.close();
    }
  },
});

const webhookId = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  admin_graphql_api_id: z.string().optional(),
});
const gid = (type: string, payload: unknown): string | null => {
  const parsed = webhookId.safeParse(payload);
  if (!parsed.success) return null;
  const admin = parsed.data.admin_graphql_api_id;
  return admin?.startsWith(`gid://shopify/${type}/`)
    ? admin
    : `gid://shopify/${type}/${parsed.data.id}`;
};

/** The products whose channel facts a store-data webhook changes (their stock, sales or data). */
async function productsTouched(
  database: Db,
  shop: string,
  topic: string,
  payload: unknown,
): Promise<string[]> {
  if (topic === "products/create" || topic === "products/update") {
    const id = gid("Product", payload);
    return id ? [id] : [];
  }
  if (topic === "inventory_levels/update") {
    const item = z
      .object({ inventory_item_id: z.union([z.number(), z.string()]) })
      .safeParse(payload);
    if (!item.success) return [];
    const variants = await database.variant.findMany({
      where: {
        shop,
        inventoryItemId: `gid://shopify/InventoryItem/${item.data.inventory_item_id}`,
      },
      select: { productId: true },
    });
    return variants.map((v) => v.productId);
  }
  if (topic === "orders/create" || topic === "orders/updated") {
    const orderId = gid("Order", payload);
    if (!orderId) return [];
    const lines = await database.orderLine.findMany({
      where: { shop, orderId, productId: { not: null } },
      select: { productId: true },
    });
    return lines.map((l) => l.productId!);
  }
  return [];
}

/**
 * After a webhook changed the mirror: tell the readers which products it touched (the event id
 * keys their jobs, so a retried sync job queues no second run), or which product is gone.
 */
async function announceWebhook(
  ctx: JobContext,
  topic: string,
  eventId: string,
  payload: unknown,
  before: string[],
) {
  const { shop } = ctx;
  if (topic === "products/delete") {
    const id = gid("Product", payload);
    if (id) await mirrorChanged(queueOf(ctx), shop, { kind: "product-deleted", productId: id });
    return;
  }
  const after = await productsTouched(db(), shop, topic, payload);
  const productIds = [...new Set([...before, ...after])].slice(0, 1000);
  if (productIds.length === 0) return;
  await mirrorChanged(queueOf(ctx), shop, {
    kind:
      topic === "products/create" || topic === "products/update"
        ? "products-changed"
        : "stock-or-sales-changed",
    productIds,
    eventId,
  });
}

/** Finishes a bulk sync: waits for Shopify (polling as the finish webhook's fallback), downloads, ingests. */
export const bulkCompleteJob = defineJob({
  name: "sync.bulk-complete",
  schema: z.object({ runId: z.string() }),
  attempts: 3,
  backoffMs: 30_000,
  // A long wait for one shop's operation must not hold up every other shop's sync.
  concurrency: 8,
  async run({ runId }, ctx) {
    const run = await db().syncRun.findFirst({
      where: { id: runId, shop: ctx.shop },
      select: { resource: true, status: true },
    });
    // Polling and the finish webhook both queue this job; whichever comes second finds the run
    // completed and does nothing (the file is gone and the next resource is already queued).
    if (run?.status === "completed") return;
    const client = await adminClientForShop(db(), ctx.shop).catch(async (error: Error) => {
      // Without a token (uninstalled) the run can never finish: say so instead of "running" forever.
      await finishRun(db(), ctx.shop, runId, "failed", error.message);
      throw error;
    });
    await completeBulkSync({
      db: db(),
      client,
      shop: ctx.shop,
      runId,
      databaseUrl: databaseUrl(),
      workDir: workDir(),
      signal: ctx.signal,
      onProgress: (r) =>
        ctx.progress({ lines: r.linesRead, rows: r.rowsWritten, bytes: r.bytesDone }),
    });
    if (run)
      await mirrorChanged(queueOf(ctx), ctx.shop, {
        kind: "bulk-synced",
        resource: run.resource as BulkResource,
        runId,
      });
    // One bulk query runs per shop at a time: the next resource starts when this one is done.
    const next = run ? nextResource(run.resource) : null;
    if (next) {
      await ctx.enqueue(
        bulkStartJob,
        { resource: next },
        { jobId: `bulk-start:${ctx.shop}:${next}` },
      );
    }
  },
});

/** Starts a bulk sync of one resource and queues its completion. */
export const bulkStartJob = defineJob({
  name: "sync.bulk-start",
  schema: z.object({ resource: z.enum(BULK_RESOURCES as [BulkResource, ...BulkResource[]]) }),
  attempts: 3,
  concurrency: 8,
  async run({ resource }, ctx) {
    const client = await adminClientForShop(db(), ctx.shop);
    const { runId } = await startBulkSync({
      db: db(),
      client,
      shop: ctx.shop,
      resource: resource as BulkResource,
    });
    await ctx.enqueue(bulkCompleteJob, { runId }, { jobId: `bulk-complete:${runId}` });
  },
});

/** How often each shop is reconciled. */
export const RECONCILE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Heals what a missed webhook left stale: when Shopify's product count differs from the mirror's,
 * or the last full sync is older than a day, runs a full bulk sync (whose completion also sweeps
 * rows Shopify no longer has).
 */
export const reconcileJob = defineJob({
  name: "sync.reconcile",
  schema: z.object({}),
  attempts: 2,
  async run(_payload, ctx) {
    const client = await adminClientForShop(db(), ctx.shop);
    // Merchants add markets and languages in Shopify; keep the app's view of them current.
    await refreshShopProfile(db(), ctx.shop, (marketsAfter) =>
      client.request<ShopProfileResult>(ShopProfile, { marketsAfter }),
    );
    const remote =
      (await client.request<ProductsCountResult>(ProductsCount)).productsCount?.count ?? 0;
    const local = await db().product.count({ where: { shop: ctx.shop } });
    const last = await db().syncRun.findFirst({
      where: { shop: ctx.shop, resource: "products", kind: "bulk", status: "completed" },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    });
    const stale = !last || Date.now() - last.startedAt.getTime() > 24 * 3600 * 1000;
    const forgotten = await forgetOldDeletions(db(), ctx.shop);
    ctx.log("reconcile", { remote, local, stale, forgotten });
    // The readers redo what older rule packs judged, and refresh what they mirror from Shopify
    // (the app's certificate metaobjects, editable in Shopify's admin too).
    await mirrorChanged(queueOf(ctx), ctx.shop, { kind: "reconciled", client });
    // Still on a non-expiring token (Shopify rejects those from 2027-01-01): trade it now.
    if ((await shopsOnLegacyTokens(db(), ctx.shop)).length > 0)
      await ctx.enqueue(migrateTokenJob, {}, { jobId: `migrate-token:${ctx.shop}` });
    if (remote !== local || stale) {
      await ctx.enqueue(
        bulkStartJob,
        { resource: "products" },
        { jobId: `bulk-start:${ctx.shop}:products` },
      );
    }
  },
});

export const SYNC_JOBS = [syncWebhookJob, bulkStartJob, bulkCompleteJob, reconcileJob];
