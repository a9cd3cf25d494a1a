import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db as appDb, type Db } from "../db.server";
import { migrate } from "../db/migrate.server";
import { scratchDatabase, TEST_DATABASE_URL } from "../../test/helpers/postgres";
import {
  channelSummary,
  csvField,
  csvLine,
  iterateRanked,
  productScores,
  rankedParams,
  rankedProducts,
  ruleCounts,
  type RankedFilter,
} from "./queries.server";
import type { Finding } from "./types";

const A = "shop-a.myshopify.com";
const B = "shop-b.myshopify.com";
const gid = (n: number) => `gid://shopify/Product/${n}`;
const KITCHEN = "gid://shopify/Collection/10";

const finding = (rule: string, severity: Finding["severity"], penalty: number): Finding => ({
  rule,
  severity,
  message: `${rule} message`,
  fix: `${rule} fix`,
  evidence: `${rule} evidence`,
  penalty,
});

/**
 * Shop A: 7 products on amazon with scores 90, 85, 85, 70, 60, 40, 40 (ties on purpose, to cross
 * page and batch boundaries) and 2 on ebay. Shop B: the same product ids with its own titles and
 * scores, so any leak across shops shows up as a "B:" title or a B-only rule.
 */
async function seed(db: Db) {
  const scoresA = [90, 85, 85, 70, 60, 40, 40];
  await db.product.createMany({
    data: scoresA.map((_, i) => ({
      shop: A,
      id: gid(i + 1),
      title: `A product ${i + 1}`,
      handle: `a-${i + 1}`,
    })),
  });
  await db.product.createMany({
    data: [1, 2, 3, 8].map((n) => ({
      shop: B,
      id: gid(n),
      title: `B: secret ${n}`,
      handle: `b-${n}`,
    })),
  });
  await db.collection.create({
    data: { shop: A, id: KITCHEN, title: "Kitchen", handle: "kitchen" },
  });
  await db.collection.create({
    data: { shop: B, id: KITCHEN, title: "B kitchen", handle: "kitchen" },
  });
  await db.collectionProduct.createMany({
    data: [
      { shop: A, collectionId: KITCHEN, productId: gid(2) },
      { shop: A, collectionId: KITCHEN, productId: gid(6) },
      // B's membership of product 1 must not put A's product 1 in A's Kitchen.
      { shop: B, collectionId: KITCHEN, productId: gid(1) },
    ],
  });
  const band = (s: number) => (s >= 80 ? "excellent" : s >= 60 ? "good" : "poor");
  await db.channelScore.createMany({
    data: scoresA.map((score, i) => {
      const blocked = score < 50;
      const findings = [
        ...(blocked ? [finding("gtin_check_digit", "blocker", 40)] : []),
        ...(score < 90 ? [finding("title_length", "warning", 10)] : []),
      ];
      return {
        shop: A,
        productId: gid(i + 1),
        channel: "amazon",
        score,
        band: band(score),
        eligible: !blocked,
        blockers: blocked ? 1 : 0,
        warnings: score < 90 ? 1 : 0,
        blockerRules: blocked ? " gtin_check_digit " : " ",
        ruleIds: ` ${findings.map((f) => f.rule).join(" ")} `.replace(/^ +$/, " "),
        findings: JSON.stringify(findings),
        packVersion: "amazon@2026-12-01.1",
        scoredAt: new Date(Date.UTC(2026, 11, 1, 10, i)),
      };
    }),
  });
  await db.channelScore.createMany({
    data: [1, 2].map((n) => ({
      shop: A,
      productId: gid(n),
      channel: "ebay",
      score: 100,
      band: "excellent",
      eligible: true,
      blockers: 0,
      warnings: 0,
      packVersion: "ebay@2026-12-01.1",
    })),
  });
  // TikTok Shop: blocked products with more points than eligible ones (60 and 90 against 55,
  // 55 and 30), so ordering by score alone puts them in the wrong place.
  await db.channelScore.createMany({
    data: (
      [
        [2, 60, false],
        [3, 55, true],
        [4, 55, true],
        [5, 90, false],
        [7, 30, true],
      ] as const
    ).map(([n, score, eligible]) => ({
      shop: A,
      productId: gid(n),
      channel: "tiktok_shop",
      score,
      band: band(score),
      eligible,
      blockers: eligible ? 0 : 1,
      warnings: 0,
      blockerRules: eligible ? " " : " tiktok_prohibited ",
      ruleIds: eligible ? " " : " tiktok_prohibited ",
      packVersion: "tiktok_shop@2026-12-01.1",
    })),
  });
  // Shop B: higher scores than anything of A's, and a rule A never has.
  await db.channelScore.createMany({
    data: [1, 2, 3, 8].map((n) => ({
      shop: B,
      productId: gid(n),
      channel: "amazon",
      score: 99,
      band: "excellent",
      eligible: false,
      blockers: 1,
      warnings: 0,
      blockerRules: " b_only_rule ",
      ruleIds: " b_only_rule ",
      findings: JSON.stringify([finding("b_only_rule", "blocker", 1)]),
      packVersion: "amazon@2026-12-01.1",
    })),
  });
}

