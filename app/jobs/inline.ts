import { randomUUID } from "node:crypto";
import { logger } from "../logger.server";
import { JobPayloadError, PermanentJobError, toError } from "./errors";
import {
  checkEnqueueOptions,
  checkEvery,
  fromJobData,
  jobLogger,
  makeContext,
  retryDelayMs,
  scheduleKey,
  settingsOf,
  toJobData,
  type JobData,
} from "./envelope";
import { registerJobs } from "./registry";
import type { AnyJobDefinition, JobFailure, JobQueue, RunnerOptions } from "./types";

/**
 * Runs jobs inside the web process: the embedded default (SQLite, no Redis).
 *
 * Nothing here is persisted: queued, delayed and retrying jobs are lost when the process stops or
 * restarts. That is accepted for a single-process install because the sync code keeps its own
 * checkpoints in the database and resumes from them (reconcile picks up what was dropped); when
 * a store needs jobs to survive restarts or to spread over processes, set REDIS_URL (bullmq.ts).
 */

interface Entry {
  id: string;
  job: AnyJobDefinition;
  data: JobData;
  /** The attempt about to run (1-based). */
  attempt: number;
  dedupeKey?: string;
}

export function createInlineRunner(options: RunnerOptions): JobQueue {
  const registry = registerJobs(options.jobs);
  let closed = false;
  /** Jobs not finished yet: waiting, delayed, backing off or running. drain() waits for 0. */
  let pending = 0;
  let idle: Array<() => void> = [];
  const ready = new Map<string, Entry[]>();
  const runningCount = new Map<string, number>();
  const running = new Map<Entry, { controller: AbortController; done: Promise<void> }>();
  /** Dedupe key -> id of the job holding it; released when that job finishes. */
  const dedupe = new Map<string, string>();
  /** Pending delays and backoffs; close() cancels them (the process may then exit). */
  const timers = new Map<Entry, () => void>();
  const limits = new Map(registry.jobs.map((job) => [job.name, settingsOf(job).concurrency]));
  const schedules = new Map<string, NodeJS.Timeout>();

  function finish(entry: Entry): void {
    if (entry.dedupeKey && dedupe.get(entry.dedupeKey) === entry.id) dedupe.delete(entry.dedupeKey);
    pending -= 1;
    if (pending === 0) {
      const waiters = idle;
      idle = [];
      for (const resolve of waiters) resolve();
    }
  }

  function later(entry: Entry, ms: number): void {
    const fire = () => {
      timers.delete(entry);
      const line = ready.get(entry.job.name) ?? [];
      line.push(entry);
      ready.set(entry.job.name, line);
      pump(entry.job.name);
    };
    // setImmediate even for no delay: the job must never start inside the enqueuer's await,
    // so a webhook handler answers Shopify before the work begins.
    if (ms > 0) {
      const handle = setTimeout(fire, ms);
      timers.set(entry, () => clearTimeout(handle));
    } else {
      const handle = setImmediate(fire);
      timers.set(entry, () => clearImmediate(handle));
    }
  }

  function pump(name: string): void {
    const line = ready.get(name);
    const concurrency = limits.get(name) ?? 1;
    while (!closed && line && line.length > 0 && (runningCount.get(name) ?? 0) < concurrency) {
      const entry = line.shift();
      if (entry) start(entry);
    }
  }

  function start(entry: Entry): void {
    const name = entry.job.name;
    runningCount.set(name, (runningCount.get(name) ?? 0) + 1);
    const controller = new AbortController();
    const done = execute(entry, controller.signal).finally(() => {
      running.delete(entry);
      runningCount.set(name, (runningCount.get(name) ?? 1) - 1);
      pump(name);
    });
    running.set(entry, { controller, done });
  }

  async function reportFailure(failure: JobFailure): Promise<void> {
    try {
      await options.onFailed?.(failure);
    } catch (error) {
      logger.error(
        { op: "job", job: failure.job, shop: failure.shop, err: error },
        "onFailed hook threw",
      );
    }
  }

  async function execute(entry: Entry, signal: AbortSignal): Promise<void> {
    const { job, data, attempt, id } = entry;
    const { attempts, backoffMs } = settingsOf(job);
    const log = jobLogger(job.name, data.shop, id, attempt);
    try {
      const { shop, payload } = fromJobData(job, data);
      const ctx = makeContext(
        log,
        shop,
        attempt,
        signal,
        async (p) => {
          log.debug({ progress: p }, "progress");
        },
        (job, shop, payload, opts) => queue.enqueue(job, shop, payload, opts),
      );
      await job.run(payload, ctx);
      log.debug("job completed");
      finish(entry);
    } catch (thrown) {
      const error = toError(thrown);
      if (closed) {
        log.warn({ err: error }, "job interrupted by shutdown; inline jobs do not resume");
        finish(entry);
        return;
      }
      const permanent = error instanceof PermanentJobError || error instanceof JobPayloadError;
      if (!permanent && attempt < attempts) {
        const delay = retryDelayMs(backoffMs, attempt);
        log.warn({ err: error, retryInMs: delay }, "job attempt failed; retrying");
        entry.attempt += 1;
        later(entry, delay);
        return;
      }
      log.error({ err: error, attempts: attempt }, "job failed; giving up");
      await reportFailure({ job: job.name, id, shop: data.shop, attempts: attempt, error });
      finish(entry);
    }
  }

  const queue: JobQueue = {
    kind: "inline",

    async enqueue(job, shop, payload, opts = {}) {
      if (closed) throw new Error(`${job.name}: the job queue is closed`);
      registry.require(job);
      checkEnqueueOptions(job.name, opts);
      const data = toJobData(job, shop, payload);
      const dedupeKey =
        opts.jobId === undefined ? undefined : `${job.name}|${data.shop}|${opts.jobId}`;
      const holder = dedupeKey === undefined ? undefined : dedupe.get(dedupeKey);
      if (holder !== undefined) return { id: holder, deduped: true };

      // The caller's definition runs, so a dev-server reload runs the new code.
      const entry: Entry = {
        id: randomUUID(),
        job,
        data,
        attempt: 1,
        dedupeKey,
      };
      if (dedupeKey !== undefined) dedupe.set(dedupeKey, entry.id);
      pending += 1;
      later(entry, opts.delayMs ?? 0);
      return { id: entry.id, deduped: false };
    },

    async schedule(job, shop, payload, everyMs, opts) {
      if (closed) throw new Error(`${job.name}: the job queue is closed`);
      registry.require(job);
      checkEvery(job.name, everyMs);
      const key = scheduleKey(job.name, opts);
      const data = toJobData(job, shop, payload); // refuse a bad payload now, not on every tick
      const id = `${job.name}|${data.shop}|${key}`;
      const tick = () => {
        // A run still queued or running absorbs the tick, as with BullMQ's job schedulers.
        queue
          .enqueue(job, data.shop, payload, { jobId: `schedule|${key}` })
          .catch((error: unknown) => {
            logger.error(
              { op: "job", job: job.name, shop: data.shop, err: error },
              "scheduled enqueue failed",
            );
          });
      };
      clearInterval(schedules.get(id));
      // unref: a schedule alone must not keep the process (or a test run) alive.
      schedules.set(id, setInterval(tick, everyMs).unref());
      tick(); // BullMQ's `every` schedulers also run once at once
    },

    async unschedule(job, shop, opts) {
      registry.require(job);
      const id = `${job.name}|${shop}|${scheduleKey(job.name, opts)}`;
      clearInterval(schedules.get(id));
      schedules.delete(id);
    },

    drain() {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const handle of schedules.values()) clearInterval(handle);
      schedules.clear();
      const dropped = [...timers.keys(), ...[...ready.values()].flat()];
      for (const cancel of timers.values()) cancel();
      timers.clear();
      ready.clear();
      for (const entry of dropped) {
        jobLogger(entry.job.name, entry.data.shop, entry.id, entry.attempt).warn(
          "queued job dropped at shutdown; inline jobs do not survive a restart",
        );
        finish(entry);
      }
      const active = [...running.values()];
      for (const { controller } of active) controller.abort(new Error("job queue closing"));
      await Promise.all(active.map(({ done }) => done));
    },
  };
  return queue;
}
