import { createClient, type Client, type Config, type TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { ensurePrivateSqliteFile } from "./private-file.server";

/** How long a SQLite connection waits for another's write transaction before giving up. */
export const BUSY_TIMEOUT_MS = 15_000;

/**
 * A libSQL client whose every connection waits for locks. libSQL has no option for it, and its
 * `transaction()` hands the current connection to the transaction and opens a fresh one on next
 * use, which would silently lose a PRAGMA set once. So the PRAGMA is set on the first connection
 * and again on each fresh one.
 */
export function createLibsqlClient(config: Config): Client {
  ensurePrivateSqliteFile(config.url);
  const client = createClient(config);
  const pragma = () => client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Runs synchronously up to the driver call, so it precedes any statement the caller sends.
  void pragma().catch(() => {});
  const transaction = client.transaction.bind(client);
  client.transaction = (async (mode?: TransactionMode) => {
    const tx = await transaction(mode);
    await pragma();
    return tx;
  }) as Client["transaction"];
  return client;
}

/** Prisma's libSQL adapter, with connections that wait for a sync's batch to commit. */
export class PrismaLibSQLWaiting extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return createLibsqlClient(config);
  }
}
