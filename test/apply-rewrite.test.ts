/**
 * "Apply in Shopify" for a claim rewrite, through the product compliance page's action against
 * two simulated stores over real HTTP (SHOP's and OTHER's, with the same product ids), read back
 * through GraphQL: only the quoted sentence changes, a text edited in Shopify since the check is
 * refused with nothing written, OTHER is never touched, and the finding clears once re-evaluated.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Simulator } from "../simulator";
import { generateStore } from "../simulator/catalog/generate";
import { TEST_TOKEN, dig, gql, startTestSimulator } from "../simulator/testing";
import { rawDb } from "../app/db/raw.server";
import { replaceInHtml } from "../app/compliance/apply-rewrite.server";
import { evaluateProducts } from "../app/compliance/evaluate.server";
import { parseFindings } from "../app/compliance/queries.server";
import { db } from "../app/db.server";
import type { AdminGraphql } from "../app/graphql/client.server";
import { getJobQueue } from "../app/background.server";
import { action } from "../app/routes/app.compliance.products.$id/route";
import { openMirrorWriter } from "../app/sync/mirror/writer.server";
import { mirrorProduct } from "./helpers/rows";

// Jobs run inline in this process (see compliance-pages.test.ts).
delete process.env.REDIS_URL;

const as = vi.hoisted(() => ({ shop: "", graphql: null as unknown }));
vi.mock("../app/admin.server", () => ({
  requireAdmin: async () => ({ shop: as.shop, graphql: as.graphql, demo: false }),
}));

const OTHER = "other-shop.myshopify.com";
const TITLE = "Eco-friendly Travel Mug";
const HTML =
  '<p class="lead">Keeps coffee hot &amp; tea warm.</p>\n<p>An eco-friendly mug for every day. <strong>Dishwasher safe.</strong></p>';
const SENTENCE = "An eco-friendly mug for every day.";
let simA: Simulator;
let simB: Simulator;
let SHOP: string;
let ids: string[];

const graphqlOf =
  (sim: Simulator): AdminGraphql =>
  (query, options) =>
    fetch(sim.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TEST_TOKEN },
      body: JSON.stringify({ query, variables: options?.variables ?? {} }),
    });
const url = () => process.env.DATABASE_URL!;

async function read(sim: Simulator, id: string) {
  const r = await gql(sim, `query($id: ID!) { product(id: $id) { title descriptionHtml } }`, {
    id,
  });
  return dig(r.body, "data", "product") as { title: string; descriptionHtml: string };
}

async function findings(shop: string, productId: string) {
  const row = await db().complianceResult.findUnique({
    where: { shop_productId: { shop, productId } },
    select: { findings: true },
  });
  return parseFindings(row?.findings ?? "[]");
}

async function claimOf(shop: string, productId: string, where: "title" | "description") {
  const f = (await findings(shop, productId)).find(
    (x) => x.rule.startsWith("claim-") && x.evidence.startsWith(`${where}: “`),
  );
  if (!f) throw new Error(`no ${where} claim finding for ${shop} ${productId}`);
  return f;
}

async function apply(
  shop: string,
  sim: Simulator,
  productId: string,
  f: { rule: string; evidence: string },
  headers: Record<string, string> = {},
) {
  as.shop = shop;
  as.graphql = graphqlOf(sim);
  const body = new URLSearchParams({ intent: "apply", rule: f.rule, evidence: f.evidence });
  const request = new Request("https://app.example/app/compliance/products/x", {
    method: "POST",
    body,
    headers,
  });
  const params = { id: productId.split("/").pop()! };
  const out = (await action({ request, params, context: {} })) as {
    ok: boolean;
    fieldErrors: { form?: string };
  };
  await getJobQueue().drain();
  return out;
}

beforeAll(async () => {
  simA = await startTestSimulator({ store: generateStore({ seed: 7, products: 3 }) });
  simB = await startTestSimulator({ store: generateStore({ seed: 7, products: 3 }) });
  SHOP = simA.shop;
  ids = simA.store.products.map((p) => p.id);
  expect(simB.store.products.map((p) => p.id)).toEqual(ids);
  const markets = [
    { id: "m1", name: "EU", handle: "eu", active: true, currencyCode: "EUR", countries: ["DE"] },
  ];
  for (const [shop, sim] of [
    [SHOP, simA],
    [OTHER, simB],
  ] as const) {
    for (const p of sim.store.products.slice(0, 2)) {
      p.title = TITLE;
      p.descriptionHtml = HTML;
    }
    await db().shop.create({ data: { shop, name: shop, locales: [], markets, settings: {} } });
    const writer = await openMirrorWriter(url(), shop);
    await writer.write({
      Product: sim.store.products.map((p, i) =>
        mirrorProduct(i, { id: p.id, title: p.title, descriptionHtml: p.descriptionHtml }),
      ),
    });
    await writer.close();
    await evaluateProducts({ channels: rawDb(url()), shop, markets: ["DE"], productIds: ids });
  }
});
afterAll(async () => {
  await simA?.close();
  await simB?.close();
});

describe("apply a claim rewrite in Shopify", () => {
  it("replaces exactly the quoted description sentence, and the finding clears", async () => {
    const id = ids[0]!;
    const f = await claimOf(SHOP, id, "description");
    expect(f.evidence).toBe(`description: “${SENTENCE}”`);
    expect(f.suggestion).toBeTruthy();
    const otherBefore = await findings(OTHER, id);

    const out = await apply(SHOP, simA, id, f);
    expect(out).toEqual({ ok: true, intent: "apply", fieldErrors: {} });
    expect((await read(simA, id)).descriptionHtml).toBe(HTML.replace(SENTENCE, f.suggestion!));
    expect((await read(simA, id)).title).toBe(TITLE);
    // Re-evaluated: the finding is gone, the title's claim is still there.
    const after = await findings(SHOP, id);
    expect(after.some((x) => x.evidence === f.evidence)).toBe(false);
    expect(after.some((x) => x.evidence.startsWith("title: “"))).toBe(true);
    // OTHER's store, mirror and findings are untouched.
    expect(await read(simB, id)).toEqual({ title: TITLE, descriptionHtml: HTML });
    expect(await findings(OTHER, id)).toEqual(otherBefore);
    const mirror = await db().product.findUnique({ where: { shop_id: { shop: OTHER, id } } });
    expect(mirror?.descriptionHtml).toBe(HTML);
  });

  it("replaces a claim in the title", async () => {
    const id = ids[0]!;
    const f = await claimOf(SHOP, id, "title");
    const before = await read(simA, id);
    expect(await apply(SHOP, simA, id, f)).toMatchObject({ ok: true });
    const now = await read(simA, id);
    expect(now.title).toBe(f.suggestion);
    expect(now.title).not.toBe(TITLE);
    expect(now.descriptionHtml).toBe(before.descriptionHtml);
    expect((await findings(SHOP, id)).some((x) => x.evidence === f.evidence)).toBe(false);
    expect((await read(simB, id)).title).toBe(TITLE);
  });

  it("refuses, writing nothing, when the text changed in Shopify since the check", async () => {
    const id = ids[1]!;
    const f = await claimOf(SHOP, id, "description");
    const edited = HTML.replace("every day", "every single day");
    const r = await gql(
      simA,
      `mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }`,
      { p: { id, descriptionHtml: edited } },
    );
    expect(dig(r.body, "data", "productUpdate", "userErrors")).toEqual([]);

    const en = await apply(SHOP, simA, id, f);
    expect(en.ok).toBe(false);
    expect(en.fieldErrors.form).toMatch(/^The text changed in Shopify since the last check;/);
    const zh = await apply(SHOP, simA, id, f, { "Accept-Language": "zh-CN" });
    expect(zh.fieldErrors.form).toMatch(/^自上次检查以来，Shopify 中的文字已更改/);
    expect(await read(simA, id)).toEqual({ title: TITLE, descriptionHtml: edited });
  });

  it("does nothing for a finding only another shop holds", async () => {
    const id = ids[1]!;
    const f = await claimOf(SHOP, id, "title");
    await db().complianceResult.update({
      where: { shop_productId: { shop: OTHER, productId: id } },
      data: { findings: "[]" },
    });
    const out = await apply(OTHER, simB, id, f);
    expect(out.ok).toBe(false);
    expect(await read(simB, id)).toEqual({ title: TITLE, descriptionHtml: HTML });
  });
});

describe("replaceInHtml", () => {
  it("refuses a sentence that occurs twice, or crosses a tag", () => {
    expect(replaceInHtml("<p>Eco mug.</p><p>Eco mug.</p>", "Eco mug.", "Mug.")).toEqual({
      ok: false,
      reason: "ambiguous",
    });
    expect(replaceInHtml("<p>An <b>eco</b> mug.</p>", "An eco mug.", "A mug.")).toEqual({
      ok: false,
      reason: "markup",
    });
  });

  it("keeps entities and tags around the sentence, and escapes the rewrite", () => {
    expect(
      replaceInHtml("<p>Tea &amp; eco  mug.</p><br>Rest.", "Tea & eco mug.", "A < B."),
    ).toEqual({ ok: true, text: "<p>A &lt; B.</p><br>Rest." });
  });
});
