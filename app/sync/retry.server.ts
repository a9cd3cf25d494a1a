import { z } from "zod";
import type { Db } from "../db.server";
import type { JobQueue } from "../jobs/types";
import { logger } from "../logger.server";
import { BULK_RESOURCES, type BulkResource } from "./bulk/bulk-sync.server";
import { failureReason } from "./failure.server";
import { bulkCompleteJob, bulkStartJob } from "./jobs.server";

/**
 * Shopify keeps a bulk operation's file for a week after the operation completed, and a run's
 * operation completed after the run started: a run started less than six days ago can still be
 * downloaded, with a day to spare for the retry to get to it. An older run starts over.
 */
export const CONTINUE_WITHIN_MS = 6 * 24 * 60 * 60 * 1000;

/**
 * What Retry does with a failed bulk run. "continue": the run's completion runs again (as after a
 * crash): it asks Shopify for the operation's state, downloads the file (a partial one is
 * continued) and ingests from the run's checkpoint, then the full sync goes on with the next
 * resource. "restart": a new bulk operation for this resource only (then the ones after it).
 */
export type RetryPlan = "continue" | "restart";

export interface RetryFacts {
  kind: string;
  resource: string;
  status: string;
  bulkOperationId: string | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const isBulkResource = (resource: string): resource is BulkResource =>
  (BULK_RESOURCES as readonly string[]).includes(resource);

/**
 * Null when Retry does not apply (not a failed bulk run of a known resource). A run continues
 * unless its operation is lost to it: Shopify ended it without data (failed, cancelled, expired,
 * not found: asking again gives the same answer), or its file has expired by now.
 */
export function retryPlan(run: RetryFacts, now = new Date()): RetryPlan | null {
  if (run.kind !== "bulk" || run.status !== "failed" || !isBulkResource(run.resource)) return null;
  const continuable =
    run.bulkOperationId != null &&
    run.finishedAt == null &&
    failureReason(run.error) !== "shopify" &&
    now.getTime() - run.startedAt.getTime() < CONTINUE_WITHIN_MS;
  return continuable ? "continue" : "restart";
}

export type RetryResult =
  | { ok: true; resource: BulkResource; plan: RetryPlan; deduped: boolean }
  /**
   * not-found: no such bulk run of this resource for this shop. stale: it is no longer the failed
   * latest run of its resource (retried already, or a newer sync started). busy: another bulk
   * sync of the shop is running (Shopify runs one bulk query per shop at a time).
   */
  | { ok: false; error: "not-found" | "stale" | "busy" };

/** Retries one failed bulk run of the shop (every query carries the shop). */
export async function retryBulkRun(
  db: Db,
  queue: JobQueue,
  shop: string,
  request: { runId: string; resource: BulkResource },
  now = new Date(),
): Promise<RetryResult> {
  const { runId, resource } = request;
  const run = await db.syncRun.findFirst({
    where: { id: runId, shop, resource, kind: "bulk" },
    select: {
      id: true,
      kind: true,
      resource: true,
      status: true,
      bulkOperationId: true,
      error: true,
      startedAt: true,
      finishedAt: true,
    },
  });
  if (!run) return { ok: false, error: "not-found" };
  const plan = retryPlan(run, now);
  if (!plan) return { ok: false, error: "stale" };
  const latest = await db.syncRun.findFirst({
    where: { shop, resource, kind: "bulk" },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (latest?.id !== run.id) return { ok: false, error: "stale" };
  if (await db.syncRun.count({ where: { shop, kind: "bulk", status: "running" } }))
    return { ok: false, error: "busy" };

  if (plan === "restart") {
    const { deduped } = await queue.enqueue(
      bulkStartJob,
      shop,
      { resource },
      { jobId: `bulk-start:${shop}:${resource}` },
    );
    return { ok: true, resource, plan, deduped };
  }
  // Running again from now on (the card shows its progress; a restart of the app resumes it like
  // any running bulk run). Only one click claims it.
  const claimed = await db.syncRun.updateMany({
    where: { id: run.id, shop, status: "failed", finishedAt: null },
    data: { status: "running", error: null },
  });
  if (claimed.count === 0) return { ok: false, error: "stale" };
  try {
    const { deduped } = await queue.enqueue(
      bulkCompleteJob,
      shop,
      { runId: run.id },
      { jobId: `bulk-complete:${run.id}` },
    );
    return { ok: true, resource, plan, deduped };
  } catch (error) {
    await db.syncRun.updateMany({
      where: { id: run.id, shop, status: "running" },
      data: { status: "failed", error: run.error },
    });
    throw error;
  }
}

const syncForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("resync") }),
  z.object({
    intent: z.literal("retry"),
    runId: z.string().min(1).max(100),
    resource: z.enum(BULK_RESOURCES as [BulkResource, ...BulkResource[]]),
  }),
]);

/** Codes the Sync card says in the admin's language. */
export type SyncActionError = "invalid" | "not-found" | "stale" | "busy" | "queue";

export type SyncActionResult =
  | { ok: true; intent: "resync"; deduped: boolean }
  | { ok: true; intent: "retry"; resource: BulkResource; plan: RetryPlan; deduped: boolean }
  | { ok: false; error: SyncActionError };

/**
 * The Sync card's buttons. Resync: a full sync, every resource from products on (a second click
 * while one waits adds nothing). Retry: the failed run of one resource (see retryBulkRun).
 */
export async function syncAction(
  db: Db,
  queue: () => JobQueue,
  shop: string,
  form: FormData,
): Promise<SyncActionResult> {
  const parsed = syncForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "invalid" };
  const request = parsed.data;
  try {
    if (request.intent === "resync") {
      const { deduped } = await queue().enqueue(
        bulkStartJob,
        shop,
        { resource: "products" },
        { jobId: `bulk-start:${shop}:products` },
      );
      return { ok: true, intent: "resync", deduped };
    }
    const result = await retryBulkRun(db, queue(), shop, request);
    if (!result.ok) return result;
    logger.info(
      {
        shop,
        op: "sync.retry",
        runId: request.runId,
        resource: result.resource,
        plan: result.plan,
      },
      "sync retry queued",
    );
    return { intent: "retry", ...result };
  } catch (error) {
    logger.error(
      { shop, op: `sync.${request.intent}`, err: (error as Error).message },
      "could not queue a sync",
    );
    return { ok: false, error: "queue" };
  }
}
