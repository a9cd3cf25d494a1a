import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateStore } from "../../simulator/catalog/generate";
import { startSimulator, type Simulator } from "../../simulator";
import { db } from "../db.server";
import { createAdminClient } from "../graphql/admin-client";
import { recordingQueue } from "../../test/helpers/queue";
import { completeBulkSync, startBulkSync } from "./bulk/bulk-sync.server";
import { CONTINUE_WITHIN_MS, retryBulkRun, retryPlan, type RetryFacts } from "./retry.server";

const SHOP = "retry-shop.myshopify.com";
const OTHER = "retry-other.myshopify.com";
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-06-10T12:00:00Z");

const failed = (over: Partial<RetryFacts> = {}): RetryFacts => ({
  kind: "bulk",
  resource: "orders",
  status: "failed",
  bulkOperationId: "gid://shopify/BulkOperation/1",
  error: "The bulk file could not be downloaded completely after 4 attempts (HTTP 502).",
  startedAt: new Date(NOW.getTime() - DAY),
  finishedAt: null,
  ...over,
});

async function makeRun(
  shop: string,
  resource: string,
  status: string,
  over: { error?: string; startedAt?: Date; bulkOperationId?: string | null } = {},
) {
  return db().syncRun.create({
    data: {
      shop,
      resource,
      kind: "bulk",
      status,
      bulkOperationId:
        over.bulkOperationId === undefined
          ? `gid://shopify/BulkOperation/${Math.random()}`
          : over.bulkOperationId,
      error: over.error ?? null,
      startedAt: over.startedAt ?? new Date(NOW.getTime() - DAY),
    },
    select: { id: true },
  });
}

describe("retryPlan", () => {
  it("continues a failed run whose operation may still give its file", () => {
    expect(retryPlan(failed(), NOW)).toBe("continue");
    // Stopped while waiting, while the app restarted, or for want of a connection: ask again.
    expect(retryPlan(failed({ error: "This operation was aborted" }), NOW)).toBe("continue");
    expect(
      retryPlan(
        failed({
          error:
            "Bulk operation gid://shopify/BulkOperation/1 is still RUNNING after waiting; it will be picked up by the next reconcile",
        }),
        NOW,
      ),
    ).toBe("continue");
  });

  it("starts over when Shopify ended the operation, the file has expired or nothing was started", () => {
    expect(
      retryPlan(
        failed({
          error:
            "Shopify's bulk operation ended FAILED (INTERNAL_SERVER_ERROR). Start the sync again.",
        }),
        NOW,
      ),
    ).toBe("restart");
    expect(
      retryPlan(failed({ startedAt: new Date(NOW.getTime() - CONTINUE_WITHIN_MS) }), NOW),
    ).toBe("restart");
    expect(CONTINUE_WITHIN_MS).toBeLessThan(7 * DAY);
    expect(retryPlan(failed({ bulkOperationId: null }), NOW)).toBe("restart");
  });

  it("has no retry for a run that did not fail, a file import or an unknown resource", () => {
    expect(retryPlan(failed({ status: "completed", finishedAt: NOW }), NOW)).toBeNull();
    expect(retryPlan(failed({ status: "running" }), NOW)).toBeNull();
    expect(retryPlan(failed({ kind: "import", resource: "products" }), NOW)).toBeNull();
    expect(retryPlan(failed({ resource: "customers" }), NOW)).toBeNull();
  });
});

