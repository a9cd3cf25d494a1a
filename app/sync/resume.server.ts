import { scheduleCompliance } from "../compliance/jobs.server";
import type { Db } from "../db.server";
import type { JobQueue } from "../jobs/types";
import { logger } from "../logger.server";
import { bulkCompleteJob, reconcileJob, RECONCILE_EVERY_MS } from "./jobs.server";

/**
 * Inline jobs die with the process. At start, every bulk sync still marked running (any shop) has
 * its completion queued again: the ingest continues from its checkpoint. (On BullMQ a job that was
 * running when its worker died is retried by BullMQ itself; re-queuing is deduplicated anyway.)
 */
export async function resumeInterruptedSyncs(db: Db, queue: JobQueue): Promise<number> {
  const runs = await db.syncRun.findMany({
    where: { status: "running", kind: "bulk", bulkOperationId: { not: null } },
    select: { id: true, shop: true },
  });
  for (const run of runs) {
    await queue.enqueue(
      bulkCompleteJob,
      run.shop,
      { runId: run.id },
      { jobId: `bulk-complete:${run.id}` },
    );
    logger.info(
      { shop: run.shop, op: "sync.resume", runId: run.id },
      "resuming an interrupted sync",
    );
  }
  return runs.length;
}

/**
 * Inline schedules live in memory: at start, every installed shop gets its reconcile back (BullMQ
 * keeps schedules in Redis; scheduling again under the same key replaces, never duplicates).
 * One shop's failure is logged and does not stop the others.
 */
export async function restoreSchedules(db: Db, queue: JobQueue): Promise<number> {
  const shops = await db.shop.findMany({ where: { uninstalledAt: null }, select: { shop: true } });
  let scheduled = 0;
  for (const { shop } of shops) {
    try {
      await queue.schedule(reconcileJob, shop, {}, RECONCILE_EVERY_MS, { key: "reconcile" });
      await scheduleCompliance(queue, shop);
      scheduled += 1;
    } catch (error) {
      logger.error(
        { shop, op: "sync.schedule", err: (error as Error).message },
        "could not restore the reconcile schedule",
      );
    }
  }
  return scheduled;
}
