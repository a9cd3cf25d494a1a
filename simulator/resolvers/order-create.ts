/**
 * orderCreate (Admin API 2024-04+: `orderCreate(order: OrderCreateOrderInput!, options:)`) for
 * what the store's orders hold: line items (a variant, or a custom item with title and price),
 * one discount code, custom attributes, the customer, the shipping country, currency, test flag,
 * processedAt, referring site and source name. Fires orders/create. Other fields (addresses,
 * transactions, taxes, shipping lines, fulfillment, note, tags, email, ...) are not in the store
 * model and fail with NOT_IMPLEMENTED_IN_SIMULATOR, as orderUpdate does, rather than being dropped.
 */
import { SIM_APP_ID } from "../custom-data";
import type { SimOrder, SimStore } from "../store";
import type { SimCustomer } from "../store-index";
import { invalidateIndex } from "../store-index";
import { isRecord, isoSeconds } from "../util";
import { restOrderPayload } from "../webhook-payloads";
import { find, type ResolverMap, type SimContext } from "./context";
import {
  fromCents,
  givenKeys,
  nextGid,
  nextNumber,
  notImplemented,
  toCents,
} from "./mutation-support";

type OrderCreateErrorCode = "INVALID" | "REDUNDANT_CUSTOMER_FIELDS";

interface OrderCreateUserError {
  field: string[] | null;
  message: string;
  code: OrderCreateErrorCode;
}

const ORDER_FIELDS = [
  "currency",
  "customAttributes",
  "customer",
  "customerId",
  "discountCode",
  "lineItems",
  "name",
  "processedAt",
  "referringSite",
  "shippingAddress",
  "sourceName",
  "test",
];
// `taxable` in any state: the store's orders carry no taxes, so nothing is taxed either way.
const LINE_ITEM_FIELDS = [
  "productId",
  "variantId",
  "quantity",
  "title",
  "sku",
  "priceSet",
  "taxable",
];
/** Schema defaults, which graphql-js fills in: at these values the fields hold nothing new. */
const ORDER_DEFAULTS = { taxesIncluded: false };
const LINE_ITEM_DEFAULTS = { giftCard: false, requiresShipping: false };
const UPSERT_CUSTOMER_FIELDS = ["id", "email", "firstName", "lastName", "phone"];

/**
 * Source names of Shopify's own channels: orders created through the API can't use them
 * (REST Order `source_name`). Without one, an order gets the creating app's id.
 */
const PROTECTED_SOURCE_NAMES = new Set(["web", "pos", "shopify_draft_order", "iphone", "android"]);

/** Everything in the input the store cannot hold, as dotted paths. */
function unmodeledFields(
  order: Record<string, unknown>,
  options: Record<string, unknown>,
): string[] {
  const out = givenKeys(order, ORDER_DEFAULTS).filter((k) => !ORDER_FIELDS.includes(k));
  if (isRecord(order.shippingAddress))
    out.push(
      ...givenKeys(order.shippingAddress)
        .filter((k) => k !== "countryCode")
        .map((k) => `shippingAddress.${k}`),
    );
  const lines = Array.isArray(order.lineItems) ? order.lineItems : [];
  lines.filter(isRecord).forEach((line, i) => {
    out.push(
      ...givenKeys(line, LINE_ITEM_DEFAULTS)
        .filter((k) => !LINE_ITEM_FIELDS.includes(k))
        .map((k) => `lineItems.${i}.${k}`),
    );
    if (isRecord(line.priceSet) && line.priceSet.presentmentMoney != null)
      out.push(`lineItems.${i}.priceSet.presentmentMoney`);
  });
  if (isRecord(order.customer) && isRecord(order.customer.toUpsert))
    out.push(
      ...givenKeys(order.customer.toUpsert)
        .filter((k) => !UPSERT_CUSTOMER_FIELDS.includes(k))
        .map((k) => `customer.toUpsert.${k}`),
    );
  const discount = isRecord(order.discountCode) ? order.discountCode : {};
  for (const kind of givenKeys(discount)) {
    const attrs = discount[kind];
    if (isRecord(attrs) && isRecord(attrs.amountSet) && attrs.amountSet.presentmentMoney != null)
      out.push(`discountCode.${kind}.amountSet.presentmentMoney`);
  }
  // Inventory is only claimed with a location to take it from, which the input does not name.
  const behaviour = options.inventoryBehaviour;
  if (typeof behaviour === "string" && behaviour !== "BYPASS")
    out.push(`options.inventoryBehaviour: ${behaviour}`);
  return out;
}

interface Line {
  title: string;
  quantity: number;
  sku: string | null;
  productId: string | null;
  variantId: string | null;
  cents: number;
}

