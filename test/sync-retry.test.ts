/**
 * The Sync card's Retry through the /app/sync route: a failed orders run is retried as orders
 * (continued from its file, or a new bulk operation for orders alone), never as a full sync from
 * products; another shop's run cannot be retried; the loader shows a failure in a reason and a
 * cleaned technical detail, never the stored message's server paths.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../app/db.server";
import { closeJobQueue } from "../app/background.server";
import { action, loader } from "../app/routes/app.sync";
import type { JobQueue } from "../app/jobs/types";
import { recordingQueue, type Queued } from "./helpers/queue";

const as = vi.hoisted(() => ({ shop: "" }));
vi.mock("../app/admin.server", () => ({
  requireAdmin: async () => ({ shop: as.shop, graphql: null, demo: false }),
}));

const SHOP = "retry-route.myshopify.com";
const OTHER = "retry-route-other.myshopify.com";

let queued: Queued[] = [];
/** The app's process-wide queue, recording what the route queues instead of running it. */
function recordQueue() {
  const recording = recordingQueue();
  queued = recording.queued;
  globalThis.__seaworthyJobQueue = recording.queue;
}
afterEach(async () => {
  await db().syncRun.deleteMany({});
  await closeJobQueue();
});

async function post(shop: string, fields: Record<string, string>) {
  as.shop = shop;
  const request = new Request("https://app.example/app/sync", {
    method: "POST",
    body: new URLSearchParams(fields),
  });
  return action({ request, params: {}, context: {} });
}

async function failedRun(shop: string, resource: string, error: string, sourceUrl?: string) {
  return db().syncRun.create({
    data: {
      shop,
      resource,
      kind: "bulk",
      status: "failed",
      bulkOperationId: `gid://shopify/BulkOperation/${resource}-${shop.length}`,
      sourceUrl: sourceUrl ?? null,
      error,
    },
    select: { id: true },
  });
}

describe("POST /app/sync intent=retry", () => {
  it("a failed orders run whose file was being read: continues that run, queues nothing for products", async () => {
    recordQueue();
    const run = await failedRun(
      SHOP,
      "orders",
      "The file ends in the middle of line 40: it was cut short (an interrupted download?).",
      "https://storage.example/orders.jsonl?sig=1",
    );
    const result = await post(SHOP, { intent: "retry", runId: run.id, resource: "orders" });
    expect(result).toEqual({
      ok: true,
      intent: "retry",
      resource: "orders",
      plan: "continue",
      deduped: false,
    });
    expect(queued).toEqual([
      {
        job: "sync.bulk-complete",
        shop: SHOP,
        payload: { runId: run.id },
        jobId: `bulk-complete:${run.id}`,
      },
    ]);
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe(
      "running",
    );
  });

  it("a failed orders run Shopify ended: a new bulk operation for orders, not products", async () => {
    recordQueue();
    const run = await failedRun(
      SHOP,
      "orders",
      "Shopify's bulk operation ended FAILED (INTERNAL_SERVER_ERROR). Start the sync again.",
    );
    const result = await post(SHOP, { intent: "retry", runId: run.id, resource: "orders" });
    expect(result).toMatchObject({ ok: true, resource: "orders", plan: "restart" });
    expect(queued).toEqual([
      {
        job: "sync.bulk-start",
        shop: SHOP,
        payload: { resource: "orders" },
        jobId: `bulk-start:${SHOP}:orders`,
      },
    ]);
    expect(JSON.stringify(queued)).not.toContain("products");
  });

  it("another shop's run cannot be retried, whatever resource is posted", async () => {
    recordQueue();
    const theirs = await failedRun(OTHER, "orders", "network error: fetch failed");
    for (const resource of ["orders", "products"]) {
      expect(await post(SHOP, { intent: "retry", runId: theirs.id, resource })).toEqual({
        ok: false,
        error: "not-found",
      });
    }
    expect(queued).toEqual([]);
    expect(await db().syncRun.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      status: "failed",
      error: "network error: fetch failed",
    });
  });

  it("refuses what is not a known bulk resource or a run", async () => {
    recordQueue();
    const run = await failedRun(SHOP, "orders", "network error");
    const requests: Record<string, string>[] = [
      { intent: "retry", runId: run.id, resource: "customers" },
      { intent: "retry", runId: run.id },
      { intent: "retry", resource: "orders" },
      { intent: "restart-everything" },
    ];
    for (const fields of requests) {
      expect(await post(SHOP, fields)).toEqual({ ok: false, error: "invalid" });
    }
    expect(queued).toEqual([]);
  });

  it("resync still starts the full sync from products", async () => {
    recordQueue();
    expect(await post(SHOP, { intent: "resync" })).toEqual({
      ok: true,
      intent: "resync",
      deduped: false,
    });
    expect(queued).toEqual([
      {
        job: "sync.bulk-start",
        shop: SHOP,
        payload: { resource: "products" },
        jobId: `bulk-start:${SHOP}:products`,
      },
    ]);
  });

  it("a queue that refuses: a code the card words, not an exception", async () => {
    globalThis.__seaworthyJobQueue = {
      enqueue: async () => {
        throw new Error("Redis is down at /var/run/redis.sock");
      },
      close: async () => {},
    } as unknown as JobQueue;
    const run = await failedRun(SHOP, "orders", "network error");
    expect(await post(SHOP, { intent: "retry", runId: run.id, resource: "orders" })).toEqual({
      ok: false,
      error: "queue",
    });
    // The claimed run is failed again, so Retry stays offered.
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("failed");
  });
});

describe("GET /app/sync: a failed run", () => {
  it("carries a reason and a cleaned detail, never the stored message's paths", async () => {
    await failedRun(
      SHOP,
      "orders",
      "The reader thread for /tmp/seaworthy-sync/cm9orders.jsonl failed: EISDIR: illegal operation on a directory, read",
      "https://storage.example/orders.jsonl?sig=1",
    );
    await failedRun(OTHER, "products", "secret of another shop");
    as.shop = SHOP;
    const { resources } = await loader({
      request: new Request("https://app.example/app/sync"),
      params: {},
      context: {},
    });
    const orders = resources.find((r) => r.resource === "orders")!;
    expect(orders.run).toMatchObject({
      status: "failed",
      failure: {
        reason: "unknown",
        detail:
          "The reader thread for [file] failed: EISDIR: illegal operation on a directory, read",
      },
      retry: "continue",
    });
    const json = JSON.stringify(resources);
    expect(json).not.toContain("/tmp/");
    expect(json).not.toContain("sig=1");
    expect(json).not.toContain("secret of another shop");
    expect(resources.find((r) => r.resource === "products")!.run).toBeNull();
  });
});
