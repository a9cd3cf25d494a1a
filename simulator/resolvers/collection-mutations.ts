/**
 * collectionCreate, collectionUpdate and collectionDelete over the store's collections: custom
 * collections in manual order with a title, handle, description and product list. Each fires its
 * collections/* webhook. Smart collections (rule sets, 2026-10's `sources`), images, SEO,
 * metafields and other sort orders are not in the store model and fail as not implemented.
 */
import type { SimCollection, SimStore } from "../store";
import { invalidateIndex } from "../store-index";
import { isRecord, isoSeconds } from "../util";
import { restCollectionDeletePayload, restCollectionPayload } from "../webhook-payloads";
import { find, type ResolverMap, type SimContext } from "./context";
import {
  givenKeys,
  checkTitleAndHandle,
  handleize,
  nextGid,
  notImplemented,
  uniqueHandle,
  type UserError,
} from "./mutation-support";

interface CollectionPayload {
  collection: SimCollection | null;
  userErrors: UserError[];
}

/** 2026-10's `collection:` argument, or the deprecated `input: CollectionInput`. */
function inputOf(args: Record<string, unknown>): {
  input: Record<string, unknown>;
  deprecated: boolean;
} {
  if (isRecord(args.collection)) return { input: args.collection, deprecated: false };
  return { input: isRecord(args.input) ? args.input : {}, deprecated: true };
}

/** Fields of the input the store cannot hold (`allowed` are the modeled ones). */
function unmodeledFields(input: Record<string, unknown>, allowed: readonly string[]): string[] {
  // redirectNewHandle defaults to false in the schema.
  const out = givenKeys(input, { redirectNewHandle: false }).filter((k) => !allowed.includes(k));
  // The store's collections are manual; another sort order would be silently lost.
  if (typeof input.sortOrder === "string" && input.sortOrder !== "MANUAL")
    out.push(`sortOrder: ${input.sortOrder}`);
  return out;
}

function emitUpdate(ctx: SimContext, collection: SimCollection): void {
  ctx.services.emitWebhook("collections/update", restCollectionPayload(ctx.store, collection));
}

function collectionCreate(ctx: SimContext, args: Record<string, unknown>): CollectionPayload {
  const { input: raw, deprecated } = inputOf(args);
  // A blank handle is no handle: one is generated from the title.
  const input =
    typeof raw.handle === "string" && !raw.handle.trim() ? { ...raw, handle: null } : raw;
  // `products` ("Initial list of collection products") exists only on the deprecated input.
  const unmodeled = unmodeledFields(
    input,
    deprecated
      ? ["title", "handle", "descriptionHtml", "sortOrder", "products"]
      : ["title", "handle", "descriptionHtml", "sortOrder"],
  );
  if (unmodeled.length) notImplemented("collectionCreate", unmodeled);
  const store = ctx.store;
  const errors = checkTitleAndHandle(store.collections, null, input, true);
  const productIds: string[] = [];
  (Array.isArray(input.products) ? input.products : []).forEach((id, i) => {
    if (typeof id === "string" && find(ctx, (x) => x.products, id)) {
      if (!productIds.includes(id)) productIds.push(id);
    } else errors.push({ field: ["products", String(i)], message: "Product does not exist" });
  });
  if (errors.length) return { collection: null, userErrors: errors };

  const title = String(input.title);
  const collection: SimCollection = {
    id: nextGid(store, "Collection", store.collections),
    title,
    handle:
      typeof input.handle === "string"
        ? input.handle
        : uniqueHandle(handleize(title), (h) => store.collections.some((c) => c.handle === h)),
    descriptionHtml: typeof input.descriptionHtml === "string" ? input.descriptionHtml : "",
    updatedAt: isoSeconds(ctx.services.now()),
    productIds,
  };
  store.collections.push(collection);
  invalidateIndex(store);
  ctx.services.emitWebhook("collections/create", restCollectionPayload(store, collection));
  return { collection, userErrors: [] };
}

function collectionUpdate(
  ctx: SimContext,
  args: Record<string, unknown>,
): CollectionPayload & { job: null } {
  const { input } = inputOf(args);
  // `products` is "Only valid with collectionCreate": refused below rather than not implemented.
  // redirectNewHandle: true asks for a URL redirect from the old handle, which the store lacks.
  const unmodeled = unmodeledFields(input, [
    "id",
    "title",
    "handle",
    "descriptionHtml",
    "sortOrder",
    "products",
  ]);
  if (unmodeled.length) notImplemented("collectionUpdate", unmodeled);
  const id = typeof input.id === "string" ? input.id : "";
  const collection = find(ctx, (x) => x.collections, id);
  if (!collection)
    return {
      collection: null,
      job: null,
      userErrors: [{ field: ["id"], message: "Collection does not exist" }],
    };
  const errors = checkTitleAndHandle(ctx.store.collections, collection, input, false);
  if (input.products != null)
    errors.push({
      field: ["products"],
      message: "Products can only be set when the collection is created",
    });
  if (errors.length) return { collection, job: null, userErrors: errors };

  if (typeof input.title === "string") collection.title = input.title;
  if (typeof input.handle === "string") collection.handle = input.handle;
  if (typeof input.descriptionHtml === "string") collection.descriptionHtml = input.descriptionHtml;
  collection.updatedAt = isoSeconds(ctx.services.now());
  emitUpdate(ctx, collection);
  return { collection, job: null, userErrors: [] };
}

function collectionDelete(
  ctx: SimContext,
  args: Record<string, unknown>,
): { deletedCollectionId: string | null; shop: SimStore["shop"]; userErrors: UserError[] } {
  const shop = ctx.store.shop;
  const input = isRecord(args.input) ? args.input : {};
  const id = typeof input.id === "string" ? input.id : "";
  const collection = find(ctx, (x) => x.collections, id);
  if (!collection)
    return {
      deletedCollectionId: null,
      shop,
      userErrors: [{ field: ["id"], message: "Collection does not exist" }],
    };
  // Its products stay in the store; they only leave the collection.
  const at = ctx.store.collections.indexOf(collection);
  ctx.store.collections.splice(at, 1);
  invalidateIndex(ctx.store);
  ctx.services.emitWebhook("collections/delete", restCollectionDeletePayload(collection.id));
  return { deletedCollectionId: collection.id, shop, userErrors: [] };
}

export function collectionMutationResolvers(): ResolverMap {
  return {
    Mutation: {
      collectionCreate: (_s, args, ctx) => collectionCreate(ctx, args),
      collectionUpdate: (_s, args, ctx) => collectionUpdate(ctx, args),
      collectionDelete: (_s, args, ctx) => collectionDelete(ctx, args),
    },
  };
}
