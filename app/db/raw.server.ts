import Database from "libsql";
import pg from "pg";
import { BUSY_TIMEOUT_MS } from "./libsql.server";
import { databaseKind, sqlitePath } from "./url";
import { ensurePrivateSqliteFile } from "./private-file.server";

/**
 * The raw driver connection that channel fit and compliance read the mirror and write their
 * results through (the data floor both capabilities stand on). Prisma costs
 * ~0.5 ms per query here, which alone would blow the 2 ms budget for re-scoring one product,
 * and its per-row writes are ~100× slower than the driver's; so, like the mirror writer, this
 * goes straight to libSQL's native (synchronous) driver or to `pg`.
 *
 * One connection per database URL and process, shared by every shop: every statement takes the
 * shop as a parameter. On SQLite the driver is synchronous, so a transaction run without an
 * `await` inside cannot interleave with another job's statements on the same connection.
 */
export type RawDb =
  | {
      kind: "sqlite";
      url: string;
      sqlite: Database.Database;
      prepared(sql: string): Database.Statement;
    }
  | { kind: "postgres"; url: string; pool: pg.Pool };

export type Row = Record<string, unknown>;

const open = new Map<string, RawDb>();

function openSqlite(url: string): RawDb {
  ensurePrivateSqliteFile(url);
  const sqlite = new Database(sqlitePath(url));
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL is set by the migration runner; NORMAL sync is durable at each commit there.
  sqlite.pragma("synchronous = NORMAL");
  const statements = new Map<string, Database.Statement>();
  return {
    kind: "sqlite",
    url,
    sqlite,
    prepared(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** The process's connection for this database (opened on first use). */
export function rawDb(url: string): RawDb {
  let db = open.get(url);
  if (!db) {
    db =
      databaseKind(url) === "sqlite"
        ? openSqlite(url)
        : { kind: "postgres", url, pool: new pg.Pool({ connectionString: url, max: 4 }) };
    open.set(url, db);
  }
  return db;
}

/** Closes the connection of this URL (CLI and bench exit; tests drop scratch databases). */
export async function closeRawDb(url: string): Promise<void> {
  const db = open.get(url);
  open.delete(url);
  if (db?.kind === "sqlite") db.sqlite.close();
  else if (db) await db.pool.end();
}

/** `?` placeholders become `$1, $2, …` for PostgreSQL (the SQL here has no `?` in literals). */
export function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

/** Runs a read; SQL is written once with `?` placeholders and quoted identifiers for both. */
export async function selectRows(db: RawDb, sql: string, args: readonly unknown[]): Promise<Row[]> {
  if (db.kind === "sqlite") return db.prepared(sql).all(args) as Row[];
  return (await db.pool.query(numbered(sql), args as unknown[])).rows as Row[];
}

/** A timestamp as each database compares it: Prisma's SQLite text, or PostgreSQL's zone-less UTC. */
export function dateParam(db: RawDb, date: Date): string {
  return dateParamFor(db.kind, date);
}

export function dateParamFor(kind: RawDb["kind"], date: Date): string {
  const iso = date.toISOString();
  return kind === "sqlite" ? iso.replace("Z", "+00:00") : iso.slice(0, 23);
}
