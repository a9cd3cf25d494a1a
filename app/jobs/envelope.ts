import { z } from "zod";
import { logger } from "../logger.server";
import { JobPayloadError } from "./errors";
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_CONCURRENCY,
  type Enqueue,
  type EnqueueOptions,
  type JobContext,
  type JobDefinition,
  type ScheduleOptions,
} from "./types";

/**
 * What both runners store for a job: the shop travels with the payload, so a job never runs
 * without knowing whose data it touches.
 */
export interface JobData {
  shop: string;
  payload: unknown;
}

const shopSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a *.myshopify.com domain");

const dataSchema = z.object({ shop: z.string(), payload: z.unknown() });

function checkShop(jobName: string, shop: unknown): string {
  const result = shopSchema.safeParse(shop);
  if (!result.success) {
    throw new JobPayloadError(
      `${jobName}: invalid shop ${JSON.stringify(shop)}: must be a *.myshopify.com domain`,
    );
  }
  return result.data;
}

function checkPayload<P>(job: JobDefinition<P>, payload: unknown): P {
  const result = job.schema.safeParse(payload);
  if (!result.success) {
    throw new JobPayloadError(`${job.name}: invalid payload:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/** Payloads cross Redis as JSON; inline mode makes the same trip so both runners see the same. */
function jsonCopy(jobName: string, payload: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch (error) {
    throw new JobPayloadError(`${jobName}: payload is not JSON-serialisable`, { cause: error });
  }
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * Validates on enqueue. The JSON copy is what gets validated and stored, so a payload that would
 * not survive the trip through Redis (a Date, a Map) fails here, in the caller, on both runners.
 * The copy is stored rather than the schema's output so that transforms apply once, on run.
 */
export function toJobData<P>(job: JobDefinition<P>, shop: string, payload: P): JobData {
  const checkedShop = checkShop(job.name, shop);
  const copy = jsonCopy(job.name, payload);
  checkPayload(job, copy);
  return { shop: checkedShop, payload: copy };
}

/** Validates again on run: the data may have been written by an older deploy. */
export function fromJobData<P>(job: JobDefinition<P>, data: unknown): { shop: string; payload: P } {
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) throw new JobPayloadError(`${job.name}: stored job data is malformed`);
  return {
    shop: checkShop(job.name, parsed.data.shop),
    payload: checkPayload(job, parsed.data.payload),
  };
}

export function checkEnqueueOptions(jobName: string, opts: EnqueueOptions): void {
  const { delayMs, jobId } = opts;
  if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new RangeError(`${jobName}: delayMs must be a number >= 0`);
  }
  if (jobId !== undefined && jobId.length === 0) {
    throw new RangeError(`${jobName}: jobId must not be empty`);
  }
}

/** The schedule's key; `:` is refused because BullMQ builds job ids from it with `:`. */
export function scheduleKey(jobName: string, opts: ScheduleOptions | undefined): string {
  const key = opts?.key ?? "default";
  if (key.length === 0 || key.includes(":")) {
    throw new RangeError(`${jobName}: schedule key must be non-empty and contain no ":"`);
  }
  return key;
}

export function checkEvery(jobName: string, everyMs: number): void {
  if (!(Number.isInteger(everyMs) && everyMs > 0)) {
    throw new RangeError(`${jobName}: everyMs must be a positive integer`);
  }
}

export interface JobSettings {
  attempts: number;
  backoffMs: number;
  concurrency: number;
}

export function settingsOf<P>(job: JobDefinition<P>): JobSettings {
  return {
    attempts: job.attempts ?? DEFAULT_ATTEMPTS,
    backoffMs: job.backoffMs ?? DEFAULT_BACKOFF_MS,
    concurrency: job.concurrency ?? DEFAULT_CONCURRENCY,
  };
}

/** Exponential backoff after the given failed attempt: the formula BullMQ's "exponential" uses. */
export function retryDelayMs(backoffMs: number, failedAttempt: number): number {
  return Math.round(backoffMs * 2 ** (failedAttempt - 1));
}

/** A logger tagged the way every failure must be: with the shop and the operation. */
export function jobLogger(jobName: string, shop: string, id: string, attempt: number) {
  return logger.child({ op: "job", job: jobName, shop, jobId: id, attempt });
}

export function makeContext(
  log: ReturnType<typeof jobLogger>,
  shop: string,
  attempt: number,
  signal: AbortSignal,
  progress: (p: Record<string, number>) => Promise<void>,
  enqueue: Enqueue,
): JobContext {
  return {
    shop,
    attempt,
    signal,
    log: (msg, extra) => log.info(extra ?? {}, msg),
    progress,
    enqueue: (job, payload, opts) => enqueue(job, shop, payload, opts),
  };
}
