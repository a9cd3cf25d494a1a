import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { createLibsqlClient } from "./libsql.server";
import pg from "pg";
import { databaseKind, type DatabaseKind } from "./url";

/**
 * Applies prisma/<provider>/migrations with Prisma's own bookkeeping (`_prisma_migrations`, same
 * columns and sha256 checksums), so `prisma migrate deploy` and this runner agree on what is
 * applied. We run it ourselves because Prisma's migrate fails through the pg driver adapter
 * (prisma/orm#27403) and, without `engine: "js"`, can exit 0 having applied nothing.
 * See docs/decisions/0002-database.md.
 */

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  kind: DatabaseKind;
  applied: string[];
  alreadyApplied: string[];
  total: number;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

const TABLE_SQL: Record<DatabaseKind, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

export function migrationsDir(kind: DatabaseKind, root = process.cwd()): string {
  return path.join(root, "prisma", kind, "migrations");
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** A minimal driver: the two operations the runner needs, for either database. */
interface Driver {
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<Row[]>;
  applyOne(m: MigrationFile): Promise<void>;
  close(): Promise<void>;
}

function sqliteDriver(url: string): Driver {
  const client = createLibsqlClient({ url });
  let prepared: Promise<void> | undefined;
  // WAL is a property of the database file: readers (the admin) keep reading while a sync writes.
  const ready = () =>
    (prepared ??= client.execute("PRAGMA journal_mode = WAL").then(() => undefined));
  return {
    exec: async (sql) => {
      await ready();
      await client.execute(sql);
    },
    rows: async (sql) => (await client.execute(sql)).rows as unknown as Row[],
    async applyOne(m) {
      const started = new Date().toISOString();
      const tx = await client.transaction("write");
      try {
        await tx.executeMultiple(m.sql);
        await tx.execute({
          sql: `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
          args: [randomUUID(), m.checksum, new Date().toISOString(), m.name, started],
        });
        await tx.commit();
      } catch (error) {
        await tx.rollback().catch(() => {});
        throw error;
      } finally {
        tx.close();
      }
    },
    close: async () => client.close(),
  };
}

function postgresDriver(url: string): Driver {
  const client = new pg.Client({ connectionString: url });
  let connected: Promise<void> | undefined;
  const ready = () => (connected ??= client.connect().then(() => undefined));
  return {
    exec: async (sql) => {
      await ready();
      await client.query(sql);
    },
    rows: async (sql) => {
      await ready();
      return (await client.query<Row>(sql)).rows;
    },
    async applyOne(m) {
      await ready();
      await client.query("BEGIN");
      try {
        const started = new Date();
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    close: async () => {
      if (connected) await client.end();
    },
  };
}

/**
 * Brings the database at `url` up to date. Refuses to go on when the history disagrees with the
 * files (an edited, missing or half-applied migration) and says how to recover.
 */
export async function migrate(url: string, root = process.cwd()): Promise<MigrationReport> {
  const kind = databaseKind(url);
  const files = readMigrations(migrationsDir(kind, root));
  if (files.length === 0)
    throw new MigrationError(`No migrations found in ${migrationsDir(kind, root)}`);
  const driver = kind === "sqlite" ? sqliteDriver(url) : postgresDriver(url);
  try {
    await driver.exec(TABLE_SQL[kind]);
    const history = (
      await driver.rows(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      )
    ).filter((r) => r.rolled_back_at == null);
    const byName = new Map(history.map((r) => [r.migration_name, r]));

    for (const row of history) {
      if (row.finished_at == null) {
        throw new MigrationError(
          `Migration ${row.migration_name} started but never finished. Inspect the database, then mark it rolled back (prisma migrate resolve --rolled-back ${row.migration_name}) and run setup again.`,
        );
      }
      const file = files.find((f) => f.name === row.migration_name);
      if (!file) {
        throw new MigrationError(
          `The database has migration ${row.migration_name}, which is not in ${migrationsDir(kind, root)}. Is this checkout older than the database?`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${row.migration_name} was edited after it was applied. Restore the file, and put changes in a new migration.`,
        );
      }
    }

    const applied: string[] = [];
    for (const file of files) {
      if (byName.has(file.name)) continue;
      try {
        await driver.applyOne(file);
      } catch (error) {
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      applied.push(file.name);
    }

    const finished = await driver.rows(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    if (finished.length !== files.length) {
      throw new MigrationError(
        `After migrating, ${finished.length} of ${files.length} migrations are recorded as applied.`,
      );
    }
    return {
      kind,
      applied,
      alreadyApplied: files.filter((f) => byName.has(f.name)).map((f) => f.name),
      total: files.length,
    };
  } finally {
    await driver.close();
  }
}

/** What `GET /healthz` reports: applied vs. expected, without changing anything. */
export async function migrationState(url: string, root = process.cwd()) {
  const kind = databaseKind(url);
  const files = readMigrations(migrationsDir(kind, root));
  const driver = kind === "sqlite" ? sqliteDriver(url) : postgresDriver(url);
  try {
    const rows = await driver
      .rows(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
      .catch(() => [] as Row[]);
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = files.filter((f) => !applied.has(f.name)).map((f) => f.name);
    return {
      applied: applied.size,
      expected: files.length,
      pending,
      upToDate: pending.length === 0,
    };
  } finally {
    await driver.close();
  }
}
