import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeBulkProductsFile } from "../../../bench/bulk-jsonl";
import { dumpMirror } from "../../../test/helpers/mirror";
import { db } from "../../db.server";
import { openMirrorWriter, type MirrorWriter } from "../mirror/writer.server";
import { startRun } from "../runs.server";
import { ingestJsonl, TruncatedFileError } from "./ingest.server";
import { ReaderThreadError } from "./reader";

const SHOP = "ingest-shop.myshopify.com";
const url = () => process.env.DATABASE_URL!;
const dir = mkdtempSync(path.join(os.tmpdir(), "sw-ingest-"));
let writer: MirrorWriter;

async function clearMirror() {
  const d = db();
  await d.$transaction([
    d.product.deleteMany({ where: { shop: SHOP } }),
    d.variant.deleteMany({ where: { shop: SHOP } }),
    d.productMedia.deleteMany({ where: { shop: SHOP } }),
    d.metafield.deleteMany({ where: { shop: SHOP } }),
    d.syncRun.deleteMany({ where: { shop: SHOP } }),
  ]);
}

async function ingest(file: string, runId?: string, batchRows = 500, readerThread?: boolean) {
  const id =
    runId ?? (await startRun(db(), SHOP, { resource: "products", kind: "bulk", sourceUrl: file }));
  return ingestJsonl({ db: db(), writer, shop: SHOP, runId: id, file, batchRows, readerThread });
}

beforeEach(async () => {
  writer = await openMirrorWriter(url(), SHOP);
  await clearMirror();
});
afterEach(async () => writer.close());