describe("retryBulkRun", () => {
  it("continues a failed orders run: it runs again and its completion is queued, for orders only", async () => {
    const run = await makeRun(SHOP, "orders", "failed", { error: "network error: fetch failed" });
    const { queue, queued } = recordingQueue();
    const result = await retryBulkRun(
      db(),
      queue,
      SHOP,
      { runId: run.id, resource: "orders" },
      NOW,
    );
    expect(result).toEqual({ ok: true, resource: "orders", plan: "continue", deduped: false });
    expect(queued).toEqual([
      {
        job: "sync.bulk-complete",
        shop: SHOP,
        payload: { runId: run.id },
        jobId: `bulk-complete:${run.id}`,
      },
    ]);
    expect(
      await db().syncRun.findUniqueOrThrow({
        where: { id: run.id },
        select: { status: true, error: true },
      }),
    ).toEqual({ status: "running", error: null });
    // A second click finds it running: nothing more is queued.
    expect(
      await retryBulkRun(db(), queue, SHOP, { runId: run.id, resource: "orders" }, NOW),
    ).toEqual({ ok: false, error: "stale" });
    expect(queued).toHaveLength(1);
    await db().syncRun.update({ where: { id: run.id }, data: { status: "completed" } });
  });

  it("starts a new bulk operation for that resource when the old one cannot be continued", async () => {
    const run = await makeRun(SHOP, "inventory", "failed", {
      error: "Shopify's bulk operation ended CANCELED. Start the sync again.",
    });
    const { queue, queued } = recordingQueue();
    expect(
      await retryBulkRun(db(), queue, SHOP, { runId: run.id, resource: "inventory" }, NOW),
    ).toEqual({ ok: true, resource: "inventory", plan: "restart", deduped: false });
    expect(queued).toEqual([
      {
        job: "sync.bulk-start",
        shop: SHOP,
        payload: { resource: "inventory" },
        jobId: `bulk-start:${SHOP}:inventory`,
      },
    ]);
    // The failed run stays as it was until the new one replaces it.
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("failed");
  });

  it("never touches another shop's run, nor a run named with the wrong resource", async () => {
    const theirs = await makeRun(OTHER, "orders", "failed", { error: "network error" });
    const { queue, queued } = recordingQueue();
    expect(
      await retryBulkRun(db(), queue, SHOP, { runId: theirs.id, resource: "orders" }, NOW),
    ).toEqual({ ok: false, error: "not-found" });
    const mine = await makeRun(SHOP, "collections", "failed", { error: "network error" });
    expect(
      await retryBulkRun(db(), queue, SHOP, { runId: mine.id, resource: "products" }, NOW),
    ).toEqual({ ok: false, error: "not-found" });
    expect(queued).toEqual([]);
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe(
      "failed",
    );
    await db().syncRun.delete({ where: { id: mine.id } });
  });

  it("refuses a failed run a newer run replaced, and any retry while a bulk sync runs", async () => {
    const old = await makeRun(SHOP, "collections", "failed", {
      error: "network error",
      startedAt: new Date(NOW.getTime() - 2 * DAY),
    });
    const newer = await makeRun(SHOP, "collections", "completed");
    const { queue, queued } = recordingQueue();
    expect(
      await retryBulkRun(db(), queue, SHOP, { runId: old.id, resource: "collections" }, NOW),
    ).toEqual({ ok: false, error: "stale" });
    await db().syncRun.delete({ where: { id: newer.id } });
    const running = await makeRun(SHOP, "products", "running");
    expect(
      await retryBulkRun(db(), queue, SHOP, { runId: old.id, resource: "collections" }, NOW),
    ).toEqual({ ok: false, error: "busy" });
    expect(queued).toEqual([]);
    await db().syncRun.deleteMany({ where: { id: { in: [old.id, running.id] } } });
  });
});

describe("a continued run (the simulated Admin API)", () => {
  const RUN_SHOP = "retry-sim.myshopify.com";
  const TOKEN = "shpat_retry_test";
  const store = generateStore({ seed: 5, products: 30, shopDomain: RUN_SHOP });
  const workDir = mkdtempSync(path.join(os.tmpdir(), "sw-retry-"));
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({
      store,
      accessToken: TOKEN,
      apiSecret: "s",
      webhookSubscriptions: [],
    });
  });
  afterAll(async () => sim?.close());

  it("finishes from the same operation's file: no second bulk operation, every row saved", async () => {
    const operations: string[] = [];
    const client = createAdminClient({
      shop: RUN_SHOP,
      accessToken: TOKEN,
      endpoint: sim.graphqlUrl,
      baseDelayMs: 5,
      fetch: (input, init) => {
        if (String(init?.body).includes("bulkOperationRunQuery")) operations.push("run");
        return fetch(input, init);
      },
    });
    const { runId } = await startBulkSync({
      db: db(),
      client,
      shop: RUN_SHOP,
      resource: "products",
    });
    // The app stops (a deploy) just as the download starts.
    const stop = new AbortController();
    const stopping: typeof fetch = (input, init) => {
      if (String(input).includes("/bulk/")) stop.abort();
      return fetch(input, init);
    };
    const complete = (fetcher?: typeof fetch, signal?: AbortSignal) =>
      completeBulkSync({
        db: db(),
        client,
        shop: RUN_SHOP,
        runId,
        databaseUrl: process.env.DATABASE_URL!,
        workDir,
        pollMs: 20,
        fetch: fetcher,
        signal,
      });
    await expect(complete(stopping, stop.signal)).rejects.toThrow();
    const stopped = await db().syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(stopped).toMatchObject({ status: "failed", finishedAt: null });
    expect(stopped.sourceUrl).not.toBeNull();

    const { queue, queued } = recordingQueue();
    expect(
      await retryBulkRun(db(), queue, RUN_SHOP, { runId, resource: "products" }, new Date()),
    ).toMatchObject({ ok: true, plan: "continue" });
    expect(queued.map((q) => [q.job, q.payload])).toEqual([["sync.bulk-complete", { runId }]]);

    // What the queued completion does.
    const { report } = await complete();
    expect(report?.counts.products).toBe(store.products.length);
    expect(await db().product.count({ where: { shop: RUN_SHOP } })).toBe(store.products.length);
    expect(await db().syncRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      status: "completed",
      error: null,
    });
    expect(operations).toEqual(["run"]);
    expect(await db().syncRun.count({ where: { shop: RUN_SHOP } })).toBe(1);
  });
});