function lineItemsOf(
  ctx: SimContext,
  raw: unknown,
  currency: string,
  errors: OrderCreateUserError[],
): Line[] {
  const list = (Array.isArray(raw) ? raw : []).filter(isRecord);
  if (!list.length) {
    errors.push({
      field: ["order", "lineItems"],
      message: "Line items can't be blank",
      code: "INVALID",
    });
    return [];
  }
  const lines: Line[] = [];
  list.forEach((line, i) => {
    const field = (f: string): string[] => ["order", "lineItems", String(i), f];
    const err = (f: string, message: string): void => {
      errors.push({ field: field(f), message, code: "INVALID" });
    };
    const quantity = typeof line.quantity === "number" ? line.quantity : 0;
    if (quantity < 1) err("quantity", "Quantity must be greater than or equal to 1");
    const shopMoney = isRecord(line.priceSet) ? line.priceSet.shopMoney : null;
    let cents: number | null = null;
    if (isRecord(shopMoney)) {
      const amount = Number(shopMoney.amount);
      if (!Number.isFinite(amount) || amount < 0)
        err("priceSet", "Price must be greater than or equal to 0");
      else if (shopMoney.currencyCode !== currency)
        err("priceSet", `Price must be in the order's currency (${currency})`);
      else cents = toCents(amount);
    }
    const variantId = typeof line.variantId === "string" ? line.variantId : null;
    const productId = typeof line.productId === "string" ? line.productId : null;
    const title = typeof line.title === "string" && line.title.trim() ? line.title : null;
    const sku = typeof line.sku === "string" ? line.sku : null;
    if (variantId) {
      const found = find(ctx, (x) => x.variants, variantId);
      if (!found) return err("variantId", "Product variant does not exist");
      // "If both productId and variantId are provided, then the product ID that corresponds to
      // the variantId is used."
      lines.push({
        title: title ?? found.product.title,
        quantity,
        sku: sku ?? found.variant.sku,
        productId: found.product.id,
        variantId,
        cents: cents ?? toCents(found.variant.price),
      });
      return;
    }
    if (productId && !find(ctx, (x) => x.products, productId))
      return err("productId", "Product does not exist");
    if (!title) err("title", "Title can't be blank");
    if (cents === null && !isRecord(shopMoney)) err("priceSet", "Price can't be blank");
    if (title && cents !== null)
      lines.push({ title, quantity, sku, productId, variantId: null, cents });
  });
  return lines;
}

/** The one discount code and what it takes off the subtotal (in cents). */
function discountOf(
  raw: unknown,
  subtotal: number,
  currency: string,
  errors: OrderCreateUserError[],
): { code: string; cents: number } | null {
  if (!isRecord(raw)) return null;
  const kinds = givenKeys(raw);
  if (kinds.length !== 1) {
    errors.push({
      field: ["order", "discountCode"],
      message: "Only one discount code can be applied to an order",
      code: "INVALID",
    });
    return null;
  }
  const kind = kinds[0] ?? "";
  const attrs = isRecord(raw[kind]) ? raw[kind] : {};
  const code = typeof attrs.code === "string" ? attrs.code : "";
  if (kind === "itemPercentageDiscountCode") {
    const pct = typeof attrs.percentage === "number" ? attrs.percentage : 0;
    return { code, cents: Math.min(subtotal, Math.round((subtotal * pct) / 100)) };
  }
  if (kind === "itemFixedDiscountCode") {
    const money = isRecord(attrs.amountSet) ? attrs.amountSet.shopMoney : null;
    if (isRecord(money) && money.currencyCode !== currency) {
      errors.push({
        field: ["order", "discountCode", kind, "amountSet"],
        message: `Amount must be in the order's currency (${currency})`,
        code: "INVALID",
      });
      return null;
    }
    const cents = isRecord(money) ? toCents(String(money.amount)) : 0;
    return { code, cents: Math.max(0, Math.min(subtotal, cents)) };
  }
  // freeShippingDiscountCode: the store's orders carry no shipping, so nothing comes off.
  return { code, cents: 0 };
}

function allCustomers(store: SimStore): SimCustomer[] {
  const seen = new Map<string, SimCustomer>();
  for (const o of store.orders)
    if (o.customer && !seen.has(o.customer.id)) seen.set(o.customer.id, o.customer);
  return [...seen.values()];
}

/**
 * The order's customer: an existing one to associate (by id or email), or one to create or
 * update (`toUpsert`, matched by id, then email). Orders hold their own copy of the customer,
 * so an update is written to every order of that customer.
 */
