import { Session } from "@shopify/shopify-api";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../app/db.server";
import { getJobQueue } from "../app/background.server";
import {
  action as channelsAction,
  loader as channelsLoader,
} from "../app/routes/app.channels/route";
import { loader as exportLoader } from "../app/routes/app.channels.export";
import { loader as productLoader } from "../app/routes/app.products_.$id/route";
import { sessionStorage } from "../app/shopify.server";

const SHOP = "test-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const gid = (n: number) => `gid://shopify/Product/${n}`;

// "Score now" queues through the process-wide queue: BullMQ when REDIS_URL is set, whose workers
// run in `npm run worker`, not in this process, so drain() would wait forever. This file checks the
// page; the two runners are held to one contract in app/jobs. Jobs run inline here.
delete process.env.REDIS_URL;

/** A request from the embedded admin of SHOP: App Bridge's signed session token. */
async function args(path: string, params: Record<string, string> = {}, init?: RequestInit) {
  const request = await setUpValidRequest(
    {
      type: RequestType.Bearer,
      store: "test-shop",
      apiKey: "testApiKey",
      apiSecretKey: "testApiSecretKey",
    },
    new Request(`https://my-test-app.myshopify.io${path}`, init),
  );
  return { request, params, context: {} };
}

const channels = async (query = "") => channelsLoader(await args(`/app/channels${query}`));
const scored = async (query = "") => {
  const data = await channels(query);
  if (!data.scored) throw new Error("expected scores");
  return data;
};

/**
 * SHOP: 60 products on amazon, scores 100 down to 41; every tenth has a GTIN blocker; product 1's
 * title is a formula. OTHER: products 1–3 with the same ids, titled "OTHER secret", scored 100
 * on amazon with a rule SHOP never has, in a collection with SHOP's collection id.
 */
async function seedScores() {
  const finding = (rule: string, severity: "blocker" | "warning", message: string) => ({
    rule,
    severity,
    message,
    fix: `Fix ${rule}`,
    evidence: "'0123'",
    penalty: severity === "blocker" ? 30 : 5,
    args: rule === "title_length" ? { length: 212, max: 200, channel: "amazon" } : {},
  });
  const mine = Array.from({ length: 60 }, (_, i) => i + 1);
  await db().product.createMany({
    data: mine.map((n) => ({
      shop: SHOP,
      id: gid(n),
      title: n === 1 ? '=HYPERLINK("http://x.example","click")' : `Mine ${n}, "quoted"`,
      handle: `mine-${n}`,
    })),
  });
  await db().product.createMany({
    data: [1, 2, 3].map((n) => ({
      shop: OTHER,
      id: gid(n),
      title: `OTHER secret ${n}`,
      handle: `o-${n}`,
    })),
  });
  await db().collection.createMany({
    data: [
      { shop: SHOP, id: "gid://shopify/Collection/5", title: "Mine collection", handle: "c" },
      { shop: OTHER, id: "gid://shopify/Collection/5", title: "OTHER collection", handle: "c" },
      { shop: OTHER, id: "gid://shopify/Collection/6", title: "OTHER only", handle: "d" },
    ],
  });
  await db().collectionProduct.createMany({
    data: [
      { shop: SHOP, collectionId: "gid://shopify/Collection/5", productId: gid(10) },
      { shop: OTHER, collectionId: "gid://shopify/Collection/5", productId: gid(2) },
    ],
  });
  await db().channelScore.createMany({
    data: mine.map((n) => {
      const blocked = n % 10 === 0;
      const score = 101 - n;
      const findings = [
        ...(blocked
          ? [finding("gtin_check_digit", "blocker", "The GTIN's check digit is wrong.")]
          : []),
        finding("title_length", "warning", "The title is long."),
      ];
      return {
        shop: SHOP,
        productId: gid(n),
        channel: "amazon",
        score,
        band: score >= 80 ? "excellent" : score >= 60 ? "good" : "poor",
        eligible: !blocked,
        blockers: blocked ? 1 : 0,
        warnings: 1,
        blockerRules: blocked ? " gtin_check_digit " : " ",
        ruleIds: blocked ? " gtin_check_digit title_length " : " title_length ",
        findings: JSON.stringify(findings),
        packVersion: "amazon@test.1",
      };
    }),
  });
  await db().channelScore.createMany({
    data: [1, 2, 3].map((n) => ({
      shop: OTHER,
      productId: gid(n),
      channel: "amazon",
      score: 100,
      band: "excellent",
      eligible: false,
      blockers: 1,
      warnings: 0,
      blockerRules: " other_only_rule ",
      ruleIds: " other_only_rule ",
      findings: JSON.stringify([finding("other_only_rule", "blocker", "OTHER secret finding")]),
      packVersion: "amazon@test.1",
    })),
  });
}

