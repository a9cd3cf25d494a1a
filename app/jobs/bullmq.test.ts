import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createBullmqRunner } from "./bullmq";
import { runnerContract, waitFor } from "./runner-contract";
import { defineJob, type AnyJobDefinition } from "./types";

const REDIS_URL = process.env.REDIS_URL;
// One prefix per test run and one below it per runner, so nothing is shared between runs or
// between tests (a schedule outlives its runner in Redis), and cleanup finds every key.
const runPrefix = `seaworthy-test-${randomUUID().slice(0, 8)}`;
let runners = 0;
const nextPrefix = () => `${runPrefix}-${(runners += 1)}`;

describe.runIf(REDIS_URL)("BullMQ runner", () => {
  const url = REDIS_URL ?? "";

  afterAll(async () => {
    // Any Queue's client is a plain Redis connection: delete every key this run wrote.
    const cleaner = new Queue("cleanup", { connection: { url }, prefix: runPrefix });
    const client = await cleaner.client;
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, { MATCH: `${runPrefix}*`, COUNT: 500 });
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
    await cleaner.close();
  });

  runnerContract("bullmq", async (options) => {
    const runner = createBullmqRunner({
      ...options,
      url,
      prefix: nextPrefix(),
      startWorkers: true,
    });
    await runner.ready();
    return runner;
  });

  it("keeps jobs in Redis under <prefix>:<job name> for workers in another process", async () => {
    const prefix = nextPrefix();
    const seen: string[] = [];
    const job = defineJob({
      name: "test.split",
      schema: z.object({ productId: z.string() }),
      async run({ productId }, ctx) {
        seen.push(`${ctx.shop} ${productId}`);
      },
    });
    const jobs: AnyJobDefinition[] = [job];
    const web = createBullmqRunner({ url, jobs, prefix }); // producer only, like the web process
    await web.enqueue(job, "a.myshopify.com", { productId: "1" });
    const probe = new Queue("test.split", { connection: { url }, prefix });
    expect(await probe.getWaitingCount()).toBe(1);
    expect(probe.keys.wait).toBe(`${prefix}:test.split:wait`);
    await probe.close();

    const worker = createBullmqRunner({ url, jobs, prefix, startWorkers: true });
    await worker.drain();
    expect(seen).toEqual(["a.myshopify.com 1"]);
    await Promise.all([web.close(), worker.close()]);
  });

  it("puts a job interrupted by shutdown back on the queue without using an attempt", async () => {
    const prefix = nextPrefix();
    const attempts: number[] = [];
    const job = defineJob({
      name: "test.resumable",
      schema: z.object({}),
      attempts: 1, // an interruption that counted as a failure would lose the job
      async run(_payload, ctx) {
        attempts.push(ctx.attempt);
        if (attempts.length > 1) return; // the next worker finishes from the checkpoint
        await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
        throw new Error("stopped at checkpoint");
      },
    });
    const failures: string[] = [];
    const options = { url, jobs: [job], prefix, onFailed: () => void failures.push("failed") };
    const first = createBullmqRunner({ ...options, startWorkers: true });
    await first.enqueue(job, "a.myshopify.com", {});
    await waitFor(() => attempts.length === 1);
    await first.close();

    const second = createBullmqRunner({ ...options, startWorkers: true });
    await second.drain();
    await second.close();
    expect(attempts).toEqual([1, 1]);
    expect(failures).toEqual([]);
  });
});

describe("BullMQ runner without Redis", () => {
  it("rejects enqueue after timeoutMs instead of hanging a webhook", async () => {
    const job = defineJob({ name: "test.unreachable", schema: z.object({}), async run() {} });
    const runner = createBullmqRunner({ url: "redis://127.0.0.1:1", jobs: [job], timeoutMs: 200 });
    const startedAt = Date.now();
    await expect(runner.enqueue(job, "a.myshopify.com", {})).rejects.toThrow(
      /test\.unreachable: enqueue: Redis did not answer within 200 ms/,
    );
    expect(Date.now() - startedAt).toBeLessThan(2000);
    await runner.close();
  });
});
