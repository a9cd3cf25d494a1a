/**
 * The bulk edit page's loader and action, called as Remix calls them with App Bridge's signed
 * session token for SHOP. OTHER has products with the same ids, vendor and type: none of them may
 * show, be counted or be changed.
 */
import { Session } from "@shopify/shopify-api";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { publishLabelsJob } from "../app/compliance/jobs.server";
import { PACKS_VERSION } from "../app/compliance/packs/version";
import { productProfile } from "../app/compliance/queries.server";
import { db } from "../app/db.server";
import { getJobQueue } from "../app/background.server";
import { action, loader } from "../app/routes/app.compliance.bulk/route";
import { sessionStorage } from "../app/shopify.server";

// The bulk edit runs as a job through the process-wide queue: BullMQ when REDIS_URL is set, whose
// workers are not in this process. Jobs run inline here (see test/compliance-pages.test.ts).
delete process.env.REDIS_URL;

const SHOP = "test-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const gid = (n: number) => `gid://shopify/Product/${n}`;

async function args(path: string, init?: RequestInit) {
  const request = await setUpValidRequest(
    {
      type: RequestType.Bearer,
      store: "test-shop",
      apiKey: "testApiKey",
      apiSecretKey: "testApiSecretKey",
    },
    new Request(`https://my-test-app.myshopify.io${path}`, init),
  );
  return { request, params: {}, context: {} };
}
const post = (path: string, body: Record<string, string | string[]>) => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body))
    for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return args(path, { method: "POST", body: form });
};

const MANUFACTURER = {
  "mode.manufacturer": "set",
  "manufacturer.name": "Atelier Blu S.r.l.",
  "manufacturer.postalAddress": "Via Roma 1, 20121 Milano",
  "manufacturer.country": "it",
  "manufacturer.electronicAddress": "safety@atelier.example",
};

/**
 * Records what is queued and runs it inline, except the label publish: it needs the shop on
 * Shopify and waits a minute, so it is recorded, not run.
 */
function recording() {
  const queue = getJobQueue();
  const enqueued: string[] = [];
  const original = queue.enqueue.bind(queue);
  const spy = vi.spyOn(queue, "enqueue").mockImplementation(async (job, shop, payload, opts) => {
    enqueued.push(`${job.name} ${shop}`);
    if (job.name === publishLabelsJob.name) return { id: "skipped", deduped: false };
    return original(job, shop, payload, opts);
  });
  return { queue, enqueued, spy };
}

beforeAll(async () => {
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "s",
      isOnline: false,
      accessToken: "shpat_bulk_test",
      scope: "read_products",
    }),
  );
  const markets = [
    { id: "m1", name: "EU", handle: "eu", active: true, currencyCode: "EUR", countries: ["FR"] },
  ];
  await db().shop.createMany({
    data: [
      { shop: SHOP, name: "Mine", locales: [], markets, settings: {} },
      { shop: OTHER, name: "OTHER", locales: [], markets, settings: {} },
    ],
  });
  const products = (shop: string) => [
    {
      shop,
      id: gid(1),
      title: "Blue Silk Tuxedo",
      handle: "t",
      vendor: "Atelier",
      productType: "Suits",
    },
    {
      shop,
      id: gid(2),
      title: "Grey Wool Suit",
      handle: "s",
      vendor: "Atelier",
      productType: "Suits",
    },
    { shop, id: gid(3), title: "Stoneware mug", handle: "m", vendor: "Kiln", productType: "Mugs" },
  ];
  await db().product.createMany({
    data: [
      ...products(SHOP),
      ...products(OTHER).map((p) => ({ ...p, title: `OTHER ${p.title}` })),
      { shop: OTHER, id: gid(999), title: "OTHER only", handle: "o", vendor: "Atelier" },
    ],
  });
  await db().complianceResult.create({
    data: {
      shop: SHOP,
      productId: gid(3),
      blockers: 1,
      warnings: 0,
      infos: 0,
      packsVersion: "old",
    },
  });
  await db().complianceProfile.create({
    data: { shop: OTHER, productId: gid(1), answers: JSON.stringify({ textile: false }) },
  });
});

