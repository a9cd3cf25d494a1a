/**
 * Seeded randomness for the demo catalog. Nothing here reads the clock or Math.random, so the
 * same seed always yields the same store.
 *
 * Two tools:
 * - `Rng`: a mulberry32 stream (32-bit state, good enough for demo data, fast, tiny).
 * - `hash32` / `everyNth`: stateless hashing, used to place flaws at exact, stable rates
 *   ("one in N") without consuming from a stream, so adding a flaw never reshuffles the rest.
 */

/** 32-bit avalanche mix (murmur3 finaliser): spreads nearby inputs far apart. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a list of integers or short strings to an unsigned 32-bit integer. */
export function hash32(...parts: (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === "number") {
      // Fold in both halves so numbers above 2^32 (ids, large indexes) still differ.
      h = fmix32(h ^ (part >>> 0));
      h = fmix32(h ^ Math.floor(part / 4294967296));
    } else {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
      h = fmix32(h);
    }
  }
  return h;
}

/**
 * Stratified "one in `period`" selection: within every block of `period` consecutive indexes
 * exactly one index is chosen, at a seeded position. So a rate of 1/N is exact for every prefix
 * of whole blocks, and any run of at least N items contains the flaw at least once.
 */
export function everyNth(seed: number, salt: string, index: number, period: number): boolean {
  if (period <= 1) return true;
  const block = Math.floor(index / period);
  return index % period === hash32(seed, saltHash(salt), block) % period;
}

/** Salts are a handful of fixed strings checked millions of times: hash each once. */
const saltHashes = new Map<string, number>();
function saltHash(salt: string): number {
  let h = saltHashes.get(salt);
  if (h === undefined) {
    h = hash32(salt);
    saltHashes.set(salt, h);
  }
  return h;
}

/** How many times `everyNth` fired before `index` in the same series: cycles variants of a flaw. */
export function nthOccurrence(index: number, period: number): number {
  return Math.floor(index / period);
}

export class Rng {
  private state: number;

  constructor(...seedParts: (number | string)[]) {
    this.state = hash32(...seedParts);
  }

  /** Uniform float in [0, 1). mulberry32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick on an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error("Rng.weighted on an empty list");
    return last[0];
  }

  /** `count` distinct items in their original order (count is clamped to the list length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    const out: T[] = [];
    // Selection sampling (Knuth's Algorithm S): one pass, keeps order, no extra allocation.
    let needed = n;
    for (let i = 0; i < items.length && needed > 0; i++) {
      if (this.next() * (items.length - i) < needed) {
        out.push(items[i] as T);
        needed--;
      }
    }
    return out;
  }
}
