/**
 * Mutations that change the store. Each one validates like Shopify (userErrors rather than
 * top-level errors for bad input), applies the change in place, bumps updatedAt and queues the
 * matching webhook.
 */
import type { SimMetafield, SimProduct } from "../store";
import { invalidateIndex } from "../store-index";
import { isRecord, isoSeconds, makeGid } from "../util";
import { restProductPayload } from "../webhook-payloads";
import { find, type ResolverMap, type SimContext } from "./context";

interface UserError {
  field: string[] | null;
  message: string;
}

const STATUSES = ["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"] as const;

function nextMetafieldId(ctx: SimContext): string {
  let max = 0;
  for (const p of ctx.store.products)
    for (const m of p.metafields) max = Math.max(max, Number(m.id.split("/").pop()) || 0);
  return makeGid("Metafield", max + 1);
}

function applyMetafields(
  ctx: SimContext,
  product: SimProduct,
  input: unknown[],
  now: string,
  errors: UserError[],
): boolean {
  let changed = false;
  input.forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const id = typeof raw.id === "string" ? raw.id : null;
    const existing = id
      ? product.metafields.find((m) => m.id === id)
      : product.metafields.find((m) => m.namespace === raw.namespace && m.key === raw.key);
    if (id && !existing) {
      errors.push({ field: ["metafields", String(i), "id"], message: "Metafield does not exist" });
      return;
    }
    if (typeof raw.value !== "string") {
      errors.push({ field: ["metafields", String(i), "value"], message: "Value can't be blank" });
      return;
    }
    if (existing) {
      existing.value = raw.value;
      if (typeof raw.type === "string") existing.type = raw.type;
      existing.updatedAt = now;
    } else {
      if (
        typeof raw.namespace !== "string" ||
        typeof raw.key !== "string" ||
        typeof raw.type !== "string"
      ) {
        errors.push({
          field: ["metafields", String(i)],
          message: "Namespace, key and type are required for a new metafield",
        });
        return;
      }
      const created: SimMetafield = {
        id: nextMetafieldId(ctx),
        namespace: raw.namespace,
        key: raw.key,
        type: raw.type,
        value: raw.value,
        updatedAt: now,
      };
      product.metafields.push(created);
    }
    changed = true;
  });
  return changed;
}

function productUpdate(
  ctx: SimContext,
  args: Record<string, unknown>,
): { product: SimProduct | null; userErrors: UserError[] } {
  // 2026-10 takes `product: ProductUpdateInput`; the deprecated `input: ProductInput` still works.
  const input = isRecord(args.product) ? args.product : isRecord(args.input) ? args.input : {};
  const identifier = isRecord(args.identifier) ? args.identifier : {};
  const id =
    typeof input.id === "string"
      ? input.id
      : typeof identifier.id === "string"
        ? identifier.id
        : null;
  const handle = typeof identifier.handle === "string" ? identifier.handle : null;
  const product = id
    ? find(ctx, (i) => i.products, id)
    : handle
      ? ctx.store.products.find((p) => p.handle === handle)
      : undefined;
  if (!product) {
    return { product: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] };
  }
  const errors: UserError[] = [];
  if ("title" in input && (typeof input.title !== "string" || input.title.trim() === "")) {
    errors.push({ field: ["title"], message: "Title can't be blank" });
  }
  if (
    typeof input.handle === "string" &&
    ctx.store.products.some((p) => p !== product && p.handle === input.handle)
  ) {
    errors.push({
      field: ["handle"],
      message: `Handle '${input.handle}' already in use. Please provide a new handle.`,
    });
  }
  if (errors.length) return { product, userErrors: errors };

  const now = isoSeconds(ctx.services.now());
  if (typeof input.title === "string") product.title = input.title;
  if (typeof input.descriptionHtml === "string") product.descriptionHtml = input.descriptionHtml;
  if (typeof input.vendor === "string") product.vendor = input.vendor;
  if (typeof input.productType === "string") product.productType = input.productType;
  if (typeof input.handle === "string") product.handle = input.handle;
  const status = STATUSES.find((s) => s === input.status);
  // UNLISTED exists in the 2026-10 enum but not in the store model; it is stored as DRAFT.
  if (status) product.status = status === "UNLISTED" ? "DRAFT" : status;
  if (Array.isArray(input.tags))
    product.tags = input.tags.filter((t): t is string => typeof t === "string");
  if (isRecord(input.seo)) {
    if ("title" in input.seo)
      product.seo.title = typeof input.seo.title === "string" ? input.seo.title : null;
    if ("description" in input.seo)
      product.seo.description =
        typeof input.seo.description === "string" ? input.seo.description : null;
  }
  if ("category" in input) {
    const categoryId = typeof input.category === "string" ? input.category : null;
    // The store only knows category names through products that already use them.
    const known = categoryId
      ? ctx.store.products.find((p) => p.category?.id === categoryId)?.category
      : null;
    product.category = categoryId
      ? known
        ? { ...known }
        : { id: categoryId, name: categoryId.split("/").pop() ?? "", fullName: "" }
      : null;
  }
  if (Array.isArray(input.metafields)) applyMetafields(ctx, product, input.metafields, now, errors);
  for (const [key, join] of [
    ["collectionsToJoin", true],
    ["collectionsToLeave", false],
  ] as const) {
    const ids = input[key];
    if (!Array.isArray(ids)) continue;
    for (const cid of ids) {
      const collection = typeof cid === "string" ? find(ctx, (i) => i.collections, cid) : undefined;
      if (!collection) continue;
      const has = collection.productIds.includes(product.id);
      if (join && !has) collection.productIds.push(product.id);
      if (!join && has)
        collection.productIds = collection.productIds.filter((p) => p !== product.id);
      collection.updatedAt = now;
    }
    invalidateIndex(ctx.store);
  }
  product.updatedAt = now;
  ctx.services.emitWebhook("products/update", restProductPayload(ctx.store, product));
  return { product, userErrors: errors };
}

export function mutationResolvers(): ResolverMap {
  return {
    Mutation: {
      productUpdate: (_s, args, ctx) => productUpdate(ctx, args),
    },
  };
}
