import { z } from "zod";
import type { Db } from "../../db.server";
import { productSchema, restProductRows } from "../import/products-json";
import { removeCollection, removeProduct, wasDeleted } from "../mirror/deleted.server";
import type { MirrorWriter } from "../mirror/writer.server";
import { restOrderRows, restOrderSchema } from "./rest-order";

/** The store-data webhooks the mirror listens to (see shopify.app.toml). */
export const SYNC_TOPICS = [
  "products/create",
  "products/update",
  "products/delete",
  "inventory_levels/update",
  "orders/create",
  "orders/updated",
  "collections/create",
  "collections/update",
  "collections/delete",
] as const;
export type SyncTopic = (typeof SYNC_TOPICS)[number];

export type ApplyOutcome = { applied: true } | { applied: false; reason: string };

const numericId = z.union([z.number(), z.string()]).transform(String);
const deletePayload = z.object({ id: numericId });
const inventoryPayload = z.object({
  inventory_item_id: numericId,
  location_id: numericId,
  available: z.number().nullable(),
  updated_at: z.string().nullish(),
});
const collectionPayload = z.object({
  id: numericId,
  admin_graphql_api_id: z.string().optional(),
  title: z.string(),
  handle: z.string(),
  updated_at: z.string().nullish(),
});

/** True when the mirror already holds a newer version than this delivery (deliveries can arrive out of order). */
function isStale(stored: Date | null | undefined, incoming: string | null | undefined): boolean {
  if (!stored || !incoming) return false;
  const t = new Date(incoming).getTime();
  return Number.isFinite(t) && stored.getTime() > t;
}

const DELETED = {
  applied: false,
  reason: "deleted: Shopify deleted it after this version",
} as const;

const gidOf = (type: string, admin: string | undefined, id: string) =>
  admin?.startsWith(`gid://shopify/${type}/`) ? admin : `gid://shopify/${type}/${id}`;

/**
 * Applies one store-data webhook to the mirror. Idempotent (a repeated delivery writes the same
 * rows) and order-safe: a delivery older than what the mirror holds (by `updated_at`) changes
 * nothing. Payloads that are not what Shopify documents are refused with the reason.
 */
