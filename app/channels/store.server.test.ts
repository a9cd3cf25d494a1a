import { afterAll, describe, expect, it } from "vitest";
import { scratchDatabase, TEST_DATABASE_URL } from "../../test/helpers/postgres";
import { migrate } from "../db/migrate.server";
import { rawDb, closeRawDb, selectRows } from "../db/raw.server";
import { parseFindings } from "./queries.server";
import { scoreProduct } from "./score";
import {
  deleteProductScores,
  saveScores,
  staleReason,
  storedFinding,
  sweepScores,
} from "./store.server";
import { cleanProduct, SHOP as SHOP_FACTS } from "./test-fixtures";
import { CHANNEL_IDS, type ChannelScore } from "./types";

const SHOP = "store-shop.myshopify.com";
const OTHER = "store-other.myshopify.com";

const score = (
  channel: ChannelScore["channel"],
  value: number,
  edition = "test",
): ChannelScore => ({
  channel,
  score: value,
  band: value >= 80 ? "excellent" : value >= 60 ? "good" : "poor",
  eligible: value >= 50,
  packVersion: `${channel}@${edition}`,
  findings:
    value >= 50
      ? [
          {
            rule: "title_length",
            severity: "warning",
            message: "m",
            fix: "f",
            evidence: "e",
            penalty: 100 - value,
          },
        ]
      : [
          {
            rule: "gtin_check_digit",
            severity: "blocker",
            message: "m",
            fix: "f",
            evidence: "'123",
            penalty: 40,
          },
          {
            rule: "title_length",
            severity: "warning",
            message: "m",
            fix: "f",
            evidence: "e",
            penalty: 60 - value,
          },
          {
            rule: "sales_unknown",
            severity: "info",
            message: "m",
            fix: "f",
            evidence: "",
            penalty: 0,
          },
        ],
});
const all = (productId: string, value: number, edition = "v1") => ({
  productId,
  scores: CHANNEL_IDS.map((c) => score(c, value, edition)),
});

function suite(name: string, database: () => Promise<{ url: string; drop: () => Promise<void> }>) {
  describe(`channel scores on ${name}`, () => {
    let url = "";
    let drop = async () => {};
    const rows = async (shop: string) =>
      selectRows(
        rawDb(url),
        `SELECT "productId", "channel", "score", "eligible", "blockers", "warnings", "blockerRules", "ruleIds", "findings", "packVersion", "scoredAt" FROM "ChannelScore" WHERE "shop" = ? ORDER BY "productId", "channel"`,
        [shop],
      );
    afterAll(async () => {
      await closeRawDb(url);
      await drop();
    });

    it("GIVEN scores for many products WHEN saved twice THEN one row per product and channel holds the latest", async () => {
      ({ url, drop } = await database());
      const many = Array.from({ length: 150 }, (_, i) => all(`p${String(i).padStart(3, "0")}`, 40));
      expect(await saveScores(rawDb(url), SHOP, many)).toBe(1200);
      await saveScores(rawDb(url), SHOP, [all("p000", 90)]);
      const saved = await rows(SHOP);
      expect(saved).toHaveLength(1200);
      const first = saved.find((r) => r.productId === "p000" && r.channel === "amazon")!;
      expect(first).toMatchObject({
        score: 90,
        blockers: 0,
        warnings: 1,
        blockerRules: " ",
        ruleIds: " title_length ",
      });
      expect(Boolean(first.eligible)).toBe(true);
      const other = saved.find((r) => r.productId === "p001" && r.channel === "ozon")!;
      expect(other).toMatchObject({
        score: 40,
        blockers: 1,
        warnings: 1,
        blockerRules: " gtin_check_digit ",
        ruleIds: " gtin_check_digit title_length sales_unknown ",
        packVersion: "ozon@v1",
      });
      expect(JSON.parse(String(other.findings))).toHaveLength(3);
    });

    it("GIVEN two shops with the same product ids WHEN one deletes, sweeps and saves THEN the other's rows are untouched", async () => {
      await saveScores(rawDb(url), OTHER, [all("p000", 70, "v0"), all("p001", 70, "v0")]);
      const before = await rows(OTHER);
      expect(await deleteProductScores(rawDb(url), SHOP, "p001")).toBe(8);
      const cut = new Date(Date.now() + 1000);
      await saveScores(rawDb(url), SHOP, [all("p002", 55)], {
        scoredAt: new Date(Date.now() + 2000),
      });
      // Everything of SHOP written before `cut` goes; p002 was stamped after it.
      expect(await sweepScores(rawDb(url), SHOP, cut)).toBe(148 * 8);
      expect((await rows(SHOP)).map((r) => r.productId)).toEqual(Array(8).fill("p002"));
      expect(await rows(OTHER)).toEqual(before);
    });

    it("tells when a shop's scores need a full pass", async () => {
      const editions = (e: string) => CHANNEL_IDS.map((c) => `${c}@${e}`);
      expect(await staleReason(rawDb(url), SHOP, editions("v1"))).toBeNull();
      expect(await staleReason(rawDb(url), SHOP, editions("v2"))).toBe("pack-version");
      // One channel's pack moving on is enough.
      const oneNewer = editions("v1").map((v) => (v === "ebay@v1" ? "ebay@v2" : v));
      expect(await staleReason(rawDb(url), SHOP, oneNewer)).toBe("pack-version");
      expect(await staleReason(rawDb(url), OTHER, editions("v0"))).toBeNull();
      expect(await staleReason(rawDb(url), "nobody.myshopify.com", editions("v1"))).toBeNull();
    });
  });
}

describe("stored findings", () => {
  // A product with problems on every channel: no barcode, a short title repeated, one small image.
  const findings = scoreProduct(
    {
      ...cleanProduct("amazon"),
      title: "Sale Sale Sale!!",
      images: [{ url: null, alt: null, width: 300, height: 300 }],
      variants: cleanProduct("amazon").variants.map((v) => ({ ...v, barcode: null })),
    },
    SHOP_FACTS,
  ).flatMap((s) => s.findings);

  it("leave out the message and fix a rule's template re-creates, and read back complete", () => {
    expect(findings.length).toBeGreaterThan(10);
    const json = JSON.stringify(findings.map(storedFinding));
    expect(json).not.toContain('"message"');
    expect(parseFindings(json)).toEqual(JSON.parse(JSON.stringify(findings)));
  });

  it("keep the text of a finding no template can re-create", () => {
    const odd = {
      rule: "not_in_any_pack",
      severity: "warning" as const,
      message: "Written by hand",
      fix: "Do this",
      evidence: "",
      penalty: 1,
    };
    expect(storedFinding(odd)).toEqual(odd);
    expect(parseFindings(JSON.stringify([storedFinding(odd)]))).toEqual([odd]);
  });
});

suite("SQLite", async () => ({ url: process.env.DATABASE_URL!, drop: async () => {} }));

if (TEST_DATABASE_URL)
  suite("PostgreSQL", async () => {
    const scratch = await scratchDatabase("seaworthy_scores");
    await migrate(scratch.url);
    return scratch;
  });
