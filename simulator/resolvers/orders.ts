/** Orders, line items, customers and the customer journey (attribution) of an order. */
import { timeKey, type SortValue } from "../connection";
import { filterBySearch, type SearchFields } from "../search";
import type { SimOrder, SimVisit } from "../store";
import type { SimCustomer, SimLineItem } from "../store-index";
import { entityGuard, gidLegacyId, gidNumber, makeGid } from "../util";
import { countryName, decimal, money, moneyBag } from "./common";
import {
  argString,
  countOf,
  find,
  idKey,
  index,
  resolveConnection,
  typed,
  type Args,
  type ResolverMap,
  type SimContext,
} from "./context";

const isOrder = entityGuard<SimOrder>("Order");
const isLineItem = entityGuard<SimLineItem>("LineItem");
const isCustomer = entityGuard<SimCustomer>("Customer");

const orderSearch: SearchFields<SimOrder> = {
  text: (o) => [
    o.name,
    o.customer?.email ?? null,
    o.customer?.firstName ?? null,
    o.customer?.lastName ?? null,
    ...o.lineItems.map((l) => l.sku),
  ],
  fields: {
    id: (o) => gidNumber(o.id),
    name: (o) => [o.name, o.name.replace(/^#/, "")],
    created_at: (o) => o.createdAt,
    updated_at: (o) => o.updatedAt,
    processed_at: (o) => o.processedAt,
    test: (o) => o.test,
    status: (o) => (o.cancelledAt ? ["cancelled", "any"] : ["open", "any"]),
    email: (o) => o.customer?.email ?? null,
    customer_id: (o) => (o.customer ? String(gidNumber(o.customer.id)) : null),
    sku: (o) => o.lineItems.flatMap((l) => (l.sku ? [l.sku] : [])),
    discount_code: (o) => o.discountCodes,
    source_name: (o) => o.sourceName,
    financial_status: () => ["paid", "any"],
    fulfillment_status: () => ["unshipped", "unfulfilled", "any"],
    shipping_address_country_code: (o) => o.shippingCountryCode,
  },
};

const customerSearch: SearchFields<SimCustomer> = {
  text: (c) => [c.email, c.firstName, c.lastName],
  fields: {
    id: (c) => gidNumber(c.id),
    email: (c) => c.email,
    first_name: (c) => c.firstName,
    last_name: (c) => c.lastName,
    phone: (c) => c.phone,
  },
};

function orderKey(args: Args): (o: SimOrder) => SortValue {
  switch (argString(args, "sortKey")) {
    case "CREATED_AT":
      return (o) => timeKey(o.createdAt);
    case "UPDATED_AT":
      return (o) => timeKey(o.updatedAt);
    case "ID":
      return idKey;
    case "ORDER_NUMBER":
      return (o) => Number(o.name.replace(/\D/g, "")) || 0;
    case "TOTAL_PRICE":
    case "CURRENT_TOTAL_PRICE":
      return (o) => Number(o.total);
    case "CUSTOMER_NAME":
      return (o) =>
        o.customer ? `${o.customer.firstName} ${o.customer.lastName}`.toLowerCase() : "";
    default:
      return (o) => timeKey(o.processedAt); // PROCESSED_AT is the default sort key
  }
}

function visitView(order: SimOrder, visit: SimVisit | null, n: number): unknown {
  if (!visit) return null;
  return {
    ...visit,
    id: makeGid("CustomerVisit", gidNumber(order.id) * 10 + n),
    landingPageHtml: null,
    marketingEvent: null,
    referralCode: null,
    referralInfoHtml: "",
    sourceDescription: null,
    sourceType: null,
  };
}

function lineItemOrder(ctx: SimContext, lineItem: SimLineItem): SimOrder | undefined {
  return find(ctx, (i) => i.lineItems, lineItem.id)?.order;
}

export function orderResolvers(): ResolverMap {
  return {
    QueryRoot: {
      orders: (_s, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => ctx.store.orders,
          key: orderKey(args),
          search: orderSearch,
        }),
      order: (_s, args, ctx) => find(ctx, (i) => i.orders, argString(args, "id") ?? "") ?? null,
      ordersCount: (_s, args, ctx) =>
        countOf(
          filterBySearch(ctx.store.orders, argString(args, "query"), orderSearch).items.length,
          args,
        ),
      customer: (_s, args, ctx) =>
        find(ctx, (i) => i.customers, argString(args, "id") ?? "")?.customer ?? null,
      // The store has no customer list of its own: customers are the buyers of its orders.
      customers: (_s, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => [...index(ctx).customers.values()].map((c) => c.customer),
          key:
            argString(args, "sortKey") === "NAME"
              ? (c) => `${c.firstName} ${c.lastName}`.toLowerCase()
              : idKey,
          search: customerSearch,
        }),
      customersCount: (_s, args, ctx) =>
        countOf(
          filterBySearch(
            [...index(ctx).customers.values()].map((c) => c.customer),
            argString(args, "query"),
            customerSearch,
          ).items.length,
          args,
        ),
    },
    Order: typed("Order", isOrder, {
      legacyResourceId: (o) => gidLegacyId(o.id),
      number: (o) => Number(o.name.replace(/\D/g, "")) || 0,
      presentmentCurrencyCode: (o) => o.currencyCode,
      subtotalPriceSet: (o) => moneyBag(o.subtotal, o.currencyCode),
      currentSubtotalPriceSet: (o) => moneyBag(o.subtotal, o.currencyCode),
      totalPriceSet: (o) => moneyBag(o.total, o.currencyCode),
      currentTotalPriceSet: (o) => moneyBag(o.total, o.currencyCode),
      originalTotalPriceSet: (o) => moneyBag(o.total, o.currencyCode),
      totalDiscountsSet: (o) => moneyBag(o.totalDiscounts, o.currencyCode),
      currentTotalDiscountsSet: (o) => moneyBag(o.totalDiscounts, o.currencyCode),
      totalReceivedSet: (o) => moneyBag(o.cancelledAt ? "0.0" : o.total, o.currencyCode),
      netPaymentSet: (o) => moneyBag(o.cancelledAt ? "0.0" : o.total, o.currencyCode),
      totalOutstandingSet: (o) => moneyBag("0.0", o.currencyCode),
      totalRefundedSet: (o) => moneyBag("0.0", o.currencyCode),
      totalShippingPriceSet: (o) => moneyBag("0.0", o.currencyCode),
      totalTaxSet: (o) => moneyBag("0.0", o.currencyCode),
      discountCode: (o) => o.discountCodes[0] ?? null,
      email: (o) => o.customer?.email ?? null,
      phone: (o) => o.customer?.phone ?? null,
      closed: () => false,
      confirmed: () => true,
      fullyPaid: (o) => o.cancelledAt === null,
      unpaid: () => false,
      displayFinancialStatus: (o) => (o.cancelledAt ? "VOIDED" : "PAID"),
      displayFulfillmentStatus: () => "UNFULFILLED",
      tags: () => [],
      customerJourneySummary: (o) =>
        o.customerJourney
          ? {
              firstVisit: visitView(o, o.customerJourney.firstVisit, 1),
              lastVisit: visitView(o, o.customerJourney.lastVisit, 2),
              daysToConversion: o.customerJourney.daysToConversion,
              customerOrderIndex: null,
              ready: true,
            }
          : null,
      shippingAddress: (o) =>
        o.shippingCountryCode
          ? {
              id: makeGid("MailingAddress", `${gidNumber(o.id)}?model_name=Address`),
              countryCodeV2: o.shippingCountryCode,
              country: countryName(o.shippingCountryCode),
              firstName: o.customer?.firstName ?? null,
              lastName: o.customer?.lastName ?? null,
              formatted: [countryName(o.shippingCountryCode)],
              coordinatesValidated: false,
            }
          : null,
      subtotalLineItemsQuantity: (o) => o.lineItems.reduce((n, l) => n + l.quantity, 0),
      currentSubtotalLineItemsQuantity: (o) => o.lineItems.reduce((n, l) => n + l.quantity, 0),
      lineItems: (o, args, ctx, info) =>
        resolveConnection(ctx, info, args, { items: () => o.lineItems, key: (_l, i) => i }),
      cancelReason: (o) => (o.cancelledAt ? "CUSTOMER" : null),
      requiresShipping: () => true,
      sourceIdentifier: () => null,
      statusPageUrl: (o, _a, ctx) =>
        `${ctx.store.shop.primaryDomainUrl}/orders/${gidLegacyId(o.id)}/authenticate`,
    }),
    LineItem: typed("LineItem", isLineItem, {
      name: (l) => l.title,
      currentQuantity: (l) => l.quantity,
      refundableQuantity: (l) => l.quantity,
      unfulfilledQuantity: (l) => l.quantity,
      nonFulfillableQuantity: () => 0,
      product: (l, _a, ctx) =>
        l.productId ? (find(ctx, (i) => i.products, l.productId) ?? null) : null,
      variant: (l, _a, ctx) =>
        l.variantId ? (find(ctx, (i) => i.variants, l.variantId)?.variant ?? null) : null,
      variantTitle: (l, _a, ctx) =>
        l.variantId ? (find(ctx, (i) => i.variants, l.variantId)?.variant.title ?? null) : null,
      vendor: (l, _a, ctx) =>
        l.productId ? (find(ctx, (i) => i.products, l.productId)?.vendor ?? null) : null,
      originalUnitPriceSet: (l, _a, ctx) =>
        moneyBag(l.unitPrice, lineItemOrder(ctx, l)?.currencyCode ?? ctx.store.shop.currencyCode),
      discountedUnitPriceSet: (l, _a, ctx) =>
        moneyBag(l.unitPrice, lineItemOrder(ctx, l)?.currencyCode ?? ctx.store.shop.currencyCode),
      originalTotalSet: (l, _a, ctx) =>
        moneyBag(
          decimal(Number(l.unitPrice) * l.quantity),
          lineItemOrder(ctx, l)?.currencyCode ?? ctx.store.shop.currencyCode,
        ),
      discountedTotalSet: (l, _a, ctx) =>
        moneyBag(
          decimal(Number(l.unitPrice) * l.quantity),
          lineItemOrder(ctx, l)?.currencyCode ?? ctx.store.shop.currencyCode,
        ),
      customAttributes: () => [],
      discountAllocations: () => [],
      requiresShipping: () => true,
      taxable: () => true,
      isGiftCard: () => false,
    }),
    Customer: typed("Customer", isCustomer, {
      displayName: (c) => `${c.firstName} ${c.lastName}`.trim() || c.email,
      defaultEmailAddress: (c) => ({
        emailAddress: c.email,
        marketingState: "NOT_SUBSCRIBED",
        validFormat: true,
      }),
      defaultPhoneNumber: (c) =>
        c.phone ? { phoneNumber: c.phone, marketingState: "NOT_SUBSCRIBED" } : null,
      legacyResourceId: (c) => gidLegacyId(c.id),
      numberOfOrders: (c, _a, ctx) => String(index(ctx).customers.get(c.id)?.orders.length ?? 0),
      amountSpent: (c, _a, ctx) => {
        const orders = index(ctx).customers.get(c.id)?.orders ?? [];
        return money(
          decimal(orders.reduce((sum, o) => sum + Number(o.total), 0)),
          ctx.store.shop.currencyCode,
        );
      },
      orders: (c, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => index(ctx).customers.get(c.id)?.orders ?? [],
          key: orderKey(args),
          search: orderSearch,
        }),
      createdAt: (c, _a, ctx) => index(ctx).customers.get(c.id)?.orders[0]?.createdAt ?? null,
      updatedAt: (c, _a, ctx) => index(ctx).customers.get(c.id)?.orders.at(-1)?.updatedAt ?? null,
      locale: () => "en",
      state: () => "DISABLED",
      tags: () => [],
      verifiedEmail: () => true,
      taxExempt: () => false,
    }),
  };
}
