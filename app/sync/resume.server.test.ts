import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { SHOP_SCHEDULES } from "../background.server";
import type { JobQueue } from "../jobs/types";
import { recordingQueue } from "../../test/helpers/queue";
import { resumeInterruptedSyncs } from "./resume.server";

describe("resumeInterruptedSyncs", () => {
  it("queues the completion of every bulk run left running, for its own shop, and nothing else", async () => {
    const make = (shop: string, status: string, kind: string, bulkOperationId: string | null) =>
      db().syncRun.create({
        data: { shop, resource: "products", kind, status, bulkOperationId },
        select: { id: true },
      });
    const a = await make("a.myshopify.com", "running", "bulk", "gid://shopify/BulkOperation/1");
    const b = await make("b.myshopify.com", "running", "bulk", "gid://shopify/BulkOperation/2");
    await make("a.myshopify.com", "completed", "bulk", "gid://shopify/BulkOperation/3");
    await make("a.myshopify.com", "running", "import", null);
    const { queue, queued } = recordingQueue();
    expect(await resumeInterruptedSyncs(db(), queue)).toBe(2);
    expect(queued.sort((x, y) => x.shop.localeCompare(y.shop))).toEqual([
      {
        job: "sync.bulk-complete",
        shop: "a.myshopify.com",
        payload: { runId: a.id },
        jobId: `bulk-complete:${a.id}`,
      },
      {
        job: "sync.bulk-complete",
        shop: "b.myshopify.com",
        payload: { runId: b.id },
        jobId: `bulk-complete:${b.id}`,
      },
    ]);
  });
});

describe("resumeInterruptedSyncs: a full sync cut short between two resources", () => {
  it("starts the next resource where a shop's latest bulk run completed, and nowhere else", async () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes));
    const run = (shop: string, resource: string, status: string, minutes: number) =>
      db().syncRun.create({
        data: {
          shop,
          resource,
          kind: "bulk",
          status,
          bulkOperationId: status === "running" ? null : `gid://shopify/BulkOperation/${minutes}`,
          startedAt: at(minutes),
        },
      });
    // Cut short after collections: inventory must start.
    await run("chain-cut.myshopify.com", "products", "completed", 1);
    await run("chain-cut.myshopify.com", "collections", "completed", 2);
    // Finished the whole chain: nothing to do.
    await run("chain-done.myshopify.com", "products", "completed", 1);
    await run("chain-done.myshopify.com", "orders", "completed", 4);
    // Failed: the merchant retries (the card says so); nothing starts by itself.
    await run("chain-failed.myshopify.com", "products", "failed", 1);
    // Still running (its completion is resumed): it chains on by itself.
    await run("chain-running.myshopify.com", "products", "completed", 1);
    await run("chain-running.myshopify.com", "collections", "running", 0);
    const { queue, queued } = recordingQueue();
    await resumeInterruptedSyncs(db(), queue);
    expect(queued.filter((q) => q.shop.startsWith("chain-"))).toEqual([
      {
        job: "sync.bulk-start",
        shop: "chain-cut.myshopify.com",
        payload: { resource: "inventory" },
        jobId: "bulk-start:chain-cut.myshopify.com:inventory",
      },
    ]);
  });
});

describe("restoreSchedules", () => {
  it("gives every installed shop its reconcile and daily compliance runs back, and skips uninstalled shops", async () => {
    const { restoreSchedules } = await import("./resume.server");
    await db().shop.create({
      data: { shop: "kept.myshopify.com", locales: [], markets: [], settings: {} },
    });
    await db().shop.create({
      data: {
        shop: "left.myshopify.com",
        locales: [],
        markets: [],
        settings: {},
        uninstalledAt: new Date(),
      },
    });
    const scheduled: { job: string; shop: string; key?: string }[] = [];
    const queue = {
      schedule: async (
        job: { name: string },
        shop: string,
        _p: unknown,
        _every: number,
        opts?: { key?: string },
      ) => {
        scheduled.push({ job: job.name, shop, key: opts?.key });
      },
    } as unknown as JobQueue;
    expect(await restoreSchedules(db(), queue, SHOP_SCHEDULES)).toBe(1);
    expect(scheduled).toEqual([
      { job: "sync.reconcile", shop: "kept.myshopify.com", key: "reconcile" },
      { job: "compliance.evaluate-all", shop: "kept.myshopify.com", key: "compliance-evaluate" },
      { job: "compliance.publish-labels", shop: "kept.myshopify.com", key: "compliance-publish" },
    ]);
  });
});
