/** The pure parts of the Admin client: backoff, Retry-After, the bucket estimate, the semaphore. */
import { describe, expect, it } from "vitest";
import { backoffDelayMs, retryAfterMs } from "./backoff";
import { Semaphore } from "./semaphore";
import { shopState, resetShopState } from "./shop-state";
import { estimateAvailable, msUntilAvailable, parseCostExtension } from "./throttle";

describe("backoffDelayMs", () => {
  it("doubles per attempt, jitters within the upper half, and is capped", () => {
    expect(backoffDelayMs(1, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelayMs(1, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelayMs(3, 500, 30_000, () => 1)).toBe(2000);
    expect(backoffDelayMs(20, 500, 30_000, () => 1)).toBe(30_000);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, and ignores nonsense", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs("1.5")).toBe(1500);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 7_000)).toBe(3000);
    expect(retryAfterMs("soon")).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});

describe("bucket estimate", () => {
  const state = { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50, at: 0 };

  it("refills at the restore rate up to the maximum", () => {
    expect(estimateAvailable(state, 2000)).toBe(200);
    expect(estimateAvailable(state, 60_000)).toBe(1000);
  });

  it("waits for the missing points, counting requests in flight", () => {
    expect(msUntilAvailable(state, 100, 0, 0)).toBe(0);
    expect(msUntilAvailable(state, 150, 0, 0)).toBe(1000);
    expect(msUntilAvailable(state, 150, 50, 0)).toBe(2000);
    // A cost above the bucket size needs a full bucket, not forever.
    expect(msUntilAvailable(state, 5000, 0, 0)).toBe(18_000);
  });

  it("parses Shopify's cost extension and rejects other shapes", () => {
    const cost = {
      requestedQueryCost: 12,
      actualQueryCost: 4,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 },
    };
    expect(parseCostExtension({ cost })).toEqual(cost);
    expect(parseCostExtension({ cost: { requestedQueryCost: "12" } })).toBeNull();
    expect(parseCostExtension(undefined)).toBeNull();
  });
});

describe("Semaphore", () => {
  it("admits up to each caller's limit, in order", async () => {
    const semaphore = new Semaphore();
    const first = await semaphore.acquire(2);
    const second = await semaphore.acquire(2);
    const order: string[] = [];
    const third = semaphore.acquire(1).then((release) => (order.push("limit-1"), release));
    const fourth = semaphore.acquire(2).then((release) => (order.push("limit-2"), release));
    first();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // One slot free, but the head of the queue wants the shop to itself: nobody passes it.
    expect(order).toEqual([]);
    second();
    (await third)();
    (await fourth)();
    expect(order).toEqual(["limit-1", "limit-2"]);
    expect(semaphore.inFlight).toBe(0);
  });

  it("drops an aborted waiter and lets the next one in", async () => {
    const semaphore = new Semaphore();
    const held = await semaphore.acquire(1);
    const controller = new AbortController();
    const aborted = semaphore.acquire(1, controller.signal);
    const next = semaphore.acquire(1);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    held();
    (await next)();
    expect(semaphore.waiting).toBe(0);
  });

  it("keeps shops apart and treats domains case-insensitively", async () => {
    resetShopState();
    const a = shopState("a.myshopify.com");
    expect(shopState("A.MyShopify.com")).toBe(a);
    const releaseA = await a.semaphore.acquire(1);
    const b = await shopState("b.myshopify.com").semaphore.acquire(1);
    expect(a.semaphore.inFlight).toBe(1);
    releaseA();
    b();
  });
});
