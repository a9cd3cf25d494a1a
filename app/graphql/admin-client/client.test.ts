/**
 * The Admin client against the simulated store over real HTTP: data, retries on THROTTLED, 429,
 * 5xx and network errors, what is not retried, the per-shop concurrency limit and cancellation.
 * Delays are kept to tens of milliseconds.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../simulator";
import { TEST_TOKEN, startTestSimulator } from "../../../simulator/testing";
import {
  AdminApiRequestError,
  createAdminClient,
  resetShopState,
  type AdminClientEvent,
  type AdminClientOptions,
} from "./index";

// Test fixtures (not app operations), valid against the 2026-10 Admin schema.
const TinyShop = {
  name: "TinyShop",
  document: `query TinyShop { shop { name myshopifyDomain } }`,
} as const;
interface TinyShopResult {
  shop: { name: string; myshopifyDomain: string };
}

const FirstProducts = {
  name: "FirstProducts",
  document: `query FirstProducts($first: Int!) { products(first: $first) { nodes { id title } } }`,
} as const;
interface FirstProductsResult {
  products: { nodes: { id: string; title: string }[] };
}

const Broken = {
  name: "Broken",
  document: `query Broken { shop { nope } }`,
} as const;

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.faults.reset();
  resetShopState();
});

/** A fetch that records every call (start/end times, status) and can rewrite its target. */
function recordingFetch(rewrite?: (call: number, url: string) => string) {
  const calls: { start: number; end: number; status: number | null }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const index = calls.length;
    const url = input instanceof Request ? input.url : String(input);
    const call = { start: performance.now(), end: 0, status: null as number | null };
    calls.push(call);
    try {
      const res = await fetch(rewrite ? rewrite(index, url) : url, init);
      call.status = res.status;
      return res;
    } finally {
      call.end = performance.now();
    }
  };
  return { fetch: wrapped, calls };
}