describe("ingestJsonl", () => {
  it("ingests every product, variant, image and metafield, children arriving after unrelated lines", async () => {
    const file = path.join(dir, "shuffled.jsonl");
    const expected = await writeBulkProductsFile(file, {
      products: 60,
      variants: 5,
      images: 3,
      metafields: 2,
      shuffleChildren: true,
    });
    const report = await ingest(file);
    expect(report.counts).toEqual({ products: 60, variants: 300, images: 180, metafields: 120 });
    expect(report.problems).toEqual([]);
    expect(await db().variant.count({ where: { shop: SHOP } })).toBe(expected.variants);
    const orphans = await db().variant.findMany({
      where: {
        shop: SHOP,
        productId: {
          notIn: (await db().product.findMany({ where: { shop: SHOP }, select: { id: true } })).map(
            (p) => p.id,
          ),
        },
      },
    });
    expect(orphans).toEqual([]);
    const product = await db().product.findFirstOrThrow({
      where: { shop: SHOP, handle: "product-7" },
    });
    expect(product.categoryName).toBe(
      "Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs",
    );
    expect(product.updatedAt?.toISOString()).toBe("2026-10-08T12:00:00.000Z");
    const variant = await db().variant.findFirstOrThrow({ where: { shop: SHOP, sku: "SW-7-2" } });
    expect(variant).toMatchObject({
      unitCost: "6.40",
      countryOfOrigin: "CN",
      hsCode: "732393",
      weight: 350,
      weightUnit: "GRAMS",
    });
  });

  it("is idempotent: ingesting the same file twice leaves the same rows", async () => {
    const file = path.join(dir, "twice.jsonl");
    await writeBulkProductsFile(file, { products: 20 });
    await ingest(file);
    const first = await dumpMirror(url(), SHOP);
    await ingest(file);
    expect(await dumpMirror(url(), SHOP)).toEqual(first);
  });

  it("reports malformed lines with their line numbers and ingests the rest", async () => {
    const file = path.join(dir, "malformed.jsonl");
    await writeBulkProductsFile(file, { products: 10, variants: 2, images: 0 });
    const lines = readFileSync(file, "utf8").split("\n");
    lines.splice(3, 0, '{"id": "gid://shopify/ProductVariant/1", "title": '); // becomes line 4
    lines.splice(9, 0, "[1,2,3]"); // becomes line 10
    writeFileSync(file, lines.join("\n"));
    const report = await ingest(file);
    expect(report.problems.map((p) => p.line)).toEqual([4, 10]);
    expect(report.problems[0]!.reason).toMatch(/not valid JSON/);
    expect(report.problems[1]!.reason).toMatch(/not a JSON object/);
    expect(report.counts).toEqual({ products: 10, variants: 20 });
  });

  it("counts and skips child types the mirror does not keep, and reads escaped gids", async () => {
    const file = path.join(dir, "odd.jsonl");
    writeFileSync(
      file,
      [
        '{"id":"gid:\\/\\/shopify\\/Product\\/1","title":"Escaped","handle":"escaped","bodyHtml":"<p>old field name</p>"}',
        '{"id":"gid://shopify/Video/9","__parentId":"gid://shopify/Product/1"}',
        '{"__parentId":"gid://shopify/Product/1"}',
        '{"id":"gid://shopify/MediaImage/2","originalSrc":"https://cdn.shopify.com/a.jpg","__parentId":"gid://shopify/Product/1"}',
      ].join("\n") + "\n",
    );
    const report = await ingest(file);
    expect(report.counts).toEqual({ products: 1, images: 1 });
    expect(report.skipped).toEqual({
      "unknown type Video": 1,
      "child without id (a fragment that matched nothing)": 1,
    });
    const product = await db().product.findFirstOrThrow({
      where: { shop: SHOP, id: "gid://shopify/Product/1" },
    });
    expect(product.descriptionHtml).toBe("<p>old field name</p>");
    expect((await db().productMedia.findFirstOrThrow({ where: { shop: SHOP } })).url).toBe(
      "https://cdn.shopify.com/a.jpg",
    );
  });

  it("ingests Shopify's documented bulk output example", async () => {
    const file = path.resolve(
      "test",
      "fixtures",
      "bulk",
      "shopify_api_ruby_readme_bulk_example.jsonl",
    );
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; __parentId?: string });
    const report = await ingest(file);
    expect(report.counts.products).toBe(lines.filter((l) => l.id.includes("/Product/")).length);
    expect(report.counts.variants).toBe(
      lines.filter((l) => l.id.includes("/ProductVariant/")).length,
    );
    expect(report.problems).toEqual([]);
    for (const l of lines.filter((x) => x.__parentId)) {
      const v = await db().variant.findFirstOrThrow({ where: { shop: SHOP, id: l.id } });
      expect(v.productId).toBe(l.__parentId);
    }
  });

  it("stops on a cut-off download with a resumable error, then resumes to the same state as a clean run", async () => {
    const full = path.join(dir, "full.jsonl");
    await writeBulkProductsFile(full, { products: 40, variants: 3, images: 2 });
    await ingest(full);
    const clean = await dumpMirror(url(), SHOP);
    await clearMirror();

    const partial = path.join(dir, "partial.jsonl");
    const bytes = readFileSync(full);
    writeFileSync(partial, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const runId = await startRun(db(), SHOP, {
      resource: "products",
      kind: "bulk",
      sourceUrl: partial,
    });
    const error = await ingest(partial, runId, 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruncatedFileError);
    expect((error as Error).message).toMatch(/cut short/);
    const saved = await db().syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(Number(saved.bytesDone)).toBeGreaterThan(0);
    expect(await db().product.count({ where: { shop: SHOP } })).toBeGreaterThan(0);

    // The download is repeated in full; the ingest goes on from its checkpoint.
    copyFileSync(full, partial);
    const resumed = await ingest(partial, runId, 50);
    expect(resumed.resumedFrom.offset).toBe(Number(saved.bytesDone));
    expect(resumed.counts).toEqual({ products: 40, variants: 120, images: 80 });
    expect(await dumpMirror(url(), SHOP)).toEqual(clean);
  });

  it("writes only the writer's shop, whatever shop the rows came from", async () => {
    const file = path.join(dir, "tenant.jsonl");
    await writeBulkProductsFile(file, { products: 3 });
    appendFileSync(file, "");
    await ingest(file);
    expect(await db().product.count({ where: { shop: SHOP } })).toBe(3);
    expect(await db().product.count({ where: { shop: { not: SHOP } } })).toBe(0);
  });

  it("reads on a second thread into exactly the mirror and report reading in one thread gives", async () => {
    const file = path.join(dir, "threads.jsonl");
    await writeBulkProductsFile(file, { products: 50, metafields: 2, shuffleChildren: true });
    appendFileSync(file, "not json\n");
    const one = await ingest(file, undefined, 120, false);
    const inOneThread = await dumpMirror(url(), SHOP);
    await clearMirror();
    const two = await ingest(file, undefined, 120, true);
    expect(await dumpMirror(url(), SHOP)).toEqual(inOneThread);
    expect({ ...two, runId: "" }).toEqual({ ...one, runId: "" });
  });

  it("fails the run with a clear error when the reader thread fails", async () => {
    const error = await ingest(dir, undefined, 500, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReaderThreadError);
    expect((error as Error).message).toMatch(/The reader thread for .* failed: .*EISDIR/);
  });
});
