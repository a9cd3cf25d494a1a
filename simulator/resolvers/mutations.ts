/**
 * Mutations that change the store. Each one validates like Shopify (userErrors rather than
 * top-level errors for bad input), applies the change in place, bumps updatedAt and queues the
 * matching webhook.
 */
import type {
  SimCollection,
  SimInventoryItem,
  SimInventoryLevel,
  SimLocation,
  SimMetafield,
  SimOrder,
  SimProduct,
  SimStore,
  SimVariant,
} from "../store";
import { invalidateIndex } from "../store-index";
import { gidNumber, isRecord, isoSeconds, makeGid } from "../util";
import {
  restCollectionPayload,
  restInventoryLevelPayload,
  restOrderPayload,
  restProductDeletePayload,
  restProductPayload,
} from "../webhook-payloads";
import { find, type ResolverMap, type SimContext } from "./context";
import { nextMetafieldId } from "./custom-data";
import {
  givenKeys,
  checkTitleAndHandle,
  handleize,
  nextGid,
  nextNumber,
  notImplemented,
  uniqueHandle,
  type UserError,
} from "./mutation-support";

const STATUSES = ["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"] as const;

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
        id: nextMetafieldId(ctx.store),
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

/** The ProductCreateInput / ProductUpdateInput fields the store models (title, handle checked). */
function applyProductFields(
  ctx: SimContext,
  product: SimProduct,
  input: Record<string, unknown>,
  now: string,
  errors: UserError[],
): void {
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
}

/**
 * `collectionsToJoin` / `collectionsToLeave`: the collections whose membership changed get their
 * updatedAt bumped and one collections/update each (Shopify fires it when products are added or
 * removed). Unknown collection ids are skipped.
 */
function moveBetweenCollections(
  ctx: SimContext,
  product: SimProduct,
  input: Record<string, unknown>,
  now: string,
): void {
  const changed = new Set<SimCollection>();
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
      if (join === has) continue;
      if (join) collection.productIds.push(product.id);
      else collection.productIds = collection.productIds.filter((p) => p !== product.id);
      changed.add(collection);
    }
  }
  if (!changed.size) return;
  invalidateIndex(ctx.store);
  for (const collection of changed) {
    collection.updatedAt = now;
    ctx.services.emitWebhook("collections/update", restCollectionPayload(ctx.store, collection));
  }
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
  const errors = checkTitleAndHandle(ctx.store.products, product, input, false);
  if (errors.length) return { product, userErrors: errors };

  const now = isoSeconds(ctx.services.now());
  applyProductFields(ctx, product, input, now, errors);
  product.updatedAt = now;
  ctx.services.emitWebhook("products/update", restProductPayload(ctx.store, product));
  moveBetweenCollections(ctx, product, input, now);
  return { product, userErrors: errors };
}

// ---- productCreate / productDelete ----------------------------------------------------------

/** ProductCreateInput fields the store models. */
const CREATE_FIELDS = new Set([
  "title",
  "handle",
  "descriptionHtml",
  "vendor",
  "productType",
  "status",
  "tags",
  "seo",
  "category",
  "metafields",
  "collectionsToJoin",
  "productOptions",
]);

/** Options from `productOptions`, or Shopify's default "Title" option. */
function optionsFrom(
  raw: unknown,
  errors: UserError[],
): { name: string; position: number; values: string[] }[] {
  if (!Array.isArray(raw) || raw.length === 0)
    return [{ name: "Title", position: 1, values: ["Default Title"] }];
  if (raw.length > 3) {
    errors.push({ field: ["productOptions"], message: "Products can have at most 3 options" });
    return [];
  }
  const unmodeled: string[] = [];
  const options = raw.filter(isRecord).map((option, i) => {
    if (option.linkedMetafield != null) unmodeled.push(`productOptions.${i}.linkedMetafield`);
    const values = (Array.isArray(option.values) ? option.values : []).filter(isRecord);
    values.forEach((v, j) => {
      if (v.linkedMetafieldValue != null)
        unmodeled.push(`productOptions.${i}.values.${j}.linkedMetafieldValue`);
    });
    const name = typeof option.name === "string" ? option.name.trim() : "";
    const names = values.map((v) => (typeof v.name === "string" ? v.name.trim() : ""));
    if (!name)
      errors.push({
        field: ["productOptions", String(i), "name"],
        message: "Option name can't be blank",
      });
    if (!names.length || names.some((n) => !n))
      errors.push({
        field: ["productOptions", String(i), "values"],
        message: "Option values can't be blank",
      });
    return { name, position: i + 1, values: names };
  });
  if (unmodeled.length) notImplemented("productCreate", unmodeled);
  const seen = new Set<string>();
  options.forEach((o, i) => {
    if (o.name && seen.has(o.name.toLowerCase()))
      errors.push({
        field: ["productOptions", String(i), "name"],
        message: `Option '${o.name}' already exists`,
      });
    seen.add(o.name.toLowerCase());
  });
  return options;
}

