import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { officialExample } from "../../../test/helpers/webhook";
import { db } from "../../db.server";
import {
  forgetOldDeletions,
  REMEMBER_DELETED_MS,
  removeDeletedAgain,
} from "../mirror/deleted.server";
import { openMirrorWriter, type MirrorWriter } from "../mirror/writer.server";
import { applySyncWebhook } from "./apply.server";

const SHOP = "hooks-shop.myshopify.com";
let writer: MirrorWriter;
const apply = (topic: string, payload: unknown, shop = SHOP) =>
  applySyncWebhook({ db: db(), writer, shop, topic, payload });

beforeEach(async () => {
  writer = await openMirrorWriter(process.env.DATABASE_URL!, SHOP);
  // Each test starts without remembered deletions (the examples reuse Shopify's sample ids).
  await db().deletedRecord.deleteMany({ where: { shop: SHOP } });
});
afterEach(async () => writer.close());

const product = () =>
  officialExample("products/update") as {
    admin_graphql_api_id: string;
    title: string;
    updated_at: string;
    variants: { admin_graphql_api_id: string }[];
  };
const later = (iso: string, seconds: number) =>
  new Date(new Date(iso).getTime() + seconds * 1000).toISOString();

describe("store-data webhooks on the mirror", () => {
  it("products/update writes the product and its variants; a repeat changes nothing", async () => {
    const p = product();
    expect(await apply("products/update", p)).toEqual({ applied: true });
    const row = await db().product.findUniqueOrThrow({
      where: { shop_id: { shop: SHOP, id: p.admin_graphql_api_id } },
    });
    expect(row.title).toBe(p.title);
    expect(
      await db().variant.count({ where: { shop: SHOP, productId: p.admin_graphql_api_id } }),
    ).toBe(p.variants.length);
    const before = await db().product.findMany({ where: { shop: SHOP }, omit: { syncedAt: true } });
    expect(await apply("products/update", p)).toEqual({ applied: true });
    expect(
      await db().product.findMany({ where: { shop: SHOP }, omit: { syncedAt: true } }),
    ).toEqual(before);
  });

  it("an older delivery arriving after a newer one is ignored: the newest updated_at wins", async () => {
    const p = product();
    const newer = { ...p, title: "Newer title", updated_at: later(p.updated_at, 60) };
    expect(await apply("products/update", newer)).toEqual({ applied: true });
    expect(await apply("products/update", { ...p, title: "Older title" })).toMatchObject({
      applied: false,
      reason: expect.stringMatching(/stale/),
    });
    expect(
      (
        await db().product.findUniqueOrThrow({
          where: { shop_id: { shop: SHOP, id: p.admin_graphql_api_id } },
        })
      ).title,
    ).toBe("Newer title");
  });

  it("drops variants that an update no longer lists, and products/delete removes the product and its children", async () => {
    const p = product();
    await apply("products/update", p);
    const fewer = { ...p, variants: p.variants.slice(0, 1), updated_at: later(p.updated_at, 120) };
    await apply("products/update", fewer);
    expect(
      await db().variant.count({ where: { shop: SHOP, productId: p.admin_graphql_api_id } }),
    ).toBe(1);
    // (Shopify's example ids exceed 2^53, so the exact id is sent as a string here.)
    const numeric = p.admin_graphql_api_id.split("/").pop();
    expect(await apply("products/delete", { id: numeric })).toEqual({ applied: true });
    expect(await db().product.count({ where: { shop: SHOP, id: p.admin_graphql_api_id } })).toBe(0);
    expect(
      await db().variant.count({ where: { shop: SHOP, productId: p.admin_graphql_api_id } }),
    ).toBe(0);
  });

  it("orders/create keeps attribution (UTM from the landing page, codes, attributes) and the lines", async () => {
    const o = officialExample("orders/create") as Record<string, unknown> & {
      admin_graphql_api_id: string;
      line_items: unknown[];
    };
    const payload = {
      ...o,
      landing_site:
        "/products/mug?utm_source=tiktok&utm_medium=creator&utm_campaign=spring&utm_content=luna",
      discount_codes: [{ code: "TIKTOK-LUNA15", amount: "3.00", type: "percentage" }],
      note_attributes: [{ name: "sw_ref", value: "cr_luna" }],
    };
    expect(await apply("orders/create", payload)).toEqual({ applied: true });
    const row = await db().order.findUniqueOrThrow({
      where: { shop_id: { shop: SHOP, id: o.admin_graphql_api_id } },
    });
    expect(row).toMatchObject({
      utmSource: "tiktok",
      utmMedium: "creator",
      utmCampaign: "spring",
      utmContent: "luna",
      discountCodes: "TIKTOK-LUNA15",
    });
    expect(JSON.parse(row.customAttributes!)).toEqual([{ key: "sw_ref", value: "cr_luna" }]);
    expect(
      await db().orderLine.count({ where: { shop: SHOP, orderId: o.admin_graphql_api_id } }),
    ).toBe(o.line_items.length);
  });

  it("inventory_levels/update: newest wins, and an empty payload is refused with the reason", async () => {
    const base = {
      inventory_item_id: 271878346596884000,
      location_id: 24826418,
      available: 5,
      updated_at: "2026-11-01T10:00:00-05:00",
    };
    expect(await apply("inventory_levels/update", base)).toEqual({ applied: true });
    expect(
      await apply("inventory_levels/update", {
        ...base,
        available: 9,
        updated_at: "2026-11-01T09:00:00-05:00",
      }),
    ).toMatchObject({ applied: false });
    const level = await db().inventoryLevel.findFirstOrThrow({ where: { shop: SHOP } });
    expect(level.available).toBe(5);
    expect(
      await apply("inventory_levels/update", officialExample("inventory_levels/update")),
    ).toMatchObject({ applied: false, reason: expect.stringMatching(/inventory level payload/) });
  });

  it("collections/update and collections/delete", async () => {
    const c = officialExample("collections/update") as { admin_graphql_api_id: string; id: number };
    expect(await apply("collections/update", c)).toEqual({ applied: true });
    expect(await db().collection.count({ where: { shop: SHOP, id: c.admin_graphql_api_id } })).toBe(
      1,
    );
    expect(
      await apply("collections/delete", { id: c.admin_graphql_api_id.split("/").pop() }),
    ).toEqual({ applied: true });
    expect(await db().collection.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("a create or update delivered after the delete does not bring the product back", async () => {
    const p = product();
    const id = p.admin_graphql_api_id;
    expect(await apply("products/update", p)).toEqual({ applied: true });
    expect(await apply("products/delete", { id: id.split("/").pop() })).toEqual({ applied: true });
    // Late deliveries: the same version, a create, and even one dated after the delete.
    for (const [topic, payload] of [
      ["products/update", p],
      ["products/create", p],
      ["products/update", { ...p, updated_at: later(p.updated_at, 86_400) }],
    ] as const)
      expect(await apply(topic, payload)).toMatchObject({
        applied: false,
        reason: expect.stringMatching(/deleted/),
      });
    expect(await db().product.count({ where: { shop: SHOP, id } })).toBe(0);
    expect(await db().variant.count({ where: { shop: SHOP, productId: id } })).toBe(0);
    // Another shop's product with the same id is that shop's business.
    const other = await openMirrorWriter(process.env.DATABASE_URL!, "other-deleted.myshopify.com");
    try {
      expect(
        await applySyncWebhook({
          db: db(),
          writer: other,
          shop: "other-deleted.myshopify.com",
          topic: "products/update",
          payload: p,
        }),
      ).toEqual({ applied: true });
    } finally {
      await other.close();
    }
  });

  it("a collection deleted stays deleted; an older collection update is stale", async () => {
    const c = officialExample("collections/update") as {
      admin_graphql_api_id: string;
      updated_at: string;
      title: string;
    };
    const newer = { ...c, title: "Newer", updated_at: later(c.updated_at, 60) };
    expect(await apply("collections/update", newer)).toEqual({ applied: true });
    expect(await apply("collections/update", { ...c, title: "Older" })).toMatchObject({
      applied: false,
      reason: expect.stringMatching(/stale/),
    });
    expect(
      (
        await db().collection.findFirstOrThrow({
          where: { shop: SHOP, id: c.admin_graphql_api_id },
        })
      ).title,
    ).toBe("Newer");
    await apply("collections/delete", { id: c.admin_graphql_api_id.split("/").pop() });
    expect(await apply("collections/create", newer)).toMatchObject({
      applied: false,
      reason: expect.stringMatching(/deleted/),
    });
    expect(await db().collection.count({ where: { shop: SHOP, id: c.admin_graphql_api_id } })).toBe(
      0,
    );
  });

  it("orders/updated older than the stored order is stale: the newest updated_at wins", async () => {
    const o = officialExample("orders/updated") as Record<string, unknown> & {
      admin_graphql_api_id: string;
      updated_at: string;
      note: string | null;
    };
    const newer = { ...o, note: "newer", updated_at: later(o.updated_at, 60) };
    expect(await apply("orders/updated", newer)).toEqual({ applied: true });
    expect(await apply("orders/updated", { ...o, note: "older" })).toMatchObject({
      applied: false,
      reason: expect.stringMatching(/stale/),
    });
    const row = await db().order.findFirstOrThrow({
      where: { shop: SHOP, id: o.admin_graphql_api_id },
    });
    expect(row.updatedAt?.toISOString()).toBe(new Date(newer.updated_at).toISOString());
  });

  it("a bulk snapshot read after a delete does not restore it; old deletions are forgotten per shop", async () => {
    const p = product();
    const id = p.admin_graphql_api_id;
    await apply("products/update", p);
    await apply("products/delete", { id: id.split("/").pop() });
    // What a bulk file taken before the delete writes (through the same writer the ingest uses).
    await writer.write({
      Product: [{ id, title: "From the snapshot", handle: "snap", status: "ACTIVE", tags: "" }],
    } as never);
    expect(await db().product.count({ where: { shop: SHOP, id } })).toBe(1);
    expect(await removeDeletedAgain(db(), SHOP)).toBe(1);
    expect(await db().product.count({ where: { shop: SHOP, id } })).toBe(0);

    const now = new Date();
    const old = new Date(now.getTime() - REMEMBER_DELETED_MS - 60_000);
    await db().deletedRecord.createMany({
      data: [
        { shop: SHOP, id: "gid://shopify/Product/1", deletedAt: old },
        { shop: "keep-deleted.myshopify.com", id: "gid://shopify/Product/1", deletedAt: old },
      ],
    });
    expect(await forgetOldDeletions(db(), SHOP, now)).toBe(1);
    expect(await db().deletedRecord.count({ where: { shop: SHOP, id } })).toBe(1);
    expect(await db().deletedRecord.count({ where: { shop: "keep-deleted.myshopify.com" } })).toBe(
      1,
    );
  });

  it("writes only the delivering shop's mirror", async () => {
    const other = await openMirrorWriter(process.env.DATABASE_URL!, "other.myshopify.com");
    await applySyncWebhook({
      db: db(),
      writer: other,
      shop: "other.myshopify.com",
      topic: "products/update",
      payload: product(),
    });
    await other.close();
    expect(await db().product.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db().product.count({ where: { shop: "other.myshopify.com" } })).toBe(1);
  });
});

describe("the simulated store's webhook payloads", () => {
  it("products, inventory levels and orders from the simulator apply to the mirror", async () => {
    const { generateStore } = await import("../../../simulator/catalog/generate");
    const { restProductPayload, restInventoryLevelPayload, restOrderPayload } =
      await import("../../../simulator/webhook-payloads");
    const store = generateStore({ seed: 5, products: 12, shopDomain: SHOP });
    const product = store.products[3]!;
    expect(await apply("products/update", restProductPayload(store, product))).toEqual({
      applied: true,
    });
    expect(await db().variant.count({ where: { shop: SHOP, productId: product.id } })).toBe(
      product.variants.length,
    );

    const level = store.inventoryLevels[0]!;
    expect(await apply("inventory_levels/update", restInventoryLevelPayload(store, level))).toEqual(
      { applied: true },
    );
    const mirrored = await db().inventoryLevel.findUniqueOrThrow({
      where: {
        shop_inventoryItemId_locationId: {
          shop: SHOP,
          inventoryItemId: level.inventoryItemId,
          locationId: level.locationId,
        },
      },
    });
    expect(mirrored.available).toBe(level.available);

    const order = store.orders.find((o) => o.discountCodes.length)!;
    expect(await apply("orders/updated", restOrderPayload(store, order))).toEqual({
      applied: true,
    });
    const row = await db().order.findUniqueOrThrow({
      where: { shop_id: { shop: SHOP, id: order.id } },
    });
    expect(row.discountCodes).toBe(order.discountCodes.join(","));
    expect(await db().orderLine.count({ where: { shop: SHOP, orderId: order.id } })).toBe(
      order.lineItems.length,
    );
  });

  it("collections and the delete payloads from the simulator apply to the mirror", async () => {
    const { generateStore } = await import("../../../simulator/catalog/generate");
    const {
      restCollectionPayload,
      restCollectionDeletePayload,
      restProductPayload,
      restProductDeletePayload,
    } = await import("../../../simulator/webhook-payloads");
    const store = generateStore({ seed: 6, products: 8, shopDomain: SHOP });
    const collection = store.collections[0]!;
    expect(await apply("collections/create", restCollectionPayload(store, collection))).toEqual({
      applied: true,
    });
    const where = { shop_id: { shop: SHOP, id: collection.id } };
    expect(await db().collection.findUniqueOrThrow({ where })).toMatchObject({
      title: collection.title,
      handle: collection.handle,
    });
    expect(await apply("collections/delete", restCollectionDeletePayload(collection.id))).toEqual({
      applied: true,
    });
    expect(await db().collection.findUnique({ where })).toBeNull();

    const product = store.products[0]!;
    expect(await apply("products/create", restProductPayload(store, product))).toEqual({
      applied: true,
    });
    expect(await apply("products/delete", restProductDeletePayload(product.id))).toEqual({
      applied: true,
    });
    expect(
      await db().product.findUnique({ where: { shop_id: { shop: SHOP, id: product.id } } }),
    ).toBeNull();
  });
});

describe("products/update after a bulk sync", () => {
  it("keeps what only the bulk sync knows (cost, origin, HS code, SEO, category) and the images", async () => {
    const p = product() as ReturnType<typeof product> & {
      variants: { admin_graphql_api_id: string }[];
    };
    const variantId = p.variants[0]!.admin_graphql_api_id;
    await db().product.upsert({
      where: { shop_id: { shop: SHOP, id: p.admin_graphql_api_id } },
      create: {
        shop: SHOP,
        id: p.admin_graphql_api_id,
        title: "old",
        handle: "h",
        seoTitle: "SEO title",
        categoryName: "Home & Garden > Mugs",
        featuredMediaId: "gid://shopify/MediaImage/77",
        updatedAt: new Date("2000-01-01"),
      },
      update: {
        seoTitle: "SEO title",
        categoryName: "Home & Garden > Mugs",
        featuredMediaId: "gid://shopify/MediaImage/77",
        updatedAt: new Date("2000-01-01"),
      },
    });
    await db().variant.upsert({
      where: { shop_id: { shop: SHOP, id: variantId } },
      create: {
        shop: SHOP,
        id: variantId,
        productId: p.admin_graphql_api_id,
        unitCost: "6.40",
        countryOfOrigin: "CN",
        hsCode: "732393",
      },
      update: { unitCost: "6.40", countryOfOrigin: "CN", hsCode: "732393" },
    });
    await db().productMedia.create({
      data: {
        shop: SHOP,
        id: "gid://shopify/MediaImage/77",
        productId: p.admin_graphql_api_id,
        width: 1200,
        height: 1200,
      },
    });
    expect(await apply("products/update", { ...p, updated_at: new Date().toISOString() })).toEqual({
      applied: true,
    });
    expect(
      await db().product.findUniqueOrThrow({
        where: { shop_id: { shop: SHOP, id: p.admin_graphql_api_id } },
      }),
    ).toMatchObject({
      title: p.title,
      seoTitle: "SEO title",
      categoryName: "Home & Garden > Mugs",
      featuredMediaId: "gid://shopify/MediaImage/77",
    });
    expect(
      await db().variant.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: variantId } } }),
    ).toMatchObject({ unitCost: "6.40", countryOfOrigin: "CN", hsCode: "732393" });
    expect(
      await db().productMedia.count({ where: { shop: SHOP, id: "gid://shopify/MediaImage/77" } }),
    ).toBe(1);
  });
});
