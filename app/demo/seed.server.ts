import { createHmac, randomUUID } from "node:crypto";
import { Session } from "@shopify/shopify-api";
import { exchangeSessionToken } from "../auth/token-endpoint.server";
import { endpointFor } from "../auth/offline-token.server";
import { db } from "../db.server";
import { env } from "../env.server";
import type { AdminGraphql } from "../graphql/client.server";
import { recordInstall } from "../shop/install.server";
import { startStoreSync } from "../sync/start.server";
import { getJobQueue, SHOP_SCHEDULES } from "../background.server";
import { sessionStorage, unauthenticated } from "../shopify.server";

/**
 * A session token as the Shopify admin hands one to an embedded app: an HS256 JWT signed with
 * the app's client secret, for the demo shop. Only the demo mints one, for its own simulator.
 */
function demoSessionToken(shop: string, apiKey: string, secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const body = `${part({ alg: "HS256", typ: "JWT" })}.${part({
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: "1",
    exp: now + 60,
    nbf: now - 5,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  })}`;
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
}

/**
 * Installs the app on the simulated shop the way Shopify does for an embedded app today: the
 * admin's session token is exchanged for an expiring offline token pair (60-minute access token,
 * rotating refresh token) at the simulator's token endpoint, then the same afterAuth work a real
 * install does runs.
 */
export async function seedDemoShop() {
  const config = env();
  if (!config.SEAWORTHY_DEMO) throw new Error("seedDemoShop runs only in demo mode");
  const shop = config.DEMO_SHOP;
  const pair = await exchangeSessionToken(
    endpointFor(shop),
    demoSessionToken(shop, config.SHOPIFY_API_KEY, config.SHOPIFY_API_SECRET),
  );
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "demo",
    isOnline: false,
    scope: pair.scope ?? config.SCOPES,
    accessToken: pair.accessToken,
    ...(pair.expires ? { expires: pair.expires } : {}),
    ...(pair.refreshToken ? { refreshToken: pair.refreshToken } : {}),
    ...(pair.refreshTokenExpires ? { refreshTokenExpires: pair.refreshTokenExpires } : {}),
  });
  await sessionStorage.storeSession(session);
  const { admin } = await unauthenticated.admin(shop);
  const profile = await recordInstall(db(), shop, admin.graphql as AdminGraphql, config.SCOPES);
  await startStoreSync(shop, getJobQueue(), { schedules: SHOP_SCHEDULES });
  return { shop, markets: profile.markets.length, locales: profile.locales.length };
}