describe("the bulk edit page", () => {
  it("lists and counts SHOP's products by filter, with the filter's choices, never OTHER's", async () => {
    const all = await loader(await args("/app/compliance/bulk"));
    expect(JSON.stringify(all)).not.toContain("OTHER");
    expect(all.total).toBe(3);
    expect(all.choices.vendors).toEqual(["Atelier", "Kiln"]);
    expect(all.choices.productTypes).toEqual(["Mugs", "Suits"]);
    const suits = await loader(await args("/app/compliance/bulk?vendor=Atelier&productType=Suits"));
    expect(suits.rows.map((r) => r.title)).toEqual(["Blue Silk Tuxedo", "Grey Wool Suit"]);
    const blocked = await loader(
      await args("/app/compliance/bulk?findings=blocker&collectionId=x"),
    );
    // A malformed collection id is dropped, not an error.
    expect(blocked.filter).toEqual({ findings: "blocker" });
    expect(blocked.rows.map((r) => [r.title, r.blockers])).toEqual([["Stoneware mug", 1]]);
  });

  it("previews the count and answers field errors in the admin's language", async () => {
    const preview = await action(
      await post("/app/compliance/bulk", {
        intent: "preview",
        "filter.vendor": "Atelier",
        scope: "all",
        "mode.textile": "yes",
        ...MANUFACTURER,
      }),
    );
    expect(preview).toMatchObject({
      ok: true,
      intent: "preview",
      count: 2,
      fields: ["textile", "manufacturer"],
    });
    const bad = await action(
      await post("/app/compliance/bulk?locale=zh-CN", {
        intent: "preview",
        scope: "all",
        "mode.hsCode": "set",
        hsCode: "12",
        "mode.materials": "set",
        materials: "silk",
      }),
    );
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { materials: expect.stringContaining("80% cotton") },
    });
    const hs = await action(
      await post("/app/compliance/bulk?locale=zh-CN", {
        intent: "preview",
        scope: "all",
        "mode.hsCode": "set",
        hsCode: "12",
      }),
    );
    expect(hs).toMatchObject({ ok: false, fieldErrors: { hsCode: "HS 编码为 6 到 10 位数字。" } });
    expect(
      await action(await post("/app/compliance/bulk", { intent: "preview", scope: "all" })),
    ).toMatchObject({ ok: false, fieldErrors: { form: "Choose at least one field to change." } });
    expect(await db().complianceBulkEdit.count()).toBe(0);
  });

  it("applies to all matching products through the job, confirms the fields, re-checks them and queues the label publish, for SHOP only", async () => {
    const { queue, enqueued, spy } = recording();
    const otherBefore = await db().complianceProfile.findMany({ where: { shop: OTHER } });
    const applied = await action(
      await post("/app/compliance/bulk", {
        intent: "apply",
        "filter.vendor": "Atelier",
        scope: "all",
        "mode.textile": "yes",
        "mode.materials": "set",
        materials: "100% silk",
        ...MANUFACTURER,
      }),
    );
    expect(applied).toMatchObject({ ok: true, intent: "apply", count: 2 });
    await queue.drain();
    spy.mockRestore();
    // Then channel fit re-scores the products whose compliance gate moved.
    expect(enqueued.slice(0, 3)).toEqual([
      `compliance.bulk-profile ${SHOP}`,
      `compliance.evaluate-product ${SHOP}`,
      `compliance.publish-labels ${SHOP}`,
    ]);
    expect(enqueued.every((e) => e.endsWith(SHOP))).toBe(true);
    for (const n of [1, 2]) {
      const p = await productProfile(db(), SHOP, gid(n));
      expect(p?.profile.textile).toEqual({ value: true, source: "merchant" });
      expect(p?.profile.materials).toEqual({
        value: [{ material: "silk", share: 100 }],
        source: "merchant",
      });
      expect(p?.profile.manufacturer.value?.country).toBe("IT");
      expect(p?.profile.toy.source).toBe("inferred");
    }
    expect((await productProfile(db(), SHOP, gid(3)))?.answers).toEqual({});
    // Re-checked with the current packs.
    const results = await db().complianceResult.findMany({
      where: { shop: SHOP, productId: { in: [gid(1), gid(2)] } },
    });
    expect(results.map((r) => r.packsVersion)).toEqual([PACKS_VERSION, PACKS_VERSION]);
    expect(await db().complianceProfile.findMany({ where: { shop: OTHER } })).toEqual(otherBefore);
    expect(await db().complianceResult.count({ where: { shop: OTHER } })).toBe(0);
    const page = await loader(await args("/app/compliance/bulk"));
    expect(page.edits[0]).toMatchObject({
      status: "done",
      done: 2,
      total: 2,
      fields: ["textile", "materials", "manufacturer"],
    });
  });

  it("applies to ticked products only, and an id of OTHER's product changes nothing", async () => {
    const otherBefore = await db().complianceProfile.findMany({ where: { shop: OTHER } });
    const { queue, enqueued, spy } = recording();
    const refused = await action(
      await post("/app/compliance/bulk", {
        intent: "apply",
        scope: "ids",
        ids: [gid(999)],
        "mode.toy": "no",
      }),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { selection: expect.any(String) } });
    expect(enqueued).toEqual([]);
    const applied = await action(
      await post("/app/compliance/bulk", {
        intent: "apply",
        scope: "ids",
        ids: [gid(3), gid(999)],
        "mode.foodContact": "yes",
      }),
    );
    expect(applied).toMatchObject({ ok: true, count: 1 });
    await queue.drain();
    spy.mockRestore();
    expect((await productProfile(db(), SHOP, gid(3)))?.answers).toEqual({ foodContact: true });
    expect((await productProfile(db(), SHOP, gid(1)))?.answers.foodContact).toBeUndefined();
    expect(await db().complianceProfile.findMany({ where: { shop: OTHER } })).toEqual(otherBefore);
  });
  it("sets recycled content and the Prop 65 flag on ticked products, keeps and clears them, with field errors", async () => {
    const bad = await action(
      await post("/app/compliance/bulk", {
        intent: "preview",
        scope: "all",
        "mode.recycledContentPct": "set",
        recycledContentPct: "140",
        "mode.prop65": "set",
        "prop65.chemicals": " ; ",
      }),
    );
    expect(bad).toEqual({
      ok: false,
      intent: "preview",
      fieldErrors: { prop65: "Name at least one chemical on the Prop 65 list." },
    });
    const range = await action(
      await post("/app/compliance/bulk?locale=zh-CN", {
        intent: "preview",
        scope: "all",
        "mode.recycledContentPct": "set",
        recycledContentPct: "140",
      }),
    );
    expect(range).toMatchObject({
      ok: false,
      fieldErrors: { recycledContentPct: "请输入 0 到 100 之间的百分比。" },
    });
    const otherBefore = await db().complianceProfile.findMany({ where: { shop: OTHER } });
    const { queue, spy } = recording();
    const applied = await action(
      await post("/app/compliance/bulk", {
        intent: "apply",
        scope: "ids",
        ids: [gid(1), gid(2)],
        "mode.recycledContentPct": "set",
        recycledContentPct: "30",
        "mode.prop65": "set",
        "prop65.chemicals": "lead, DEHP",
        "prop65.endpoint": "both",
      }),
    );
    expect(applied).toMatchObject({
      ok: true,
      count: 2,
      fields: ["recycledContentPct", "prop65"],
    });
    await queue.drain();
    for (const n of [1, 2]) {
      const p = await productProfile(db(), SHOP, gid(n));
      expect(p?.profile.recycledContentPct).toEqual({ value: 30, source: "merchant" });
      expect(p?.profile.prop65).toEqual({
        value: { chemicals: ["lead", "DEHP"], endpoint: "both" },
        source: "merchant",
      });
      // Kept: what the earlier edit confirmed.
      expect(p?.profile.textile).toEqual({ value: true, source: "merchant" });
    }
    // Keep leaves the recycled content; back to inferred clears the Prop 65 flag.
    await action(
      await post("/app/compliance/bulk", {
        intent: "apply",
        scope: "ids",
        ids: [gid(1)],
        "mode.prop65": "reset",
      }),
    );
    await queue.drain();
    spy.mockRestore();
    const one = await productProfile(db(), SHOP, gid(1));
    expect(one?.profile.prop65).toEqual({ value: null, source: "inferred" });
    expect(one?.profile.recycledContentPct).toEqual({ value: 30, source: "merchant" });
    expect((await productProfile(db(), SHOP, gid(2)))?.profile.prop65.source).toBe("merchant");
    expect(await db().complianceProfile.findMany({ where: { shop: OTHER } })).toEqual(otherBefore);
  });
});
