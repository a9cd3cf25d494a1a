/**
 * Webhook bodies in Shopify's REST (snake_case) shape, built from the simulated store. The
 * shapes follow Shopify's published examples (see test/fixtures/webhooks/examples-2025-10).
 */
import type { SimCollection, SimInventoryLevel, SimOrder, SimProduct, SimStore } from "./store";
import { getIndex } from "./store-index";
import { gidNumber, restTime } from "./util";

function available(store: SimStore, inventoryItemId: string): number {
  return (getIndex(store).levelsByItem.get(inventoryItemId) ?? []).reduce(
    (sum, l) => sum + l.available,
    0,
  );
}

/** products/create and products/update. */
export function restProductPayload(store: SimStore, product: SimProduct): Record<string, unknown> {
  const tz = store.shop.ianaTimezone;
  const productId = gidNumber(product.id);
  const optionNames = product.options.map((o) => o.name);
  const images = product.media.map((m, i) => ({
    id: gidNumber(m.id),
    alt: m.alt,
    position: i + 1,
    product_id: productId,
    created_at: restTime(product.createdAt, tz),
    updated_at: restTime(product.updatedAt, tz),
    admin_graphql_api_id: `gid://shopify/ProductImage/${gidNumber(m.id)}`,
    width: m.width,
    height: m.height,
    src: m.url,
    variant_ids: [],
  }));
  return {
    admin_graphql_api_id: product.id,
    body_html: product.descriptionHtml,
    created_at: restTime(product.createdAt, tz),
    handle: product.handle,
    id: productId,
    product_type: product.productType,
    published_at: restTime(product.publishedAt, tz),
    template_suffix: null,
    title: product.title,
    updated_at: restTime(product.updatedAt, tz),
    vendor: product.vendor,
    status: product.status.toLowerCase(),
    published_scope: "web",
    tags: product.tags.join(", "),
    // Shopify sends full variants for the first 100 only; variant_gids still lists all.
    variants: product.variants.slice(0, 100).map((v) => {
      const option = (n: number): string | null => {
        const name = optionNames[n];
        return name === undefined
          ? null
          : (v.selectedOptions.find((s) => s.name === name)?.value ?? null);
      };
      const qty = available(store, v.inventoryItem.id);
      return {
        admin_graphql_api_id: v.id,
        barcode: v.barcode,
        compare_at_price: v.compareAtPrice,
        created_at: restTime(v.createdAt, tz),
        id: gidNumber(v.id),
        inventory_policy: "deny",
        position: v.position,
        price: v.price,
        product_id: productId,
        sku: v.sku,
        taxable: true,
        title: v.title,
        updated_at: restTime(v.updatedAt, tz),
        option1: option(0),
        option2: option(1),
        option3: option(2),
        image_id: null,
        inventory_item_id: gidNumber(v.inventoryItem.id),
        inventory_quantity: qty,
        old_inventory_quantity: qty,
      };
    }),
    options: product.options.map((o) => ({
      id: gidNumber(o.id),
      product_id: productId,
      name: o.name,
      position: o.position,
      values: o.values,
    })),
    images,
    image: images[0] ?? null,
    media: product.media.map((m, i) => ({
      id: gidNumber(m.id),
      product_id: productId,
      position: i + 1,
      created_at: restTime(product.createdAt, tz),
      updated_at: restTime(product.updatedAt, tz),
      alt: m.alt,
      status: "READY",
      media_content_type: "IMAGE",
      preview_image: { width: m.width, height: m.height, src: m.url, status: "READY" },
      variant_ids: [],
      admin_graphql_api_id: m.id,
    })),
    variant_gids: [...product.variants]
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
      .map((v) => ({
        admin_graphql_api_id: v.id,
        updated_at: new Date(v.updatedAt).toISOString(),
      })),
    has_variants_that_requires_components: false,
    category: product.category
      ? {
          admin_graphql_api_id: product.category.id,
          name: product.category.name,
          full_name: product.category.fullName,
        }
      : null,
  };
}

