import { Session } from "@shopify/shopify-api";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../app/db.server";
import { demoFetch } from "../app/demo/demo-fetch.server";
import type { AdminGraphql } from "../app/graphql/client.server";
import { loader as layoutLoader } from "../app/routes/app";
import { loader as overviewLoader } from "../app/routes/app._index/route";
import { loader as productsLoader } from "../app/routes/app.products/route";
import {
  action as settingsAction,
  loader as settingsLoader,
} from "../app/routes/app.settings/route";
import { recordInstall } from "../app/shop/install.server";
import { sessionStorage, unauthenticated } from "../app/shopify.server";
import { generateStore } from "../simulator/catalog/generate";
import { startSimulator, type Simulator } from "../simulator";
import { seedShopRows } from "./helpers/fixtures";

const SHOP = "test-shop.myshopify.com";
const TOKEN = "shpat_embedded_test";
const store = generateStore({ seed: 7, products: 60, shopDomain: SHOP });
let sim: Simulator;

/** A request from the embedded admin: App Bridge's signed session token in the Authorization header. */
function signed(path: string, init?: RequestInit) {
  return setUpValidRequest(
    {
      type: RequestType.Bearer,
      store: "test-shop",
      apiKey: "testApiKey",
      apiSecretKey: "testApiSecretKey",
    },
    new Request(`https://my-test-app.myshopify.io${path}`, init),
  );
}
const args = async (path: string, init?: RequestInit) => ({
  request: await signed(path, init),
  params: {},
  context: {},
});

beforeAll(async () => {
  // GIVEN the app installed on a shop whose Admin API is the simulator (mocked at the network edge)
  sim = await startSimulator({
    store,
    accessToken: TOKEN,
    apiSecret: "testApiSecretKey",
    webhookSubscriptions: [],
  });
  setAbstractFetchFunc(demoFetch(sim.url, SHOP));
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "s",
      isOnline: false,
      accessToken: TOKEN,
      scope: "read_products",
    }),
  );
  const { admin } = await unauthenticated.admin(SHOP);
  await recordInstall(db(), SHOP, admin.graphql as AdminGraphql, "read_products,read_orders");
  await seedShopRows(db(), "other-shop.myshopify.com");
});

afterAll(async () => {
  await sim?.close();
});

describe("the embedded admin, authenticated by session token, on the simulated Admin API", () => {
  it("records the shop's profile, languages and every market at install", async () => {
    const row = await db().shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(row.name).toBe(store.shop.name);
    expect(row.currencyCode).toBe(store.shop.currencyCode);
    expect((row.markets as { name: string }[]).map((m) => m.name).sort()).toEqual(
      store.markets.map((m) => m.name).sort(),
    );
    expect((row.locales as { locale: string }[]).map((l) => l.locale).sort()).toEqual(
      store.shop.locales.map((l) => l.locale).sort(),
    );
    expect(row.uninstalledAt).toBeNull();
  });

  it("serves the Overview with live counts from the Admin API", async () => {
    const data = await overviewLoader(await args("/app"));
    expect(data.productsCount).toBe(store.products.length);
    expect(data.activeProducts).toBe(store.products.filter((p) => p.status === "ACTIVE").length);
    expect(data.recent).toHaveLength(8);
    expect(data.markets.length).toBe(store.markets.length);
  });

  it("rejects a page request without a valid session token", async () => {
    const unsigned = new Request("https://my-test-app.myshopify.io/app", {
      headers: { Authorization: "Bearer not-a-jwt" },
    });
    const outcome = await overviewLoader({ request: unsigned, params: {}, context: {} }).then(
      () => "served",
      (thrown: unknown) => (thrown instanceof Response ? thrown.status : String(thrown)),
    );
    expect(outcome).toBe(401);
  });

  it("pages through Products and searches them", async () => {
    const first = await productsLoader(await args("/app/products"));
    expect(first.products).toHaveLength(50);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await productsLoader(
      await args(`/app/products?after=${encodeURIComponent(first.pageInfo.endCursor!)}`),
    );
    const all = [...first.products, ...second.products].map((p) => p.id);
    expect(new Set(all).size).toBe(store.products.length);
    const word = store.products[0]!.title.split(" ").find((w) => w.length > 4)!;
    const found = await productsLoader(await args(`/app/products?q=${encodeURIComponent(word)}`));
    expect(found.products.length).toBeGreaterThan(0);
    for (const p of found.products) expect(p.title.toLowerCase()).toContain(word.toLowerCase());
  });

  it("saves the admin language and the layout then speaks it", async () => {
    const form = new URLSearchParams({ language: "zh-CN" });
    const saved = await settingsAction(
      await args("/app/settings", {
        method: "POST",
        body: form,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(saved).toEqual({ ok: true, errors: [] });
    expect((await layoutLoader(await args("/app"))).locale).toBe("zh-CN");
    const bad = await settingsAction(
      await args("/app/settings", {
        method: "POST",
        body: new URLSearchParams({ language: "klingon" }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(bad.ok).toBe(false);
    expect(bad.errors.join()).toMatch(/language/);
    expect((await layoutLoader(await args("/app"))).locale).toBe("zh-CN");
  });

  it("never shows another shop's rows", async () => {
    const data = await settingsLoader(await args("/app/settings"));
    expect(data.shop).toBe(SHOP);
    expect(data.requests).toEqual([]);
    expect(await db().privacyRequest.count({ where: { shop: "other-shop.myshopify.com" } })).toBe(
      1,
    );
  });
});
