import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  LogSeverity,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { SealedSessionStorage } from "./auth/session-storage.server";
import type { PrismaClient } from "@prisma/client";
import { env } from "./env.server";
import { db } from "./db.server";
import { logger } from "./logger.server";
import { demoFetch } from "./demo/demo-fetch.server";
import { recordInstall } from "./shop/install.server";
import { startStoreSync } from "./sync/start.server";
import { getJobQueue, SHOP_SCHEDULES } from "./background.server";

/** Every Admin API call, webhook and GraphQL document in the app uses this version. */
export const API_VERSION = ApiVersion.October26;

const config = env();

if (config.SEAWORTHY_DEMO && config.SIMULATOR_URL) {
  setAbstractFetchFunc(demoFetch(config.SIMULATOR_URL, config.DEMO_SHOP));
}

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: config.SCOPES.split(",")
    .map((s) => s.trim())
    .filter(Boolean),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  // Shopify's Prisma storage (it only needs the `session` model; both generated clients have
  // it), with tokens sealed at rest and offline tokens renewed through our one token path.
  sessionStorage: new SealedSessionStorage(
    new PrismaSessionStorage(db() as unknown as PrismaClient),
    db(),
  ),
  distribution: AppDistribution.AppStore,
  // Expiring offline tokens (60 minutes, with a rotating refresh token): Shopify rejects
  // non-expiring ones from public apps from 1 Jan 2027. Web requests and background jobs renew
  // them through app/auth/offline-token.server.ts. See docs/decisions/0004-offline-tokens.md.
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await recordInstall(db(), session.shop, admin.graphql, session.scope ?? "");
      await startStoreSync(session.shop, getJobQueue(), {
        onlyIfNeverSynced: true,
        schedules: SHOP_SCHEDULES,
      });
    },
  },
  // The library's own lines go through the app's logger (one format, one redaction, one scan).
  logger: {
    level: LogSeverity.Info,
    log: async (severity, message) => {
      const level = (["error", "warn", "info", "debug"] as const)[severity] ?? "info";
      logger[level]({ op: "shopify-app" }, message);
    },
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
