import { describe, expect, it } from "vitest";
import { demoFetch } from "./demo-fetch.server";

describe("demoFetch", () => {
  const seen: string[] = [];
  const base = (async (url: string | URL | Request) => {
    seen.push(String(url));
    return new Response("{}");
  }) as typeof fetch;
  const fetcher = demoFetch("http://127.0.0.1:4567/", "demo.myshopify.com", base);

  it("sends the demo shop's Admin calls to the simulator, path and query unchanged", async () => {
    await fetcher("https://demo.myshopify.com/admin/api/2026-10/graphql.json?x=1", {
      method: "POST",
    });
    expect(seen.at(-1)).toBe(
      "http://127.0.0.1:4567/demo.myshopify.com/admin/api/2026-10/graphql.json?x=1",
    );
  });

  it("refuses any other host, so demo mode cannot reach a real shop", async () => {
    await expect(
      fetcher("https://real-shop.myshopify.com/admin/api/2026-10/graphql.json"),
    ).rejects.toThrow(/only talks to the simulated shop/);
  });
});