export async function applySyncWebhook(options: {
  db: Db;
  writer: MirrorWriter;
  shop: string;
  topic: string;
  payload: unknown;
}): Promise<ApplyOutcome> {
  const { db, writer, shop, topic, payload } = options;
  switch (topic as SyncTopic) {
    case "products/create":
    case "products/update": {
      const parsed = productSchema.safeParse(payload);
      if (!parsed.success)
        return {
          applied: false,
          reason: `not a product payload: ${parsed.error.issues[0]?.message}`,
        };
      const rows = restProductRows(parsed.data, () => {});
      if (!rows.product) return { applied: false, reason: "product without an id" };
      if (await wasDeleted(db, shop, rows.product.id)) return DELETED;
      const stored = await db.product.findUnique({
        where: { shop_id: { shop, id: rows.product.id } },
        select: {
          updatedAt: true,
          seoTitle: true,
          seoDescription: true,
          categoryId: true,
          categoryName: true,
          featuredMediaId: true,
        },
      });
      if (isStale(stored?.updatedAt, rows.product.updatedAt))
        return { applied: false, reason: "stale: the mirror holds a newer version" };
      // REST payloads lack what only GraphQL carries (SEO, the full category path, the featured
      // media's id, the inventory item's cost, origin and HS code): keep what the bulk sync
      // stored instead of nulling it.
      const product = { ...rows.product };
      for (const k of [
        "seoTitle",
        "seoDescription",
        "categoryId",
        "categoryName",
        "featuredMediaId",
      ] as const) {
        if (product[k] == null && stored?.[k] != null) product[k] = stored[k];
      }
      const storedVariants = new Map(
        (
          await db.variant.findMany({
            where: { shop, productId: product.id },
            select: {
              id: true,
              unitCost: true,
              unitCostCurrency: true,
              countryOfOrigin: true,
              hsCode: true,
              weight: true,
              weightUnit: true,
            },
          })
        ).map((v) => [v.id, v]),
      );
      const variants = rows.variants.map((v) => {
        const old = storedVariants.get(v.id);
        if (!old) return v;
        const merged = { ...v };
        for (const k of [
          "unitCost",
          "unitCostCurrency",
          "countryOfOrigin",
          "hsCode",
          "weight",
          "weightUnit",
        ] as const) {
          if (merged[k] == null && old[k] != null) (merged as Record<string, unknown>)[k] = old[k];
        }
        return merged;
      });
      // Images stay with the bulk sync: REST image ids are not the media ids GraphQL uses.
      await writer.write({ Product: [product], Variant: variants });
      // Variants removed in Shopify are gone from the payload: drop them here too.
      await db.variant.deleteMany({
        where: { shop, productId: product.id, id: { notIn: variants.map((v) => v.id) } },
      });
      // The delete may have been applied while this was writing (another job): it wins.
      if (await wasDeleted(db, shop, product.id)) {
        await removeProduct(db, shop, product.id);
        return DELETED;
      }
      return { applied: true };
    }
    case "products/delete": {
      const parsed = deletePayload.safeParse(payload);
      if (!parsed.success) return { applied: false, reason: "products/delete without an id" };
      await removeProduct(db, shop, `gid://shopify/Product/${parsed.data.id}`);
      return { applied: true };
    }
    case "inventory_levels/update": {
      const parsed = inventoryPayload.safeParse(payload);
      if (!parsed.success)
        return {
          applied: false,
          reason: "not an inventory level payload (inventory_item_id, location_id, available)",
        };
      const p = parsed.data;
      const key = {
        inventoryItemId: `gid://shopify/InventoryItem/${p.inventory_item_id}`,
        locationId: `gid://shopify/Location/${p.location_id}`,
      };
      const stored = await db.inventoryLevel.findUnique({
        where: { shop_inventoryItemId_locationId: { shop, ...key } },
        select: { updatedAt: true, onHand: true },
      });
      if (isStale(stored?.updatedAt, p.updated_at))
        return { applied: false, reason: "stale: the mirror holds a newer level" };
      await writer.write({
        InventoryLevel: [
          {
            ...key,
            available: p.available ?? 0,
            onHand: stored?.onHand ?? null,
            updatedAt: p.updated_at ?? null,
          },
        ],
      });
      return { applied: true };
    }
    case "orders/create":
    case "orders/updated": {
      const parsed = restOrderSchema.safeParse(payload);
      if (!parsed.success)
        return {
          applied: false,
          reason: `not an order payload: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`,
        };
      const { order, lines } = restOrderRows(parsed.data);
      const stored = await db.order.findUnique({
        where: { shop_id: { shop, id: order.id } },
        select: { updatedAt: true, customerJourney: true },
      });
      if (isStale(stored?.updatedAt, order.updatedAt))
        return { applied: false, reason: "stale: the mirror holds a newer version" };
      // Webhooks do not carry the customer journey (GraphQL only): keep what the bulk sync found.
      await writer.write({
        Order: [{ ...order, customerJourney: stored?.customerJourney ?? null }],
        OrderLine: lines,
      });
      await db.orderLine.deleteMany({
        where: { shop, orderId: order.id, id: { notIn: lines.map((l) => l.id) } },
      });
      return { applied: true };
    }
    case "collections/create":
    case "collections/update": {
      const parsed = collectionPayload.safeParse(payload);
      if (!parsed.success) return { applied: false, reason: "not a collection payload" };
      const c = parsed.data;
      const row = {
        id: gidOf("Collection", c.admin_graphql_api_id, c.id),
        title: c.title,
        handle: c.handle,
        updatedAt: c.updated_at ?? null,
      };
      if (await wasDeleted(db, shop, row.id)) return DELETED;
      const stored = await db.collection.findUnique({
        where: { shop_id: { shop, id: row.id } },
        select: { updatedAt: true },
      });
      if (isStale(stored?.updatedAt, row.updatedAt))
        return { applied: false, reason: "stale: the mirror holds a newer version" };
      await writer.write({ Collection: [row] });
      if (await wasDeleted(db, shop, row.id)) {
        await removeCollection(db, shop, row.id);
        return DELETED;
      }
      return { applied: true };
    }
    case "collections/delete": {
      const parsed = deletePayload.safeParse(payload);
      if (!parsed.success) return { applied: false, reason: "collections/delete without an id" };
      await removeCollection(db, shop, `gid://shopify/Collection/${parsed.data.id}`);
      return { applied: true };
    }
    default:
      return { applied: false, reason: `not a store-data topic: ${topic}` };
  }
}
