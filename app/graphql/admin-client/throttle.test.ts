/**
 * Cost-aware throttling against a simulator with a tiny bucket (50 points, 200/s): the client
 * holds requests back from what Shopify last reported, so a burst of costly queries never meets
 * a THROTTLED answer, and when one does come back it waits until the points have leaked back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../simulator";
import { TEST_TOKEN, dig, gql, startTestSimulator } from "../../../simulator/testing";
import { createAdminClient, resetShopState, type AdminClientEvent } from "./index";

// A test fixture: requested cost 2 + 10 × (1 + 2 + 1) = 42 of the bucket's 50 points.
const CostlyProducts = {
  name: "CostlyProducts",
  document: `query CostlyProducts {
    products(first: 10) { nodes { id title variants(first: 1) { nodes { id } } } }
  }`,
} as const;
interface CostlyProductsResult {
  products: { nodes: { id: string }[] };
}

const BUCKET = { maximumAvailable: 50, restoreRate: 200 };
let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator({ bucket: BUCKET });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.faults.reset();
  sim.bucket.set(BUCKET.maximumAvailable);
  resetShopState();
});

/** A fetch that reads every answer and counts the THROTTLED ones. */
function throttleCountingFetch() {
  const seen = { requests: 0, throttled: 0 };
  const wrapped: typeof fetch = async (input, init) => {
    seen.requests++;
    const res = await fetch(input, init);
    const body: unknown = await res.clone().json();
    if (dig(body, "errors", 0, "extensions", "code") === "THROTTLED") seen.throttled++;
    return res;
  };
  return { fetch: wrapped, seen };
}

function client(fetchImpl: typeof fetch, events: AdminClientEvent[]) {
  return createAdminClient({
    shop: sim.shop,
    accessToken: TEST_TOKEN,
    endpoint: sim.graphqlUrl,
    fetch: fetchImpl,
    baseDelayMs: 5,
    maxDelayMs: 50,
    onEvent: (e) => events.push(e),
  });
}

describe("cost-aware throttling", () => {
  it("the bucket is tight: a raw burst of the query gets THROTTLED", async () => {
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => gql(sim, CostlyProducts.document)),
    );
    const codes = answers.map((a) => dig(a.body, "errors", 0, "extensions", "code"));
    expect(codes).toContain("THROTTLED");
  });

  it("holds a burst back so Shopify never answers THROTTLED", async () => {
    const { fetch: counting, seen } = throttleCountingFetch();
    const events: AdminClientEvent[] = [];
    const admin = client(counting, events);
    // Two clients of the same shop share the estimate, as parallel jobs would.
    const second = client(counting, events);

    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? second : admin).request<CostlyProductsResult>(CostlyProducts),
      ),
    );
    expect(results.every((r) => r.products.nodes.length > 0)).toBe(true);
    expect(seen).toEqual({ requests: 6, throttled: 0 });
    const held = events.filter((e) => e.type === "throttled");
    expect(held.length).toBeGreaterThan(0);
    expect(held[0]).toMatchObject({ reason: "bucket", requestedCost: 42 });
    expect(events.filter((e) => e.type === "retry")).toEqual([]);
  });

  it("after a THROTTLED answer, waits until the requested points are back", async () => {
    sim.bucket.set(0);
    const { fetch: counting, seen } = throttleCountingFetch();
    const events: AdminClientEvent[] = [];
    const started = performance.now();
    await client(counting, events).request<CostlyProductsResult>(CostlyProducts);
    expect(seen).toEqual({ requests: 2, throttled: 1 });
    const retry = events.find((e) => e.type === "retry");
    // About 42 points at 200/s: roughly 210 ms, far above the 5 ms backoff.
    expect(retry).toMatchObject({ kind: "throttled" });
    expect(retry && retry.type === "retry" ? retry.waitMs : 0).toBeGreaterThanOrEqual(190);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});
