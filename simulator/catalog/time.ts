/** Timestamps: everything is relative to the caller's `now`, never the real clock. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function parseNow(now: string): number {
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new Error(`generateStore: invalid "now" timestamp "${now}"`);
  return ms;
}

/** "YYYY-MM-DDT" per day number: a big store formats millions of timestamps over ~800 days. */
const dayPrefixes = new Map<number, string>();

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Shopify's format: second precision, UTC, `Z` suffix (no milliseconds). */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  const h = two(Math.floor(seconds / 3600));
  return [prefix, h, ":", two(Math.floor(seconds / 60) % 60), ":", two(seconds % 60), "Z"].join("");
}
