/**
 * Relay connections the way Shopify pages them: items are ordered by (sort key, numeric id),
 * cursors are opaque base64 JSON carrying that pair (like Shopify's `{"last_id":..,"last_value":..}`),
 * and `after`/`before` compare against the pair rather than an offset, so a product that changes
 * while a client pages through moves the way it does on Shopify instead of shifting every page.
 */
import { GraphQLError } from "graphql";
import { isRecord } from "./util";

export type SortValue = string | number;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

interface Entry<T> {
  item: T;
  key: SortValue;
  id: number;
}

/** A list sorted once; bulk runs page through the same Sorted list instead of re-sorting. */
export interface Sorted<T> {
  entries: Entry<T>[];
  reverse: boolean;
}

/** Shopify caps page sizes at 250. */
export const MAX_PAGE_SIZE = 250;

function compareKeys(a: SortValue, aId: number, b: SortValue, bId: number): number {
  if (a !== b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a) < String(b) ? -1 : 1;
  }
  return aId - bId;
}

export function sortItems<T>(
  items: readonly T[],
  key: (item: T, index: number) => SortValue,
  id: (item: T) => number,
  reverse: boolean,
): Sorted<T> {
  const entries = items.map((item, i) => ({ item, key: key(item, i), id: id(item) }));
  entries.sort((a, b) => compareKeys(a.key, a.id, b.key, b.id));
  if (reverse) entries.reverse();
  return { entries, reverse };
}

export function encodeCursor(key: SortValue, id: number): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: key })).toString("base64");
}

function decodeCursor(cursor: string, argName: string): { key: SortValue; id: number } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    if (
      isRecord(parsed) &&
      typeof parsed.last_id === "number" &&
      (typeof parsed.last_value === "string" || typeof parsed.last_value === "number")
    ) {
      return { key: parsed.last_value, id: parsed.last_id };
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for '${argName}' argument.`, {
    extensions: { code: "INVALID_CURSOR" },
  });
}

function toConnection<T>(
  slice: Entry<T>[],
  hasPreviousPage: boolean,
  hasNextPage: boolean,
): Connection<T> {
  const edges = slice.map((e) => ({ cursor: encodeCursor(e.key, e.id), node: e.item }));
  return {
    edges,
    nodes: slice.map((e) => e.item),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Slice a sorted list with first/after/last/before. `unbounded` (bulk mode) ignores first/last. */
export function sliceConnection<T>(
  sorted: Sorted<T>,
  args: ConnectionArgs,
  unbounded: boolean,
): Connection<T> {
  const { entries } = sorted;
  const dir = sorted.reverse ? -1 : 1;
  let start = 0;
  let end = entries.length;
  if (args.after) {
    const c = decodeCursor(args.after, "after");
    while (start < end) {
      const e = entries[start];
      if (e && dir * compareKeys(e.key, e.id, c.key, c.id) > 0) break;
      start++;
    }
  }
  if (args.before) {
    const c = decodeCursor(args.before, "before");
    let i = start;
    while (i < end) {
      const e = entries[i];
      if (e && dir * compareKeys(e.key, e.id, c.key, c.id) >= 0) break;
      i++;
    }
    end = i;
  }
  if (!unbounded) {
    const first = args.first ?? null;
    const last = args.last ?? null;
    if (first === null && last === null) {
      throw new GraphQLError("you must provide one of first or last");
    }
    for (const [name, value] of [
      ["first", first],
      ["last", last],
    ] as const) {
      if (value !== null && (value < 0 || value > MAX_PAGE_SIZE)) {
        throw new GraphQLError(`The value of '${name}' must be between 0 and ${MAX_PAGE_SIZE}.`);
      }
    }
    if (first !== null) end = Math.min(end, start + first);
    if (last !== null) start = Math.max(start, end - last);
  }
  return toConnection(entries.slice(start, end), start > 0, end < entries.length);
}

/** One page of a bulk run's root connection: a plain offset window over the pre-sorted list. */
export function windowConnection<T>(
  sorted: Sorted<T>,
  offset: number,
  size: number,
): Connection<T> {
  const end = Math.min(sorted.entries.length, offset + size);
  return toConnection(sorted.entries.slice(offset, end), offset > 0, end < sorted.entries.length);
}

/** Parse a date-ish sort key into a number so ISO strings with different precision order right. */
export function timeKey(value: string | null): number {
  if (value === null) return 0;
  const t = Date.parse(value);
  return Number.isNaN(t) ? 0 : t;
}
