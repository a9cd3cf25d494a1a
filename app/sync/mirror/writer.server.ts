import Database from "libsql";
import { BUSY_TIMEOUT_MS } from "../../db/libsql.server";
import { sqlitePath } from "../../db/url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { databaseKind, type DatabaseKind } from "../../db/url";
import {
  conflictClause,
  dateValue,
  encodeBatch,
  quote,
  sqliteUpsertSql,
  writtenColumns,
  type EncodedBatch,
  type PostgresTable,
} from "./encode";
import { TABLES, type MirrorTable, type RowBatch } from "./rows";
import { ensurePrivateSqliteFile } from "../../db/private-file.server";

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
  /** Encodes the rows (./encode.ts) and writes them with the checkpoint in one transaction. */
  write(batch: RowBatch, checkpoint?: Checkpoint): Promise<number>;
  /** Writes rows encoded elsewhere (the ingest encodes in its reader thread), same transaction. */
  writeEncoded(batch: EncodedBatch, checkpoint?: Checkpoint): Promise<number>;
  /** Deletes rows by key columns (e.g. a product and its children on products/delete). */
  remove(table: MirrorTable, where: Record<string, string>): Promise<number>;
  close(): Promise<void>;
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

/**
 * How many WAL pages the ingest lets accumulate before SQLite copies them back into the database
 * (SQLite's default is 1,000 pages, 4 MB). Every checkpoint syncs the WAL and the database file and
 * rewrites the index pages each batch touches again; measured here, the default spent ~0.5–1 s per
 * 180k rows on checkpoints. Commits stay as durable as before (each one is in the WAL when COMMIT
 * returns); only the copy-back happens less often. 16,000 pages bounds the WAL at ~64 MB.
 */
const WAL_PAGES_BEFORE_CHECKPOINT = 16_000;

/**
 * SQLite through the native driver: one prepared multi-row upsert per table and row count, reused
 * for every batch; each batch is one BEGIN IMMEDIATE … COMMIT running its upserts (arguments laid
 * out beforehand, see ./encode.ts) and the checkpoint. This is the fastest way SQLite takes rows
 * (the benchmark's baseline is the same driver with plain INSERTs).
 */
async function sqliteWriter(url: string, shop: string): Promise<MirrorWriter> {
  ensurePrivateSqliteFile(url);
  const database = new Database(sqlitePath(url));
  // Wait for the web process's short writes instead of failing; the file is in WAL mode (set by
  // the migration runner), where NORMAL sync is durable at each commit.
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma("synchronous = NORMAL");
  database.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_CHECKPOINT}`);
  const upserts = new Map<string, Database.Statement>();
  const upsert = (table: MirrorTable, rows: number) => {
    const key = `${table}:${rows}`;
    let statement = upserts.get(key);
    if (!statement) upserts.set(key, (statement = database.prepare(sqliteUpsertSql(table, rows))));
    return statement;
  };
  const checkpoint = database.prepare(
    checkpointStatement(
      "sqlite",
      { runId: "", bytesDone: 0, linesDone: 0, rowsWritten: 0, counts: {}, problems: [] },
      "",
    ).sql,
  );
  const writeEncoded = async (encoded: EncodedBatch, saved?: Checkpoint) => {
    if (encoded.kind !== "sqlite") throw new Error("A PostgreSQL batch given to the SQLite writer");
    database.exec("BEGIN IMMEDIATE");
    try {
      for (const { table, chunks } of encoded.tables) {
        const perRow = TABLES[table].columns.length;
        for (const chunk of chunks) upsert(table, (chunk.length - 2) / perRow).run(chunk);
      }
      if (saved) checkpoint.run(checkpointStatement("sqlite", saved, sqliteNow()).args);
      database.exec("COMMIT");
    } catch (error) {
      if (database.inTransaction) database.exec("ROLLBACK");
      throw error;
    }
    return encoded.rows;
  };
  return {
    kind: "sqlite",
    writeEncoded,
    write: (batch, saved) => writeEncoded(encodeBatch("sqlite", shop, batch), saved),
    async remove(table, where) {
      const w = whereClause("sqlite", shop, where);
      return database.prepare(`DELETE FROM ${quote(table)} WHERE ${w.sql}`).run(w.args).changes;
    },
    close: async () => {
      // Fold the WAL back into the database now rather than leave it to the next connection.
      database.pragma("wal_checkpoint(PASSIVE)");
      database.close();
    },
  };
}

const sqliteNow = () => dateValue("sqlite", new Date().toISOString())!;

/**
 * PostgreSQL: each table's rows are COPYed into a temporary staging table, then merged with one
 * INSERT … SELECT … ON CONFLICT: COPY is PostgreSQL's fastest way in, and the merge is set-based.
 * Everything, checkpoint included, commits in one transaction.
 */
async function postgresWriter(url: string, shop: string): Promise<MirrorWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const staged = new Set<MirrorTable>();

  async function stage({ table, copy }: PostgresTable) {
    const columns = writtenColumns(table).map(quote).join(", ");
    const temp = quote(`stage_${table}`);
    if (!staged.has(table)) {
      await client.query(
        `CREATE TEMP TABLE IF NOT EXISTS ${temp} (LIKE ${quote(table)} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
      );
      staged.add(table);
    }
    const stream = client.query(copyFrom(`COPY ${temp} (${columns}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
      stream.end(copy);
    });
    await client.query(
      `INSERT INTO ${quote(table)} (${columns}) SELECT ${columns} FROM ${temp} ${conflictClause(table)}`,
    );
  }

  const writeEncoded = async (encoded: EncodedBatch, checkpoint?: Checkpoint) => {
    if (encoded.kind !== "postgres")
      throw new Error("An SQLite batch given to the PostgreSQL writer");
    await client.query("BEGIN");
    try {
      for (const table of encoded.tables) await stage(table);
      if (checkpoint) {
        const now = dateValue("postgres", new Date().toISOString())!;
        const c = checkpointStatement("postgres", checkpoint, now);
        await client.query(c.sql, c.args);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      staged.clear(); // a staging table created in the rolled-back transaction is gone
      throw error;
    }
    return encoded.rows;
  };

  return {
    kind: "postgres",
    writeEncoded,
    write: (batch, checkpoint) => writeEncoded(encodeBatch("postgres", shop, batch), checkpoint),
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
