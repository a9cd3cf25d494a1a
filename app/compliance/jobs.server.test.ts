/**
 * The compliance jobs end to end on the inline runner and the test database: a full pass stores
 * results, the gate and the day's snapshot for one shop only; the gate makes EU channels not
 * eligible until the registrations are on file; certificates reach channel fit's facts; a product
 * webhook re-evaluates that product.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { officialExample } from "../../test/helpers/webhook";
import { rawDb, selectRows } from "../db/raw.server";
import { loadProductFacts } from "../facts/products.server";
import { GATE_RULE } from "../channels/jobs.server";
import { CHANNEL_IDS, type Finding } from "../channels/types";
import { createDb, type Db } from "../db.server";
import { closeJobQueue } from "../background.server";
import { createInlineRunner } from "../jobs/inline";
import { ALL_JOBS } from "../background.server";
import type { JobDefinition, JobQueue } from "../jobs/types";
import { mirrorProduct, mirrorVariant } from "../../test/helpers/rows";
import { openMirrorWriter } from "../sync/mirror/writer.server";
import { syncWebhookJob } from "../sync/jobs.server";
import {
  afterVaultChange,
  evaluateAllJob,
  evaluateIfStale,
  evaluateProductJob,
  publishLabelsJob,
} from "./jobs.server";
import { PACKS_VERSION } from "./packs/version";
import { complianceSnapshots, getComplianceResult } from "./results.server";
import { saveCertificate, saveRegistration, type VaultChange } from "./vault.server";

const SHOP = "comply-shop.myshopify.com";
const OTHER = "comply-other.myshopify.com";
const url = () => process.env.DATABASE_URL!;
const gid = (n: number) => `gid://shopify/Product/${n}`;
let db: Db;

const productRow = (n: number, title: string, description: string) =>
  mirrorProduct(n, { title, vendor: "Acme", descriptionHtml: `<p>${description}</p>` });
const variantRow = (n: number) => mirrorVariant(n, { barcode: "4006381333931" });

async function seed(shop: string, countries: string[]) {
  const writer = await openMirrorWriter(url(), shop);
  await writer.write({
    Product: [
      productRow(1, "Stoneware mug", "A stoneware mug for coffee."),
      productRow(2, "Eco-friendly bamboo mug", "Our eco-friendly mug is good for the planet."),
    ],
    Variant: [variantRow(1), variantRow(2)],
  });
  await writer.close();
  await db.shop.create({
    data: {
      shop,
      locales: [],
      settings: {},
      markets: [{ id: "m", name: "M", handle: "m", active: true, currencyCode: "EUR", countries }],
    },
  });
}

function inline(): JobQueue {
  const queue = createInlineRunner({ jobs: ALL_JOBS });
  globalThis.__seaworthyJobQueue = queue;
  return queue;
}

/** Runs the vault change's evaluation at once (the label publish needs a shop on Shopify). */
const evaluateOnChange = (queue: JobQueue) => ({
  onChange: async (shop: string, change: VaultChange) => {
    if (change.kind === "profile")
      await queue.enqueue(evaluateProductJob, shop, { productIds: [change.productId] });
    else await queue.enqueue(evaluateAllJob, shop, { reason: change.kind });
  },
});

async function channelFindings(shop: string, productId: string) {
  const rows = await selectRows(
    rawDb(url()),
    `SELECT "channel", "eligible", "findings" FROM "ChannelScore" WHERE "shop" = ? AND "productId" = ? ORDER BY "channel"`,
    [shop, productId],
  );
  return new Map(
    rows.map((r) => [
      String(r.channel),
      {
        eligible: Number(r.eligible) === 1 || r.eligible === true,
        rules: (JSON.parse(String(r.findings)) as Finding[]).map((f) => f.rule),
      },
    ]),
  );
}

beforeAll(async () => {
  db = createDb(url());
  await seed(SHOP, ["DE", "FR", "US"]);
  await seed(OTHER, ["US"]);
});
afterEach(async () => closeJobQueue());

