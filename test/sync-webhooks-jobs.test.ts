import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "../app/db.server";
import { createBullmqRunner } from "../app/jobs/bullmq";
import { closeJobQueue } from "../app/background.server";
import { createInlineRunner } from "../app/jobs/inline";
import { ALL_JOBS } from "../app/background.server";
import type { JobQueue } from "../app/jobs/types";
import { action as bulkFinish } from "../app/routes/webhooks.bulk_operations.finish";
import { action as productsUpdate } from "../app/routes/webhooks.products.update";
import { startRun } from "../app/sync/runs.server";
import { recordingQueue } from "./helpers/queue";
import { officialExample, signedWebhook } from "./helpers/webhook";

const SHOP = "jobs-shop.myshopify.com";
const call = (request: Request) => productsUpdate({ request, params: {}, context: {} });
const product = () =>
  officialExample("products/update") as {
    admin_graphql_api_id: string;
    title: string;
    updated_at: string;
  };

/** Makes the app's process-wide queue this runner, as getJobQueue() would from REDIS_URL. */
function useQueue(queue: JobQueue) {
  globalThis.__seaworthyJobQueue = queue;
  return queue;
}

async function waitFor(check: () => Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not met in time");
}

afterEach(async () => closeJobQueue());

describe("store-data webhooks: the route answers at once, a job updates the mirror", () => {
  it("inline runner: a signed products/update lands in the mirror; a repeat is dropped", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    const p = { ...product(), title: "From a webhook" };
    const eventId = randomUUID();
    const response = await call(signedWebhook("products/update", p, { shop: SHOP, eventId }));
    expect(response.status).toBe(200);
    await queue.drain();
    expect(
      (
        await db().product.findUniqueOrThrow({
          where: { shop_id: { shop: SHOP, id: p.admin_graphql_api_id } },
        })
      ).title,
    ).toBe("From a webhook");
    expect(
      (
        await call(
          signedWebhook("products/update", { ...p, title: "Repeat" }, { shop: SHOP, eventId }),
        )
      ).status,
    ).toBe(200);
    await queue.drain();
    expect(
      (
        await db().product.findUniqueOrThrow({
          where: { shop_id: { shop: SHOP, id: p.admin_graphql_api_id } },
        })
      ).title,
    ).toBe("From a webhook");
  });

  it("inline runner: an out-of-order older update does not overwrite a newer one", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    const p = product();
    const newer = {
      ...p,
      title: "Newer",
      updated_at: new Date(new Date(p.updated_at).getTime() + 3_600_000).toISOString(),
    };
    await call(signedWebhook("products/update", newer, { shop: SHOP }));
    await queue.drain();
    await call(signedWebhook("products/update", { ...p, title: "Older" }, { shop: SHOP }));
    await queue.drain();
    expect(
      (
        await db().product.findUniqueOrThrow({
          where: { shop_id: { shop: SHOP, id: p.admin_graphql_api_id } },
        })
      ).title,
    ).toBe("Newer");
  });

  it("bulk_operations/finish after polling completed the run: nothing runs again", async () => {
    const queue = useQueue(createInlineRunner({ jobs: ALL_JOBS }));
    // This shop has no session: a completion job that did run would fail the run for want of a
    // token, which is how a wrongly repeated completion shows here.
    const finish = (operation: string) =>
      bulkFinish({
        request: signedWebhook(
          "bulk_operations/finish",
          { ...officialExample("bulk_operations/finish"), admin_graphql_api_id: operation },
          { shop: SHOP },
        ),
        params: {},
        context: {},
      });
    const base = Date.now();
    const operation = (n: number) => `gid://shopify/BulkOperation/${base}${n}`;
    const completed = await startRun(db(), SHOP, {
      resource: "products",
      kind: "bulk",
      bulkOperationId: operation(1),
    });
    const finishedAt = new Date("2026-12-01T10:00:00Z");
    await db().syncRun.update({
      where: { id: completed },
      data: { status: "completed", finishedAt },
    });
    expect((await finish(operation(1))).status).toBe(200);
    await queue.drain();
    expect(
      await db().syncRun.findUniqueOrThrow({
        where: { id: completed },
        select: { status: true, finishedAt: true, error: true },
      }),
    ).toEqual({ status: "completed", finishedAt, error: null });

    // The job itself also leaves a completed run alone (polling and the webhook can both queue it).
    const { bulkCompleteJob } = await import("../app/sync/jobs.server");
    await queue.enqueue(bulkCompleteJob, SHOP, { runId: completed });
    await queue.drain();
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: completed } })).status).toBe(
      "completed",
    );

    // A run still waiting gets its completion queued by the webhook; the completed one does not.
    const recording = recordingQueue();
    useQueue(recording.queue);
    const running = await startRun(db(), SHOP, {
      resource: "products",
      kind: "bulk",
      bulkOperationId: operation(2),
    });
    expect((await finish(operation(1))).status).toBe(200);
    expect((await finish(operation(2))).status).toBe(200);
    expect(recording.queued).toEqual([
      {
        job: bulkCompleteJob.name,
        shop: SHOP,
        payload: { runId: running },
        jobId: `bulk-complete:${running}`,
      },
    ]);
  });

  describe.runIf(process.env.REDIS_URL)("on BullMQ over Redis", () => {
    const prefix = `sw-test-${randomUUID().slice(0, 8)}`;
    let worker: ReturnType<typeof createBullmqRunner> | undefined;
    afterAll(async () => worker?.close());

    it("the web process enqueues, a worker applies it", async () => {
      useQueue(createBullmqRunner({ url: process.env.REDIS_URL!, jobs: ALL_JOBS, prefix }));
      worker = createBullmqRunner({
        url: process.env.REDIS_URL!,
        jobs: ALL_JOBS,
        prefix,
        startWorkers: true,
      });
      await worker.ready();
      const p = {
        ...product(),
        title: "Via BullMQ",
        updated_at: new Date(Date.now() + 86_400_000).toISOString(),
      };
      expect((await call(signedWebhook("products/update", p, { shop: SHOP }))).status).toBe(200);
      await waitFor(
        async () =>
          (
            await db().product.findUnique({
              where: { shop_id: { shop: SHOP, id: p.admin_graphql_api_id } },
            })
          )?.title === "Via BullMQ",
      );
    });
  });
});
