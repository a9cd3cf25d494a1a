import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "sw-cli-"));
const fixture = (...p: string[]) => path.resolve("test", "fixtures", ...p);

/** Runs `npx seaworthy import … --json` as a merchant would, against its own database. */
async function cli(
  file: string,
  shop = "cli-shop.myshopify.com",
  db = `file:${path.join(dir, "cli.sqlite")}`,
) {
  const { stdout } = await run(
    process.execPath,
    ["bin/seaworthy.js", "import", file, "--shop", shop, "--json"],
    {
      env: { ...process.env, DATABASE_URL: db },
    },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!) as {
    counts: Record<string, number>;
    skipped: { line?: number; reason: string }[];
    errors: { line: number; reason: string }[];
    errorCount: number;
  };
}

describe("npx seaworthy import --json", () => {
  it.each([
    ["shopifypartners_apparel.csv", { products: 20, variants: 22, images: 20 }],
    ["shopifypartners_home-and-garden.csv", { products: 20, variants: 21, images: 21 }],
    ["shopifypartners_jewelery.csv", { products: 20, variants: 23, images: 41 }],
  ])(
    "imports Shopify's sample %s with the right counts",
    async (file, expected) => {
      const result = await cli(fixture("catalogs", file));
      expect(result.counts).toMatchObject({ ...expected, metafields: 0 });
      expect(result.errors).toEqual([]);
    },
    60_000,
  );

  it("imports Shopify's documented bulk JSONL", async () => {
    const file = fixture("bulk", "shopify_api_ruby_readme_bulk_example.jsonl");
    const lines = readFileSync(file, "utf8").trim().split("\n");
    const result = await cli(file);
    expect(result.counts.products).toBe(
      lines.filter((l) => l.includes("/Product/") && !l.includes("__parentId")).length,
    );
    expect(result.counts.variants).toBe(lines.filter((l) => l.includes("/ProductVariant/")).length);
  }, 60_000);

  it("imports a REST products.json", async () => {
    const product = JSON.parse(
      readFileSync(fixture("webhooks", "examples-2025-10", "products", "create.json"), "utf8"),
    ).response;
    const file = path.join(dir, "products.json");
    writeFileSync(file, JSON.stringify({ products: [product] }));
    const result = await cli(file);
    expect(result.counts.products).toBe(1);
    expect(result.counts.variants).toBe(product.variants.length);
  }, 60_000);

  it("counts every bad JSONL line, past the 200 it lists, and imports the rest", async () => {
    const file = path.join(dir, "many-bad.jsonl");
    const good = (n: number) =>
      JSON.stringify({ id: `gid://shopify/Product/${n}`, title: `P${n}`, handle: `p-${n}` });
    const lines = [good(1)];
    for (let i = 0; i < 205; i++)
      lines.push(`{"id": "gid://shopify/Product/${1000 + i}", "title": `);
    lines.push(good(2), good(3));
    writeFileSync(file, lines.join("\n") + "\n");
    const result = await cli(file, "many-bad.myshopify.com");
    expect(result.counts.products).toBe(3);
    expect(result.errors).toHaveLength(200);
    expect(result.errors[0]).toMatchObject({ line: 2 });
    expect(result.errorCount).toBe(205);
  }, 60_000);

  it("an unknown option is a usage error, not a stack trace", async () => {
    const failure = await run(
      process.execPath,
      ["bin/seaworthy.js", "import", "x.csv", "--shop", "a.myshopify.com", "--jsn"],
      { env: process.env },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    const stderr = (failure as { stderr: string }).stderr;
    expect(stderr).toContain("--jsn");
    expect(stderr).toContain("usage: seaworthy import");
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("reports bad CSV rows with their line numbers and imports the rest", async () => {
    const file = path.join(dir, "bad.csv");
    writeFileSync(
      file,
      "\uFEFFHandle,Title,Variant Price,Variant Barcode\n" +
        "mug,Blue Mug,12.50,'0012345678905\n" +
        ",No handle,3.00,\n" +
        "tee,Tee,not-a-price,\n" +
        "cap,Cap,9.00,\n",
    );
    const result = await cli(file, "bad-csv.myshopify.com");
    expect(result.counts.products).toBe(3);
    expect([...result.errors, ...result.skipped].map((p) => p.line).sort()).toEqual([3, 4]);
    expect(result.errorCount).toBe(result.errors.length);
  }, 60_000);
});
