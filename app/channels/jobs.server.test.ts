import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { officialExample, signedWebhook } from "../../test/helpers/webhook";
import { db } from "../db.server";
import { createBullmqRunner } from "../jobs/bullmq";
import { closeJobQueue } from "../background.server";
import { createInlineRunner } from "../jobs/inline";
import { ALL_JOBS } from "../background.server";
import type { JobQueue } from "../jobs/types";
import { action as productsUpdate } from "../routes/webhooks.products.update";
import { syncWebhookJob } from "../sync/jobs.server";
import { openMirrorWriter } from "../sync/mirror/writer.server";
import { mirrorProduct, mirrorVariant } from "../../test/helpers/rows";
import { rawDb, selectRows } from "../db/raw.server";
import { packFor, PACKS } from "./index";
import { rescoreAllJob, rescoreIfStale, rescoreProductJob } from "./jobs.server";
import { CHANNEL_IDS, type ChannelId } from "./types";

const SHOP = "rescore-shop.myshopify.com";
const OTHER = "rescore-other.myshopify.com";
const url = () => process.env.DATABASE_URL!;
const gid = (n: number) => `gid://shopify/Product/${n}`;

const productRow = (n: number, title: string) => mirrorProduct(n, { title });
const variantRow = (n: number) => mirrorVariant(n);

async function seed(shop: string, ids: number[]) {
  const writer = await openMirrorWriter(url(), shop);
  await writer.write({
    Product: ids.map((n) => productRow(n, `${shop} mug ${n}`)),
    Variant: ids.map(variantRow),
  });
  await writer.close();
}

/** Every score row of a shop, keyed product|channel. */
async function scores(shop: string) {
  const rows = await selectRows(
    rawDb(url()),
    `SELECT "productId", "channel", "score", "packVersion", "scoredAt", "findings" FROM "ChannelScore" WHERE "shop" = ? ORDER BY "productId", "channel"`,
    [shop],
  );
  return new Map(rows.map((r) => [`${r.productId}|${r.channel}`, r]));
}
const scoredAt = (rows: Awaited<ReturnType<typeof scores>>, n: number) =>
  CHANNEL_IDS.map((c) => String(rows.get(`${gid(n)}|${c}`)?.scoredAt));

const tick = () => new Promise((r) => setTimeout(r, 5));

function useQueue(queue: JobQueue) {
  globalThis.__seaworthyJobQueue = queue;
  return queue;
}

const update = (n: number, title: string, inventoryItem = n) => ({
  ...(officialExample("products/update") as Record<string, unknown>),
  id: n,
  admin_graphql_api_id: gid(n),
  title,
  updated_at: new Date(Date.now() + 60_000).toISOString(),
  variants: [
    {
      id: n,
      admin_graphql_api_id: `gid://shopify/ProductVariant/${n}`,
      product_id: n,
      title: "Default Title",
      price: "25.00",
      sku: `SKU-${n}`,
      position: 1,
      inventory_item_id: inventoryItem,
      barcode: "4006381333931",
      grams: 300,
      weight: 300,
      weight_unit: "g",
    },
  ],
});
const call = (request: Request) => productsUpdate({ request, params: {}, context: {} });

/** The sync job for one delivery, as the webhook route queues it, run to the end. */
async function runSyncWebhook(queue: JobQueue, shop: string, topic: string, payload: unknown) {
  await queue.enqueue(syncWebhookJob, shop, { topic, eventId: randomUUID(), payload });
  await queue.drain();
}

beforeAll(async () => {
  await seed(SHOP, [1, 2, 3]);
  await seed(OTHER, [1, 2, 3, 4]);
});
afterEach(async () => closeJobQueue());

