import { LogSeverity } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { shopifyApp } from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import {
  setUpValidSession,
  setUpValidRequest,
  RequestType,
} from "@shopify/shopify-api/test-helpers";
import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { db } from "../app/db.server";
import { API_VERSION } from "../app/shopify.server";

const SHOP = "test-shop.myshopify.com";

// GIVEN the real library configured by testConfig(), with sessions in our Prisma database
function app() {
  return shopifyApp(
    testConfig({
      sessionStorage: new PrismaSessionStorage(db() as unknown as PrismaClient),
      apiVersion: API_VERSION,
      logger: { level: LogSeverity.Error },
      future: { unstable_newEmbeddedAuthStrategy: true },
    }),
  );
}

describe("embedded admin authentication (real library, signed requests)", () => {
  it("stores and loads Shopify sessions through Prisma", async () => {
    const shopify = app();
    const session = setUpValidSession({ shop: SHOP, isOnline: false, expires: undefined });
    expect(await shopify.sessionStorage!.storeSession(session)).toBe(true);
    const loaded = await shopify.sessionStorage!.loadSession(session.id);
    expect(loaded?.accessToken).toBe(session.accessToken);
    expect(await db().session.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("accepts a request carrying a valid session token and returns the shop's session", async () => {
    const shopify = app();
    await shopify.sessionStorage!.storeSession(
      setUpValidSession({ shop: SHOP, isOnline: false, expires: undefined }),
    );
    // WHEN App Bridge calls the app with a signed session token
    const request = await setUpValidRequest(
      {
        type: RequestType.Bearer,
        store: "test-shop",
        apiKey: "testApiKey",
        apiSecretKey: "testApiSecretKey",
      },
      new Request("https://my-test-app.myshopify.io/app"),
    );
    const { session } = await shopify.authenticate.admin(request);
    // THEN the offline session for that shop comes back
    expect(session.shop).toBe(SHOP);
  });

  it("rejects a session token signed with another secret", async () => {
    const shopify = app();
    const request = await setUpValidRequest(
      {
        type: RequestType.Bearer,
        store: "test-shop",
        apiKey: "testApiKey",
        apiSecretKey: "someone-elses-secret",
      },
      new Request("https://my-test-app.myshopify.io/app"),
    );
    const outcome = await shopify.authenticate.admin(request).then(
      () => "authenticated",
      (thrown: unknown) => (thrown instanceof Response ? thrown.status : String(thrown)),
    );
    expect(outcome).toBe(401);
  });
});