const providers: { name: string; open: () => Promise<{ db: Db; close: () => Promise<void> }> }[] = [
  {
    name: "SQLite",
    // The per-file test database (test/setup-file.ts).
    open: async () => ({ db: appDb(), close: async () => {} }),
  },
];
if (TEST_DATABASE_URL) {
  providers.push({
    name: "PostgreSQL",
    open: async () => {
      const scratch = await scratchDatabase();
      await migrate(scratch.url);
      const db = createDb(scratch.url);
      return {
        db,
        close: async () => {
          await db.$disconnect();
          await scratch.drop();
        },
      };
    },
  });
}

describe.each(providers)("channel fit read side on $name", ({ open }) => {
  let db: Db;
  let close: () => Promise<void>;
  const amazon: RankedFilter = { channel: "amazon" };
  const all = async (f: RankedFilter) => (await rankedProducts(db, A, f, 1, 100)).rows;

  beforeAll(async () => {
    ({ db, close } = await open());
    await seed(db);
  }, 60_000);
  afterAll(async () => close());

  it("summarises every channel for the shop, and none of another shop's rows", async () => {
    const summary = await channelSummary(db, A);
    expect(summary.map((s) => s.channel)).toEqual([
      "amazon",
      "ebay",
      "online_store",
      "walmart",
      "tiktok_shop",
      "ozon",
      "wildberries",
      "instagram",
    ]);
    const amazonRow = summary[0]!;
    expect(amazonRow).toMatchObject({
      products: 7,
      eligible: 5,
      bands: { excellent: 3, good: 2, poor: 2 },
      averageScore: 67.1,
      packVersion: "amazon@2026-12-01.1",
      lastScoredAt: "2026-12-01T10:06:00.000Z",
    });
    expect(summary[1]).toMatchObject({ products: 2, eligible: 2, averageScore: 100 });
    expect(summary[2]).toMatchObject({ products: 0, averageScore: null, lastScoredAt: null });
  });

  it("ranks best first with ties broken by product id, or worst first", async () => {
    const best = await all(amazon);
    expect(best.map((r) => r.score)).toEqual([90, 85, 85, 70, 60, 40, 40]);
    expect(best.map((r) => r.productId).slice(1, 3)).toEqual([gid(2), gid(3)]);
    expect(best[0]).toMatchObject({
      title: "A product 1",
      handle: "a-1",
      status: "ACTIVE",
      band: "excellent",
      eligible: true,
      blockers: 0,
      ruleIds: [],
    });
    expect(best[6]).toMatchObject({ eligible: false, blockerRules: ["gtin_check_digit"] });
    const worst = await all({ ...amazon, sort: "worst" });
    expect(worst.map((r) => r.score)).toEqual([40, 40, 60, 70, 85, 85, 90]);
  });

  it("ranks eligible products first, then by score: a blocked 90 or 60 comes after an eligible 30; worst is the exact opposite", async () => {
    const tiktok: RankedFilter = { channel: "tiktok_shop" };
    const ids = (rows: { productId: string }[]) => rows.map((r) => r.productId);
    const best = await all(tiktok);
    expect(best.map((r) => [r.score, r.eligible])).toEqual([
      [55, true],
      [55, true],
      [30, true],
      [90, false],
      [60, false],
    ]);
    expect(ids(best)).toEqual([gid(3), gid(4), gid(7), gid(5), gid(2)]);
    const worst = await all({ ...tiktok, sort: "worst" });
    expect(ids(worst)).toEqual([gid(2), gid(5), gid(7), gid(3), gid(4)]);
    // Pages and the export's batches cross the eligible/blocked boundary in the same order.
    for (const f of [tiktok, { ...tiktok, sort: "worst" as const }]) {
      const pages = await Promise.all([1, 2, 3].map((n) => rankedProducts(db, A, f, n, 2)));
      expect(pages.flatMap((p) => ids(p.rows))).toEqual(ids(await all(f)));
      for (const size of [1, 2, 3]) {
        const seen: string[] = [];
        for await (const row of iterateRanked(db, A, f, size)) seen.push(row.productId);
        expect(seen).toEqual(ids(await all(f)));
      }
    }
  });

  it("never lists another shop's products, even with the same product ids", async () => {
    for (const f of [
      amazon,
      { ...amazon, collectionId: KITCHEN },
      { ...amazon, rule: "b_only_rule" },
    ]) {
      const rows = await all(f);
      expect(rows.every((r) => r.title.startsWith("A product"))).toBe(true);
    }
    expect(await all({ ...amazon, rule: "b_only_rule" })).toEqual([]);
    expect((await rankedProducts(db, B, amazon)).total).toBe(4);
  });

  it("filters by band, blockers, rule and collection, alone and together", async () => {
    expect((await all({ ...amazon, band: "good" })).map((r) => r.score)).toEqual([70, 60]);
    expect((await all({ ...amazon, blockersOnly: true })).map((r) => r.productId)).toEqual([
      gid(6),
      gid(7),
    ]);
    expect((await all({ ...amazon, rule: "title_length" })).length).toBe(6);
    expect((await all({ ...amazon, rule: "gtin_check_digit" })).length).toBe(2);
    // "_" is a LIKE wildcard: escaped, "title_lengt" or "title.length" match nothing.
    expect(await all({ ...amazon, rule: "title_lengt" })).toEqual([]);
    expect(await all({ ...amazon, rule: "title.length" })).toEqual([]);
    expect(await all({ ...amazon, rule: "gtin%" })).toEqual([]);
    expect((await all({ ...amazon, collectionId: KITCHEN })).map((r) => r.productId)).toEqual([
      gid(2),
      gid(6),
    ]);
    expect(
      await all({ ...amazon, collectionId: KITCHEN, blockersOnly: true, band: "poor" }),
    ).toHaveLength(1);
    expect(await all({ ...amazon, band: "excellent", blockersOnly: true })).toEqual([]);
    expect(await all({ channel: "walmart" })).toEqual([]);
  });

  it("pages at the boundaries: full pages, a last partial page, and past the end", async () => {
    const p1 = await rankedProducts(db, A, amazon, 1, 3);
    const p3 = await rankedProducts(db, A, amazon, 3, 3);
    const p4 = await rankedProducts(db, A, amazon, 4, 3);
    expect([p1.total, p1.pageCount]).toEqual([7, 3]);
    expect(p1.rows).toHaveLength(3);
    expect(p3.rows.map((r) => r.productId)).toEqual([gid(7)]);
    expect(p4.rows).toEqual([]);
    const pages = await Promise.all([1, 2, 3].map((n) => rankedProducts(db, A, amazon, n, 3)));
    const ids = pages.flatMap((p) => p.rows.map((r) => r.productId));
    expect(ids).toEqual((await all(amazon)).map((r) => r.productId));
    // An exact multiple has no empty trailing page.
    const ebay = await rankedProducts(db, A, { channel: "ebay" }, 1, 2);
    expect([ebay.total, ebay.pageCount, ebay.rows.length]).toEqual([2, 1, 2]);
  });

  it("iterates the whole ranked list in batches, in the same order, across ties", async () => {
    for (const sort of ["best", "worst"] as const) {
      const f = { ...amazon, sort };
      const seen: string[] = [];
      for await (const row of iterateRanked(db, A, f, 2)) seen.push(row.productId);
      expect(seen).toEqual((await all(f)).map((r) => r.productId));
    }
    const filtered: string[] = [];
    for await (const row of iterateRanked(db, A, { ...amazon, blockersOnly: true }, 1))
      filtered.push(row.productId);
    expect(filtered).toEqual([gid(6), gid(7)]);
  });

  it("counts rules per channel from the rule lists, blockers first", async () => {
    expect(await ruleCounts(db, A, "amazon")).toEqual([
      { rule: "gtin_check_digit", products: 2, blocking: 2, severity: "blocker" },
      { rule: "title_length", products: 6, blocking: 0, severity: "warning" },
    ]);
    expect(await ruleCounts(db, A, "ebay")).toEqual([]);
    expect((await ruleCounts(db, B, "amazon")).map((r) => r.rule)).toEqual(["b_only_rule"]);
  });

  it("shows one product's scores with findings, only to its own shop", async () => {
    const mine = await productScores(db, A, gid(6));
    expect(mine?.product.title).toBe("A product 6");
    expect(mine?.scores.map((s) => s.channel)).toEqual(["amazon"]);
    expect(mine?.scores[0]?.findings.map((f) => f.rule)).toEqual([
      "gtin_check_digit",
      "title_length",
    ]);
    const shared = await productScores(db, A, gid(1));
    expect(shared?.scores.map((s) => [s.channel, s.score])).toEqual([
      ["amazon", 90],
      ["ebay", 100],
    ]);
    expect(await productScores(db, A, gid(8))).toBeNull();
  });
});

