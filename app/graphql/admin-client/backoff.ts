/** How long to wait before the next attempt. Pure functions, so the policy is unit-testable. */

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed (so retries do
 * back off), half is random (so parallel jobs that failed together do not retry together).
 * `attempt` is 1 for the first retry.
 */
export function backoffDelayMs(
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/**
 * `Retry-After` in milliseconds: delta-seconds (what Shopify sends) or an HTTP date.
 * Null when absent or unparseable, so the caller falls back to backoff.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
