import { Session } from "@shopify/shopify-api";
import { db } from "../db.server";
import { env } from "../env.server";
import type { AdminGraphql } from "../graphql/client.server";
import { recordInstall } from "../shop/install.server";
import { startStoreSync } from "../sync/start.server";
import { sessionStorage, unauthenticated } from "../shopify.server";

/**
 * Installs the app on the simulated shop the way Shopify would leave it after OAuth: an offline
 * session with the simulator's access token, then the same afterAuth work a real install does.
 */
export async function seedDemoShop(accessToken: string) {
  const config = env();
  if (!config.SEAWORTHY_DEMO) throw new Error("seedDemoShop runs only in demo mode");
  const shop = config.DEMO_SHOP;
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "demo",
    isOnline: false,
    scope: config.SCOPES,
    accessToken,
  });
  await sessionStorage.storeSession(session);
  const { admin } = await unauthenticated.admin(shop);
  const profile = await recordInstall(db(), shop, admin.graphql as AdminGraphql, config.SCOPES);
  await startStoreSync(shop);
  return { shop, markets: profile.markets.length, locales: profile.locales.length };
}
