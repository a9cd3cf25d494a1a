import { z } from "zod";
import { db, type Db } from "../db.server";
import { defineJob, type JobQueue } from "../jobs/types";
import { logger } from "../logger.server";
import { PermanentJobError } from "../jobs/errors";
import { freshOfflineSession } from "./offline-token.server";
import { TokenEndpointError } from "./token-endpoint.server";

/**
 * Trades a shop's non-expiring offline token for an expiring pair without the merchant, for shops
 * that do not open the app before Shopify stops accepting non-expiring tokens (1 Jan 2027). A
 * shop that opens the app is migrated on the spot by the session storage.
 */
export const migrateTokenJob = defineJob({
  name: "auth.migrate-token",
  schema: z.object({}),
  attempts: 5,
  backoffMs: 60_000,
  async run(_payload, ctx) {
    const session = await freshOfflineSession(db(), ctx.shop, { migrate: true }).catch(
      (error: unknown) => {
        // Shopify refused the request itself (wrong client id or secret): retrying cannot help.
        if (error instanceof TokenEndpointError && error.kind === "refused")
          throw new PermanentJobError(error.message);
        throw error;
      },
    );
    // The token endpoint was unreachable: the old token still works, try again with backoff.
    if (session.expires === null)
      throw new Error(`${ctx.shop} still holds a non-expiring token; will try again`);
    ctx.log("offline token migrated to an expiring one");
  },
});

export const AUTH_JOBS = [migrateTokenJob];

/** Shops (or the one shop asked about) whose offline session still holds a non-expiring token. */
export async function shopsOnLegacyTokens(database: Db, shop?: string): Promise<string[]> {
  const rows = await database.session.findMany({
    where: { isOnline: false, expires: null, ...(shop ? { shop } : {}) },
    select: { shop: true },
    orderBy: { shop: "asc" },
  });
  return rows.map((r) => r.shop);
}

/** At start: say which shops still hold an old token, and queue their migration. */
export async function migrateLegacyTokens(database: Db, queue: JobQueue): Promise<string[]> {
  const shops = await shopsOnLegacyTokens(database);
  if (shops.length > 0)
    logger.warn(
      { op: "auth.migrate-token", shops, count: shops.length },
      "shops still on non-expiring offline tokens (Shopify rejects them from 2027-01-01); migrating",
    );
  for (const shop of shops)
    await queue.enqueue(migrateTokenJob, shop, {}, { jobId: `migrate-token:${shop}` });
  return shops;
}
