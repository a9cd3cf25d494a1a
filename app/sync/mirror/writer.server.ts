import Database from "libsql";
import { BUSY_TIMEOUT_MS } from "../../db/libsql.server";
import { sqlitePath } from "../../db/url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { databaseKind, type DatabaseKind } from "../../db/url";
import { TABLES, type MirrorTable, type RowBatch } from "./rows";

/**
 * Writes mirror rows in large batches through the database driver, not row by row through
 * Prisma: measured here, Prisma upserts ~1k rows/s while the driver takes >100k rows/s. Each
 * write is one transaction holding the rows and, when given, the sync checkpoint, so a process
 * killed at any point leaves either the whole batch with its checkpoint or neither.
 */

export interface Checkpoint {
  runId: string;
  bytesDone: number;
  linesDone: number;
  rowsWritten: number;
  /** Stored as JSON text: whatever the ingest needs to resume its report. */
  counts: object;
  problems: unknown[];
}

export interface MirrorWriter {
  readonly kind: DatabaseKind;
  write(batch: RowBatch, checkpoint?: Checkpoint): Promise<number>;
  /** Deletes rows by key columns (e.g. a product and its children on products/delete). */
  remove(table: MirrorTable, where: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;

/** SQLite as Prisma stores it (ISO with +00:00); PostgreSQL TIMESTAMP(3) holds UTC without a zone. */
function dateValue(kind: DatabaseKind, value: unknown): string | null {
  if (value == null || value === "") return null;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return kind === "sqlite" ? iso.replace("Z", "+00:00") : iso.slice(0, 23);
}

interface Statement {
  sql: string;
  args: unknown[];
}

function checkpointStatement(kind: DatabaseKind, c: Checkpoint, now: string): Statement {
  const p = (i: number) => (kind === "sqlite" ? "?" : `$${i}`);
  return {
    sql: `UPDATE "SyncRun" SET "bytesDone" = ${p(1)}, "linesDone" = ${p(2)}, "rowsWritten" = ${p(3)}, "counts" = ${p(4)}, "problems" = ${p(5)}, "updatedAt" = ${p(6)} WHERE "id" = ${p(7)}`,
    args: [
      c.bytesDone,
      c.linesDone,
      c.rowsWritten,
      JSON.stringify(c.counts),
      JSON.stringify(c.problems),
      now,
      c.runId,
    ],
  };
}

function whereClause(kind: DatabaseKind, shop: string, where: Record<string, string>) {
  const entries = [["shop", shop], ...Object.entries(where)];
  return {
    sql: entries
      .map(([column], i) => `${quote(column!)} = ${kind === "sqlite" ? "?" : `$${i + 1}`}`)
      .join(" AND "),
    args: entries.map(([, value]) => value),
  };
}

/** Shopify's UTC timestamps ("…Z") become Prisma's SQLite text ("….000+00:00") without parsing. */
const SHOPIFY_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{3})?Z$/;
function sqliteDate(value: unknown): string | null {
  if (typeof value === "string") {
    const m = SHOPIFY_UTC.exec(value);
    if (m) return `${m[1]}${m[2] ?? ".000"}+00:00`;
  }
  return dateValue("sqlite", value);
}

/** Writes a row's values, in column order and as Prisma stores them, into `out` from `at`. */
type Converter = (
  row: Record<string, unknown>,
  shop: string,
  syncedAt: string,
  out: unknown[],
  at: number,
) => number;
const converters = new Map<MirrorTable, { convert: Converter; width: number }>();

/** Builds, once per table, the function that lays a row's values into a statement's arguments. */
function sqliteConverter(table: MirrorTable) {
  const cached = converters.get(table);
  if (cached) return cached;
  const spec = TABLES[table];
  const dates = new Set<string>(spec.dates);
  const kinds = spec.columns.map((c) => (dates.has(c) ? 1 : 0));
  const columns = spec.columns as readonly string[];
  const width = columns.length + (spec.synced ? 2 : 1);
  const convert: Converter = (row, shop, syncedAt, out, at) => {
    out[at] = shop;
    for (let i = 0; i < columns.length; i++) {
      const value = row[columns[i]!];
      out[at + i + 1] = kinds[i]
        ? sqliteDate(value)
        : typeof value === "boolean"
          ? value
            ? 1
            : 0
          : (value ?? null);
    }
    if (spec.synced) out[at + columns.length + 1] = syncedAt;
    return at + width;
  };
  const entry = { convert, width };
  converters.set(table, entry);
  return entry;
}

/**
 * Newest wins, in the database: a row older (by Shopify's updated_at) than the stored one does not
 * overwrite it, whether it comes from a late webhook or from a bulk file whose snapshot predates a
 * webhook already applied. Both databases compare correctly: PostgreSQL timestamps natively, SQLite
 * Prisma's fixed-width ISO text.
 */
function newerOnly(table: MirrorTable): string {
  if (!(TABLES[table].columns as readonly string[]).includes("updatedAt")) return "";
  const stored = `${quote(table)}."updatedAt"`;
  return ` WHERE excluded."updatedAt" IS NULL OR ${stored} IS NULL OR excluded."updatedAt" >= ${stored}`;
}

/** Rows per multi-row statement: fewer calls into the driver (measured here: +35% over one row). */
export const ROWS_PER_STATEMENT = 64;

function sqliteUpsertSql(table: MirrorTable, rows: number) {
  const spec = TABLES[table];
  const columns = ["shop", ...spec.columns, ...(spec.synced ? ["syncedAt"] : [])];
  const keys = ["shop", ...spec.key];
  const updates = columns
    .filter((c) => !keys.includes(c))
    .map((c) => `${quote(c)} = excluded.${quote(c)}`);
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${Array(rows).fill(tuple).join(", ")} ON CONFLICT (${keys.map(quote).join(", ")}) ${updates.length ? `DO UPDATE SET ${updates.join(", ")}${newerOnly(table)}` : "DO NOTHING"}`;
}

/**
 * SQLite through the native driver: one prepared upsert per table, reused for every row inside
 * one BEGIN IMMEDIATE … COMMIT per batch. This is the fastest way SQLite takes rows (the
 * benchmark's baseline is the same driver with plain INSERTs).
 */
async function sqliteWriter(url: string, shop: string): Promise<MirrorWriter> {
  const database = new Database(sqlitePath(url));
  // Wait for the web process's short writes instead of failing; the file is in WAL mode (set by
  // the migration runner), where NORMAL sync is durable at each commit.
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma("synchronous = NORMAL");
  const upserts = new Map<string, Database.Statement>();
  const upsert = (table: MirrorTable, rows: number) => {
    const key = `${table}:${rows}`;
    return (
      upserts.get(key) ?? upserts.set(key, database.prepare(sqliteUpsertSql(table, rows))).get(key)!
    );
  };
  const checkpoint = database.prepare(
    checkpointStatement(
      "sqlite",
      { runId: "", bytesDone: 0, linesDone: 0, rowsWritten: 0, counts: {}, problems: [] },
      "",
    ).sql,
  );
  return {
    kind: "sqlite",
    async write(batch, saved) {
      const syncedAt = dateValue("sqlite", new Date().toISOString())!;
      let rows = 0;
      database.exec("BEGIN IMMEDIATE");
      try {
        for (const table of Object.keys(TABLES) as MirrorTable[]) {
          const list = batch[table];
          if (!list?.length) continue;
          const { convert, width } = sqliteConverter(table);
          const many = upsert(table, ROWS_PER_STATEMENT);
          const args: unknown[] = new Array(width * ROWS_PER_STATEMENT);
          let i = 0;
          for (; i + ROWS_PER_STATEMENT <= list.length; i += ROWS_PER_STATEMENT) {
            let at = 0;
            for (let k = i; k < i + ROWS_PER_STATEMENT; k++) {
              at = convert(list[k] as unknown as Record<string, unknown>, shop, syncedAt, args, at);
            }
            many.run(args);
          }
          if (i < list.length) {
            const one = upsert(table, 1);
            const single: unknown[] = new Array(width);
            for (; i < list.length; i++) {
              convert(list[i] as unknown as Record<string, unknown>, shop, syncedAt, single, 0);
              one.run(single);
            }
          }
          rows += list.length;
        }
        if (saved) checkpoint.run(checkpointStatement("sqlite", saved, syncedAt).args);
        database.exec("COMMIT");
      } catch (error) {
        if (database.inTransaction) database.exec("ROLLBACK");
        throw error;
      }
      return rows;
    },
    async remove(table, where) {
      const w = whereClause("sqlite", shop, where);
      return database.prepare(`DELETE FROM ${quote(table)} WHERE ${w.sql}`).run(w.args).changes;
    },
    close: async () => void database.close(),
  };
}

/** One value in COPY's text format (\N is NULL; backslash, tab and line breaks escaped). */
function copyText(value: unknown): string {
  if (value == null) return "\\N";
  const text = typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\t/g, "\\t")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r");
}

/**
 * PostgreSQL: each table's rows are COPYed into a temporary staging table, then merged with one
 * INSERT … SELECT … ON CONFLICT: COPY is PostgreSQL's fastest way in, and the merge is set-based.
 * Everything, checkpoint included, commits in one transaction.
 */
async function postgresWriter(url: string, shop: string): Promise<MirrorWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const staged = new Set<MirrorTable>();

  async function stage(table: MirrorTable, all: readonly object[], syncedAt: string) {
    const spec = TABLES[table];
    // ON CONFLICT cannot touch one row twice in a statement: keep the last of duplicate keys, as
    // SQLite's row-by-row upsert ends up doing.
    const byKey = new Map<string, object>();
    for (const row of all)
      byKey.set(
        spec.key.map((k) => String((row as Record<string, unknown>)[k])).join("\u0000"),
        row,
      );
    const rows = byKey.size === all.length ? all : [...byKey.values()];
    const columns = ["shop", ...spec.columns, ...(spec.synced ? ["syncedAt"] : [])];
    const temp = quote(`stage_${table}`);
    if (!staged.has(table)) {
      await client.query(
        `CREATE TEMP TABLE IF NOT EXISTS ${temp} (LIKE ${quote(table)} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
      );
      staged.add(table);
    }
    const dates = new Set<string>(spec.dates);
    const stream = client.query(
      copyFrom(`COPY ${temp} (${columns.map(quote).join(", ")}) FROM STDIN`),
    );
    const done = new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    let chunk = "";
    for (const row of rows) {
      const r = row as Record<string, unknown>;
      const values: unknown[] = [shop];
      for (const c of spec.columns) values.push(dates.has(c) ? dateValue("postgres", r[c]) : r[c]);
      if (spec.synced) values.push(syncedAt);
      chunk += values.map(copyText).join("\t") + "\n";
      if (chunk.length > 1 << 16) {
        if (!stream.write(chunk)) await new Promise((r2) => stream.once("drain", r2));
        chunk = "";
      }
    }
    stream.end(chunk);
    await done;
    const keys = ["shop", ...spec.key];
    const updates = columns
      .filter((c) => !keys.includes(c))
      .map((c) => `${quote(c)} = excluded.${quote(c)}`);
    await client.query(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) SELECT ${columns.map(quote).join(", ")} FROM ${temp} ON CONFLICT (${keys.map(quote).join(", ")}) ${updates.length ? `DO UPDATE SET ${updates.join(", ")}${newerOnly(table)}` : "DO NOTHING"}`,
    );
  }

  return {
    kind: "postgres",
    async write(batch, checkpoint) {
      const syncedAt = dateValue("postgres", new Date().toISOString())!;
      let rows = 0;
      await client.query("BEGIN");
      try {
        for (const table of Object.keys(TABLES) as MirrorTable[]) {
          const list = batch[table];
          if (!list?.length) continue;
          await stage(table, list, syncedAt);
          rows += list.length;
        }
        if (checkpoint) {
          const c = checkpointStatement("postgres", checkpoint, syncedAt);
          await client.query(c.sql, c.args);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        staged.clear(); // a staging table created in the rolled-back transaction is gone
        throw error;
      }
      return rows;
    },
    async remove(table, where) {
      const w = whereClause("postgres", shop, where);
      const result = await client.query(`DELETE FROM ${quote(table)} WHERE ${w.sql}`, w.args);
      return result.rowCount ?? 0;
    },
    close: async () => client.end(),
  };
}

/** A writer for one shop's rows: every row written carries that shop, whatever the input says. */
export function openMirrorWriter(databaseUrl: string, shop: string): Promise<MirrorWriter> {
  return databaseKind(databaseUrl) === "sqlite"
    ? sqliteWriter(databaseUrl, shop)
    : postgresWriter(databaseUrl, shop);
}
