import { z } from "zod";
import type { OrderLineRow, OrderRow } from "../mirror/rows";

/** The parts of a REST order webhook payload (orders/create, orders/updated) the mirror keeps. */
const id = z.union([z.number(), z.string()]).transform(String);
export const restOrderSchema = z.object({
  id,
  admin_graphql_api_id: z.string().optional(),
  name: z.string(),
  created_at: z.string(),
  processed_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  test: z.boolean().nullish(),
  currency: z.string(),
  subtotal_price: z.string().nullish(),
  total_discounts: z.string().nullish(),
  total_price: z.string(),
  discount_codes: z.array(z.object({ code: z.string() })).nullish(),
  landing_site: z.string().nullish(),
  referring_site: z.string().nullish(),
  source_name: z.string().nullish(),
  note_attributes: z.array(z.object({ name: z.string(), value: z.unknown() })).nullish(),
  customer: z.object({ id, admin_graphql_api_id: z.string().optional() }).nullish(),
  shipping_address: z.object({ country_code: z.string().nullish() }).nullish(),
  line_items: z
    .array(
      z.object({
        id,
        admin_graphql_api_id: z.string().optional(),
        product_id: id.nullish(),
        variant_id: id.nullish(),
        sku: z.string().nullish(),
        title: z.string(),
        quantity: z.number(),
        price: z.string().nullish(),
      }),
    )
    .default([]),
});
export type RestOrder = z.infer<typeof restOrderSchema>;

/** utm_* parameters of a landing page ("/products/x?utm_source=tiktok&…" or a full URL). */
export function utmOf(landing: string | null | undefined) {
  const none = {
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmContent: null,
    utmTerm: null,
  };
  if (!landing) return none;
  let params: URLSearchParams;
  try {
    params = new URL(landing, "https://shop.invalid").searchParams;
  } catch {
    return none;
  }
  const get = (k: string) => params.get(k) || null;
  return {
    utmSource: get("utm_source"),
    utmMedium: get("utm_medium"),
    utmCampaign: get("utm_campaign"),
    utmContent: get("utm_content"),
    utmTerm: get("utm_term"),
  };
}

const gid = (type: string, admin: string | undefined, numeric: string) =>
  admin?.startsWith(`gid://shopify/${type}/`) ? admin : `gid://shopify/${type}/${numeric}`;

/** A REST order as mirror rows (no names, emails or addresses: only what attribution needs). */
export function restOrderRows(o: RestOrder): { order: OrderRow; lines: OrderLineRow[] } {
  const orderId = gid("Order", o.admin_graphql_api_id, o.id);
  return {
    order: {
      id: orderId,
      name: o.name,
      createdAt: o.created_at,
      processedAt: o.processed_at ?? null,
      updatedAt: o.updated_at ?? null,
      cancelledAt: o.cancelled_at ?? null,
      test: o.test ?? false,
      currencyCode: o.currency,
      subtotal: o.subtotal_price ?? null,
      totalDiscounts: o.total_discounts ?? null,
      total: o.total_price,
      discountCodes: (o.discount_codes ?? []).map((d) => d.code).join(","),
      landingSite: o.landing_site ?? null,
      referringSite: o.referring_site ?? null,
      sourceName: o.source_name ?? null,
      customAttributes: o.note_attributes?.length
        ? JSON.stringify(o.note_attributes.map((a) => ({ key: a.name, value: String(a.value) })))
        : null,
      ...utmOf(o.landing_site),
      customerJourney: null,
      customerId: o.customer
        ? gid("Customer", o.customer.admin_graphql_api_id, o.customer.id)
        : null,
      shippingCountry: o.shipping_address?.country_code ?? null,
    },
    lines: o.line_items.map((l) => ({
      id: gid("LineItem", l.admin_graphql_api_id, l.id),
      orderId,
      productId: l.product_id ? `gid://shopify/Product/${l.product_id}` : null,
      variantId: l.variant_id ? `gid://shopify/ProductVariant/${l.variant_id}` : null,
      sku: l.sku ?? null,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.price ?? null,
    })),
  };
}
