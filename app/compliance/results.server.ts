/**
 * Compliance results and daily snapshots: written in batched driver statements (a full pass saves
 * one row per product, 100k at scale, which Prisma would take a minute over), read back by the
 * admin pages through Prisma. Every statement carries the shop.
 */
import type { RawDb } from "../db/raw.server";
import { dateParam, dateParamFor, numbered, selectRows } from "../db/raw.server";
import type { Db } from "../db.server";
import type { ComplianceFinding } from "./types";

export interface ProductResult {
  productId: string;
  findings: readonly ComplianceFinding[];
  /** Markets evaluated (sorted). */
  markets: readonly string[];
  /** Markets whose missing EPR registrations block EU channels (sorted). */
  gate: readonly string[];
}

/** Country codes space-separated with a space at each end, so `LIKE '% DE %'` finds one. */
export const codeList = (codes: readonly string[]): string =>
  codes.length ? ` ${codes.join(" ")} ` : " ";
export const codesOf = (text: unknown): string[] =>
  String(text ?? "")
    .split(" ")
    .filter((c) => c !== "");

const COLUMNS = [
  "shop",
  "productId",
  "findings",
  "blockers",
  "warnings",
  "infos",
  "markets",
  "gate",
  "packsVersion",
  "evaluatedAt",
] as const;
const WIDTH = COLUMNS.length;
const UPDATES = COLUMNS.filter((c) => c !== "shop" && c !== "productId")
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ");
const upsertSql = (rows: number) =>
  `INSERT INTO "ComplianceResult" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(rows)
    .fill(`(${COLUMNS.map(() => "?").join(", ")})`)
    .join(", ")} ON CONFLICT ("shop", "productId") DO UPDATE SET ${UPDATES}`;

/** 64 rows × 10 parameters per SQLite statement; 5,000 × 10 stays under pg's 65,535. */
const SQLITE_ROWS = 64;
const POSTGRES_ROWS = 5_000;

