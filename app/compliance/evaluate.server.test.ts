/**
 * The full compliance pass on threads against the test database: two threads write exactly the
 * table, snapshot and gate changes one thread writes, each thread reads the shop's vault, the
 * other shop is untouched, and a thread that fails fails the pass with an error naming it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { rawDb, numbered, selectRows } from "../db/raw.server";
import { createDb, type Db } from "../db.server";
import { mirrorProduct, mirrorVariant } from "../../test/helpers/rows";
import { openMirrorWriter } from "../sync/mirror/writer.server";
import {
  EvaluationThreadError,
  evaluateAll,
  evaluatedPages,
  evaluationThreadsAvailable,
} from "./evaluate.server";
import { saveRegistration } from "./vault.server";

const SHOP = "evaluate-pass-shop.myshopify.com";
const OTHER = "evaluate-pass-other.myshopify.com";
const url = () => process.env.DATABASE_URL!;
const MARKETS = ["DE", "FR", "GB", "RU", "US"];

const TITLES: [string, string][] = [
  ["Stoneware mug", "A stoneware mug for coffee."],
  ["Eco-friendly bamboo mug", "Our eco-friendly mug is good for the planet."],
  ["Organic cotton T-shirt", "100% cotton, umweltfreundlich und klimaneutral."],
  ["Lithium battery power bank 20000 mAh", "Charges two phones; USB-C."],
  ["Kids wooden puzzle", "For children from 3 years; a toy that lasts."],
  ["Wool ski socks", "Merino wool, respectueux de l'environnement."],
];

const productRow = (n: number) =>
  mirrorProduct(n, {
    title: `${TITLES[n % TITLES.length]![0]} ${n}`,
    vendor: "Acme",
    productType: n % 2 ? "Mugs" : "Apparel",
    descriptionHtml: `<p>${TITLES[n % TITLES.length]![1]}</p>`,
  });
const variantRow = (n: number) =>
  mirrorVariant(n, { barcode: "4006381333931", countryOfOrigin: n % 3 ? "CN" : null });

async function seed(shop: string, ids: number[]) {
  const writer = await openMirrorWriter(url(), shop);
  await writer.write({ Product: ids.map(productRow), Variant: ids.map(variantRow) });
  await writer.close();
}

async function exec(sql: string, args: unknown[]) {
  const channels = rawDb(url());
  if (channels.kind === "sqlite") channels.prepared(sql).run(args);
  else await channels.pool.query(numbered(sql), args);
}

/** Every result row of a shop without its time stamp, in product order. */
const table = (shop: string) =>
  selectRows(
    rawDb(url()),
    `SELECT "productId", "findings", "blockers", "warnings", "infos", "markets", "gate", "packsVersion" FROM "ComplianceResult" WHERE "shop" = ? ORDER BY "productId"`,
    [shop],
  );

const ids = Array.from({ length: 29 }, (_, i) => i + 1);
let db: Db;

beforeAll(async () => {
  db = createDb(url());
  await seed(SHOP, ids);
  await seed(OTHER, [1, 2, 3]);
  // DE packaging on file, nothing for FR: each thread must read this to open DE for most products.
  const saved = await saveRegistration(
    db,
    SHOP,
    {
      country: "DE",
      stream: "packaging",
      number: "DE1234567890123",
      role: "producer",
    },
    // The pass under test runs below; nothing is queued.
    { onChange: async () => {} },
  );
  expect(saved.ok).toBe(true);
});

describe("the full compliance pass on threads", () => {
  it.runIf(evaluationThreadsAvailable())(
    "GIVEN two threads WHEN evaluate-all runs THEN rows, snapshot and gate changes are exactly what one thread gives, and the other shop has none",
    async () => {
      const channels = rawDb(url());
      const now = new Date("2026-11-30T12:00:00Z");
      const base = { channels, shop: SHOP, markets: MARKETS, now, pageSize: 4 };
      const one = await evaluateAll({ ...base, threads: 0 });
      const single = await table(SHOP);
      await exec(`DELETE FROM "ComplianceResult" WHERE "shop" = ?`, [SHOP]);
      const progress: number[] = [];
      const two = await evaluateAll({
        ...base,
        threads: 2,
        onProgress: (p) => void progress.push(p.done),
      });

      expect(single).toHaveLength(ids.length);
      expect(await table(SHOP)).toEqual(single);
      expect(two.evaluated).toBe(ids.length);
      expect(two.snapshot).toEqual(one.snapshot);
      expect(two.gateChanges).toBe(one.gateChanges);
      expect([...two.gateChanged].sort()).toEqual([...one.gateChanged].sort());
      expect(progress[progress.length - 1]).toBe(ids.length);
      // Each thread read the vault: DE's packaging registration keeps DE out of every gate.
      // Each thread read the vault: DE's packaging registration keeps DE out of the gate of every
      // product but the batteries (their own stream, not on file); FR has nothing on file.
      const battery = (id: unknown) => Number(String(id).split("/").pop()) % TITLES.length === 3;
      for (const row of single) {
        expect(String(row.gate)).toContain(" FR ");
        expect(String(row.gate).includes(" DE ")).toBe(battery(row.productId));
      }
      // Every product has an FR blocker, counted once however many pages and threads.
      const frBlockers = one.snapshot.find((c) => c.market === "FR" && c.severity === "blocker");
      expect(frBlockers?.products).toBe(ids.length);
      expect(frBlockers!.findings).toBeGreaterThanOrEqual(ids.length);
      expect(await table(OTHER)).toEqual([]);
    },
    60_000,
  );

  it.runIf(evaluationThreadsAvailable())(
    "GIVEN a thread that cannot open the database WHEN the pass runs THEN it fails with an error naming the thread",
    async () => {
      const real = rawDb(url());
      const broken = { ...real, url: "file:/nonexistent-seaworthy-dir/mirror.sqlite" };
      const options = {
        db: broken,
        shop: SHOP,
        markets: MARKETS,
        total: ids.length,
        now: new Date(),
        threads: 2,
      };
      await expect(evaluatedPages(options).next()).rejects.toThrow(EvaluationThreadError);
      await expect(evaluatedPages(options).next()).rejects.toThrow(
        /Compliance thread \d of 2 failed/,
      );
    },
    60_000,
  );
});
