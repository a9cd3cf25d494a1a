/**
 * Field-by-field values of a bulk sync: the simulated store's own data, fetched by the app's bulk
 * queries, downloaded, mapped (app/sync/ingest/bulk-lines.ts) and written to the mirror, must come
 * back out of the mirror tables as the store holds it. Every row of every mirrored table is
 * compared with the generated store's source object (not with literals), so a dropped or
 * misplaced field fails here. The mirror's storage formats (tags joined with ", ", JSON text for
 * options and attributes) are decoded back to the source's shape before comparing.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateStore } from "../../../simulator/catalog/generate";
import {
  startSimulator,
  type SimOrder,
  type SimUtm,
  type SimVisit,
  type Simulator,
} from "../../../simulator";
import { db } from "../../db.server";
import { createAdminClient } from "../../graphql/admin-client";
import { completeBulkSync, startBulkSync, BULK_RESOURCES } from "./bulk-sync.server";

const SHOP = "bulk-values.myshopify.com";
const TOKEN = "shpat_bulk_values_test";
// Seed and size chosen so that every optional field occurs both set and unset (checked below);
// distinctProcessedAt so that a processedAt/createdAt mix-up shows.
const store = generateStore({
  seed: 11,
  products: 80,
  shopDomain: SHOP,
  distinctProcessedAt: true,
});
const workDir = mkdtempSync(path.join(os.tmpdir(), "sw-bulk-values-"));
let sim: Simulator;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** A source timestamp as the mirror's DateTime reads back (same instant, millisecond ISO). */
const at = (s: string | null) => (s ? new Date(s).toISOString() : null);
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

beforeAll(async () => {
  sim = await startSimulator({
    store,
    accessToken: TOKEN,
    apiSecret: "s",
    webhookSubscriptions: [],
  });
  const client = createAdminClient({
    shop: SHOP,
    accessToken: TOKEN,
    endpoint: sim.graphqlUrl,
    baseDelayMs: 5,
    maxRetryAfterMs: 20,
  });
  for (const resource of BULK_RESOURCES) {
    const { runId } = await startBulkSync({ db: db(), client, shop: SHOP, resource });
    const { report } = await completeBulkSync({
      db: db(),
      client,
      shop: SHOP,
      runId,
      databaseUrl: process.env.DATABASE_URL!,
      workDir,
      pollMs: 20,
    });
    expect(report?.problems, resource).toEqual([]);
  }
});
afterAll(async () => sim?.close());

describe("the generated store exercises every mirrored field", () => {
  // Without these, a seed change could silently leave a field only ever null (or never null).
  const variants = store.products.flatMap((p) => p.variants);
  const media = store.products.flatMap((p) => p.media);
  const journeys = store.orders.flatMap((o) => (o.customerJourney ? [o.customerJourney] : []));
  const both = <T>(items: T[], set: (item: T) => unknown) => {
    expect(items.some((i) => set(i) != null && set(i) !== false)).toBe(true);
    expect(items.some((i) => set(i) == null || set(i) === false)).toBe(true);
  };

  it("has products, variants and media with and without each optional field", () => {
    both(store.products, (p) => p.seo.title);
    both(store.products, (p) => p.seo.description);
    both(store.products, (p) => p.publishedAt);
    both(store.products, (p) => p.options.length > 1);
    expect(store.products.every((p) => p.category && p.tags.length && p.descriptionHtml)).toBe(
      true,
    );
    expect(new Set(store.products.map((p) => p.status))).toEqual(
      new Set(["ACTIVE", "DRAFT", "ARCHIVED"]),
    );
    both(variants, (v) => v.compareAtPrice);
    both(variants, (v) => v.barcode);
    both(variants, (v) => v.inventoryItem.unitCost);
    both(variants, (v) => v.inventoryItem.weight);
    both(variants, (v) => v.inventoryItem.countryCodeOfOrigin);
    both(variants, (v) => v.inventoryItem.harmonizedSystemCode);
    expect(new Set(variants.map((v) => v.inventoryItem.weight?.unit)).size).toBeGreaterThan(2);
    both(media, (m) => m.alt);
    expect(store.products.flatMap((p) => p.metafields).length).toBeGreaterThan(0);
  });

  it("has orders with and without each attribution signal", () => {
    both(store.orders, (o) => o.customerJourney);
    both(store.orders, (o) => o.discountCodes.length > 0);
    both(store.orders, (o) => o.customAttributes.length > 0);
    both(store.orders, (o) => o.cancelledAt);
    both(store.orders, (o) => o.test);
    both(store.orders, (o) => o.lineItems.length > 1);
    both(journeys, (j) => j.firstVisit?.referrerUrl);
    both(journeys, (j) => j.daysToConversion > 0);
    for (const key of ["source", "medium", "campaign", "content", "term"] as const)
      both(journeys, (j) => j.firstVisit?.utmParameters?.[key]);
    // A journey whose first visit carries no UTM but whose last one does.
    expect(journeys.some((j) => !j.firstVisit?.utmParameters && j.lastVisit?.utmParameters)).toBe(
      true,
    );
    expect(new Set(store.orders.map((o) => o.currencyCode)).size).toBeGreaterThan(1);
    expect(store.orders.every((o) => o.processedAt !== o.createdAt)).toBe(true);
  });
});

