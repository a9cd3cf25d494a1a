import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_IDS, PACKS } from "../app/channels";
import { offlineTokenSource } from "../app/auth/offline-token.server";
import { db } from "../app/db.server";
import { closeJobQueue } from "../app/background.server";
import { createInlineRunner } from "../app/jobs/inline";
import { ALL_JOBS } from "../app/background.server";
import { CERTIFICATE_TYPE } from "../app/compliance/publish/definitions";
import { ensureComplianceDefinitions } from "../app/compliance/publish/publish.server";
import { createAdminClient } from "../app/graphql/admin-client";
import { MetaobjectUpsert, type MetaobjectUpsertResult } from "../app/graphql/MetaobjectUpsert";
import { reconcileJob } from "../app/sync/jobs.server";
import {
  mirrorCertificateMetaobjects,
  mirroredCertificateMetaobjects,
} from "../app/sync/mirror/metaobjects.server";
import { generateStore } from "../simulator/catalog/generate";
import { startSimulator, type Simulator } from "../simulator";

const SHOP = "reconcile-shop.myshopify.com";
const TOKEN = "shpat_reconcile";
const store = generateStore({ seed: 11, products: 30, shopDomain: SHOP });
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({
    store,
    accessToken: TOKEN,
    // The app's own secret: the reconcile migrates this shop's non-expiring token on the way.
    apiSecret: process.env.SHOPIFY_API_SECRET!,
    webhookSubscriptions: [],
  });
  // Background jobs reach "Shopify" the way the demo does: through the simulator's URL.
  process.env.SEAWORTHY_DEMO = "1";
  process.env.SIMULATOR_URL = sim.url;
  process.env.DEMO_SHOP = SHOP; // the simulator endpoint is used only for the demo shop
  await db().session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "s", isOnline: false, accessToken: TOKEN },
  });
  await db().shop.create({ data: { shop: SHOP, locales: [], markets: [], settings: {} } });
});

afterAll(async () => {
  delete process.env.SEAWORTHY_DEMO;
  delete process.env.SIMULATOR_URL;
  delete process.env.DEMO_SHOP;
  await closeJobQueue();
  await sim?.close();
});

describe("the reconcile job", () => {
  it("refreshes markets, sees the mirror is behind, and runs the full sync chain to the end", async () => {
    const queue = createInlineRunner({ jobs: ALL_JOBS });
    globalThis.__seaworthyJobQueue = queue;
    await queue.enqueue(reconcileJob, SHOP, {});
    await queue.drain();

    // The shop held a non-expiring token: the reconcile had it traded for an expiring pair.
    expect(sim.tokens.isValidAccessToken(TOKEN)).toBe(false);
    const session = await db().session.findFirstOrThrow({ where: { shop: SHOP } });
    expect(session.expires).not.toBeNull();
    expect(session.refreshToken).toMatch(/^enc:v1:/);

    const shop = await db().shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect((shop.markets as { name: string }[]).map((m) => m.name).sort()).toEqual(
      store.markets.map((m) => m.name).sort(),
    );
    expect(await db().product.count({ where: { shop: SHOP } })).toBe(store.products.length);
    expect(await db().collection.count({ where: { shop: SHOP } })).toBe(store.collections.length);
    expect(await db().inventoryLevel.count({ where: { shop: SHOP } })).toBe(
      store.inventoryLevels.length,
    );
    expect(await db().order.count({ where: { shop: SHOP } })).toBe(store.orders.length);
    const runs = await db().syncRun.findMany({
      where: { shop: SHOP },
      orderBy: { startedAt: "asc" },
      select: { resource: true, status: true },
    });
    expect(runs).toEqual(
      ["products", "collections", "inventory", "orders"].map((resource) => ({
        resource,
        status: "completed",
      })),
    );
    // The completed syncs queued full channel-fit passes: every product is scored for every
    // channel with the current rule packs, with the synced stock and sales in its facts.
    const scores = await db().channelScore.findMany({
      where: { shop: SHOP },
      select: { productId: true, packVersion: true },
    });
    expect(scores).toHaveLength(store.products.length * CHANNEL_IDS.length);
    expect(new Set(scores.map((s) => s.packVersion))).toEqual(new Set(PACKS.map((p) => p.version)));
  }, 60_000);

  it("does nothing more when the mirror matches and the last sync is recent", async () => {
    const queue = createInlineRunner({ jobs: ALL_JOBS });
    globalThis.__seaworthyJobQueue = queue;
    const before = await db().syncRun.count({ where: { shop: SHOP } });
    await queue.enqueue(reconcileJob, SHOP, {});
    await queue.drain();
    expect(await db().syncRun.count({ where: { shop: SHOP } })).toBe(before);
  });

  it("mirrors the app's certificate metaobjects as Shopify holds them now", async () => {
    // The reconcile above migrated the shop's token: use whatever the app holds now.
    const client = createAdminClient({
      shop: SHOP,
      accessToken: offlineTokenSource(db(), SHOP),
      endpoint: sim.graphqlUrl,
    });
    // A certificate metaobject in Shopify, and a mirror row for one deleted there since.
    await ensureComplianceDefinitions(client);
    const upserted = await client.request<MetaobjectUpsertResult>(MetaobjectUpsert, {
      handle: { type: CERTIFICATE_TYPE, handle: "seaworthy-cert-kept" },
      metaobject: {
        fields: [
          { key: "kind", value: "CE" },
          { key: "number", value: "DoC-7" },
          { key: "scope", value: JSON.stringify({ kind: "all" }) },
        ],
      },
    });
    expect(upserted.metaobjectUpsert?.userErrors).toEqual([]);
    await mirrorCertificateMetaobjects(db(), SHOP, [
      {
        id: "gid://shopify/Metaobject/404",
        handle: "seaworthy-cert-gone",
        updatedAt: null,
        certificateId: "gone",
        fields: {},
      },
    ]);
    const queue = createInlineRunner({ jobs: ALL_JOBS });
    globalThis.__seaworthyJobQueue = queue;
    await queue.enqueue(reconcileJob, SHOP, {});
    await queue.drain();
    const mirrored = await mirroredCertificateMetaobjects(db(), SHOP);
    expect(mirrored.map((m) => [m.id, m.handle, m.fields.number])).toEqual([
      [upserted.metaobjectUpsert?.metaobject?.id, "seaworthy-cert-kept", "DoC-7"],
    ]);
  }, 60_000);
});