describe("ranked-list parameters from a URL", () => {
  it("keeps what is valid and drops what is not, never throwing", () => {
    const p = (q: string) => rankedParams.parse(Object.fromEntries(new URLSearchParams(q)));
    expect(p("")).toMatchObject({ channel: "amazon", sort: "best", page: 1 });
    expect(
      p("channel=ozon&band=poor&blockers=1&rule=gtin_check_digit&collection=10&page=3"),
    ).toEqual({
      channel: "ozon",
      band: "poor",
      blockers: true,
      rule: "gtin_check_digit",
      collection: "10",
      sort: "best",
      page: 3,
    });
    expect(p("band=awful&rule=a%27%3B--&collection=x&page=-2&sort=up")).toMatchObject({
      band: undefined,
      rule: undefined,
      collection: undefined,
      page: 1,
      sort: "best",
    });
    expect(() => p("channel=myspace")).toThrow();
  });
});

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded ")).toBe('" padded "');
    expect(csvLine(["a", 1, "b,c"])).toBe('a,1,"b,c"\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, and leaves our numbers alone", () => {
    expect(csvField("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvField("+1 555")).toBe("'+1 555");
    expect(csvField("-rf")).toBe("'-rf");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField(-5)).toBe("-5");
    expect(csvField("a=b")).toBe("a=b");
  });
});
