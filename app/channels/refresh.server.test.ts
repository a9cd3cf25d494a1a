/**
 * GIVEN a product change WHEN it reaches the app THEN compliance judges it and channel fit scores
 * it behind that gate, in one job, from one load of its facts (issue: the two ran side by side,
 * each loading the facts, and the re-score could read the previous gate).
 */
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { officialExample, signedWebhook } from "../../test/helpers/webhook";
import { mirrorProduct, mirrorVariant } from "../../test/helpers/rows";
import { ALL_JOBS, closeJobQueue } from "../background.server";
import { db } from "../db.server";
import { rawDb, selectRows } from "../db/raw.server";
import { createInlineRunner } from "../jobs/inline";
import { action as productsUpdate } from "../routes/webhooks.products.update";
import { openMirrorWriter } from "../sync/mirror/writer.server";
import type * as facts from "../facts/products.server";
import { GATE_RULE } from "./gate";
import { refreshProducts } from "./refresh.server";

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../facts/products.server", async (importOriginal) => {
  const actual = await importOriginal<typeof facts>();
  return {
    ...actual,
    loadProductFacts: (...args: Parameters<typeof actual.loadProductFacts>) => {
      loads.count++;
      return actual.loadProductFacts(...args);
    },
  };
});

const SHOP = "refresh-shop.myshopify.com";
const OTHER = "refresh-other.myshopify.com";
const url = () => process.env.DATABASE_URL!;
const gid = (n: number) => `gid://shopify/Product/${n}`;

async function seed(shop: string, ids: number[]) {
  const writer = await openMirrorWriter(url(), shop);
  await writer.write({
    Product: ids.map((n) => mirrorProduct(n, { title: `${shop} lamp ${n}` })),
    Variant: ids.map((n) => mirrorVariant(n)),
  });
  await writer.close();
}

const rows = (table: "ComplianceResult" | "ChannelScore", shop: string) =>
  selectRows(rawDb(url()), `SELECT * FROM "${table}" WHERE "shop" = ? ORDER BY "productId"`, [
    shop,
  ]);

afterEach(() => {
  loads.count = 0;
});
afterAll(() => closeJobQueue());

describe("a product change", () => {
  it("runs compliance then channel fit once, in one job, from one facts load", async () => {
    await seed(SHOP, [1]);
    const queue = createInlineRunner({ jobs: ALL_JOBS });
    globalThis.__seaworthyJobQueue = queue;
    const enqueued: string[] = [];
    const original = queue.enqueue.bind(queue);
    vi.spyOn(queue, "enqueue").mockImplementation(async (job, shop, payload, opts) => {
      enqueued.push(job.name);
      return original(job, shop, payload, opts);
    });
    const payload = {
      ...(officialExample("products/update") as Record<string, unknown>),
      id: 1,
      admin_graphql_api_id: gid(1),
      title: "Desk lamp",
      updated_at: new Date(Date.now() + 60_000).toISOString(),
    };
    const response = await productsUpdate({
      request: signedWebhook("products/update", payload, { shop: SHOP }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    await queue.drain();

    expect(enqueued).toEqual(["sync.webhook", "channels.refresh-products"]);
    expect(loads.count).toBe(1);
    const [result] = await rows("ComplianceResult", SHOP);
    const scores = await rows("ChannelScore", SHOP);
    expect(result?.productId).toBe(gid(1));
    expect(scores.length).toBeGreaterThan(0);
    // One pass: the verdict and the scores carry the same moment.
    expect(new Set(scores.map((s) => String(s.scoredAt)))).toEqual(
      new Set([String(result?.evaluatedAt)]),
    );
    await queue.close();
  });

  it("scores behind the gate compliance has just set, never the previous one", async () => {
    await seed(SHOP, [2]);
    await seed(OTHER, [2]);
    const raw = rawDb(url());
    // Selling into Germany with no EPR registration: compliance gates the EU channels.
    const gated = await refreshProducts({ raw, shop: SHOP, productIds: [gid(2)], markets: ["DE"] });
    expect(gated).toEqual({ refreshed: 1, removed: 0 });
    const gate = String(
      (await rows("ComplianceResult", SHOP)).find((r) => r.productId === gid(2))?.gate,
    )
      .trim()
      .split(/\s+/);
    expect(gate).toEqual(["DE"]);
    const gatedScores = (await rows("ChannelScore", SHOP)).filter((r) => r.productId === gid(2));
    expect(gatedScores.some((s) => String(s.findings).includes(GATE_RULE))).toBe(true);

    // The market is dropped: the same refresh lifts the gate and the scores follow at once.
    await refreshProducts({ raw, shop: SHOP, productIds: [gid(2)], markets: ["US"] });
    const freed = (await rows("ChannelScore", SHOP)).filter((r) => r.productId === gid(2));
    expect(freed.some((s) => String(s.findings).includes(GATE_RULE))).toBe(false);
    expect(loads.count).toBe(2);
    // The other shop's product was never touched.
    expect(await rows("ChannelScore", OTHER)).toEqual([]);
    expect(await db().complianceResult.count({ where: { shop: OTHER } })).toBe(0);
  });

  it("drops the results and scores of a product gone from the mirror", async () => {
    const raw = rawDb(url());
    await seed(SHOP, [3]);
    await refreshProducts({ raw, shop: SHOP, productIds: [gid(3)], markets: ["US"] });
    await db().product.deleteMany({ where: { shop: SHOP, id: gid(3) } });
    const report = await refreshProducts({
      raw,
      shop: SHOP,
      productIds: [gid(3)],
      markets: ["US"],
    });
    expect(report).toEqual({ refreshed: 0, removed: 1 });
    expect((await rows("ChannelScore", SHOP)).filter((r) => r.productId === gid(3))).toEqual([]);
    expect((await rows("ComplianceResult", SHOP)).filter((r) => r.productId === gid(3))).toEqual(
      [],
    );
  });
});
