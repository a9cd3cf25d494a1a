import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./db/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./db/generated/postgres/client";
import { PrismaLibSQLWaiting } from "./db/libsql.server";
import { databaseKind } from "./db/url";
import { databaseUrl } from "./db/url";

/**
 * The one Prisma client. Both providers generate the same models (kept in step by
 * app/db/schema-drift.test.ts), so the SQLite client's type describes either.
 */
export type Db = SqliteClient;
export { Prisma } from "./db/generated/sqlite/client";

export function createDb(url: string): Db {
  if (databaseKind(url) === "postgres") {
    return new PostgresClient({
      adapter: new PrismaPg({ connectionString: url }),
    }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaLibSQLWaiting({ url }) });
}

declare global {
  var __seaworthyDb: Db | undefined;
}

/** Reuses one client across dev-server reloads. */
export function db(): Db {
  globalThis.__seaworthyDb ??= createDb(databaseUrl());
  return globalThis.__seaworthyDb;
}

export default db;