/**
 * productCreate (2024-04+: `product: ProductCreateInput`; the deprecated `input` is read the same
 * way). Like Shopify it creates the product with its initial variant only: the first value of
 * each option ("Default Title" without options), price 0.00, its inventory item tracked and
 * stocked at the first active location with nothing on hand. Fires products/create.
 */
function productCreate(
  ctx: SimContext,
  args: Record<string, unknown>,
): { product: SimProduct | null; userErrors: UserError[]; shop: SimStore["shop"] } {
  const shop = ctx.store.shop;
  const raw = isRecord(args.product) ? args.product : isRecord(args.input) ? args.input : {};
  // A blank handle is no handle: one is generated from the title.
  const input =
    typeof raw.handle === "string" && !raw.handle.trim() ? { ...raw, handle: null } : raw;
  // giftCard / requiresSellingPlan false is what the store's products are anyway.
  const unmodeled = givenKeys(input, { giftCard: false, requiresSellingPlan: false }).filter(
    (k) => !CREATE_FIELDS.has(k),
  );
  if (Array.isArray(args.media) && args.media.length) unmodeled.push("media");
  if (unmodeled.length) notImplemented("productCreate", unmodeled);

  const errors = checkTitleAndHandle(ctx.store.products, null, input, true);
  const options = optionsFrom(input.productOptions, errors);
  if (errors.length) return { product: null, userErrors: errors, shop };

  const store = ctx.store;
  const now = isoSeconds(ctx.services.now());
  const title = String(input.title);
  const productId = nextGid(store, "Product", store.products);
  const selected = options.map((o) => ({ name: o.name, value: o.values[0] ?? "" }));
  const variant: SimVariant = {
    id: nextGid(
      store,
      "ProductVariant",
      store.products.flatMap((p) => p.variants),
    ),
    title: selected.map((s) => s.value).join(" / "),
    position: 1,
    sku: null,
    barcode: null,
    price: "0.00",
    compareAtPrice: null,
    selectedOptions: selected,
    inventoryItem: {
      id: nextGid(
        store,
        "InventoryItem",
        store.products.flatMap((p) => p.variants.map((v) => v.inventoryItem)),
      ),
      tracked: true,
      unitCost: null,
      countryCodeOfOrigin: null,
      harmonizedSystemCode: null,
      weight: null,
    },
    createdAt: now,
    updatedAt: now,
  };
  const optionIds = store.products.flatMap((p) => p.options);
  const product: SimProduct = {
    id: productId,
    title,
    handle:
      typeof input.handle === "string"
        ? input.handle
        : uniqueHandle(handleize(title), (h) => store.products.some((p) => p.handle === h)),
    vendor: "",
    productType: "",
    descriptionHtml: "",
    status: "ACTIVE",
    tags: [],
    category: null,
    seo: { title: null, description: null },
    options: options.map((o) => ({ id: nextGid(store, "ProductOption", optionIds), ...o })),
    createdAt: now,
    updatedAt: now,
    // Not published to the online store until a publication says so.
    publishedAt: null,
    variants: [variant],
    media: [],
    metafields: [],
    seedCategory: "",
  };
  // In the store before its metafields, so each new metafield gets its own id.
  store.products.push(product);
  applyProductFields(ctx, product, input, now, errors);
  if (errors.length) {
    // All or nothing: a bad metafield leaves no half-made product behind.
    retainInPlace(store.products, (p) => p !== product);
    invalidateIndex(store);
    return { product: null, userErrors: errors, shop };
  }
  const location = store.locations.find((l) => l.isActive);
  if (location) {
    const itemNumber = gidNumber(variant.inventoryItem.id);
    const levelNumber = nextNumber(
      store,
      "InventoryLevel",
      store.inventoryLevels.map((l) => gidNumber(l.id)),
    );
    store.inventoryLevels.push({
      id: `gid://shopify/InventoryLevel/${levelNumber}?inventory_item_id=${itemNumber}`,
      inventoryItemId: variant.inventoryItem.id,
      locationId: location.id,
      available: 0,
      onHand: 0,
      updatedAt: now,
    });
  }
  invalidateIndex(store);
  ctx.services.emitWebhook("products/create", restProductPayload(store, product));
  moveBetweenCollections(ctx, product, input, now);
  return { product, userErrors: [], shop };
}

