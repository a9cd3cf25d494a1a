import type { z } from "zod";

/**
 * What a running job gets besides its payload. The same on both runners, so job code never
 * knows (or cares) whether it runs in the web process or in `npm run worker`.
 */
export interface JobContext {
  /** The shop the job works for (a *.myshopify.com domain); a job never runs without one. */
  shop: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
  /**
   * Aborted when the runner shuts down (deploy, SIGTERM). Long jobs check it between units of
   * work, save their checkpoint and throw: on BullMQ the job goes back to the queue without
   * using up an attempt; inline, queued work is lost with the process anyway (see inline.ts).
   */
  signal: AbortSignal;
  /** Structured log line tagged with the job name, shop, job id and attempt. */
  log: (msg: string, extra?: object) => void;
  /** Progress counters (e.g. `{ done: 120, total: 900 }`); stored by BullMQ, logged inline. */
  progress(p: Record<string, number>): Promise<void>;
  /**
   * Queues follow-up work for the same shop on the runner running this job, so job code starts
   * other jobs without importing the queue's module (which would tie capabilities to it).
   */
  enqueue<Q>(
    job: JobDefinition<Q>,
    payload: Q,
    opts?: EnqueueOptions,
  ): Promise<{ id: string; deduped: boolean }>;
}

/** What a service needs to start jobs for a shop: the queue's enqueue, handed in by its caller. */
export type Enqueue = JobQueue["enqueue"];

export interface JobDefinition<P> {
  /** Lower-case, dot-separated (`sync.product`); it names the BullMQ queue, so no `:`. */
  name: string;
  /** Checked on enqueue (the caller learns at once) and again on run (data crossed Redis). */
  schema: z.ZodType<P>;
  // Method syntax on purpose: it keeps JobDefinition<P> assignable to AnyJobDefinition, so the
  // registry can hold jobs with different payload types.
  run(payload: P, ctx: JobContext): Promise<void>;
  /** Runs in total including the first (default 3). */
  attempts?: number;
  /** First retry delay; it doubles on every further retry (default 1000 ms). */
  backoffMs?: number;
  /** At most this many runs of this job at once, across all processes (default 1). */
  concurrency?: number;
}

/** Any job, whatever its payload type: what registries and runners hold. */
export type AnyJobDefinition = JobDefinition<unknown>;

export interface EnqueueOptions {
  /** Wait at least this long before the first run. */
  delayMs?: number;
  /**
   * Dedupe key, per job name and shop: while a job with this key is waiting, delayed, retrying
   * or running, enqueueing it again adds nothing and returns the existing job's id. Once it has
   * finished (completed or given up), the same key enqueues a new run.
   */
  jobId?: string;
}

export interface ScheduleOptions {
  /**
   * Names the schedule among this job's schedules for the shop (default "default"). Scheduling
   * the same job, shop and key again replaces the schedule instead of adding a second one, so
   * it is safe to call on every boot.
   */
  key?: string;
}

/** A job that gave up: attempts used up, a permanent error, or data that no longer validates. */
export interface JobFailure {
  job: string;
  id: string;
  shop: string;
  /** Runs made, including the last one. */
  attempts: number;
  error: Error;
}

export interface RunnerOptions {
  /** Every job this runner may enqueue or run (normally ALL_JOBS from registry.ts). */
  jobs: readonly AnyJobDefinition[];
  /**
   * Called once per job that gives up, in the process that ran it (inline: the web process;
   * BullMQ: the worker). Failures are logged either way; this is for alerting and tests.
   */
  onFailed?: (failure: JobFailure) => void | Promise<void>;
}

export interface JobQueue {
  readonly kind: "inline" | "bullmq";
  /**
   * Validates and queues; resolves once the job is queued, never after it ran, so a webhook can
   * answer Shopify at once. Rejects with JobPayloadError when the shop or payload is invalid.
   */
  enqueue<P>(
    job: JobDefinition<P>,
    shop: string,
    payload: P,
    opts?: EnqueueOptions,
  ): Promise<{ id: string; deduped: boolean }>;
  /** Runs the job now, then every `everyMs` (reconcile); replaces a schedule with the same key. */
  schedule<P>(
    job: JobDefinition<P>,
    shop: string,
    payload: P,
    everyMs: number,
    opts?: ScheduleOptions,
  ): Promise<void>;
  /** Removes a schedule (e.g. when the shop uninstalls); runs already queued still happen. */
  unschedule<P>(job: JobDefinition<P>, shop: string, opts?: ScheduleOptions): Promise<void>;
  /**
   * Resolves once nothing is queued, delayed, retrying or running (the next run of a schedule
   * does not count). For tests and for graceful shutdown.
   */
  drain(): Promise<void>;
  /** Stops schedules' timers and workers: aborts running jobs' signals and waits for them. */
  close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;
export const DEFAULT_CONCURRENCY = 1;

// Safe as a BullMQ queue name (no `:`) and readable inside Redis keys.
const JOB_NAME = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

function isCount(n: number | undefined, min: number): boolean {
  return n === undefined || (Number.isInteger(n) && n >= min);
}

/**
 * Declares a job. Checks the settings when the module loads, so a typo fails at startup rather
 * than on the first enqueue in production.
 */
export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  if (!JOB_NAME.test(def.name)) {
    throw new Error(`job name "${def.name}" must be lower-case words joined by "." or "-"`);
  }
  if (!isCount(def.attempts, 1)) throw new Error(`${def.name}: attempts must be an integer >= 1`);
  if (!isCount(def.concurrency, 1)) {
    throw new Error(`${def.name}: concurrency must be an integer >= 1`);
  }
  if (def.backoffMs !== undefined && !(Number.isFinite(def.backoffMs) && def.backoffMs >= 0)) {
    throw new Error(`${def.name}: backoffMs must be a number >= 0`);
  }
  return def;
}

/**
 * A job's context as a queue for code that takes one (e.g. "re-score if stale"): it enqueues on
 * the running job's runner, and only for the job's own shop.
 */
export function queueOf(ctx: JobContext): Pick<JobQueue, "enqueue"> {
  return {
    enqueue(job, shop, payload, opts) {
      if (shop !== ctx.shop)
        return Promise.reject(new Error(`a job for ${ctx.shop} cannot queue work for ${shop}`));
      return ctx.enqueue(job, payload, opts);
    },
  };
}
