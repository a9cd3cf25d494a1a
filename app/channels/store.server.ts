import { dateParam, dateParamFor, numbered, selectRows, type RawDb } from "../db/raw.server";
import { localizeFinding } from "./messages";
import type { ChannelScore, Finding } from "./types";

/**
 * Writes channel scores in big batched statements through the driver (like the mirror writer):
 * a full pass saves ~800k rows for 100k products, which Prisma would take minutes over. Every
 * statement carries the shop, and a batch commits as one transaction, so a page of products is
 * either wholly re-scored or not at all.
 */

export interface ProductScores {
  productId: string;
  scores: readonly ChannelScore[];
}

const COLUMNS = [
  "shop",
  "productId",
  "channel",
  "score",
  "band",
  "eligible",
  "blockers",
  "warnings",
  "blockerRules",
  "ruleIds",
  "findings",
  "packVersion",
  "scoredAt",
] as const;
const WIDTH = COLUMNS.length;
const KEY = ["shop", "productId", "channel"];
const UPDATES = COLUMNS.filter((c) => !KEY.includes(c))
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ");

function upsertSql(rows: number): string {
  const tuple = `(${COLUMNS.map(() => "?").join(", ")})`;
  return `INSERT INTO "ChannelScore" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(rows).fill(tuple).join(", ")} ON CONFLICT ("shop", "productId", "channel") DO UPDATE SET ${UPDATES}`;
}

/** Rule ids space-separated with a space at each end, so `LIKE '% gtin_check_digit %'` finds one. */
export const ruleList = (ids: Iterable<string>): string => {
  const unique = [...new Set(ids)];
  return unique.length ? ` ${unique.join(" ")} ` : " ";
};

/**
 * A finding as stored: its message and fix are left out whenever the rule's template re-creates
 * them exactly from `rule` and `args` (readers render them again, in the merchant's language).
 * That halves the findings JSON, which is most of a score row (measured: 1.36 → 0.71 KB a row).
 */
export function storedFinding(f: Finding): Omit<Finding, "message" | "fix"> & {
  message?: string;
  fix?: string;
} {
  const base = {
    rule: f.rule,
    severity: f.severity,
    evidence: f.evidence,
    penalty: f.penalty,
    ...(f.args ? { args: f.args } : {}),
  };
  // Blanked first: for a rule without a template, localizeFinding hands back the finding's own text.
  // Not `{ ...f }`: a scorer's finding describes its evidence and args through getters.
  const again = localizeFinding(
    {
      rule: f.rule,
      severity: f.severity,
      evidence: f.evidence,
      penalty: f.penalty,
      args: f.args,
      message: "",
      fix: "",
    },
    "en",
  );
  return again.message === f.message && again.fix === f.fix
    ? base
    : { ...base, message: f.message, fix: f.fix };
}

/** Lays one score's values into `out` from `at`, in COLUMNS order; returns the next position. */
function lay(
  out: unknown[],
  at: number,
  shop: string,
  productId: string,
  s: ChannelScore,
  scoredAt: string,
  sqlite: boolean,
): number {
  let blockers = 0;
  let warnings = 0;
  const blockerRules: string[] = [];
  for (const f of s.findings) {
    if (f.severity === "blocker") {
      blockers += 1;
      blockerRules.push(f.rule);
    } else if (f.severity === "warning") warnings += 1;
  }
  out[at] = shop;
  out[at + 1] = productId;
  out[at + 2] = s.channel;
  out[at + 3] = s.score;
  out[at + 4] = s.band;
  out[at + 5] = sqlite ? (s.eligible ? 1 : 0) : s.eligible;
  out[at + 6] = blockers;
  out[at + 7] = warnings;
  out[at + 8] = ruleList(blockerRules);
  out[at + 9] = ruleList(s.findings.map((f) => f.rule));
  out[at + 10] = JSON.stringify(s.findings.map(storedFinding));
  // The channel's own edition (e.g. `amazon@2026-12-01.1`): what judged this row.
  out[at + 11] = s.packVersion;
  out[at + 12] = scoredAt;
  return at + WIDTH;
}

/** Rows per SQLite statement: 64 × 13 parameters, far below SQLite's limit (as the mirror writer). */
const SQLITE_ROWS = 64;
/** Rows per PostgreSQL statement: 13 × 2,000 parameters stays under pg's 65,535. */
const POSTGRES_ROWS = 2_000;

export interface SaveOptions {
  /** Default now; a full pass uses one time for all its rows so a sweep can tell them apart. */
  scoredAt?: Date;
}

/**
 * Score rows laid out for the upsert: `values` holds `rows` rows of COLUMNS, flat. Only strings,
 * numbers and booleans, so a scoring thread can hand a page to the writing thread cheaply
 * (./pass.server.ts).
 */
export interface LaidScores {
  kind: RawDb["kind"];
  shop: string;
  rows: number;
  values: unknown[];
}