/** Runs statements of `per` rows each (then single rows) in one transaction. */
export async function inTransaction(
  db: RawDb,
  sqlFor: (rows: number) => string,
  values: unknown[],
  width: number,
): Promise<void> {
  const total = values.length / width;
  if (total === 0) return;
  if (db.kind === "sqlite") {
    // Synchronous from BEGIN to COMMIT: no other job's statement can run in between.
    db.sqlite.exec("BEGIN IMMEDIATE");
    try {
      let row = 0;
      const many = db.prepared(sqlFor(SQLITE_ROWS));
      for (; row + SQLITE_ROWS <= total; row += SQLITE_ROWS)
        many.run(values.slice(row * width, (row + SQLITE_ROWS) * width));
      const one = db.prepared(sqlFor(1));
      for (; row < total; row++) one.run(values.slice(row * width, (row + 1) * width));
      db.sqlite.exec("COMMIT");
    } catch (error) {
      if (db.sqlite.inTransaction) db.sqlite.exec("ROLLBACK");
      throw error;
    }
    return;
  }
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    for (let row = 0; row < total; row += POSTGRES_ROWS) {
      const n = Math.min(POSTGRES_ROWS, total - row);
      await client.query(numbered(sqlFor(n)), values.slice(row * width, (row + n) * width));
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Results laid out as rows for `kind`'s database (a full pass lays them on its threads). */
export interface LaidResults {
  kind: RawDb["kind"];
  rows: number;
  values: unknown[];
}

/** Lays out these products' results as ComplianceResult rows. */
export function layResults(
  kind: RawDb["kind"],
  shop: string,
  results: readonly ProductResult[],
  options: { packsVersion: string; evaluatedAt?: Date },
): LaidResults {
  const at = dateParamFor(kind, options.evaluatedAt ?? new Date());
  const values: unknown[] = [];
  for (const r of results) {
    let blockers = 0;
    let warnings = 0;
    let infos = 0;
    for (const f of r.findings) {
      if (f.severity === "blocker") blockers += 1;
      else if (f.severity === "warning") warnings += 1;
      else infos += 1;
    }
    values.push(
      shop,
      r.productId,
      JSON.stringify(r.findings),
      blockers,
      warnings,
      infos,
      codeList(r.markets),
      codeList(r.gate),
      options.packsVersion,
      at,
    );
  }
  return { kind, rows: results.length, values };
}

/** Upserts laid-out results in one transaction; returns rows written. */
export async function saveLaidResults(db: RawDb, laid: LaidResults): Promise<number> {
  if (laid.kind !== db.kind)
    throw new Error(`Results laid out for ${laid.kind} cannot be saved to ${db.kind}`);
  await inTransaction(db, upsertSql, laid.values, WIDTH);
  return laid.rows;
}

/** Upserts these products' results in one transaction; returns rows written. */
export function saveResults(
  db: RawDb,
  shop: string,
  results: readonly ProductResult[],
  options: { packsVersion: string; evaluatedAt?: Date },
): Promise<number> {
  return saveLaidResults(db, layResults(db.kind, shop, results, options));
}

async function run(db: RawDb, sql: string, args: unknown[]): Promise<number> {
  if (db.kind === "sqlite") return db.prepared(sql).run(args).changes;
  return (await db.pool.query(numbered(sql), args)).rowCount ?? 0;
}

/** A deleted product's result and published-label and -profile records. */
export async function deleteProductResult(
  db: RawDb,
  shop: string,
  productId: string,
): Promise<number> {
  for (const table of ["ComplianceLabel", "ComplianceProfileMetafield"])
    await run(db, `DELETE FROM "${table}" WHERE "shop" = ? AND "productId" = ?`, [shop, productId]);
  return run(db, `DELETE FROM "ComplianceResult" WHERE "shop" = ? AND "productId" = ?`, [
    shop,
    productId,
  ]);
}

/** After a full pass stamped every row with `passStartedAt` or later: older rows are gone products. */
export function sweepResults(db: RawDb, shop: string, passStartedAt: Date): Promise<number> {
  return run(db, `DELETE FROM "ComplianceResult" WHERE "shop" = ? AND "evaluatedAt" < ?`, [
    shop,
    dateParam(db, passStartedAt),
  ]);
}

/** The stored gate (blocked markets) of these products; products never evaluated are absent. */
export async function gatesOf(
  db: RawDb,
  shop: string,
  range: { from: string; to: string },
): Promise<Map<string, string[]>> {
  const rows = await selectRows(
    db,
    `SELECT "productId", "gate" FROM "ComplianceResult" WHERE "shop" = ? AND "productId" >= ? AND "productId" <= ?`,
    [shop, range.from, range.to],
  );
  return new Map(rows.map((r) => [String(r.productId), codesOf(r.gate)]));
}

/** Why the shop needs a full pass: judged by older packs, or never evaluated though it has products. */
export async function complianceStaleReason(
  db: RawDb,
  shop: string,
  packsVersion: string,
): Promise<"pack-version" | "never-evaluated" | null> {
  const [row] = await selectRows(
    db,
    `SELECT CASE WHEN EXISTS (SELECT 1 FROM "ComplianceResult" WHERE "shop" = ? AND "packsVersion" <> ?) THEN 1 ELSE 0 END AS "stale", CASE WHEN EXISTS (SELECT 1 FROM "ComplianceResult" WHERE "shop" = ?) THEN 1 ELSE 0 END AS "done", CASE WHEN EXISTS (SELECT 1 FROM "Product" WHERE "shop" = ?) THEN 1 ELSE 0 END AS "products"`,
    [shop, packsVersion, shop, shop],
  );
  if (Number(row?.stale) === 1) return "pack-version";
  if (Number(row?.done) === 0 && Number(row?.products) === 1) return "never-evaluated";
  return null;
}

// ---- daily snapshot ----------------------------------------------------------------------------

export interface SnapshotCount {
  market: string;
  severity: string;
  findings: number;
  products: number;
}

/** Replaces the shop's snapshot of `day` (a second pass the same day overwrites the first). */
export async function writeSnapshot(
  db: RawDb,
  shop: string,
  day: string,
  counts: readonly SnapshotCount[],
): Promise<void> {
  const values = counts.flatMap((c) => [shop, day, c.market, c.severity, c.findings, c.products]);
  const insert = (rows: number) =>
    `INSERT INTO "ComplianceSnapshot" ("shop", "day", "market", "severity", "findings", "products") VALUES ${Array(rows).fill("(?, ?, ?, ?, ?, ?)").join(", ")}`;
  // The delete and the inserts commit together: the chart never sees half a day.
  if (db.kind === "sqlite") {
    db.sqlite.exec("BEGIN IMMEDIATE");
    try {
      db.prepared(`DELETE FROM "ComplianceSnapshot" WHERE "shop" = ? AND "day" = ?`).run([
        shop,
        day,
      ]);
      for (let at = 0; at < values.length; at += 6)
        db.prepared(insert(1)).run(values.slice(at, at + 6));
      db.sqlite.exec("COMMIT");
    } catch (error) {
      if (db.sqlite.inTransaction) db.sqlite.exec("ROLLBACK");
      throw error;
    }
    return;
  }
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      numbered(`DELETE FROM "ComplianceSnapshot" WHERE "shop" = ? AND "day" = ?`),
      [shop, day],
    );
    if (counts.length) await client.query(numbered(insert(counts.length)), values);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// ---- reads for the admin pages -----------------------------------------------------------------

export interface StoredResult {
  productId: string;
  findings: ComplianceFinding[];
  blockers: number;
  warnings: number;
  infos: number;
  markets: string[];
  gate: string[];
  packsVersion: string;
  evaluatedAt: Date;
}

export async function getComplianceResult(
  db: Db,
  shop: string,
  productId: string,
): Promise<StoredResult | null> {
  const row = await db.complianceResult.findUnique({
    where: { shop_productId: { shop, productId } },
  });
  if (!row) return null;
  return {
    productId: row.productId,
    findings: JSON.parse(row.findings) as ComplianceFinding[],
    blockers: row.blockers,
    warnings: row.warnings,
    infos: row.infos,
    markets: codesOf(row.markets),
    gate: codesOf(row.gate),
    packsVersion: row.packsVersion,
    evaluatedAt: row.evaluatedAt,
  };
}

/** The shop's daily counts from `sinceDay` on, oldest first: the "counts over time" chart. */
export async function complianceSnapshots(
  db: Db,
  shop: string,
  sinceDay: string,
): Promise<(SnapshotCount & { day: string })[]> {
  return db.complianceSnapshot.findMany({
    where: { shop, day: { gte: sinceDay } },
    select: { day: true, market: true, severity: true, findings: true, products: true },
    orderBy: [{ day: "asc" }, { market: "asc" }, { severity: "asc" }],
  });
}