describe("compliance jobs", () => {
  it("GIVEN a mirror WHEN evaluate-all runs THEN every product has a result for the shop's markets, the gate and today's snapshot; the other shop has nothing", async () => {
    const queue = inline();
    await queue.enqueue(evaluateAllJob, SHOP, {});
    await queue.drain();
    const result = await getComplianceResult(db, SHOP, gid(2));
    expect(result).toMatchObject({ markets: ["DE", "FR", "US"], packsVersion: PACKS_VERSION });
    const rules = result!.findings.map((f) => `${f.rule}@${f.market}`);
    expect(rules).toEqual(expect.arrayContaining(["epr-de-packaging@DE", "epr-fr-packaging@FR"]));
    expect(result!.findings.some((f) => f.kind === "green_claim")).toBe(true);
    expect(result!.gate).toEqual(["DE", "FR"]);
    expect(result!.blockers).toBe(result!.findings.filter((f) => f.severity === "blocker").length);

    const today = new Date().toISOString().slice(0, 10);
    const snapshot = await complianceSnapshots(db, SHOP, today);
    const de = snapshot.find((s) => s.market === "DE" && s.severity === "blocker");
    expect(de).toMatchObject({ day: today, products: 2 });
    expect(de!.findings).toBeGreaterThanOrEqual(2);
    expect(await getComplianceResult(db, OTHER, gid(2))).toBeNull();
    expect(await complianceSnapshots(db, OTHER, "2000-01-01")).toEqual([]);
  });

  it("GIVEN the gate WHEN channels are scored THEN EU channels are not eligible for lack of EPR numbers, Walmart and the EAEU channels are untouched", async () => {
    const queue = inline();
    const { rescoreAllJob } = await import("../channels/jobs.server");
    await queue.enqueue(rescoreAllJob, SHOP, {});
    await queue.enqueue(rescoreAllJob, OTHER, {});
    await queue.drain();
    const mug = await channelFindings(SHOP, gid(1));
    expect(mug.size).toBe(CHANNEL_IDS.length);
    for (const c of ["amazon", "ebay", "online_store", "tiktok_shop", "instagram"]) {
      expect(mug.get(c)!.rules).toContain(GATE_RULE);
      expect(mug.get(c)!.eligible).toBe(false);
    }
    for (const c of ["walmart", "ozon", "wildberries"])
      expect(mug.get(c)!.rules).not.toContain(GATE_RULE);
    // A US-only shop has no EU market: no gate.
    for (const c of (await channelFindings(OTHER, gid(1))).values())
      expect(c.rules).not.toContain(GATE_RULE);
  });

  it("GIVEN the registrations WHEN saved THEN the pass clears the gate and the channels are re-scored without it", async () => {
    const queue = inline();
    const on = evaluateOnChange(queue);
    expect(
      (
        await saveRegistration(
          db,
          SHOP,
          { country: "DE", stream: "packaging", number: "DE1234567890123", role: "producer" },
          on,
        )
      ).ok,
    ).toBe(true);
    await queue.drain();
    expect((await getComplianceResult(db, SHOP, gid(1)))!.gate).toEqual(["FR"]);
    expect(
      (
        await saveRegistration(
          db,
          SHOP,
          { country: "FR", stream: "packaging", number: "FR123456_01ABCD" },
          on,
        )
      ).ok,
    ).toBe(true);
    await queue.drain();
    expect((await getComplianceResult(db, SHOP, gid(1)))!.gate).toEqual([]);
    const mug = await channelFindings(SHOP, gid(1));
    for (const c of mug.values()) expect(c.rules).not.toContain(GATE_RULE);
  });

  it("GIVEN certificates on file WHEN channel facts load THEN valid ones are present, expired or out-of-scope ones absent; a shop without any stays unknown", async () => {
    const none = async () => {};
    await saveCertificate(
      db,
      SHOP,
      {
        kind: "CE",
        number: "DoC-1",
        scope: { kind: "products", productIds: [gid(1)] },
        validFrom: "2026-01-01",
      },
      { onChange: none },
    );
    await saveCertificate(
      db,
      SHOP,
      {
        kind: "FSC",
        number: "FSC-C1",
        scope: { kind: "all" },
        validFrom: "2025-01-01",
        validTo: "2026-06-30",
      },
      { onChange: none },
    );
    const at = new Date("2026-03-01T12:00:00Z");
    const c = rawDb(url());
    expect((await loadProductFacts(c, SHOP, gid(1), { now: at }))!.certificates).toEqual([
      "CE",
      "FSC",
    ]);
    expect((await loadProductFacts(c, SHOP, gid(2), { now: at }))!.certificates).toEqual(["FSC"]);
    const later = new Date("2026-07-01T12:00:00Z");
    expect((await loadProductFacts(c, SHOP, gid(2), { now: later }))!.certificates).toEqual([]);
    expect((await loadProductFacts(c, OTHER, gid(1), { now: at }))!.certificates).toBeNull();
  });

  it("GIVEN a products/update webhook WHEN the sync job applies it THEN that product alone is re-evaluated", async () => {
    const queue = inline();
    const before = (await getComplianceResult(db, SHOP, gid(2)))!.evaluatedAt;
    const untouched = (await getComplianceResult(db, SHOP, gid(1)))!.evaluatedAt;
    await new Promise((r) => setTimeout(r, 5));
    await queue.enqueue(syncWebhookJob, SHOP, {
      topic: "products/update",
      eventId: randomUUID(),
      payload: {
        ...(officialExample("products/update") as Record<string, unknown>),
        id: 2,
        admin_graphql_api_id: gid(2),
        title: "Bamboo mug",
        body_html: "<p>A bamboo mug.</p>",
        updated_at: new Date(Date.now() + 60_000).toISOString(),
        variants: [],
      },
    });
    await queue.drain();
    const after = await getComplianceResult(db, SHOP, gid(2));
    expect(after!.evaluatedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(after!.findings.some((f) => f.kind === "green_claim")).toBe(false);
    expect((await getComplianceResult(db, SHOP, gid(1)))!.evaluatedAt).toEqual(untouched);
  });

  it("queues the right work after each vault change, and a full pass when results are stale", async () => {
    const queued: string[] = [];
    const fake = {
      enqueue: async (
        job: JobDefinition<unknown>,
        shop: string,
        payload: unknown,
        opts?: { jobId?: string },
      ) => {
        queued.push(`${job.name} ${shop} ${JSON.stringify(payload)} ${opts?.jobId ?? ""}`.trim());
        return { id: "x", deduped: false };
      },
    } as unknown as JobQueue;
    await afterVaultChange(fake, SHOP, { kind: "certificates" });
    await afterVaultChange(fake, SHOP, { kind: "profile", productId: gid(1) });
    expect(queued).toEqual([
      // One compliance pass that re-scores the channels after it (see the next test).
      `compliance.evaluate-all ${SHOP} {"reason":"certificates","rescore":"all"}`,
      `${publishLabelsJob.name} ${SHOP} {"reason":"certificates"} publish-labels:vault`,
      `compliance.evaluate-product ${SHOP} {"productIds":["${gid(1)}"]}`,
      `${publishLabelsJob.name} ${SHOP} {"reason":"profile"} publish-labels:vault`,
    ]);
    queued.length = 0;
    expect(await evaluateIfStale(fake, SHOP)).toBeNull();
    const sqlite = rawDb(url());
    if (sqlite.kind !== "sqlite") throw new Error("the test database is SQLite");
    sqlite.sqlite
      .prepare(`UPDATE "ComplianceResult" SET "packsVersion" = 'old' WHERE "shop" = ?`)
      .run([SHOP]);
    expect(await evaluateIfStale(fake, SHOP)).toBe("pack-version");
    expect(await evaluateIfStale(fake, OTHER)).toBe("never-evaluated");
    expect(queued).toEqual([
      `compliance.evaluate-all ${SHOP} {"reason":"pack-version"} evaluate-all:pack-version:${PACKS_VERSION}`,
      `compliance.evaluate-all ${OTHER} {"reason":"never-evaluated"} evaluate-all:never-evaluated:${PACKS_VERSION}`,
    ]);
  });

  it("a certificate edit runs one compliance pass, then one channel re-score, in that order", async () => {
    const queue = inline();
    const ran: string[] = [];
    const original = queue.enqueue.bind(queue);
    // The label publish needs a shop on Shopify and waits a minute: recorded, not run.
    queue.enqueue = (async (job, shop, payload, opts) => {
      ran.push(job.name);
      if (job.name === publishLabelsJob.name) return { id: "skipped", deduped: false };
      return original(job, shop, payload, opts);
    }) as JobQueue["enqueue"];
    await afterVaultChange(queue, SHOP, { kind: "certificates" });
    await queue.drain();
    expect(ran).toEqual([
      "compliance.evaluate-all",
      publishLabelsJob.name,
      // Queued by the pass when it is done, so it scores behind the new gates.
      "channels.rescore-all",
    ]);
    await queue.close();
  });
});