/** Keep the items `keep` accepts, in place (the arrays can hold hundreds of thousands). */
function retainInPlace<T>(list: T[], keep: (item: T) => boolean): void {
  let out = 0;
  for (const item of list) if (keep(item)) list[out++] = item;
  list.length = out;
}

/**
 * productDelete: the product goes with its variants, inventory items and their levels, and leaves
 * every collection (each fires collections/update). Orders keep their line items, as Shopify's
 * completed orders do. Fires products/delete with only the numeric id.
 */
function productDelete(
  ctx: SimContext,
  args: Record<string, unknown>,
): {
  deletedProductId: string | null;
  productDeleteOperation: null;
  shop: SimStore["shop"];
  userErrors: UserError[];
} {
  const shop = ctx.store.shop;
  // `synchronous: false` answers a ProductDeleteOperation to poll: not simulated.
  if (args.synchronous === false) notImplemented("productDelete", ["synchronous: false"]);
  const input = isRecord(args.input) ? args.input : {};
  const id = typeof input.id === "string" ? input.id : "";
  const product = find(ctx, (i) => i.products, id);
  if (!product)
    return {
      deletedProductId: null,
      productDeleteOperation: null,
      shop,
      userErrors: [{ field: ["id"], message: "Product does not exist" }],
    };
  const store = ctx.store;
  const now = isoSeconds(ctx.services.now());
  const items = new Set(product.variants.map((v) => v.inventoryItem.id));
  retainInPlace(store.products, (p) => p !== product);
  retainInPlace(store.inventoryLevels, (l) => !items.has(l.inventoryItemId));
  const left = store.collections.filter((c) => c.productIds.includes(product.id));
  for (const collection of left) {
    collection.productIds = collection.productIds.filter((p) => p !== product.id);
    collection.updatedAt = now;
  }
  invalidateIndex(store);
  ctx.services.emitWebhook("products/delete", restProductDeletePayload(product.id));
  for (const collection of left)
    ctx.services.emitWebhook("collections/update", restCollectionPayload(store, collection));
  return { deletedProductId: product.id, productDeleteOperation: null, shop, userErrors: [] };
}

// ---- inventorySetQuantities ------------------------------------------------------------------

/** Shopify's documented inventory state change reasons. */
const INVENTORY_REASONS = new Set([
  "correction",
  "cycle_count_available",
  "damaged",
  "movement_canceled",
  "movement_created",
  "movement_received",
  "movement_updated",
  "other",
  "promotion",
  "quality_control",
  "received",
  "reservation_created",
  "reservation_deleted",
  "reservation_updated",
  "restock",
  "safety_stock",
  "shrinkage",
]);

const QUANTITY_LIMIT = 1_000_000_000;

type InventoryErrorCode =
  | "CHANGE_FROM_QUANTITY_STALE"
  | "INVALID_INVENTORY_ITEM"
  | "INVALID_LOCATION"
  | "INVALID_NAME"
  | "INVALID_QUANTITY_TOO_HIGH"
  | "INVALID_QUANTITY_TOO_LOW"
  | "INVALID_REASON"
  | "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR";

interface InventoryUserError extends UserError {
  code: InventoryErrorCode;
}

