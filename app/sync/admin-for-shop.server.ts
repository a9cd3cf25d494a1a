import { freshOfflineSession, offlineTokenSource } from "../auth/offline-token.server";
import type { Db } from "../db.server";
import { demoTarget } from "../env.server";
import { createAdminClient, type AdminClient } from "../graphql/admin-client";

/**
 * An Admin API client for background work, with the shop's offline token. In demo mode it talks
 * to the simulated store; otherwise to https://<shop>/admin/api/…. The token comes from the one
 * token source (app/auth/offline-token.server.ts): checked now, so a shop without access fails
 * here in words (NoOfflineSessionError, ShopNeedsReauthError: jobs give up at once), and renewed
 * before every request that would otherwise go out with an expiring or refused one.
 */
export async function adminClientForShop(
  db: Db,
  shop: string,
  overrides: { fetch?: typeof fetch } = {},
): Promise<AdminClient> {
  // Demo mode only through the checked environment (refused in production, loopback only), and
  // only for the demo shop: no other shop's token can ever be sent to the simulator.
  const demo = demoTarget(process.env);
  const simulator = demo && shop === demo.shop ? demo.url : undefined;
  const endpoint = overrides.fetch ? { fetch: overrides.fetch } : {};
  await freshOfflineSession(db, shop, { endpoint });
  return createAdminClient({
    shop,
    accessToken: offlineTokenSource(db, shop, { endpoint }),
    ...(simulator
      ? { endpoint: `${simulator.replace(/\/$/, "")}/${shop}/admin/api/2026-10/graphql.json` }
      : {}),
    ...overrides,
  });
}