function client(overrides: Partial<AdminClientOptions> = {}) {
  const events: AdminClientEvent[] = [];
  const recorder = recordingFetch();
  const admin = createAdminClient({
    shop: sim.shop,
    accessToken: TEST_TOKEN,
    endpoint: sim.graphqlUrl,
    fetch: recorder.fetch,
    baseDelayMs: 5,
    maxDelayMs: 50,
    onEvent: (e) => events.push(e),
    ...overrides,
  });
  return { admin, events, calls: recorder.calls };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe("createAdminClient", () => {
  it("returns typed data and records the shop's bucket", async () => {
    const { admin, events, calls } = client();
    expect(admin.throttle).toBeNull();
    const before = Date.now();
    const data = await admin.request<TinyShopResult>(TinyShop);
    expect(data.shop).toEqual({ name: "Seaworthy Demo", myshopifyDomain: sim.shop });
    expect(calls).toHaveLength(1);

    const throttle = admin.throttle;
    expect(throttle).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    expect(throttle!.currentlyAvailable).toBeGreaterThan(1900);
    expect(throttle!.at).toBeGreaterThanOrEqual(before);
    expect(events).toEqual([
      expect.objectContaining({
        type: "cost",
        operation: "TinyShop",
        attempt: 1,
        requestedQueryCost: 1,
      }),
    ]);

    // Another client of the same shop sees the same state.
    const other = createAdminClient({
      shop: sim.shop,
      accessToken: TEST_TOKEN,
      endpoint: sim.graphqlUrl,
    });
    expect(other.throttle).toEqual(throttle);
  });

  it("passes variables and returns userErrors-free data untouched", async () => {
    const { admin } = client();
    const data = await admin.request<FirstProductsResult>(FirstProducts, { first: 2 });
    expect(data.products.nodes).toHaveLength(2);
    expect(data.products.nodes[0]).toEqual({ id: expect.any(String), title: expect.any(String) });
  });

  it("retries THROTTLED answers and reports each retry", async () => {
    sim.faults.throttle = 2;
    const { admin, events, calls } = client();
    const data = await admin.request<TinyShopResult>(TinyShop);
    expect(data.shop.name).toBe("Seaworthy Demo");
    expect(calls).toHaveLength(3);
    const retries = events.filter((e) => e.type === "retry");
    expect(retries).toEqual([
      expect.objectContaining({ operation: "TinyShop", attempt: 1, kind: "throttled" }),
      expect.objectContaining({ operation: "TinyShop", attempt: 2, kind: "throttled" }),
    ]);
    expect(events.filter((e) => e.type === "cost")).toHaveLength(3);
  });

  it("waits out a 429's Retry-After (capped for the test)", async () => {
    sim.faults.httpErrors = { status: 429, count: 1 };
    const { admin, events, calls } = client({ maxRetryAfterMs: 60 });
    const started = performance.now();
    await admin.request<TinyShopResult>(TinyShop);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    // Retry-After: 2 (seconds) would be 2000 ms; the cap makes it 60, not the 5 ms backoff.
    expect(events.find((e) => e.type === "retry")).toMatchObject({
      kind: "throttled",
      status: 429,
      waitMs: 60,
    });
    expect(calls[1]!.start - started).toBeGreaterThanOrEqual(55);
  });

  it("retries 503s and succeeds", async () => {
    sim.faults.httpErrors = { status: 503, count: 2 };
    const { admin, events, calls } = client();
    await admin.request<TinyShopResult>(TinyShop);
    expect(calls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(events.filter((e) => e.type === "retry")).toEqual([
      expect.objectContaining({ kind: "http", status: 503 }),
      expect.objectContaining({ kind: "http", status: 503 }),
    ]);
  });

  it("gives up on endless 503s with a retryable error that says so", async () => {
    sim.faults.httpErrors = { status: 503, count: 1000 };
    const { admin, calls } = client({ maxRetries: 3 });
    const error = await rejection(admin.request(TinyShop));
    expect(error).toBeInstanceOf(AdminApiRequestError);
    expect(error).toMatchObject({
      operation: "TinyShop",
      kind: "http",
      status: 503,
      retryable: true,
    });
    expect((error as Error).message).toMatch(
      /TinyShop failed for seaworthy-demo.myshopify.com after 4 attempts; last: HTTP 503/,
    );
    expect((error as Error).message).toMatch(/can be retried later/);
    expect(calls).toHaveLength(4);
  });

  it("does not retry a rejected token", async () => {
    const { admin, events, calls } = client({ accessToken: "shpat_wrong" });
    const error = await rejection(admin.request(TinyShop));
    expect(error).toMatchObject({ kind: "auth", status: 401, retryable: false });
    expect((error as Error).message).toMatch(/token is invalid or the app was uninstalled/);
    expect(calls).toHaveLength(1);
    expect(events.filter((e) => e.type === "retry")).toEqual([]);
  });

  it("does not retry an invalid query and reports Shopify's messages", async () => {
    const { admin, calls } = client();
    const error = await rejection(admin.request(Broken));
    expect(error).toMatchObject({ kind: "graphql", retryable: false, operation: "Broken" });
    expect((error as Error).message).toMatch(/Field 'nope' doesn't exist on type 'Shop'/);
    expect((error as AdminApiRequestError).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "undefinedField" }) }),
    ]);
    expect(calls).toHaveLength(1);
  });

  it("retries a network error", async () => {
    const dead = await closedPortUrl();
    const recorder = recordingFetch((call, url) => (call === 0 ? url.replace(sim.url, dead) : url));
    const { admin, events } = client({ fetch: recorder.fetch });
    const data = await admin.request<TinyShopResult>(TinyShop);
    expect(data.shop.name).toBe("Seaworthy Demo");
    expect(recorder.calls.map((c) => c.status)).toEqual([null, 200]);
    expect(events.find((e) => e.type === "retry")).toMatchObject({
      kind: "network",
      detail: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it("keeps one shop's requests from overlapping with concurrency 1", async () => {
    sim.faults.delayMs = 60;
    const serial = client({ concurrency: 1 });
    await Promise.all([serial.admin.request(TinyShop), serial.admin.request(TinyShop)]);
    const [a, b] = serial.calls;
    expect(b!.start).toBeGreaterThanOrEqual(a!.end);

    // The same pair with concurrency 2 does overlap, so the check above can fail.
    const parallel = client({ concurrency: 2 });
    await Promise.all([parallel.admin.request(TinyShop), parallel.admin.request(TinyShop)]);
    const [c, d] = parallel.calls;
    expect(d!.start).toBeLessThan(c!.end);
  });

  it("stops waiting when the signal aborts", async () => {
    sim.faults.httpErrors = { status: 503, count: 1000 };
    const controller = new AbortController();
    const { admin, calls } = client({
      baseDelayMs: 10_000,
      maxDelayMs: 10_000,
      signal: controller.signal,
    });
    const started = performance.now();
    const pending = rejection(admin.request(TinyShop));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error).toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(calls).toHaveLength(1);
  });

  it("aborts a request in flight", async () => {
    sim.faults.delayMs = 2000;
    const { admin } = client();
    const started = performance.now();
    const error = await rejection(
      admin.request(TinyShop, undefined, { signal: AbortSignal.timeout(50) }),
    );
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("refuses to send a token to a host that is not a shop", () => {
    expect(() => createAdminClient({ shop: "evil.example.com", accessToken: "x" })).toThrow(
      /not a myshopify.com domain/,
    );
  });
});