beforeAll(async () => {
  // GIVEN the app installed on SHOP (its offline session) and another shop with its own rows
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "s",
      isOnline: false,
      accessToken: "shpat_pages_test",
      scope: "read_products",
    }),
  );
});

describe("the Channels page before anything is scored", () => {
  it("says in words that scores are not computed yet", async () => {
    const data = await channels();
    expect(data.scored).toBe(false);
    expect(data.summary.every((s) => s.products === 0)).toBe(true);
  });

  it("queues a full rescore when the merchant clicks Score now", async () => {
    const result = await channelsAction(
      await args(
        "/app/channels",
        {},
        { method: "POST", body: new URLSearchParams({ intent: "score" }) },
      ),
    );
    expect(result).toEqual({ ok: true });
    // The inline runner runs it here; nothing is in the mirror yet, so it scores nothing.
    await getJobQueue().drain();
    expect(await db().channelScore.count({ where: { shop: SHOP } })).toBe(0);
  });
});

describe("the Channels page, the CSV export and the product page", () => {
  beforeAll(seedScores);

  it("GIVEN two shops' scores WHEN SHOP's Channels page loads THEN no row of the other shop appears", async () => {
    const data = await scored();
    const text = JSON.stringify(data);
    expect(text).not.toContain("OTHER");
    expect(text).not.toContain("other_only_rule");
    expect(data.summary[0]).toMatchObject({ channel: "amazon", products: 60, eligible: 54 });
    expect(data.page.total).toBe(60);
    expect(data.collections).toEqual([{ value: "5", label: "Mine collection" }]);
    // OTHER's membership of product 2 in collection 5 does not leak into SHOP's filter.
    const inCollection = await scored("?collection=5");
    expect(inCollection.page.rows.map((r) => r.productId)).toEqual([gid(10)]);
    // A collection only OTHER has matches nothing for SHOP.
    expect((await scored("?collection=6")).page.total).toBe(0);
  });

  it("ranks 50 a page and pages to the end", async () => {
    const first = await scored();
    expect(first.page.rows).toHaveLength(50);
    expect(first.page.rows[0]).toMatchObject({ productId: gid(1), score: 100 });
    expect(first.page.pageCount).toBe(2);
    const second = await scored("?page=2");
    // Eligible products first: the six blocked ones (every tenth) come last, whatever their score.
    expect(second.page.rows.map((r) => [r.score, r.eligible])).toEqual([
      ...[45, 44, 43, 42].map((score) => [score, true]),
      ...[91, 81, 71, 61, 51, 41].map((score) => [score, false]),
    ]);
    expect((await scored("?page=3")).page.rows).toEqual([]);
    const worst = await scored("?sort=worst");
    expect(worst.page.rows.slice(0, 7).map((r) => r.score)).toEqual([41, 51, 61, 71, 81, 91, 42]);
  });

  it("applies the filters from the URL and lists the top rules with links to them", async () => {
    expect((await scored("?blockers=1")).page.total).toBe(6);
    expect((await scored("?band=good")).page.total).toBe(20);
    expect(
      (await scored("?rule=gtin_check_digit&band=poor")).page.rows.map((r) => r.score),
    ).toEqual([51, 41]);
    const data = await scored();
    expect(data.topRules.map((r) => [r.rule, r.products, r.blocking, r.severity])).toEqual([
      ["gtin_check_digit", 6, 6, "blocker"],
      ["title_length", 60, 0, "warning"],
    ]);
    // The example and the fix come from a real finding, rendered in the admin's language.
    expect(data.topRules[1]).toMatchObject({
      example: "Title is 212 characters; Amazon allows at most 200.",
      fix: "Shorten the title to 200 characters or fewer.",
    });
    const zh = await scored("?locale=zh-CN");
    expect(zh.topRules[1]?.fix).toBe("把标题缩短到 200 个字符以内。");
    expect(data.ruleOptions.map((r) => r.value)).toEqual(["gtin_check_digit", "title_length"]);
  });

  it("says so when a link names an unknown channel, and ignores bad filter values", async () => {
    const data = await scored("?channel=myspace&band=awful&page=-1");
    expect(data.badChannel).toBe("myspace");
    expect(data.params).toMatchObject({ channel: "amazon", page: 1, band: undefined });
    const nothing = await scored("?channel=ozon");
    expect(nothing.page.rows).toEqual([]);
  });

  it("exports the filtered ranked list as CSV, streamed, for SHOP only, with formulas defused", async () => {
    const response = await exportLoader(await args("/app/channels/export?channel=amazon"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="seaworthy-amazon-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await response.text();
    expect(text).not.toContain("OTHER");
    expect(text).not.toContain("other_only_rule");
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(60);
    expect(records[0]).toMatchObject({
      product_id: gid(1),
      title: `'=HYPERLINK("http://x.example","click")`,
      score: "100",
      eligible: "yes",
      rules: "title_length",
    });
    expect(records[1]?.title).toBe('Mine 2, "quoted"');
    expect(text).toContain('"Mine 2, ""quoted"""');
    const filtered = await exportLoader(
      await args("/app/channels/export?channel=amazon&blockers=1&sort=worst&page=2"),
    );
    const rows = parse(await filtered.text(), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    // The page number does not cut the export: every matching row, in the page's order.
    expect(rows.map((r) => r.score)).toEqual(["41", "51", "61", "71", "81", "91"]);
    expect(rows.every((r) => r.blocker_rules === "gtin_check_digit" && r.eligible === "no")).toBe(
      true,
    );
  });

  it("refuses an export for an unknown channel in words", async () => {
    const response = await exportLoader(await args("/app/channels/export?channel=myspace"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown channel "myspace"');
  });

  it("shows one product's scores with findings, and never another shop's product", async () => {
    const mine = await productLoader(await args("/app/products/10", { id: "10" }));
    if (!mine.found) throw new Error("expected the product");
    expect(mine.product.title).toBe('Mine 10, "quoted"');
    expect(mine.scores.map((s) => [s.channel, s.score, s.eligible])).toEqual([
      ["amazon", 91, false],
    ]);
    expect(mine.scores[0]?.findings.map((f) => [f.severity, f.rule])).toEqual([
      ["blocker", "gtin_check_digit"],
      ["warning", "title_length"],
    ]);
    const zh = await productLoader(await args("/app/products/10?locale=zh-CN", { id: "10" }));
    if (!zh.found) throw new Error("expected the product");
    expect(zh.scores[0]?.findings[1]).toMatchObject({
      message: "标题有 212 个字符，亚马逊 最多允许 200 个。",
      fix: "把标题缩短到 200 个字符以内。",
      evidence: "'0123'",
    });
    // Every channel, best first: eligible before blocked, then the higher score, not CHANNEL_IDS order.
    const ranked: [string, number, boolean][] = [
      ["ebay", 95, false],
      ["walmart", 60, true],
      ["ozon", 80, true],
      ["instagram", 60, true],
    ];
    await db().channelScore.createMany({
      data: ranked.map(([channel, score, eligible]) => ({
        shop: SHOP,
        productId: gid(11),
        channel,
        score,
        band: score >= 80 ? "excellent" : "good",
        eligible,
        blockers: eligible ? 0 : 1,
        warnings: 0,
        packVersion: `${channel}@test.1`,
      })),
    });
    const many = await productLoader(await args("/app/products/11", { id: "11" }));
    if (!many.found) throw new Error("expected the product");
    // Amazon scores 90 and is eligible (from the seed); eBay's 95 is blocked.
    expect(many.scores.map((s) => s.channel)).toEqual([
      "amazon",
      "ozon",
      "walmart",
      "instagram",
      "ebay",
    ]);
    const shared = await productLoader(await args("/app/products/2", { id: "2" }));
    expect(JSON.stringify(shared)).not.toContain("OTHER");
    await db().product.create({
      data: { shop: OTHER, id: gid(999), title: "OTHER only", handle: "x" },
    });
    expect(await productLoader(await args("/app/products/999", { id: "999" }))).toEqual({
      found: false,
    });
    expect(await productLoader(await args("/app/products/abc", { id: "abc" }))).toEqual({
      found: false,
    });
  });
});
