/**
 * Shopify's GraphQL Admin rate limit is a leaky bucket of cost points per shop and app
 * (https://shopify.dev/docs/api/usage/rate-limits): a query runs only if its *requested* cost
 * fits in what is available; the bucket refills at `restoreRate` points per second up to
 * `maximumAvailable`. Every response reports the bucket in `extensions.cost.throttleStatus`, so
 * the client can estimate the bucket between responses and hold a request back instead of
 * spending a round trip on a THROTTLED answer.
 */
import { z } from "zod";

/** The bucket as last reported by Shopify, and when (epoch ms) the client saw it. */
export interface ThrottleState {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
  at: number;
}

const costExtensionSchema = z.object({
  requestedQueryCost: z.number(),
  // Null on errors that stopped execution (THROTTLED, validation).
  actualQueryCost: z.number().nullable().optional(),
  throttleStatus: z.object({
    maximumAvailable: z.number().positive(),
    currentlyAvailable: z.number(),
    restoreRate: z.number().positive(),
  }),
});

export type CostExtension = z.infer<typeof costExtensionSchema>;

/** `extensions.cost` of a response, or null when absent or not shaped like Shopify's. */
export function parseCostExtension(extensions: unknown): CostExtension | null {
  if (typeof extensions !== "object" || extensions === null || !("cost" in extensions)) return null;
  const parsed = costExtensionSchema.safeParse(extensions.cost);
  return parsed.success ? parsed.data : null;
}

/** Points available at `now`: the last report plus what has leaked back in since, capped. */
export function estimateAvailable(state: ThrottleState, now: number): number {
  const elapsedSeconds = Math.max(0, now - state.at) / 1000;
  return Math.min(
    state.maximumAvailable,
    state.currentlyAvailable + state.restoreRate * elapsedSeconds,
  );
}

/**
 * Milliseconds until `cost` points will be available, given `reserved` points that requests
 * already in flight are about to take (their cost is not in the last report yet). Costs above
 * the bucket size are treated as "needs a full bucket" so the wait stays finite; Shopify then
 * answers with its own error.
 */
export function msUntilAvailable(
  state: ThrottleState,
  cost: number,
  reserved: number,
  now: number,
): number {
  const needed = Math.min(cost, state.maximumAvailable);
  const missing = needed - (estimateAvailable(state, now) - reserved);
  return missing <= 0 ? 0 : Math.ceil((missing / state.restoreRate) * 1000);
}