describe("bulk sync mirrors the store's values field by field", () => {
  it("products", async () => {
    const rows = byId(await db().product.findMany({ where: { shop: SHOP } }));
    expect([...rows.keys()].sort()).toEqual(store.products.map((p) => p.id).sort());
    for (const p of store.products) {
      const row = rows.get(p.id)!;
      expect(
        {
          title: row.title,
          handle: row.handle,
          vendor: row.vendor,
          productType: row.productType,
          category: row.categoryId ? { id: row.categoryId, fullName: row.categoryName } : null,
          tags: row.tags === "" ? [] : row.tags.split(", "),
          status: row.status,
          descriptionHtml: row.descriptionHtml,
          seo: { title: row.seoTitle, description: row.seoDescription },
          options: row.options === null ? null : JSON.parse(row.options),
          createdAt: iso(row.createdAt),
          updatedAt: iso(row.updatedAt),
          publishedAt: iso(row.publishedAt),
          featuredMediaId: row.featuredMediaId,
        },
        p.id,
      ).toEqual({
        title: p.title,
        handle: p.handle,
        vendor: p.vendor,
        productType: p.productType,
        // The mirror keeps the full taxonomy path ("… > Face Moisturizers"): rules read its leaf.
        category: p.category ? { id: p.category.id, fullName: p.category.fullName } : null,
        tags: p.tags,
        status: p.status,
        descriptionHtml: p.descriptionHtml,
        seo: p.seo,
        // The bulk query selects each option's name and values (not its id or position).
        options: p.options.map((o) => ({ name: o.name, values: o.values })),
        createdAt: at(p.createdAt),
        updatedAt: at(p.updatedAt),
        publishedAt: at(p.publishedAt),
        // Shopify's featured media is the product's first (the simulator's store keeps it so).
        featuredMediaId: p.media[0]?.id ?? null,
      });
    }
  });

  it("variants", async () => {
    const rows = byId(await db().variant.findMany({ where: { shop: SHOP } }));
    const variants = store.products.flatMap((p) => p.variants.map((v) => ({ p, v })));
    expect(rows.size).toBe(variants.length);
    for (const { p, v } of variants) {
      const row = rows.get(v.id)!;
      const item = v.inventoryItem;
      expect(
        {
          productId: row.productId,
          title: row.title,
          sku: row.sku,
          barcode: row.barcode,
          price: row.price,
          compareAtPrice: row.compareAtPrice,
          position: row.position,
          selectedOptions: row.selectedOptions === null ? null : JSON.parse(row.selectedOptions),
          inventoryItemId: row.inventoryItemId,
          unitCost:
            row.unitCost === null
              ? null
              : { amount: row.unitCost, currencyCode: row.unitCostCurrency },
          countryOfOrigin: row.countryOfOrigin,
          hsCode: row.hsCode,
          weight: row.weight === null ? null : { value: row.weight, unit: row.weightUnit },
          updatedAt: iso(row.updatedAt),
        },
        v.id,
      ).toEqual({
        productId: p.id,
        title: v.title,
        sku: v.sku,
        barcode: v.barcode,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        position: v.position,
        selectedOptions: v.selectedOptions,
        inventoryItemId: item.id,
        unitCost: item.unitCost,
        countryOfOrigin: item.countryCodeOfOrigin,
        hsCode: item.harmonizedSystemCode,
        weight: item.weight,
        updatedAt: at(v.updatedAt),
      });
      if (row.unitCost === null) expect(row.unitCostCurrency).toBeNull();
      if (row.weight === null) expect(row.weightUnit).toBeNull();
    }
  });

  it("product media", async () => {
    const rows = byId(await db().productMedia.findMany({ where: { shop: SHOP } }));
    const media = store.products.flatMap((p) => p.media.map((m) => ({ p, m })));
    expect(rows.size).toBe(media.length);
    for (const { p, m } of media) {
      const row = rows.get(m.id)!;
      expect(
        {
          productId: row.productId,
          url: row.url,
          alt: row.alt,
          width: row.width,
          height: row.height,
          position: row.position,
        },
        m.id,
      ).toEqual({
        productId: p.id,
        url: m.url,
        alt: m.alt,
        width: m.width,
        height: m.height,
        // The Admin GraphQL API has no media position (a product's media connection is in
        // position order, but Shopify does not promise a bulk file's line order), so bulk rows
        // leave it unset; the CSV and products.json imports, which have one, fill it.
        position: null,
      });
    }
  });

  it("product metafields", async () => {
    const rows = byId(await db().metafield.findMany({ where: { shop: SHOP } }));
    const metafields = store.products.flatMap((p) => p.metafields.map((m) => ({ p, m })));
    expect(rows.size).toBe(metafields.length);
    for (const { p, m } of metafields) {
      const row = rows.get(m.id)!;
      expect(
        {
          ownerId: row.ownerId,
          namespace: row.namespace,
          key: row.key,
          type: row.type,
          value: row.value,
          updatedAt: iso(row.updatedAt),
        },
        m.id,
      ).toEqual({
        ownerId: p.id,
        namespace: m.namespace,
        key: m.key,
        type: m.type,
        value: m.value,
        updatedAt: at(m.updatedAt),
      });
    }
  });

  it("collections and their products", async () => {
    const rows = byId(await db().collection.findMany({ where: { shop: SHOP } }));
    expect(rows.size).toBe(store.collections.length);
    for (const c of store.collections) {
      const row = rows.get(c.id)!;
      expect({ title: row.title, handle: row.handle, updatedAt: iso(row.updatedAt) }, c.id).toEqual(
        { title: c.title, handle: c.handle, updatedAt: at(c.updatedAt) },
      );
    }
    const members = await db().collectionProduct.findMany({ where: { shop: SHOP } });
    const key = (collectionId: string, productId: string) => `${collectionId} ${productId}`;
    expect(members.map((m) => key(m.collectionId, m.productId)).sort()).toEqual(
      store.collections.flatMap((c) => c.productIds.map((id) => key(c.id, id))).sort(),
    );
  });

  it("locations and the inventory level of each item at each location", async () => {
    const locations = byId(await db().location.findMany({ where: { shop: SHOP } }));
    expect(locations.size).toBe(store.locations.length);
    for (const l of store.locations) {
      const row = locations.get(l.id)!;
      expect({ name: row.name, countryCode: row.countryCode, isActive: row.isActive }).toEqual({
        name: l.name,
        countryCode: l.countryCode,
        isActive: l.isActive,
      });
    }
    const levels = await db().inventoryLevel.findMany({ where: { shop: SHOP } });
    const key = (itemId: string, locationId: string) => `${itemId} @ ${locationId}`;
    const rows = new Map(levels.map((r) => [key(r.inventoryItemId, r.locationId), r]));
    expect(rows.size).toBe(store.inventoryLevels.length);
    for (const l of store.inventoryLevels) {
      const row = rows.get(key(l.inventoryItemId, l.locationId));
      expect(
        row && { available: row.available, onHand: row.onHand, updatedAt: iso(row.updatedAt) },
        l.id,
      ).toEqual({ available: l.available, onHand: l.onHand, updatedAt: at(l.updatedAt) });
    }
  });

  it("orders: totals, codes, attributes, the customer journey and its UTM parameters", async () => {
    const rows = byId(await db().order.findMany({ where: { shop: SHOP } }));
    expect(rows.size).toBe(store.orders.length);
    const origin = store.shop.primaryDomainUrl;
    const utmOf = (o: SimOrder): SimUtm | null =>
      // The first visit's UTM parameters, else (a direct first visit) the last one's.
      o.customerJourney?.firstVisit?.utmParameters ??
      o.customerJourney?.lastVisit?.utmParameters ??
      null;
    const visit = (v: SimVisit | null | undefined) =>
      v
        ? {
            landingPage: v.landingPage,
            referrerUrl: v.referrerUrl,
            source: v.source,
            occurredAt: v.occurredAt,
            utmParameters: v.utmParameters,
          }
        : null;
    for (const o of store.orders) {
      const row = rows.get(o.id)!;
      const utm = utmOf(o);
      const first = o.customerJourney?.firstVisit;
      expect(
        {
          name: row.name,
          createdAt: iso(row.createdAt),
          processedAt: iso(row.processedAt),
          updatedAt: iso(row.updatedAt),
          cancelledAt: iso(row.cancelledAt),
          test: row.test,
          currencyCode: row.currencyCode,
          subtotal: row.subtotal,
          totalDiscounts: row.totalDiscounts,
          total: row.total,
          discountCodes: row.discountCodes === "" ? [] : row.discountCodes.split(","),
          customAttributes: row.customAttributes === null ? [] : JSON.parse(row.customAttributes),
          landingSite: row.landingSite,
          referringSite: row.referringSite,
          sourceName: row.sourceName,
          utm: {
            source: row.utmSource,
            medium: row.utmMedium,
            campaign: row.utmCampaign,
            content: row.utmContent,
            term: row.utmTerm,
          },
          customerJourney: row.customerJourney === null ? null : JSON.parse(row.customerJourney),
          customerId: row.customerId,
          shippingCountry: row.shippingCountry,
        },
        `${o.id} (${o.name})`,
      ).toEqual({
        name: o.name,
        createdAt: at(o.createdAt),
        processedAt: at(o.processedAt),
        updatedAt: at(o.updatedAt),
        cancelledAt: at(o.cancelledAt),
        test: o.test,
        currencyCode: o.currencyCode,
        subtotal: o.subtotal,
        totalDiscounts: o.totalDiscounts,
        total: o.total,
        discountCodes: o.discountCodes,
        customAttributes: o.customAttributes,
        // GraphQL has no landing_site: the mirror keeps the first visit's full landing URL (the
        // store's domain before REST's path and query) and its referrer.
        landingSite: first?.landingPage ?? null,
        referringSite: first?.referrerUrl ?? null,
        sourceName: o.sourceName,
        utm: utm ?? { source: null, medium: null, campaign: null, content: null, term: null },
        customerJourney: o.customerJourney && {
          firstVisit: visit(o.customerJourney.firstVisit),
          lastVisit: visit(o.customerJourney.lastVisit),
          daysToConversion: o.customerJourney.daysToConversion,
        },
        customerId: o.customer?.id ?? null,
        shippingCountry: o.shippingCountryCode,
      });
      // The journey's landing page is the order's landing site: same path and query, same referrer.
      if (first) {
        expect(row.landingSite).toBe(origin + o.landingSite);
        expect(row.referringSite).toBe(o.referringSite);
      }
    }
  });

  it("order lines", async () => {
    const rows = byId(await db().orderLine.findMany({ where: { shop: SHOP } }));
    const lines = store.orders.flatMap((o) => o.lineItems.map((l) => ({ o, l })));
    expect(rows.size).toBe(lines.length);
    for (const { o, l } of lines) {
      const row = rows.get(l.id)!;
      expect(
        {
          orderId: row.orderId,
          productId: row.productId,
          variantId: row.variantId,
          sku: row.sku,
          title: row.title,
          quantity: row.quantity,
          unitPrice: row.unitPrice,
        },
        l.id,
      ).toEqual({
        orderId: o.id,
        productId: l.productId,
        variantId: l.variantId,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
      });
    }
  });
});
