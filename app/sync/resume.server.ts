import type { Db } from "../db.server";
import type { JobQueue } from "../jobs/types";
import { logger } from "../logger.server";
import type { ShopSchedules } from "./start.server";
import { nextResource } from "./bulk/bulk-sync.server";
import { bulkCompleteJob, bulkStartJob, reconcileJob, RECONCILE_EVERY_MS } from "./jobs.server";

/**
 * Inline jobs die with the process. At start, every bulk sync still marked running (any shop) has
 * its completion queued again: the ingest continues from its checkpoint; and a full sync whose
 * chain stopped between two resources goes on with the next one. (On BullMQ a job that was
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
  return runs.length + (await resumeShortChains(db, queue));
}

/**
 * A full sync runs its resources one after another, each completion queuing the next. A process
 * that died between one resource's completion and queuing the next left the chain short: where a
 * shop's latest bulk run completed and has a next resource (and none runs), that resource is started (under the
 * chain's own job id, so a start already queued is not doubled).
 */
async function resumeShortChains(db: Db, queue: JobQueue): Promise<number> {
  const shops = await db.syncRun.findMany({
    where: { kind: "bulk" },
    distinct: ["shop"],
    select: { shop: true },
  });
  let started = 0;
  for (const { shop } of shops) {
    const latest = await db.syncRun.findFirst({
      where: { shop, kind: "bulk" },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { id: true, resource: true, status: true },
    });
    const next = latest?.status === "completed" ? nextResource(latest.resource) : null;
    // A run still going (resumed above) queues what follows it when it completes.
    if (!next || (await db.syncRun.count({ where: { shop, kind: "bulk", status: "running" } })))
      continue;
    await queue.enqueue(
      bulkStartJob,
      shop,
      { resource: next },
      { jobId: `bulk-start:${shop}:${next}` },
    );
    logger.info(
      { shop, op: "sync.resume", after: latest!.id, resource: next },
      "continuing a full sync cut short",
    );
    started += 1;
  }
  return started;
}

/**
 * Inline schedules live in memory: at start, every installed shop gets its reconcile back (BullMQ
 * keeps schedules in Redis; scheduling again under the same key replaces, never duplicates).
 * One shop's failure is logged and does not stop the others.
 */
export async function restoreSchedules(
  db: Db,
  queue: JobQueue,
  schedules?: ShopSchedules,
): Promise<number> {
  const shops = await db.shop.findMany({ where: { uninstalledAt: null }, select: { shop: true } });
  let scheduled = 0;
  for (const { shop } of shops) {
    try {
      await queue.schedule(reconcileJob, shop, {}, RECONCILE_EVERY_MS, { key: "reconcile" });
      await schedules?.start(queue, shop);
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