interface InventoryChangeView {
  name: string;
  delta: number;
  quantityAfterChange: number;
  item: SimInventoryItem | null;
  location: SimLocation | null;
  ledgerDocumentUri: null;
}

interface InventoryAdjustmentGroupView {
  id: string;
  createdAt: string;
  reason: string;
  referenceDocumentUri: string | null;
  changes: InventoryChangeView[];
  app: null;
  staffMember: null;
}

/** Adjustment group ids count per store, so runs over a fresh store see the same ids. */
const adjustmentGroupSeq = new WeakMap<SimStore, number>();

/**
 * Sets `available` or `on_hand` to absolute values, all or nothing: any invalid entry rejects the
 * whole input. The other quantity moves by the same delta (committed/reserved stay put). Levels
 * whose quantity does not change produce no change entry and no webhook; when nothing changes
 * the adjustment group is null.
 */
function inventorySetQuantities(
  ctx: SimContext,
  args: Record<string, unknown>,
): {
  inventoryAdjustmentGroup: InventoryAdjustmentGroupView | null;
  userErrors: InventoryUserError[];
} {
  const input = isRecord(args.input) ? args.input : {};
  const name = typeof input.name === "string" ? input.name : "";
  const reason = typeof input.reason === "string" ? input.reason : "";
  const quantities = Array.isArray(input.quantities) ? input.quantities : [];
  const errors: InventoryUserError[] = [];
  if (name !== "available" && name !== "on_hand") {
    errors.push({
      field: ["input", "name"],
      message: "The quantity name must be either 'available' or 'on_hand'.",
      code: "INVALID_NAME",
    });
  }
  if (!INVENTORY_REASONS.has(reason)) {
    errors.push({
      field: ["input", "reason"],
      message: "The specified reason is invalid.",
      code: "INVALID_REASON",
    });
  }
  const targets: { level: SimInventoryLevel; quantity: number }[] = [];
  const seen = new Set<SimInventoryLevel>();
  quantities.forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const field = (f: string): string[] => ["input", "quantities", String(i), f];
    const itemId = typeof raw.inventoryItemId === "string" ? raw.inventoryItemId : "";
    const locationId = typeof raw.locationId === "string" ? raw.locationId : "";
    const quantity = typeof raw.quantity === "number" ? raw.quantity : 0;
    const item = find(ctx, (x) => x.inventoryItems, itemId)?.item;
    const location = find(ctx, (x) => x.locations, locationId);
    if (!item) {
      errors.push({
        field: field("inventoryItemId"),
        message: "The specified inventory item could not be found.",
        code: "INVALID_INVENTORY_ITEM",
      });
      return;
    }
    if (!location) {
      errors.push({
        field: field("locationId"),
        message: "The specified location could not be found.",
        code: "INVALID_LOCATION",
      });
      return;
    }
    const level = (find(ctx, (x) => x.levelsByItem, itemId) ?? []).find(
      (l) => l.locationId === locationId,
    );
    if (!level) {
      errors.push({
        field: field("locationId"),
        message: "The specified inventory item is not stocked at the location.",
        code: "INVALID_LOCATION",
      });
      return;
    }
    if (seen.has(level)) {
      errors.push({
        field: field("inventoryItemId"),
        message: "The combination of inventoryItemId and locationId must be unique.",
        code: "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR",
      });
      return;
    }
    seen.add(level);
    if (quantity > QUANTITY_LIMIT || quantity < -QUANTITY_LIMIT) {
      errors.push({
        field: field("quantity"),
        message: `The quantity can't be ${quantity > 0 ? "higher" : "lower"} than ${quantity > 0 ? "" : "-"}${QUANTITY_LIMIT}.`,
        code: quantity > 0 ? "INVALID_QUANTITY_TOO_HIGH" : "INVALID_QUANTITY_TOO_LOW",
      });
      return;
    }
    const current = name === "on_hand" ? level.onHand : level.available;
    if (typeof raw.changeFromQuantity === "number" && raw.changeFromQuantity !== current) {
      errors.push({
        field: field("changeFromQuantity"),
        message:
          "The specified compare quantity does not match the current quantity of the inventory item.",
        code: "CHANGE_FROM_QUANTITY_STALE",
      });
      return;
    }
    targets.push({ level, quantity });
  });
  if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };

  const now = isoSeconds(ctx.services.now());
  const setName = name === "on_hand" ? "on_hand" : "available";
  const other = setName === "on_hand" ? "available" : "on_hand";
  const changes: InventoryChangeView[] = [];
  for (const { level, quantity } of targets) {
    const delta = quantity - (name === "on_hand" ? level.onHand : level.available);
    if (delta === 0) continue;
    level.available += delta;
    level.onHand += delta;
    level.updatedAt = now;
    const item = find(ctx, (x) => x.inventoryItems, level.inventoryItemId)?.item ?? null;
    const location = find(ctx, (x) => x.locations, level.locationId) ?? null;
    const change = { delta, item, location, ledgerDocumentUri: null } as const;
    const after = { available: level.available, on_hand: level.onHand };
    changes.push(
      { name: setName, quantityAfterChange: after[setName], ...change },
      { name: other, quantityAfterChange: after[other], ...change },
    );
    ctx.services.emitWebhook(
      "inventory_levels/update",
      restInventoryLevelPayload(ctx.store, level),
    );
  }
  if (!changes.length) return { inventoryAdjustmentGroup: null, userErrors: [] };
  const seq = (adjustmentGroupSeq.get(ctx.store) ?? 0) + 1;
  adjustmentGroupSeq.set(ctx.store, seq);
  return {
    inventoryAdjustmentGroup: {
      id: makeGid("InventoryAdjustmentGroup", seq),
      createdAt: now,
      reason,
      referenceDocumentUri:
        typeof input.referenceDocumentUri === "string" ? input.referenceDocumentUri : null,
      changes,
      app: null,
      staffMember: null,
    },
    userErrors: [],
  };
}

