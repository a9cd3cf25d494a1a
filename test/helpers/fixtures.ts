import type { Db } from "../../app/db.server";
import { SHOP_SCOPED_MODELS } from "../../app/privacy/shop-scoped.server";

/** Rows in every table for a shop, so erasure and isolation tests have something to lose. */
export async function seedShopRows(db: Db, shop: string) {
  const now = new Date();
  await db.shop.create({
    data: {
      shop,
      name: `Shop ${shop}`,
      locales: [{ locale: "en", primary: true }],
      markets: [],
      settings: { language: "auto" },
      scopes: "read_products",
    },
  });
  await db.session.create({
    data: {
      id: `offline_${shop}`,
      shop,
      state: "x",
      isOnline: false,
      accessToken: "shpat_x",
      scope: "read_products",
    },
  });
  await db.webhookDelivery.create({
    data: { shop, eventId: `seed-${shop}`, topic: "products/update" },
  });
  await db.privacyRequest.create({
    data: {
      shop,
      topic: "customers/data_request",
      customerId: "191167",
      status: "completed",
      report: { customer: { email: "john@example.com" } },
    },
  });
  const product = "gid://shopify/Product/1";
  await db.product.create({ data: { shop, id: product, title: "Mug", handle: "mug" } });
  await db.variant.create({
    data: {
      shop,
      id: "gid://shopify/ProductVariant/1",
      productId: product,
      inventoryItemId: "gid://shopify/InventoryItem/1",
    },
  });
  await db.productMedia.create({
    data: { shop, id: "gid://shopify/MediaImage/1", productId: product, width: 800, height: 800 },
  });
  await db.metafield.create({
    data: {
      shop,
      id: "gid://shopify/Metafield/1",
      ownerId: product,
      namespace: "custom",
      key: "material",
      type: "single_line_text_field",
      value: "ceramic",
    },
  });
  await db.collection.create({
    data: { shop, id: "gid://shopify/Collection/1", title: "Kitchen", handle: "kitchen" },
  });
  await db.collectionProduct.create({
    data: { shop, collectionId: "gid://shopify/Collection/1", productId: product },
  });
  await db.location.create({ data: { shop, id: "gid://shopify/Location/1", name: "Warehouse" } });
  await db.inventoryLevel.create({
    data: {
      shop,
      inventoryItemId: "gid://shopify/InventoryItem/1",
      locationId: "gid://shopify/Location/1",
      available: 3,
    },
  });
  await db.order.create({
    data: {
      shop,
      id: "gid://shopify/Order/1",
      name: "#1001",
      createdAt: now,
      currencyCode: "USD",
      total: "10.00",
      customerId: "gid://shopify/Customer/191167",
    },
  });
  await db.orderLine.create({
    data: {
      shop,
      id: "gid://shopify/LineItem/1",
      orderId: "gid://shopify/Order/1",
      title: "Mug",
      quantity: 1,
    },
  });
  await db.syncRun.create({
    data: { shop, resource: "products", kind: "bulk", status: "completed" },
  });
  await db.channelScore.create({
    data: {
      shop,
      productId: product,
      channel: "amazon",
      score: 90,
      band: "excellent",
      eligible: true,
      blockers: 0,
      warnings: 1,
      packVersion: "test",
    },
  });
  await db.complianceProfile.create({
    data: { shop, productId: product, answers: '{"textile":false}' },
  });
  await db.eprRegistration.create({
    data: { shop, country: "DE", stream: "packaging", number: "DE1234567890123" },
  });
  await db.complianceCertificate.create({
    data: { shop, kind: "FSC", number: "FSC-C000000", validFrom: "2026-01-01" },
  });
  await db.complianceResult.create({
    data: { shop, productId: product, blockers: 1, warnings: 0, infos: 0, packsVersion: "test" },
  });
  await db.complianceSnapshot.create({
    data: { shop, day: "2026-12-01", market: "DE", severity: "blocker", findings: 1, products: 1 },
  });
  await db.complianceLabel.create({ data: { shop, productId: product, value: "{}" } });
  await db.complianceProfileMetafield.create({ data: { shop, productId: product, value: "{}" } });
  await db.deletedRecord.create({ data: { shop, id: "gid://shopify/Product/999999" } });
  await db.shopToken.create({ data: { shop, status: "expiring" } });
  await db.complianceBulkEdit.create({
    data: { shop, selection: '{"filter":{}}', patch: '{"set":{"textile":true},"reset":[]}' },
  });
  await db.certificateMetaobject.create({
    data: { shop, handle: "cert-1", id: "gid://shopify/Metaobject/1", fields: "{}" },
  });
}

type CountDelegate = { count(args: { where: { shop: string } }): Promise<number> };

/** How many rows each table holds for a shop, for every model in the schema. */
export async function countShopRows(db: Db, shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of SHOP_SCOPED_MODELS) {
    const key = model.charAt(0).toLowerCase() + model.slice(1);
    counts[model] = await (db as unknown as Record<string, CountDelegate>)[key]!.count({
      where: { shop },
    });
  }
  return counts;
}

/** The expected counts when every table holds `n` rows of the shop. */
export function everyTable(n: number): Record<string, number> {
  return Object.fromEntries(SHOP_SCOPED_MODELS.map((m) => [m, n]));
}
