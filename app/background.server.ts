/**
 * The composition root of background work: the one list of every job the app has, and the
 * process-wide queue running them. The job layer (app/jobs/) is generic and imports no
 * capability; capabilities declare their jobs, start follow-up work through the job context
 * (`ctx.enqueue`) or an `enqueue` their caller hands them, and never import this module. Routes,
 * Shopify's hooks, bin/worker.ts and tests import it.
 */
import { AUTH_JOBS, migrateLegacyTokens } from "./auth/jobs.server";
import { CHANNEL_JOBS, rescoreAfterEvaluation, rescoreStaleShops } from "./channels/jobs.server";
import { setAfterEvaluation } from "./compliance/after-evaluation";
import { reactToMirror } from "./reactions.server";
import { setMirrorReaction } from "./sync/events";
import {
  COMPLIANCE_JOBS,
  COMPLIANCE_SCHEDULES,
  evaluateStaleShops,
} from "./compliance/jobs.server";
import { db } from "./db.server";
import { createBullmqRunner } from "./jobs/bullmq";
import { createInlineRunner } from "./jobs/inline";
import type { AnyJobDefinition, JobQueue } from "./jobs/types";
import { logger } from "./logger.server";
import { SYNC_JOBS } from "./sync/jobs.server";
import { restoreSchedules, resumeInterruptedSyncs } from "./sync/resume.server";

// Channel fit reads compliance's gate: it re-scores after each compliance pass. Wired here
// because compliance may not import channels.
setAfterEvaluation(rescoreAfterEvaluation);
// Sync sits below the engines that read its mirror: their reactions are plugged in here.
setMirrorReaction(reactToMirror);

/** Every capability's repeating work per shop, started and stopped with the sync's. */
export const SHOP_SCHEDULES = COMPLIANCE_SCHEDULES;

/**
 * Every job the app has. `npm run worker` starts a worker for each, and both runners refuse to
 * enqueue a job that is not here (on BullMQ nothing would ever run it).
 */
export const ALL_JOBS: readonly AnyJobDefinition[] = [
  ...(AUTH_JOBS as AnyJobDefinition[]),
  ...(SYNC_JOBS as AnyJobDefinition[]),
  ...(CHANNEL_JOBS as AnyJobDefinition[]),
  ...(COMPLIANCE_JOBS as AnyJobDefinition[]),
];

/**
 * What a process does when its queue starts: inline work died with the last process, so
 * interrupted syncs resume and schedules are set again; on either runner, shops judged by older
 * rule packs are redone and shops still on non-expiring tokens are migrated.
 */
export async function recoverBackgroundWork(queue: JobQueue, inline: boolean): Promise<void> {
  if (inline) {
    await resumeInterruptedSyncs(db(), queue);
    await restoreSchedules(db(), queue, SHOP_SCHEDULES);
  }
  await rescoreStaleShops(db(), queue);
  await evaluateStaleShops(db(), queue);
  await migrateLegacyTokens(db(), queue);
}

/*
 * The process-wide job queue: BullMQ when REDIS_URL is set (workers run in `npm run worker`),
 * otherwise inline in this process. REDIS_URL is read directly rather than through
 * app/env.server.ts, which insists on Shopify credentials that tests and tools may not have.
 */
declare global {
  var __seaworthyJobQueue: JobQueue | undefined;
}

/** Reuses one queue across dev-server reloads (no second set of Redis connections or timers). */
export function getJobQueue(): JobQueue {
  const url = process.env.REDIS_URL;
  if (!globalThis.__seaworthyJobQueue) {
    const queue = url
      ? createBullmqRunner({ url, jobs: ALL_JOBS })
      : createInlineRunner({ jobs: ALL_JOBS });
    globalThis.__seaworthyJobQueue = queue;
    // Tests call the recovery themselves.
    if (process.env.NODE_ENV !== "test") {
      setImmediate(() => {
        recoverBackgroundWork(queue, !url).catch((error: unknown) =>
          logger.error(
            { op: "jobs.start", err: (error as Error).message },
            "could not resume background work",
          ),
        );
      });
    }
  }
  return globalThis.__seaworthyJobQueue;
}

/** Graceful shutdown: closes the queue if one was made; a later getJobQueue() makes a new one. */
export async function closeJobQueue(): Promise<void> {
  const queue = globalThis.__seaworthyJobQueue;
  globalThis.__seaworthyJobQueue = undefined;
  await queue?.close();
}
