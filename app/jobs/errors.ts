/** Thrown by enqueue/schedule when the shop or the payload is not what the job accepts. */
export class JobPayloadError extends Error {
  override name = "JobPayloadError";
}

/**
 * Throw from a job for failures a retry cannot fix (the shop uninstalled, the product was
 * deleted): the runner gives up at once instead of spending the remaining attempts.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

/** Enqueueing a job the runner was not given: on BullMQ no worker would ever run it. */
export class UnknownJobError extends Error {
  override name = "UnknownJobError";
}

export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
