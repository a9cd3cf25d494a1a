import type { Db } from "../db.server";
import { demoTarget } from "../env.server";
import { createAdminClient, type AdminClient } from "../graphql/admin-client";

/**
 * An Admin API client for background work, with the shop's offline token. In demo mode it talks
 * to the simulated store; otherwise to https://<shop>/admin/api/…. Throws in words when the shop
 * has no offline session (not installed, or uninstalled).
 */
export async function adminClientForShop(
  db: Db,
  shop: string,
  overrides: { fetch?: typeof fetch } = {},
): Promise<AdminClient> {
  const session = await db.session.findFirst({
    where: { shop, isOnline: false },
    select: { accessToken: true },
  });
  if (!session)
    throw new Error(
      `${shop} has no offline session: the app is not installed there (or was uninstalled).`,
    );
  // Demo mode only through the checked environment (refused in production, loopback only), and
  // only for the demo shop: no other shop's token can ever be sent to the simulator.
  const demo = demoTarget(process.env);
  const simulator = demo && shop === demo.shop ? demo.url : undefined;
  return createAdminClient({
    shop,
    accessToken: session.accessToken,
    ...(simulator
      ? { endpoint: `${simulator.replace(/\/$/, "")}/${shop}/admin/api/2026-10/graphql.json` }
      : {}),
    ...overrides,
  });
}