/** products/delete: Shopify sends only the deleted product's numeric id. */
export function restProductDeletePayload(productId: string): Record<string, unknown> {
  return { id: gidNumber(productId) };
}

/**
 * collections/create and collections/update. The store models custom collections in manual
 * order (the GraphQL `sortOrder` is MANUAL) and no publication date.
 */
export function restCollectionPayload(
  store: SimStore,
  collection: SimCollection,
): Record<string, unknown> {
  return {
    id: gidNumber(collection.id),
    handle: collection.handle,
    title: collection.title,
    updated_at: restTime(collection.updatedAt, store.shop.ianaTimezone),
    body_html: collection.descriptionHtml,
    published_at: null,
    sort_order: "manual",
    template_suffix: null,
    published_scope: "web",
    admin_graphql_api_id: collection.id,
  };
}

/** collections/delete. */
export function restCollectionDeletePayload(collectionId: string): Record<string, unknown> {
  return {
    id: gidNumber(collectionId),
    published_scope: "web",
    admin_graphql_api_id: collectionId,
  };
}

/** inventory_levels/update. */
export function restInventoryLevelPayload(
  store: SimStore,
  level: SimInventoryLevel,
): Record<string, unknown> {
  return {
    inventory_item_id: gidNumber(level.inventoryItemId),
    location_id: gidNumber(level.locationId),
    available: level.available,
    updated_at: restTime(level.updatedAt, store.shop.ianaTimezone),
    admin_graphql_api_id: level.id,
  };
}

/**
 * orders/create and orders/updated (and the other orders/* topics): the fields SimOrder models.
 * The store keeps discount codes without their amounts, so the order's whole discount is put on
 * the first code.
 */
export function restOrderPayload(store: SimStore, order: SimOrder): Record<string, unknown> {
  const tz = store.shop.ianaTimezone;
  const id = (gid: string | null): number | null => (gid === null ? null : gidNumber(gid));
  return {
    id: gidNumber(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    created_at: restTime(order.createdAt, tz),
    processed_at: restTime(order.processedAt, tz),
    updated_at: restTime(order.updatedAt, tz),
    cancelled_at: restTime(order.cancelledAt, tz),
    test: order.test,
    currency: order.currencyCode,
    subtotal_price: order.subtotal,
    total_discounts: order.totalDiscounts,
    total_price: order.total,
    discount_codes: order.discountCodes.map((code, i) => ({
      code,
      amount: i === 0 ? order.totalDiscounts : "0.00",
      type: "fixed_amount",
    })),
    landing_site: order.landingSite,
    referring_site: order.referringSite,
    source_name: order.sourceName,
    note_attributes: order.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    customer: order.customer
      ? { id: gidNumber(order.customer.id), admin_graphql_api_id: order.customer.id }
      : null,
    shipping_address: order.shippingCountryCode
      ? { country_code: order.shippingCountryCode }
      : null,
    line_items: order.lineItems.map((l) => ({
      id: gidNumber(l.id),
      admin_graphql_api_id: l.id,
      product_id: id(l.productId),
      variant_id: id(l.variantId),
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      price: l.unitPrice,
    })),
  };
}

export interface BulkFinishInput {
  id: string;
  status: string;
  errorCode: string | null;
  createdAt: string;
  completedAt: string | null;
  type: string;
}

/** bulk_operations/finish. */
export function bulkFinishPayload(store: SimStore, op: BulkFinishInput): Record<string, unknown> {
  const tz = store.shop.ianaTimezone;
  return {
    admin_graphql_api_id: op.id,
    completed_at: restTime(op.completedAt, tz),
    created_at: restTime(op.createdAt, tz),
    error_code: op.errorCode ? op.errorCode.toLowerCase() : null,
    status: op.status.toLowerCase(),
    type: op.type.toLowerCase(),
  };
}
