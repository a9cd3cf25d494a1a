import Database from "libsql";
import { describe, expect, it } from "vitest";
import { BatchEncoder, encodeBatch, SQLITE_ROWS_PER_STATEMENT, sqliteUpsertSql } from "./encode";
import type { ProductMediaRow } from "./rows";

const media = (id: string, url: string): ProductMediaRow => ({
  id,
  productId: "gid://shopify/Product/1",
  url,
  alt: null,
  width: 10,
  height: 20,
  position: null,
});

describe("BatchEncoder", () => {
  it("PostgreSQL: keeps the last of duplicate keys (ON CONFLICT cannot touch a row twice) and counts every row", () => {
    const encoder = new BatchEncoder("postgres", "s.myshopify.com");
    encoder.add("ProductMedia", media("gid://shopify/MediaImage/1", "first"));
    encoder.add("ProductMedia", media("gid://shopify/MediaImage/2", "other"));
    encoder.add("ProductMedia", media("gid://shopify/MediaImage/1", "last\tone"));
    const batch = encoder.take();
    expect(batch.rows).toBe(3);
    expect(batch.kind === "postgres" && batch.tables[0]!.copy.split("\n")).toEqual([
      expect.stringMatching(/\tgid:\/\/shopify\/MediaImage\/2\t.*\tother\t/),
      expect.stringMatching(/\tgid:\/\/shopify\/MediaImage\/1\t.*\tlast\\tone\t/),
      "",
    ]);
    expect(encoder.size).toBe(0);
    expect(encoder.take()).toEqual({ kind: "postgres", rows: 0, tables: [] });
  });

  it("SQLite: lays rows out for the prepared upserts (shop and syncedAt bound once per call), parents first", () => {
    const now = new Date("2026-11-22T10:00:00.000Z");
    const rows = Array.from({ length: 2 * SQLITE_ROWS_PER_STATEMENT + 2 }, (_, i) =>
      media(`gid://shopify/MediaImage/${i}`, `u${i}`),
    );
    const batch = encodeBatch(
      "sqlite",
      "s.myshopify.com",
      { ProductMedia: rows, Product: [] },
      now,
    );
    if (batch.kind !== "sqlite") throw new Error("expected an SQLite batch");
    expect(batch.rows).toBe(rows.length);
    const { chunks } = batch.tables[0]!;
    expect(chunks.map((c) => (c.length - 2) / 7)).toEqual([64, 64, 2]);
    for (const chunk of chunks)
      expect(chunk.slice(0, 2)).toEqual(["s.myshopify.com", "2026-11-22T10:00:00.000+00:00"]);
    expect(chunks[2]!.slice(2)).toEqual([
      "gid://shopify/MediaImage/128",
      "gid://shopify/Product/1",
      "u128",
      null,
      10,
      20,
      null,
      ...["gid://shopify/MediaImage/129", "gid://shopify/Product/1", "u129", null, 10, 20, null],
    ]);
  });

  it("SQLite: the upsert's numbered parameters take the chunk as laid out, whatever the strings hold", () => {
    const db = new Database(":memory:");
    try {
      db.exec(
        `CREATE TABLE "ProductMedia" ("shop" TEXT, "id" TEXT, "productId" TEXT, "url" TEXT, "alt" TEXT, "width" INTEGER, "height" INTEGER, "position" INTEGER, "syncedAt" TEXT, PRIMARY KEY ("shop", "id"))`,
      );
      const odd = ["it's", "'); DROP TABLE x; --", "?1 :a @b $c", "🚢"];
      const batch = encodeBatch("sqlite", "o'shop", {
        ProductMedia: odd.map((url, i) => media(`m${i}`, url)),
      });
      if (batch.kind !== "sqlite") throw new Error("expected an SQLite batch");
      const chunk = batch.tables[0]!.chunks[0]!;
      db.prepare(sqliteUpsertSql("ProductMedia", odd.length)).run(chunk);
      const stored = db
        .prepare(`SELECT "shop", "url", "width", "syncedAt" FROM "ProductMedia" ORDER BY "id"`)
        .all();
      expect(stored).toEqual(
        odd.map((url) => ({ shop: "o'shop", url, width: 10, syncedAt: chunk[1] })),
      );
    } finally {
      db.close();
    }
  });
});