/** Lays out every channel's score of these products as rows for `kind`'s database. */
export function layScores(
  kind: RawDb["kind"],
  shop: string,
  products: readonly ProductScores[],
  scoredAt: Date,
): LaidScores {
  const at = dateParamFor(kind, scoredAt);
  const rows = products.reduce((n, p) => n + p.scores.length, 0);
  const sqlite = kind === "sqlite";
  // All rows' values in one flat array, cut into statements below.
  const values: unknown[] = new Array(rows * WIDTH);
  let i = 0;
  for (const p of products)
    for (const s of p.scores) i = lay(values, i, shop, p.productId, s, at, sqlite);
  return { kind, shop, rows, values };
}

/** Upserts every channel's score of these products (one transaction). Returns rows written. */
export function saveScores(
  db: RawDb,
  shop: string,
  products: readonly ProductScores[],
  options: SaveOptions = {},
): Promise<number> {
  return saveLaidScores(db, layScores(db.kind, shop, products, options.scoredAt ?? new Date()));
}

/** Upserts laid-out rows in one transaction. Returns rows written. */
export async function saveLaidScores(db: RawDb, laid: LaidScores): Promise<number> {
  const { rows: total, values } = laid;
  if (laid.kind !== db.kind)
    throw new Error(`Scores laid out for ${laid.kind} cannot be saved to ${db.kind}`);
  if (total === 0) return 0;
  const per = db.kind === "sqlite" ? SQLITE_ROWS : POSTGRES_ROWS;

  if (db.kind === "sqlite") {
    // Synchronous from BEGIN to COMMIT: nothing else on this connection can run in between.
    db.sqlite.exec("BEGIN IMMEDIATE");
    try {
      const many = db.prepared(upsertSql(per));
      let row = 0;
      for (; row + per <= total; row += per)
        many.run(values.slice(row * WIDTH, (row + per) * WIDTH));
      const one = db.prepared(upsertSql(1));
      for (; row < total; row++) one.run(values.slice(row * WIDTH, (row + 1) * WIDTH));
      db.sqlite.exec("COMMIT");
    } catch (error) {
      if (db.sqlite.inTransaction) db.sqlite.exec("ROLLBACK");
      throw error;
    }
    return total;
  }

  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    for (let row = 0; row < total; row += per) {
      const n = Math.min(per, total - row);
      await client.query(numbered(upsertSql(n)), values.slice(row * WIDTH, (row + n) * WIDTH));
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return total;
}

async function run(db: RawDb, sql: string, args: unknown[]): Promise<number> {
  if (db.kind === "sqlite") return db.prepared(sql).run(args).changes;
  return (await db.pool.query(numbered(sql), args)).rowCount ?? 0;
}

/** Removes a deleted product's scores. */
export function deleteProductScores(db: RawDb, shop: string, productId: string): Promise<number> {
  return run(db, `DELETE FROM "ChannelScore" WHERE "shop" = ? AND "productId" = ?`, [
    shop,
    productId,
  ]);
}

/**
 * After a full pass that stamped every row it wrote with `passStartedAt` or later: rows older than
 * that belong to products that no longer exist in the mirror. Rows a product webhook wrote during
 * the pass are newer and stay.
 */
export function sweepScores(db: RawDb, shop: string, passStartedAt: Date): Promise<number> {
  return run(db, `DELETE FROM "ChannelScore" WHERE "shop" = ? AND "scoredAt" < ?`, [
    shop,
    dateParam(db, passStartedAt),
  ]);
}

/**
 * Why the shop's scores need a full pass, or null: some row was judged by other rule packs than
 * the current ones, or the mirror has products and no scores at all (first sync, or an install
 * from before channel fit).
 */
export async function staleReason(
  db: RawDb,
  shop: string,
  /** Every channel pack's current version; a row judged by any other edition is stale. */
  currentVersions: readonly string[],
): Promise<"pack-version" | "never-scored" | null> {
  const marks = currentVersions.map(() => "?").join(", ");
  const [row] = await selectRows(
    db,
    `SELECT CASE WHEN EXISTS (SELECT 1 FROM "ChannelScore" WHERE "shop" = ? AND "packVersion" NOT IN (${marks})) THEN 1 ELSE 0 END AS "stale", CASE WHEN EXISTS (SELECT 1 FROM "ChannelScore" WHERE "shop" = ?) THEN 1 ELSE 0 END AS "scored", CASE WHEN EXISTS (SELECT 1 FROM "Product" WHERE "shop" = ?) THEN 1 ELSE 0 END AS "products"`,
    [shop, ...currentVersions, shop, shop],
  );
  if (Number(row?.stale) === 1) return "pack-version";
  if (Number(row?.scored) === 0 && Number(row?.products) === 1) return "never-scored";
  return null;
}
