import { beforeAll, describe, expect, it } from "vitest";
import { openMirrorWriter } from "../sync/mirror/writer.server";
import { mirrorProduct, mirrorVariant } from "../../test/helpers/rows";
import { rawDb, selectRows } from "../db/raw.server";
import { rescoreAll } from "./jobs.server";
import {
  ScoringThreadError,
  scoreShare,
  scoredPages,
  scoringThreadsAvailable,
  shareCuts,
  sharesOf,
} from "./pass.server";

const SHOP = "pass-shop.myshopify.com";
const OTHER = "pass-other.myshopify.com";
const url = () => process.env.DATABASE_URL!;
const gid = (n: number) => `gid://shopify/Product/${n}`;
const COLUMNS = 13;

const TITLES = [
  "Stainless steel travel mug",
  "Organic cotton T-shirt, eco-friendly",
  "Lithium battery power bank 20000 mAh",
  "Wool ski socks",
  "Kids wooden puzzle",
];

const productRow = (n: number) =>
  mirrorProduct(n, {
    title: `${TITLES[n % TITLES.length]} ${n}`,
    vendor: n % 3 === 0 ? "My Store" : "Acme Outdoor",
    productType: "Gear",
    tags: n % 2 ? "summer, bestseller" : "",
    descriptionHtml: `<p>Product ${n}: built to last, tested by our team for years of daily use.</p>`,
  });
const variantRow = (n: number) =>
  mirrorVariant(n, {
    sku: n % 4 ? `SKU-${n}` : null,
    barcode: n % 5 ? "4006381333931" : null,
    price: `${10 + n}.00`,
    weight: n % 6 ? 300 : null,
  });

async function seed(shop: string, ids: number[]) {
  const writer = await openMirrorWriter(url(), shop);
  await writer.write({ Product: ids.map(productRow), Variant: ids.map(variantRow) });
  await writer.close();
}

/** Every score row of a shop without its time stamp, keyed product|channel. */
async function table(shop: string) {
  const rows = await selectRows(
    rawDb(url()),
    `SELECT "productId", "channel", "score", "band", "eligible", "blockers", "warnings", "blockerRules", "ruleIds", "findings", "packVersion" FROM "ChannelScore" WHERE "shop" = ? ORDER BY "productId", "channel"`,
    [shop],
  );
  return rows;
}

const ids = Array.from({ length: 23 }, (_, i) => i + 1);

beforeAll(async () => {
  await seed(SHOP, ids);
  await seed(OTHER, [1, 2, 3, 4, 5]);
});

describe("a full pass in shares", () => {
  it("GIVEN 23 products WHEN cut into 3 shares THEN every product is in exactly one, the shares differ by at most one product, and the other shop's are in none", async () => {
    const db = rawDb(url());
    const cuts = await shareCuts(db, SHOP, ids.length, 3);
    expect(cuts).toHaveLength(2);
    const shares = sharesOf({ url: url(), shop: SHOP, pageSize: 4 }, cuts);
    const seen: string[] = [];
    const sizes: number[] = [];
    for (const share of shares) {
      let size = 0;
      for await (const page of scoreShare(share, db)) {
        expect(page.laid.rows).toBe(page.products * 8);
        for (let r = 0; r < page.laid.rows; r += 8) {
          expect(page.laid.values[r * COLUMNS]).toBe(SHOP);
          seen.push(String(page.laid.values[r * COLUMNS + 1]));
        }
        size += page.products;
      }
      sizes.push(size);
    }
    expect([...seen].sort()).toEqual(ids.map(gid).sort());
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("GIVEN fewer products than parts WHEN cut THEN no share is empty or repeated", async () => {
    const db = rawDb(url());
    const cuts = await shareCuts(db, OTHER, 2, 4);
    expect(new Set(cuts).size).toBe(cuts.length);
    expect(cuts.length).toBeLessThanOrEqual(1);
  });

  it.runIf(scoringThreadsAvailable())(
    "GIVEN two scoring threads WHEN rescore-all runs THEN the table is exactly what one thread writes, and the other shop has no rows",
    async () => {
      const channels = rawDb(url());
      const now = new Date("2026-11-30T12:00:00Z");
      const progress: number[] = [];
      const one = await rescoreAll({ channels, shop: SHOP, now, pageSize: 4, threads: 0 });
      const single = await table(SHOP);
      if (channels.kind === "sqlite")
        channels.prepared(`DELETE FROM "ChannelScore" WHERE "shop" = ?`).run([SHOP]);
      const two = await rescoreAll({
        channels,
        shop: SHOP,
        now,
        pageSize: 4,
        threads: 2,
        onProgress: (p) => void progress.push(p.done),
      });
      expect(two).toEqual(one);
      expect(two.scored).toBe(ids.length);
      expect(await table(SHOP)).toEqual(single);
      expect(single).toHaveLength(ids.length * 8);
      expect(progress[progress.length - 1]).toBe(ids.length);
      expect(await table(OTHER)).toEqual([]);
    },
    60_000,
  );

  it.runIf(scoringThreadsAvailable())(
    "GIVEN a thread that cannot open the database WHEN the pass runs THEN it fails with an error naming the thread",
    async () => {
      const real = rawDb(url());
      // The calling thread cuts the shares through its own connection; the threads open the URL.
      const broken = { ...real, url: "file:/nonexistent-seaworthy-dir/mirror.sqlite" };
      const pages = scoredPages({ db: broken, shop: SHOP, total: ids.length, threads: 2 });
      const run = async () => {
        for await (const _ of pages) void _;
      };
      await expect(run()).rejects.toThrow(ScoringThreadError);
      await expect(
        scoredPages({ db: broken, shop: SHOP, total: ids.length, threads: 2 }).next(),
      ).rejects.toThrow(/Scoring thread \d of 2 failed/);
    },
    60_000,
  );

  it.runIf(scoringThreadsAvailable())(
    "GIVEN a pass WHEN the writer stops after the first page THEN the threads stop with it",
    async () => {
      const db = rawDb(url());
      const pages = scoredPages({ db, shop: SHOP, total: ids.length, pageSize: 2, threads: 2 });
      let taken = 0;
      for await (const page of pages) {
        taken += page.products;
        break;
      }
      expect(taken).toBe(2);
      // The generator is finished: its threads were terminated by the loop's exit.
      expect((await pages.next()).done).toBe(true);
    },
    60_000,
  );
});
