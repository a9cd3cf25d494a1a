import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db.server";
import { adminClientForShop } from "./admin-for-shop.server";

const seen: string[] = [];
const fakeFetch = (async (url: string | URL | Request) => {
  seen.push(String(url));
  return new Response(JSON.stringify({ data: { shop: { name: "x" } } }), {
    headers: { "Content-Type": "application/json" },
  });
}) as typeof fetch;
const query = { name: "TinyShop", document: "query TinyShop { shop { name } }" };

afterEach(() => {
  for (const k of ["SEAWORTHY_DEMO", "SIMULATOR_URL", "DEMO_SHOP"]) delete process.env[k];
  seen.length = 0;
});

describe("adminClientForShop", () => {
  it("sends a shop's token only to that shop's own Admin API, even with a simulator configured", async () => {
    await db().session.create({
      data: {
        id: "offline_real.myshopify.com",
        shop: "real.myshopify.com",
        state: "s",
        isOnline: false,
        accessToken: "shpat_real",
      },
    });
    Object.assign(process.env, {
      SEAWORTHY_DEMO: "1",
      SIMULATOR_URL: "http://127.0.0.1:9",
      DEMO_SHOP: "seaworthy-demo.myshopify.com",
    });
    const client = await adminClientForShop(db(), "real.myshopify.com", { fetch: fakeFetch });
    await client.request(query);
    expect(seen[0]).toBe("https://real.myshopify.com/admin/api/2026-10/graphql.json");
  });

  it("uses the simulator for the demo shop in demo mode, and refuses a simulator off this machine", async () => {
    await db().session.create({
      data: {
        id: "offline_seaworthy-demo.myshopify.com",
        shop: "seaworthy-demo.myshopify.com",
        state: "s",
        isOnline: false,
        accessToken: "shpat_demo",
      },
    });
    Object.assign(process.env, { SEAWORTHY_DEMO: "1", SIMULATOR_URL: "http://127.0.0.1:9" });
    const client = await adminClientForShop(db(), "seaworthy-demo.myshopify.com", {
      fetch: fakeFetch,
    });
    await client.request(query);
    expect(seen[0]).toBe(
      "http://127.0.0.1:9/seaworthy-demo.myshopify.com/admin/api/2026-10/graphql.json",
    );
    process.env.SIMULATOR_URL = "http://10.1.2.3:9";
    await expect(
      adminClientForShop(db(), "seaworthy-demo.myshopify.com", { fetch: fakeFetch }),
    ).rejects.toThrow(/must point at this machine/);
  });

  it("says in words when the shop has no offline session", async () => {
    await expect(adminClientForShop(db(), "gone.myshopify.com")).rejects.toThrow(
      /not installed there/,
    );
  });
});

describe("in a worker (no Shopify credentials in its environment)", () => {
  it("still builds a client: only DATABASE_URL and REDIS_URL are needed", async () => {
    const saved = {
      key: process.env.SHOPIFY_API_KEY,
      secret: process.env.SHOPIFY_API_SECRET,
      url: process.env.SHOPIFY_APP_URL,
    };
    delete process.env.SHOPIFY_API_KEY;
    delete process.env.SHOPIFY_API_SECRET;
    delete process.env.SHOPIFY_APP_URL;
    try {
      await db().session.create({
        data: {
          id: "offline_worker.myshopify.com",
          shop: "worker.myshopify.com",
          state: "s",
          isOnline: false,
          accessToken: "shpat_w",
        },
      });
      const client = await adminClientForShop(db(), "worker.myshopify.com", { fetch: fakeFetch });
      await client.request(query);
      expect(seen[0]).toBe("https://worker.myshopify.com/admin/api/2026-10/graphql.json");
    } finally {
      Object.assign(process.env, {
        SHOPIFY_API_KEY: saved.key,
        SHOPIFY_API_SECRET: saved.secret,
        SHOPIFY_APP_URL: saved.url,
      });
    }
  });
});
