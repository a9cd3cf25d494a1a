import { randomUUID } from "node:crypto";
import {
  Queue,
  UnrecoverableError,
  WaitingError,
  Worker,
  type Job,
  type JobsOptions,
} from "bullmq";
import { logger } from "../logger.server";
import { JobPayloadError, PermanentJobError, toError } from "./errors";
import {
  checkEnqueueOptions,
  checkEvery,
  fromJobData,
  jobLogger,
  makeContext,
  scheduleKey,
  settingsOf,
  toJobData,
  type JobData,
} from "./envelope";
import { registerJobs } from "./registry";
import type { AnyJobDefinition, JobQueue, RunnerOptions } from "./types";

/**
 * Jobs on BullMQ over Redis: for stores that outgrow one process. The web process only adds jobs
 * (Queues); `npm run worker` (bin/worker.ts) runs them. One queue per job name, so each job's
 * concurrency and backlog are separate; with the default prefix the Redis keys read
 * `seaworthy:<job name>:…` (BullMQ forbids `:` inside queue names, so the prefix carries it).
 */
export interface BullmqRunnerOptions extends RunnerOptions {
  /** redis://… (REDIS_URL). */
  url: string;
  /** Redis key prefix (default "seaworthy"); tests use a unique one per run. */
  prefix?: string;
  /** Run workers in this process too: bin/worker.ts and tests. The web process leaves it off. */
  startWorkers?: boolean;
  /** How long enqueue/schedule wait for Redis before rejecting (default 3000 ms). */
  timeoutMs?: number;
}

export interface BullmqJobQueue extends JobQueue {
  /** Resolves once the workers (if any) are connected and their concurrency limits are set. */
  ready(): Promise<void>;
}

// Enough history to look into a recent problem without letting Redis grow without bound.
const RETENTION: Pick<JobsOptions, "removeOnComplete" | "removeOnFail"> = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

const DRAIN_POLL_MS = 25;

