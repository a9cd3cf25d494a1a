/**
 * What every resolver gets: the store, the execution mode, and the services a mutation may need
 * (clock, bulk operations, webhook emission). Also the small typed helpers resolvers share, so
 * each resource module stays a flat table of fields.
 */
import type { GraphQLResolveInfo, GraphQLSchema } from "graphql";
import {
  sliceConnection,
  sortItems,
  windowConnection,
  type Connection,
  type ConnectionArgs,
  type SortValue,
  type Sorted,
} from "../connection";
import { filterBySearch, type SearchFields } from "../search";
import type { SimStore } from "../store";
import { getIndex, lookup, type StoreIndex } from "../store-index";
import { gidNumber } from "../util";

/** A bulk operation as the BulkOperation GraphQL object exposes it (resolved by field name). */
export interface BulkOperationView {
  id: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";
  errorCode: "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT" | null;
  createdAt: string;
  completedAt: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  query: string;
  type: "QUERY" | "MUTATION";
}

export interface BulkUserError {
  field: string[] | null;
  message: string;
  code: "INVALID" | "LIMIT_REACHED" | "OPERATION_IN_PROGRESS" | null;
}

export interface BulkService {
  run(
    query: string,
    groupObjects: boolean,
  ): { operation: BulkOperationView | null; userErrors: BulkUserError[] };
  cancel(id: string): {
    operation: BulkOperationView | null;
    userErrors: { field: string[] | null; message: string }[];
  };
  get(id: string): BulkOperationView | null;
  current(type: "QUERY" | "MUTATION"): BulkOperationView | null;
  list(): BulkOperationView[];
}

export interface SimServices {
  apiVersion: string;
  now(): Date;
  bulk: BulkService;
  /** The simulator's own base URL (staged upload targets are served there). */
  publicUrl(): string;
  /** Queue a webhook event; delivery happens in the background. */
  emitWebhook(topic: string, payload: unknown): void;
}

/** Set only while a bulk operation pages through its root connection. */
export interface BulkRootWindow {
  offset: number;
  size: number;
  sorted: Sorted<unknown> | null;
}

export interface SearchWarning {
  path: readonly (string | number)[];
  query: string;
  fields: string[];
}

export interface SimContext {
  store: SimStore;
  schema: GraphQLSchema;
  mode: "api" | "bulk";
  bulkRoot: BulkRootWindow | null;
  services: SimServices;
  searchWarnings: SearchWarning[];
}

export type Args = Record<string, unknown>;
export type Resolver = (
  source: unknown,
  args: Args,
  ctx: SimContext,
  info: GraphQLResolveInfo,
) => unknown;
export type TypeResolvers = Record<string, Resolver>;
export type ResolverMap = Record<string, TypeResolvers>;

/**
 * Resolvers for one GraphQL type whose sources are recognised by `guard`. A source of the wrong
 * kind is a wiring bug in the simulator, so it fails loudly instead of returning nonsense.
 */
export function typed<S>(
  typeName: string,
  guard: (value: unknown) => value is S,
  fields: Record<
    string,
    (source: S, args: Args, ctx: SimContext, info: GraphQLResolveInfo) => unknown
  >,
): TypeResolvers {
  const out: TypeResolvers = {};
  for (const [name, fn] of Object.entries(fields)) {
    out[name] = (source, args, ctx, info) => {
      if (!guard(source)) throw new Error(`simulator: unexpected source for ${typeName}.${name}`);
      return fn(source, args, ctx, info);
    };
  }
  return out;
}

// ---- argument helpers -------------------------------------------------------------------

export function argString(args: Args, name: string): string | null {
  const v = args[name];
  return typeof v === "string" ? v : null;
}

export function argInt(args: Args, name: string): number | null {
  const v = args[name];
  return typeof v === "number" ? v : null;
}

export function argBool(args: Args, name: string): boolean | null {
  const v = args[name];
  return typeof v === "boolean" ? v : null;
}

export function argStrings(args: Args, name: string): string[] | null {
  const v = args[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null;
}

export function connectionArgs(args: Args): ConnectionArgs {
  return {
    first: argInt(args, "first"),
    last: argInt(args, "last"),
    after: argString(args, "after"),
    before: argString(args, "before"),
    reverse: argBool(args, "reverse"),
  };
}

// ---- store access -----------------------------------------------------------------------

export function index(ctx: SimContext): StoreIndex {
  return getIndex(ctx.store);
}

export function find<V>(
  ctx: SimContext,
  pick: (index: StoreIndex) => Map<string, V>,
  id: string,
): V | undefined {
  return lookup(ctx.store, pick, id);
}

export function countOf(n: number, args: Args): { count: number; precision: "EXACT" | "AT_LEAST" } {
  // `limit` defaults to 10000 in the schema; an explicit null means uncapped.
  const limit = "limit" in args ? argInt(args, "limit") : 10000;
  if (limit !== null && n > limit) return { count: limit, precision: "AT_LEAST" };
  return { count: n, precision: "EXACT" };
}

// ---- connections --------------------------------------------------------------------------

export interface ListSpec<T> {
  items: () => readonly T[];
  /** Sort key per item, chosen from the `sortKey` argument by the caller. */
  key: (item: T, position: number) => SortValue;
  search?: SearchFields<T>;
}

/**
 * Resolve a connection field. In API mode it pages with first/last/after/before; in bulk mode
 * nested connections are unbounded and the root connection is served in windows by the bulk
 * runner (sorted once for the whole run).
 */
export function resolveConnection<T extends { id: string }>(
  ctx: SimContext,
  info: GraphQLResolveInfo,
  args: Args,
  spec: ListSpec<T>,
): Connection<unknown> {
  const cargs = connectionArgs(args);
  const prepare = (): Sorted<T> => {
    let items = spec.items();
    const query = argString(args, "query");
    if (spec.search && query) {
      const result = filterBySearch(items, query, spec.search);
      items = result.items;
      if (result.unknownFields.length) {
        ctx.searchWarnings.push({ path: pathOf(info), query, fields: result.unknownFields });
      }
    }
    return sortItems(items, spec.key, (item) => gidNumber(item.id), cargs.reverse === true);
  };
  if (ctx.mode === "bulk" && ctx.bulkRoot && info.path.prev === undefined) {
    const root = ctx.bulkRoot;
    root.sorted ??= prepare();
    return windowConnection(root.sorted, root.offset, root.size);
  }
  return sliceConnection(prepare(), cargs, ctx.mode === "bulk");
}

export function pathOf(info: GraphQLResolveInfo): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p: GraphQLResolveInfo["path"] | undefined = info.path; p; p = p.prev) out.unshift(p.key);
  return out;
}

/** Items in their stored order (POSITION-like sort keys). */
export function byPosition<T>(_item: T, position: number): SortValue {
  return position;
}

export function idKey(item: { id: string }): SortValue {
  return gidNumber(item.id);
}
