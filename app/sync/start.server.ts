import { db } from "../db.server";
import type { JobQueue } from "../jobs/types";

/**
 * Other capabilities' repeating work for a shop (compliance's daily run), started and stopped with
 * the sync's own; handed in by the caller, since sync may not import them.
 */
export interface ShopSchedules {
  start(queue: JobQueue, shop: string): Promise<void>;
  stop(queue: JobQueue, shop: string): Promise<void>;
}
import { logger } from "../logger.server";
import { bulkStartJob, reconcileJob, RECONCILE_EVERY_MS } from "./jobs.server";

/**
 * After an install: the first full sync of the store, and a reconcile every six hours that heals
 * whatever missed webhooks left stale. afterAuth also runs on token exchanges, so with
 * `onlyIfNeverSynced` the full sync starts only when no products sync has ever completed.
 * Queuing failures are logged, never fatal to the install: the Sync card can start one.
 */
export async function startStoreSync(
  shop: string,
  queue: JobQueue,
  options: { onlyIfNeverSynced?: boolean; schedules?: ShopSchedules } = {},
) {
  try {
    const synced = options.onlyIfNeverSynced
      ? await db().syncRun.count({
          where: { shop, resource: "products", kind: "bulk", status: "completed" },
        })
      : 0;
    if (!synced) {
      await queue.enqueue(
        bulkStartJob,
        shop,
        { resource: "products" },
        { jobId: `bulk-start:${shop}:products` },
      );
    }
    await queue.schedule(reconcileJob, shop, {}, RECONCILE_EVERY_MS, { key: "reconcile" });
    await options.schedules?.start(queue, shop);
  } catch (error) {
    logger.error(
      { shop, op: "sync.start", err: (error as Error).message },
      "could not queue the first sync",
    );
  }
}

/**
 * At uninstall: the shop's repeating jobs stop (reconcile, daily compliance), since without a
 * token every run would fail; its data stays until shop/redact. A failure is logged, not fatal:
 * Shopify must still get its 200, and a later run fails cleanly for want of a token.
 */
export async function stopStoreSchedules(shop: string, queue: JobQueue, schedules?: ShopSchedules) {
  try {
    await queue.unschedule(reconcileJob, shop, { key: "reconcile" });
    await schedules?.stop(queue, shop);
  } catch (error) {
    logger.error(
      { shop, op: "sync.stop", err: (error as Error).message },
      "could not remove the shop's schedules",
    );
  }
}
