import { createBullmqRunner } from "./bullmq";
import { createInlineRunner } from "./inline";
import { ALL_JOBS } from "./registry";
import { logger } from "../logger.server";
import type { JobQueue } from "./types";

export { defineJob } from "./types";
export type { EnqueueOptions, JobContext, JobDefinition, JobQueue, ScheduleOptions } from "./types";
export { JobPayloadError, PermanentJobError } from "./errors";

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
    // Inline work died with the last process: pick up interrupted syncs (tests call it themselves).
    // On either runner, scores judged by older rule packs (a deploy changed them) are redone.
    if (process.env.NODE_ENV !== "test") {
      setImmediate(() => {
        void (async () => {
          const [
            { resumeInterruptedSyncs, restoreSchedules },
            { rescoreStaleShops },
            { evaluateStaleShops },
            { db },
            { migrateLegacyTokens },
          ] = await Promise.all([
            import("../sync/resume.server"),
            import("../channels/jobs.server"),
            import("../compliance/jobs.server"),
            import("../db.server"),
            import("../auth/jobs.server"),
          ]);
          if (!url) {
            await resumeInterruptedSyncs(db(), queue);
            await restoreSchedules(db(), queue);
          }
          await rescoreStaleShops(db(), queue);
          await evaluateStaleShops(db(), queue);
          await migrateLegacyTokens(db(), queue);
        })().catch((error: unknown) =>
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
