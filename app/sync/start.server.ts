import { getJobQueue } from "../jobs/index.server";
import { logger } from "../logger.server";
import { bulkStartJob, reconcileJob } from "./jobs.server";

const RECONCILE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * After an install: the first full sync of the catalog, and a reconcile every six hours that
 * heals whatever missed webhooks left stale. Queuing failures are logged, never fatal to the
 * install: the merchant can start a sync from the Sync section.
 */
export async function startStoreSync(shop: string) {
  try {
    const queue = getJobQueue();
    await queue.enqueue(
      bulkStartJob,
      shop,
      { resource: "products" },
      { jobId: `bulk-start:${shop}:products` },
    );
    await queue.schedule(reconcileJob, shop, {}, RECONCILE_EVERY_MS, { key: "reconcile" });
  } catch (error) {
    logger.error(
      { shop, op: "sync.start", err: (error as Error).message },
      "could not queue the first sync",
    );
  }
}