/**
 * BullMQ waits for a connection without limit when Redis is unreachable. A webhook must answer
 * Shopify within 5 s, so give up first: the handler answers 5xx and Shopify redelivers. (If
 * Redis then takes the job after all, the redelivery is deduped or runs an idempotent job again.)
 */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: Redis did not answer within ${ms} ms (REDIS_URL)`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function jobOptions(job: AnyJobDefinition): JobsOptions {
  const { attempts, backoffMs } = settingsOf(job);
  return { attempts, backoff: { type: "exponential", delay: backoffMs }, ...RETENTION };
}

export function createBullmqRunner(options: BullmqRunnerOptions): BullmqJobQueue {
  const registry = registerJobs(options.jobs);
  const prefix = options.prefix ?? "seaworthy";
  const timeoutMs = options.timeoutMs ?? 3000;
  const queues = new Map<string, Queue<JobData>>();
  const workers: Worker<JobData>[] = [];
  let closing = false;

  /** Queues open lazily: a web process connects only for the jobs it actually enqueues. */
  function queueFor(job: AnyJobDefinition): Queue<JobData> {
    let queue = queues.get(job.name);
    if (!queue) {
      // No offline queue: once connected, a lost connection fails commands at once rather than
      // holding them until Redis returns (see withTimeout for the never-connected case).
      queue = new Queue<JobData>(job.name, {
        connection: { url: options.url, enableOfflineQueue: false },
        prefix,
      });
      queue.on("error", (error) =>
        logger.error({ op: "job", job: job.name, err: error }, "queue error"),
      );
      queues.set(job.name, queue);
    }
    return queue;
  }

  function processor(job: AnyJobDefinition) {
    const { attempts } = settingsOf(job);
    // Three declared parameters on purpose: BullMQ passes the abort signal only to processors
    // whose `length` is at least 3.
    return async (
      bullJob: Job<JobData>,
      token: string | undefined,
      signal: AbortSignal | undefined,
    ) => {
      const attempt = bullJob.attemptsMade + 1;
      const id = bullJob.id ?? "?";
      const log = jobLogger(job.name, bullJob.data.shop, id, attempt);
      try {
        const { shop, payload } = fromJobData(job, bullJob.data);
        const ctx = makeContext(
          log,
          shop,
          attempt,
          signal ?? new AbortController().signal,
          (p) => bullJob.updateProgress(p),
          (job, shop, payload, opts) => runner.enqueue(job, shop, payload, opts),
        );
        await job.run(payload, ctx);
      } catch (thrown) {
        const error = toError(thrown);
        if (closing && signal?.aborted) {
          // Interrupted by shutdown, not failed: back to the front of the queue without using
          // an attempt; another worker (or the next deploy) resumes from the job's checkpoint.
          log.warn({ err: error }, "job interrupted by shutdown; returned to the queue");
          await bullJob.moveToWait(token);
          throw new WaitingError();
        }
        const permanent = error instanceof PermanentJobError || error instanceof JobPayloadError;
        if (!permanent && attempt < attempts) {
          log.warn({ err: error }, "job attempt failed; retrying");
          throw error;
        }
        log.error({ err: error, attempts: attempt }, "job failed; giving up");
        // Reported before BullMQ marks the job failed, so drain() never resolves ahead of it.
        try {
          await options.onFailed?.({
            job: job.name,
            id,
            shop: bullJob.data.shop,
            attempts: attempt,
            error,
          });
        } catch (hookError) {
          log.error({ err: hookError }, "onFailed hook threw");
        }
        throw permanent ? new UnrecoverableError(error.message) : error;
      }
    };
  }

  const setup: Promise<unknown>[] = [];
  if (options.startWorkers) {
    for (const job of registry.jobs) {
      const { concurrency } = settingsOf(job);
      const worker = new Worker<JobData>(job.name, processor(job), {
        connection: { url: options.url, maxRetriesPerRequest: null },
        prefix,
        concurrency,
      });
      worker.on("error", (error) =>
        logger.error({ op: "job", job: job.name, err: error }, "worker error"),
      );
      worker.on("stalled", (jobId) =>
        logger.warn(
          { op: "job", job: job.name, jobId },
          "job stalled (a worker died or blocked); retrying it",
        ),
      );
      workers.push(worker);
      // The worker's concurrency is per process; the queue-wide limit keeps `concurrency` true
      // however many worker processes run, as it is in inline mode with its single process.
      setup.push(worker.waitUntilReady(), queueFor(job).setGlobalConcurrency(concurrency));
    }
  }
  const whenReady = Promise.all(setup).then(() => undefined);
  // Keep an early connection failure from becoming an unhandled rejection; ready() reports it.
  whenReady.catch(() => {});

  /**
   * True when the queue has nothing outstanding. A schedule always has its next run delayed,
   * and that is not outstanding work, so delayed jobs are told apart. Two reads cannot be one
   * snapshot: the delayed list is read first and the (atomic) counts after, and any job that
   * moved between the two shows up in the counts as busy or as one delayed job too many.
   */
  async function isIdle(queue: Queue<JobData>): Promise<boolean> {
    const delayed = await queue.getDelayed();
    const scheduled = delayed.filter((job) => job.repeatJobKey).length;
    if (delayed.length > scheduled) return false;
    const { delayed: delayedNow = 0, ...busy } = await queue.getJobCounts(
      "waiting",
      "active",
      "prioritized",
      "paused",
      "waiting-children",
      "delayed",
    );
    return delayedNow === scheduled && Object.values(busy).every((n) => n === 0);
  }

  const runner: BullmqJobQueue = {
    kind: "bullmq",

    ready: () => whenReady,

    async enqueue(job, shop, payload, opts = {}) {
      if (closing) throw new Error(`${job.name}: the job queue is closed`);
      const registered = registry.require(job);
      checkEnqueueOptions(job.name, opts);
      const data = toJobData(job, shop, payload);
      const id = randomUUID();
      const adding = queueFor(registered).add(job.name, data, {
        ...jobOptions(registered),
        jobId: id,
        delay: opts.delayMs,
        // BullMQ's deduplication rather than a fixed jobId: it holds the key only while the job
        // is waiting, delayed, retrying or active, so a finished job (kept for inspection by the
        // retention settings) does not swallow the next enqueue for the same product.
        ...(opts.jobId === undefined
          ? {}
          : { deduplication: { id: `${data.shop}|${opts.jobId}` } }),
      });
      const added = await withTimeout(adding, timeoutMs, `${job.name}: enqueue`);
      const addedId = added.id ?? id;
      return { id: addedId, deduped: addedId !== id };
    },

    async schedule(job, shop, payload, everyMs, opts) {
      if (closing) throw new Error(`${job.name}: the job queue is closed`);
      const registered = registry.require(job);
      checkEvery(job.name, everyMs);
      const key = scheduleKey(job.name, opts);
      const data = toJobData(job, shop, payload);
      const upserting = queueFor(registered).upsertJobScheduler(
        `${data.shop}|${key}`,
        { every: everyMs },
        { name: job.name, data, opts: jobOptions(registered) },
      );
      await withTimeout(upserting, timeoutMs, `${job.name}: schedule`);
    },

    async unschedule(job, shop, opts) {
      const registered = registry.require(job);
      const removing = queueFor(registered).removeJobScheduler(
        `${shop}|${scheduleKey(job.name, opts)}`,
      );
      await withTimeout(removing, timeoutMs, `${job.name}: unschedule`);
    },

    async drain() {
      // Polls Redis: the work may be running in another process. Without any worker for a
      // queue this waits for ever, as "wait until nothing is queued" says.
      const all = registry.jobs.map(queueFor);
      for (;;) {
        const idle = await Promise.all(all.map(isIdle));
        if (idle.every(Boolean)) return;
        await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
      }
    },

    async close() {
      if (closing) return;
      closing = true;
      await whenReady.catch(() => {});
      // close() first so no new job is fetched, then abort the running ones; Worker.close waits
      // for them to settle before it disconnects.
      const closingWorkers = workers.map((worker) => worker.close());
      for (const worker of workers) worker.cancelAllJobs("job queue closing");
      await Promise.allSettled(closingWorkers);
      await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
    },
  };
  return runner;
}
