/**
 * What all Admin clients of one shop in this process share. Shopify's bucket is per shop and
 * app, not per client object: a bulk sync and a label writer running side by side for the same
 * shop drain the same points, so they must see the same estimate, the same learned operation
 * costs, the same Retry-After pause and the same in-flight limit. Different shops never touch
 * each other's entry.
 */
import { Semaphore } from "./semaphore";
import type { ThrottleState } from "./throttle";

export interface ShopState {
  /** Last `throttleStatus` Shopify reported for the shop; null before the first response. */
  throttle: ThrottleState | null;
  /** Requested cost of requests sent but not answered yet (not in `throttle` yet). */
  reserved: number;
  /** Last requested cost seen per operation name. */
  readonly costs: Map<string, number>;
  /**
   * Operations whose cost is still unknown and being learned by a request in flight: others of
   * the same name wait for that attempt instead of all guessing (and all getting THROTTLED).
   */
  readonly learning: Map<string, Promise<void>>;
  /** Epoch ms before which no request goes out (set from a 429's Retry-After). */
  pausedUntil: number;
  readonly semaphore: Semaphore;
}

const shops = new Map<string, ShopState>();

/** Shopify domains are case-insensitive; key on the normalised form. */
function keyOf(shop: string): string {
  return shop.trim().toLowerCase();
}

export function shopState(shop: string): ShopState {
  const key = keyOf(shop);
  let state = shops.get(key);
  if (!state) {
    state = {
      throttle: null,
      reserved: 0,
      costs: new Map(),
      learning: new Map(),
      pausedUntil: 0,
      semaphore: new Semaphore(),
    };
    shops.set(key, state);
  }
  return state;
}

/**
 * Forget what is known about a shop (or all shops). For tests that point the same shop at a
 * fresh simulator, and for a shop that was reinstalled with a different plan.
 */
export function resetShopState(shop?: string): void {
  if (shop === undefined) shops.clear();
  else shops.delete(keyOf(shop));
}
