/**
 * What the store-changing mutations share: the plain UserError shape, the loud failure for input
 * the store cannot hold, Shopify's handle rules and id sequences that never hand out an id twice.
 */
import { GraphQLError } from "graphql";
import type { SimStore } from "../store";
import { gidNumber, makeGid } from "../util";

export interface UserError {
  field: string[] | null;
  message: string;
}

/**
 * Keys of an input object that carry a value. An explicit null writes nothing the store lacks,
 * and neither does a schema default (graphql-js fills those in, e.g. `taxable: true`).
 */
export function givenKeys(
  input: Record<string, unknown>,
  defaults: Record<string, unknown> = {},
): string[] {
  return Object.keys(input).filter(
    (k) => input[k] !== null && input[k] !== undefined && input[k] !== defaults[k],
  );
}

/**
 * Input the store does not model fails the whole request, like an unknown mutation: pretending
 * to write it would hide app bugs.
 */
export function notImplemented(mutation: string, fields: string[]): never {
  throw new GraphQLError(
    `The simulated store does not implement ${mutation} for: ${fields.join(", ")}.`,
    { extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR" } },
  );
}

/**
 * A handle from a title as Shopify documents it: lowercase, each run of whitespace or special
 * characters becomes one hyphen, none at either end.
 */
export function handleize(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** The generated handle, auto-incremented while taken ("potion", "potion-1", "potion-2", ...). */
export function uniqueHandle(base: string, taken: (handle: string) => boolean): string {
  const root = base || "untitled";
  if (!taken(root)) return root;
  for (let n = 1; ; n++) if (!taken(`${root}-${n}`)) return `${root}-${n}`;
}

export function handleInUse(handle: string): UserError {
  return {
    field: ["handle"],
    message: `Handle '${handle}' already in use. Please provide a new handle.`,
  };
}

/**
 * Title and handle checks of the create and update mutations, products and collections alike:
 * a title when required (or given), and an explicit handle no other item has (Shopify documents
 * handles as unique since 2025-01: a generated one gets a suffix, an explicit taken one is refused).
 */
export function checkTitleAndHandle<T extends { handle: string }>(
  existing: readonly T[],
  self: T | null,
  input: Record<string, unknown>,
  titleRequired: boolean,
): UserError[] {
  const errors: UserError[] = [];
  if (
    (titleRequired || "title" in input) &&
    (typeof input.title !== "string" || input.title.trim() === "")
  )
    errors.push({ field: ["title"], message: "Title can't be blank" });
  if (
    typeof input.handle === "string" &&
    existing.some((item) => item !== self && item.handle === input.handle)
  )
    errors.push(handleInUse(input.handle));
  return errors;
}

/** Last number handed out per store and key, so a deleted resource's id is never reused. */
const sequences = new WeakMap<SimStore, Map<string, number>>();

/**
 * The next number for `key`: above every number in `existing` and every one handed out before
 * (Shopify never reuses an id, and the app remembers deleted ids).
 */
export function nextNumber(store: SimStore, key: string, existing: Iterable<number>): number {
  let seqs = sequences.get(store);
  if (!seqs) {
    seqs = new Map();
    sequences.set(store, seqs);
  }
  let last = seqs.get(key) ?? 0;
  for (const n of existing) if (n > last) last = n;
  seqs.set(key, last + 1);
  return last + 1;
}

function* numbersOf(items: Iterable<{ id: string }>): Iterable<number> {
  for (const item of items) yield gidNumber(item.id);
}

/** A fresh gid of `type`, above the ids of `items` (the resources of that type in the store). */
export function nextGid(store: SimStore, type: string, items: Iterable<{ id: string }>): string {
  return makeGid(type, nextNumber(store, type, numbersOf(items)));
}

/** Money arithmetic in cents, printed as Shopify prints amounts ("12.50"). */
export function toCents(amount: string | number): number {
  return Math.round(Number(amount) * 100);
}

export function fromCents(cents: number): string {
  return (cents / 100).toFixed(2);
}