function customerOf(
  ctx: SimContext,
  order: Record<string, unknown>,
  errors: OrderCreateUserError[],
): SimCustomer | null {
  const input = isRecord(order.customer) ? order.customer : null;
  const legacyId = typeof order.customerId === "string" ? order.customerId : null;
  // `customer` is a oneOf input (toAssociate or toUpsert); the deprecated customerId is a third way.
  if (input && legacyId) {
    errors.push({
      field: ["order", "customer"],
      message: "Only one of customerId and customer can be given",
      code: "REDUNDANT_CUSTOMER_FIELDS",
    });
    return null;
  }
  const customers = allCustomers(ctx.store);
  const match = (attrs: Record<string, unknown>): SimCustomer | undefined =>
    typeof attrs.id === "string"
      ? customers.find((c) => c.id === attrs.id)
      : typeof attrs.email === "string"
        ? customers.find((c) => c.email.toLowerCase() === String(attrs.email).toLowerCase())
        : undefined;
  const associate = legacyId
    ? { id: legacyId }
    : input && isRecord(input.toAssociate)
      ? input.toAssociate
      : null;
  if (associate) {
    const found = match(associate);
    if (!found)
      errors.push({
        field: ["order", "customer", "toAssociate"],
        message: "Customer does not exist",
        code: "INVALID",
      });
    return found ? { ...found } : null;
  }
  const upsert = input && isRecord(input.toUpsert) ? input.toUpsert : null;
  if (!upsert) return null;
  const existing = match(upsert);
  if (typeof upsert.id === "string" && !existing) {
    errors.push({
      field: ["order", "customer", "toUpsert", "id"],
      message: "Customer does not exist",
      code: "INVALID",
    });
    return null;
  }
  const str = (k: string): string | undefined =>
    typeof upsert[k] === "string" ? String(upsert[k]) : undefined;
  const customer: SimCustomer = existing
    ? { ...existing }
    : {
        id: nextGid(ctx.store, "Customer", customers),
        email: "",
        firstName: "",
        lastName: "",
        phone: null,
      };
  customer.email = str("email") ?? customer.email;
  customer.firstName = str("firstName") ?? customer.firstName;
  customer.lastName = str("lastName") ?? customer.lastName;
  customer.phone = str("phone") ?? customer.phone;
  return customer;
}

function orderCreate(
  ctx: SimContext,
  args: Record<string, unknown>,
): { order: SimOrder | null; userErrors: OrderCreateUserError[] } {
  const input = isRecord(args.order) ? args.order : {};
  const options = isRecord(args.options) ? args.options : {};
  const unmodeled = unmodeledFields(input, options);
  if (unmodeled.length) notImplemented("orderCreate", unmodeled);

  const store = ctx.store;
  const errors: OrderCreateUserError[] = [];
  const currency = typeof input.currency === "string" ? input.currency : store.shop.currencyCode;
  const lines = lineItemsOf(ctx, input.lineItems, currency, errors);
  const subtotal = lines.reduce((sum, l) => sum + l.cents * l.quantity, 0);
  const discount = discountOf(input.discountCode, subtotal, currency, errors);
  const customer = customerOf(ctx, input, errors);
  const sourceName = typeof input.sourceName === "string" ? input.sourceName : String(SIM_APP_ID);
  if (PROTECTED_SOURCE_NAMES.has(sourceName))
    errors.push({
      field: ["order", "sourceName"],
      message: `Source name '${sourceName}' is reserved for Shopify's own channels`,
      code: "INVALID",
    });
  if (errors.length) return { order: null, userErrors: errors };

  const now = ctx.services.now();
  const nowIso = isoSeconds(now);
  // As of 2026-07 a processedAt in the future is clamped to the current time.
  const processed = typeof input.processedAt === "string" ? new Date(input.processedAt) : now;
  const processedAt = isoSeconds(
    Number.isNaN(processed.getTime()) || processed > now ? now : processed,
  );
  const lineItemIds = store.orders.flatMap((o) => o.lineItems);
  const orderNumber = nextNumber(
    store,
    "OrderNumber",
    store.orders.map((o) => Number(/^#(\d+)$/.exec(o.name)?.[1] ?? 1000)),
  );
  const discountCents = discount?.cents ?? 0;
  const order: SimOrder = {
    id: nextGid(store, "Order", store.orders),
    name: typeof input.name === "string" && input.name ? input.name : `#${orderNumber}`,
    createdAt: nowIso,
    processedAt,
    updatedAt: nowIso,
    cancelledAt: null,
    test: input.test === true,
    currencyCode: currency,
    subtotal: fromCents(subtotal),
    totalDiscounts: fromCents(discountCents),
    total: fromCents(subtotal - discountCents),
    discountCodes: discount ? [discount.code] : [],
    customAttributes: (Array.isArray(input.customAttributes) ? input.customAttributes : [])
      .filter(isRecord)
      .map((a) => ({ key: String(a.key), value: String(a.value) })),
    landingSite: null,
    referringSite: typeof input.referringSite === "string" ? input.referringSite : null,
    sourceName,
    // No storefront session: an order made through the API has no customer journey.
    customerJourney: null,
    customer,
    shippingCountryCode:
      isRecord(input.shippingAddress) && typeof input.shippingAddress.countryCode === "string"
        ? input.shippingAddress.countryCode
        : null,
    lineItems: lines.map((l) => ({
      id: nextGid(store, "LineItem", lineItemIds),
      title: l.title,
      quantity: l.quantity,
      sku: l.sku,
      productId: l.productId,
      variantId: l.variantId,
      unitPrice: fromCents(l.cents),
    })),
  };
  if (customer) {
    // The same customer in every order that holds a copy of it.
    for (const o of store.orders) if (o.customer?.id === customer.id) o.customer = { ...customer };
  }
  store.orders.push(order);
  invalidateIndex(store);
  ctx.services.emitWebhook("orders/create", restOrderPayload(store, order));
  return { order, userErrors: [] };
}

export function orderCreateResolvers(): ResolverMap {
  return {
    Mutation: {
      orderCreate: (_s, args, ctx) => orderCreate(ctx, args),
    },
  };
}