describe("channel fit jobs on the inline runner", () => {
  it("GIVEN a mirror WHEN rescore-all runs THEN every product has a score per channel with the current packs, and the other shop has none", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    await queue.enqueue(rescoreAllJob, SHOP, {});
    await queue.drain();
    const rows = await scores(SHOP);
    expect(rows.size).toBe(3 * CHANNEL_IDS.length);
    expect(new Set([...rows.values()].map((r) => r.packVersion))).toEqual(
      new Set(PACKS.map((p) => p.version)),
    );
    expect((await scores(OTHER)).size).toBe(0);
  });

  it("GIVEN scored products WHEN a products/update webhook arrives THEN only that product is re-scored", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    await queue.enqueue(rescoreAllJob, OTHER, {});
    await queue.drain();
    const before = await scores(SHOP);
    const otherBefore = await scores(OTHER);
    await tick();
    const response = await call(
      signedWebhook("products/update", update(2, "Insulated steel travel mug 350 ml"), {
        shop: SHOP,
      }),
    );
    expect(response.status).toBe(200);
    await queue.drain();
    const after = await scores(SHOP);
    for (const n of [1, 3]) expect(scoredAt(after, n)).toEqual(scoredAt(before, n));
    for (const [i, at] of scoredAt(after, 2).entries())
      expect(at > scoredAt(before, 2)[i]!).toBe(true);
    // The new barcode reached the facts: no channel still reports a missing GTIN for it.
    const findings = String(after.get(`${gid(2)}|amazon`)?.findings);
    expect(findings).not.toEqual(String(before.get(`${gid(2)}|amazon`)?.findings));
    expect(await scores(OTHER)).toEqual(otherBefore);
  });

  it("GIVEN scored products WHEN stock changes for a variant's inventory item THEN its product is re-scored", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    const before = await scores(SHOP);
    await tick();
    await runSyncWebhook(queue, SHOP, "inventory_levels/update", {
      inventory_item_id: 3,
      location_id: 1,
      available: 12,
      updated_at: new Date().toISOString(),
    });
    const after = await scores(SHOP);
    expect(scoredAt(after, 1)).toEqual(scoredAt(before, 1));
    expect(scoredAt(after, 3).every((at, i) => at > scoredAt(before, 3)[i]!)).toBe(true);
  });

  it("GIVEN scored products WHEN products/delete arrives THEN its scores go, nobody else's", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    const otherBefore = await scores(OTHER);
    await runSyncWebhook(queue, SHOP, "products/delete", { id: 3 });
    const after = await scores(SHOP);
    expect([...after.keys()].some((k) => k.startsWith(`${gid(3)}|`))).toBe(false);
    expect(after.size).toBe(2 * CHANNEL_IDS.length);
    expect(await scores(OTHER)).toEqual(otherBefore);
  });

  it("GIVEN scores judged by older packs WHEN the stale check runs THEN everything is re-scored with the current packs", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    const c = rawDb(url());
    if (c.kind !== "sqlite") throw new Error("these tests run on the SQLite test database");
    c.sqlite
      .prepare(`UPDATE "ChannelScore" SET "packVersion" = 'old' WHERE "shop" = ?`)
      .run([SHOP]);
    const before = await scores(SHOP);
    const otherBefore = await scores(OTHER);
    await tick();
    expect(await rescoreIfStale(queue, SHOP)).toBe("pack-version");
    await queue.drain();
    const after = await scores(SHOP);
    expect(after.size).toBe(before.size);
    for (const [key, row] of after) {
      expect(row.packVersion).toBe(packFor(row.channel as ChannelId).version);
      expect(String(row.scoredAt) > String(before.get(key)?.scoredAt)).toBe(true);
    }
    expect(await rescoreIfStale(queue, SHOP)).toBeNull();
    expect(await scores(OTHER)).toEqual(otherBefore);
  });

  it("GIVEN a shop with products and no scores WHEN the stale check runs THEN a full pass is queued", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    const shop = "never-scored.myshopify.com";
    await seed(shop, [7]);
    expect(await rescoreIfStale(queue, shop)).toBe("never-scored");
    await queue.drain();
    expect((await scores(shop)).size).toBe(CHANNEL_IDS.length);
  });

  it("GIVEN a product gone from the mirror WHEN a full pass runs THEN its leftover scores are swept", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    await db().product.deleteMany({ where: { shop: OTHER, id: gid(4) } });
    await queue.enqueue(rescoreAllJob, OTHER, {});
    await queue.drain();
    const rows = await scores(OTHER);
    expect(rows.size).toBe(3 * CHANNEL_IDS.length);
    expect([...rows.keys()].some((k) => k.startsWith(`${gid(4)}|`))).toBe(false);
    expect((await scores(SHOP)).size).toBe(2 * CHANNEL_IDS.length);
  });
});

describe.runIf(process.env.REDIS_URL)("channel fit jobs on BullMQ over Redis", () => {
  const prefix = `sw-test-${randomUUID().slice(0, 8)}`;
  let worker: ReturnType<typeof createBullmqRunner> | undefined;
  afterAll(async () => worker?.close());

  it("GIVEN a worker WHEN a product webhook is received THEN the worker re-scores only that product", async () => {
    useQueue(createBullmqRunner({ url: process.env.REDIS_URL!, jobs: ALL_JOBS, prefix }));
    worker = createBullmqRunner({
      url: process.env.REDIS_URL!,
      jobs: ALL_JOBS,
      prefix,
      startWorkers: true,
    });
    await worker.ready();
    const before = await scores(SHOP);
    await tick();
    expect(
      (await call(signedWebhook("products/update", update(1, "Via BullMQ mug"), { shop: SHOP })))
        .status,
    ).toBe(200);
    const end = Date.now() + 20_000;
    while (Date.now() < end && scoredAt(await scores(SHOP), 1)[0] === scoredAt(before, 1)[0])
      await new Promise((r) => setTimeout(r, 50));
    const after = await scores(SHOP);
    expect(scoredAt(after, 1).every((at, i) => at > scoredAt(before, 1)[i]!)).toBe(true);
    expect(scoredAt(after, 2)).toEqual(scoredAt(before, 2));
  });

  it("GIVEN a worker WHEN rescore-product is queued for one shop THEN the other shop's rows stay as they were", async () => {
    const queue = useQueue(
      createBullmqRunner({ url: process.env.REDIS_URL!, jobs: ALL_JOBS, prefix }),
    );
    const otherBefore = await scores(OTHER);
    await queue.enqueue(rescoreProductJob, SHOP, { productIds: [gid(1), gid(2)] });
    await queue.drain();
    expect(await scores(OTHER)).toEqual(otherBefore);
  });
});
