import type { Db } from "../../app/db.server";

/** Rows in every table for a shop, so erasure and isolation tests have something to lose. */
export async function seedShopRows(db: Db, shop: string) {
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
}

/** How many rows each table holds for a shop. */
export async function countShopRows(db: Db, shop: string) {
  const where = { where: { shop } };
  return {
    Shop: await db.shop.count(where),
    Session: await db.session.count(where),
    WebhookDelivery: await db.webhookDelivery.count(where),
    PrivacyRequest: await db.privacyRequest.count(where),
  };
}
