/**
 * Bulk edits of product facts on the test database. OTHER holds products with the same ids,
 * vendors and types as SHOP, its own answers and a bulk edit of its own: nothing SHOP selects,
 * writes or runs may reach them.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { rawDb } from "../db/raw.server";
import { createDb, type Db } from "../db.server";
import { closeJobQueue } from "../background.server";
import { createInlineRunner } from "../jobs/inline";
import { ALL_JOBS } from "../background.server";
import type { JobQueue } from "../jobs/types";
import {
  countSelection,
  getBulkEdit,
  listSelection,
  recentBulkEdits,
  runBulkEdit,
  selectedIds,
  startBulkEdit,
} from "./bulk.server";
import { bulkProfileJob, evaluateProductJob, publishLabelsJob, queueBulkEdit } from "./jobs.server";
import { PACKS_VERSION } from "./packs/version";
import { getProfileAnswers } from "./vault.server";
import type { BulkSelection } from "./schemas.server";

const SHOP = "bulk-shop.myshopify.com";
const OTHER = "bulk-other.myshopify.com";
const url = () => process.env.DATABASE_URL!;
const gid = (n: number) => `gid://shopify/Product/${n}`;
const COLLECTION = "gid://shopify/Collection/7";
let db: Db;

const all = (filter: BulkSelection["filter"] = {}): BulkSelection => ({ filter });

async function seed(shop: string) {
  const rows = [
    [1, "Blue Silk Tuxedo", "Atelier", "Suits"],
    [2, "Grey Wool Suit", "Atelier", "Suits"],
    [3, "Linen shirt 100%", "Atelier", "Shirts"],
    [4, "Stoneware mug", "Kiln", "Mugs"],
    [5, "Oak side table", null, null],
  ] as const;
  await db.product.createMany({
    data: rows.map(([n, title, vendor, productType]) => ({
      shop,
      id: gid(n),
      title: shop === OTHER ? `OTHER ${title}` : title,
      handle: `p-${n}`,
      vendor,
      productType,
    })),
  });
  await db.collectionProduct.createMany({
    data: [1, 3].map((n) => ({ shop, collectionId: COLLECTION, productId: gid(n) })),
  });
  const result = (n: number, blockers: number, warnings: number) => ({
    shop,
    productId: gid(n),
    blockers,
    warnings,
    infos: 0,
    packsVersion: PACKS_VERSION,
  });
  await db.complianceResult.createMany({
    data: [result(1, 1, 0), result(2, 0, 2), result(4, 0, 0)],
  });
}

beforeAll(async () => {
  db = createDb(url());
  await seed(SHOP);
  await seed(OTHER);
  await db.complianceProfile.create({
    data: { shop: SHOP, productId: gid(2), answers: JSON.stringify({ countryOfOrigin: "PT" }) },
  });
  await db.complianceProfile.create({
    data: { shop: OTHER, productId: gid(1), answers: JSON.stringify({ textile: false }) },
  });
});
afterEach(async () => closeJobQueue());

describe("bulk selection", () => {
  it("counts and lists the shop's products by vendor, type, collection, findings, title and ids", async () => {
    const ch = rawDb(url());
    const count = (filter: BulkSelection["filter"], ids?: string[]) =>
      countSelection(ch, SHOP, { filter, ...(ids ? { ids } : {}) });
    expect(await count({})).toBe(5);
    expect(await count({ vendor: "Atelier" })).toBe(3);
    expect(await count({ vendor: "Atelier", productType: "Suits" })).toBe(2);
    expect(await count({ collectionId: COLLECTION })).toBe(2);
    expect(await count({ findings: "any" })).toBe(2);
    expect(await count({ findings: "blocker" })).toBe(1);
    expect(await count({ findings: "none" })).toBe(3);
    expect(await count({ q: "SUIT" })).toBe(1);
    // LIKE wildcards in the search are literal.
    expect(await count({ q: "100%" })).toBe(1);
    expect(await count({ q: "_" })).toBe(0);
    expect(await count({ vendor: "Atelier" }, [gid(1), gid(4), gid(999)])).toBe(1);
    const listed = await listSelection(ch, SHOP, { vendor: "Atelier" }, 1);
    expect(listed.map((p) => [p.title, p.blockers, p.warnings, p.confirmed])).toEqual([
      ["Blue Silk Tuxedo", 1, 0, false],
      ["Grey Wool Suit", 0, 2, true],
      ["Linen shirt 100%", 0, 0, false],
    ]);
    expect(JSON.stringify(listed)).not.toContain("OTHER");
    const page = await selectedIds(ch, SHOP, all(), null, 2);
    expect(await selectedIds(ch, SHOP, all(), page[1]!, 10)).toHaveLength(3);
  });
});

describe("a bulk edit", () => {
  it("sets the chosen facts on every selected product of the shop, in pages, and never on OTHER's", async () => {
    const ch = rawDb(url());
    const enqueue = vi.fn(async () => {});
    const started = await startBulkEdit(
      db,
      ch,
      SHOP,
      {
        selection: all({ vendor: "Atelier" }),
        patch: { set: { textile: true, countryOfOrigin: "IT" }, reset: [] },
      },
      { enqueue },
    );
    expect(started).toMatchObject({ ok: true, value: { total: 3 } });
    if (!started.ok) return;
    expect(enqueue).toHaveBeenCalledWith(SHOP, started.value.id);
    const otherBefore = await db.complianceProfile.findMany({ where: { shop: OTHER } });

    // OTHER cannot run SHOP's edit: the edit is looked up with the shop.
    expect(await runBulkEdit({ db, channels: ch, shop: OTHER, editId: started.value.id })).toEqual({
      written: 0,
      productIds: null,
      skipped: true,
    });

    const progress: number[] = [];
    const result = await runBulkEdit({
      db,
      channels: ch,
      shop: SHOP,
      editId: started.value.id,
      pageSize: 2,
      onProgress: (p) => void progress.push(p.done),
    });
    expect(result).toEqual({
      written: 3,
      productIds: [gid(1), gid(2), gid(3)],
      skipped: false,
    });
    expect(progress).toEqual([2, 3]);
    expect((await getProfileAnswers(db, SHOP, gid(1)))?.answers).toEqual({
      textile: true,
      countryOfOrigin: "IT",
    });
    expect((await getProfileAnswers(db, SHOP, gid(4)))?.answers).toBeUndefined();
    expect(await db.complianceProfile.findMany({ where: { shop: OTHER } })).toEqual(otherBefore);
    expect(await getBulkEdit(db, SHOP, started.value.id)).toMatchObject({
      status: "done",
      done: 3,
      total: 3,
    });
    expect(await getBulkEdit(db, OTHER, started.value.id)).toBeNull();
    // Done is done: a second run (a retried job) writes nothing.
    expect(
      (await runBulkEdit({ db, channels: ch, shop: SHOP, editId: started.value.id })).skipped,
    ).toBe(true);
  });

  it("keeps other answers, resets the chosen ones, and resumes after its cursor when stopped", async () => {
    const ch = rawDb(url());
    const started = await startBulkEdit(
      db,
      ch,
      SHOP,
      { selection: all(), patch: { set: { hsCode: "620331" }, reset: ["countryOfOrigin"] } },
      { enqueue: async () => {} },
    );
    if (!started.ok) throw new Error("not started");
    const stop = new AbortController();
    await expect(
      runBulkEdit({
        db,
        channels: ch,
        shop: SHOP,
        editId: started.value.id,
        pageSize: 2,
        signal: stop.signal,
        onProgress: () => stop.abort(),
      }),
    ).rejects.toThrow();
    expect(await getBulkEdit(db, SHOP, started.value.id)).toMatchObject({
      status: "running",
      done: 2,
      cursor: gid(2),
    });
    const resumed = await runBulkEdit({
      db,
      channels: ch,
      shop: SHOP,
      editId: started.value.id,
      pageSize: 2,
    });
    // Resumed: which products the first run wrote is not known, so no id list.
    expect(resumed).toEqual({ written: 3, productIds: null, skipped: false });
    // The first edit's textile answer is kept; its country of origin went back to inferred.
    expect((await getProfileAnswers(db, SHOP, gid(2)))?.answers).toEqual({
      textile: true,
      hsCode: "620331",
    });
    expect((await getProfileAnswers(db, SHOP, gid(5)))?.answers).toEqual({ hsCode: "620331" });
    expect(await db.complianceProfile.count({ where: { shop: OTHER } })).toBe(1);
  });

  it("refuses an empty selection, an empty patch and a bad value without recording anything", async () => {
    const ch = rawDb(url());
    const before = await db.complianceBulkEdit.count();
    const start = (input: { selection: unknown; patch: unknown }) =>
      startBulkEdit(db, ch, SHOP, input, { enqueue: async () => {} });
    expect(
      await start({ selection: all({ vendor: "Nobody" }), patch: { set: { toy: true } } }),
    ).toEqual({ ok: false, fieldErrors: { selection: "empty" } });
    expect(await start({ selection: all(), patch: { set: {}, reset: [] } })).toMatchObject({
      ok: false,
      fieldErrors: { form: expect.any(String) },
    });
    expect(await start({ selection: all(), patch: { set: { hsCode: "12" } } })).toMatchObject({
      ok: false,
      fieldErrors: { "set.hsCode": expect.any(String) },
    });
    expect(
      await start({ selection: { filter: {}, ids: ["gid://shopify/Order/1"] }, patch: {} }),
    ).toEqual({ ok: false, fieldErrors: { selection: "invalid" } });
    expect(await db.complianceBulkEdit.count()).toBe(before);
  });
});

describe("the bulk edit job", () => {
  it("applies the edit, then checks the products again and queues the label publish", async () => {
    const queue: JobQueue = createInlineRunner({ jobs: ALL_JOBS });
    globalThis.__seaworthyJobQueue = queue;
    const enqueued: string[] = [];
    const original = queue.enqueue.bind(queue);
    // The label publish needs a shop on Shopify and is delayed a minute: recorded, not run.
    vi.spyOn(queue, "enqueue").mockImplementation(async (job, shop, payload, opts) => {
      enqueued.push(`${job.name} ${shop}`);
      if (job.name === publishLabelsJob.name) return { id: "skipped", deduped: false };
      return original(job, shop, payload, opts);
    });
    const started = await startBulkEdit(
      db,
      rawDb(url()),
      SHOP,
      {
        selection: { filter: {}, ids: [gid(4)] },
        patch: { set: { foodContact: true }, reset: [] },
      },
      { enqueue: queueBulkEdit(queue) },
    );
    expect(started.ok).toBe(true);
    await queue.drain();
    expect(enqueued).toEqual([
      `${bulkProfileJob.name} ${SHOP}`,
      `${evaluateProductJob.name} ${SHOP}`,
      `${publishLabelsJob.name} ${SHOP}`,
    ]);
    // The earlier edit's HS code is kept.
    expect((await getProfileAnswers(db, SHOP, gid(4)))?.answers).toEqual({
      foodContact: true,
      hsCode: "620331",
    });
    const [latest] = await recentBulkEdits(db, SHOP, 1);
    expect(latest).toMatchObject({ status: "done", done: 1, total: 1 });
    // evaluate-product ran for SHOP's product (a product missing from the facts loses its result).
    expect(await db.complianceResult.count({ where: { shop: OTHER } })).toBe(3);
  });
});