// ---- orderUpdate ----------------------------------------------------------------------------

/** OrderInput fields the store does not model: writing them would silently be lost. */
const UNMODELED_ORDER_FIELDS = [
  "email",
  "localizationExtensions",
  "localizedFields",
  "metafields",
  "note",
  "phone",
  "poNumber",
  "tags",
];

function orderUpdate(
  ctx: SimContext,
  args: Record<string, unknown>,
): { order: SimOrder | null; userErrors: UserError[] } {
  const input = isRecord(args.input) ? args.input : {};
  const unmodeled = UNMODELED_ORDER_FIELDS.filter((f) => f in input);
  if (isRecord(input.shippingAddress))
    unmodeled.push(
      ...Object.keys(input.shippingAddress)
        .filter((k) => k !== "countryCode")
        .map((k) => `shippingAddress.${k}`),
    );
  if (unmodeled.length) {
    notImplemented("orderUpdate", unmodeled);
  }
  const id = typeof input.id === "string" ? input.id : "";
  const order = find(ctx, (i) => i.orders, id);
  if (!order)
    return { order: null, userErrors: [{ field: ["id"], message: "Order does not exist" }] };

  if (Array.isArray(input.customAttributes)) {
    order.customAttributes = input.customAttributes
      .filter(isRecord)
      .map((a) => ({ key: String(a.key), value: String(a.value) }));
  }
  if (isRecord(input.shippingAddress) && "countryCode" in input.shippingAddress) {
    const cc = input.shippingAddress.countryCode;
    order.shippingCountryCode = typeof cc === "string" ? cc : null;
  }
  order.updatedAt = isoSeconds(ctx.services.now());
  ctx.services.emitWebhook("orders/updated", restOrderPayload(ctx.store, order));
  return { order, userErrors: [] };
}

export function mutationResolvers(): ResolverMap {
  return {
    Mutation: {
      productCreate: (_s, args, ctx) => productCreate(ctx, args),
      productUpdate: (_s, args, ctx) => productUpdate(ctx, args),
      productDelete: (_s, args, ctx) => productDelete(ctx, args),
      inventorySetQuantities: (_s, args, ctx) => inventorySetQuantities(ctx, args),
      orderUpdate: (_s, args, ctx) => orderUpdate(ctx, args),
    },
  };
}
