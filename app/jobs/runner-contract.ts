import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { JobPayloadError, PermanentJobError, UnknownJobError } from "./errors";
import { defineJob, type AnyJobDefinition, type JobFailure, type JobQueue } from "./types";

/**
 * The behaviour both runners promise, as one suite: inline.test.ts runs it always and
 * bullmq.test.ts runs it against Redis. Job code written against one runner therefore behaves
 * the same on the other.
 */
export type MakeRunner = (options: {
  jobs: readonly AnyJobDefinition[];
  onFailed: (failure: JobFailure) => void;
}) => Promise<JobQueue>;

const SHOP = "contract-shop.myshopify.com";
const OTHER_SHOP = "other-contract-shop.myshopify.com";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(10);
  }
}

/** A promise a test resolves by hand: holds a job "running" for as long as the test needs. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const productPayload = z.object({ productId: z.string().startsWith("gid://shopify/Product/") });
const numbered = z.object({ n: z.number().int() });
const empty = z.object({});

export function runnerContract(label: string, makeRunner: MakeRunner): void {
  describe(`job runner contract: ${label}`, () => {
    const opened: JobQueue[] = [];
    let failures: JobFailure[] = [];

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.close()));
      failures = [];
    });

    async function runner(...jobs: AnyJobDefinition[]): Promise<JobQueue> {
      const queue = await makeRunner({ jobs, onFailed: (failure) => failures.push(failure) });
      opened.push(queue);
      return queue;
    }

    it("lets a job queue follow-up work for its own shop through its context", async () => {
      const seen: Array<{ shop: string; n: number }> = [];
      const follow = defineJob({
        name: "test.follow",
        schema: numbered,
        async run({ n }, ctx) {
          seen.push({ shop: ctx.shop, n });
        },
      });
      const first = defineJob({
        name: "test.first",
        schema: numbered,
        async run({ n }, ctx) {
          await ctx.enqueue(follow, { n: n + 1 });
        },
      });
      const queue = await runner(first, follow);
      await queue.enqueue(first, SHOP, { n: 1 });
      await waitFor(() => seen.length === 1);
      await queue.drain();
      expect(seen).toEqual([{ shop: SHOP, n: 2 }]);
    });

    it("runs a job with the shop and the payload", async () => {
      const seen: Array<{ payload: unknown; shop: string; attempt: number }> = [];
      const job = defineJob({
        name: "test.echo",
        schema: productPayload,
        async run(payload, ctx) {
          seen.push({ payload, shop: ctx.shop, attempt: ctx.attempt });
          await ctx.progress({ done: 1, total: 1 });
          ctx.log("echoed", { productId: payload.productId });
        },
      });
      const queue = await runner(job);
      const payload = { productId: "gid://shopify/Product/1" };
      const added = await queue.enqueue(job, SHOP, payload);
      expect(added).toEqual({ id: expect.any(String), deduped: false });
      await queue.drain();
      expect(seen).toEqual([{ payload, shop: SHOP, attempt: 1 }]);
      expect(failures).toEqual([]);
    });

    it("rejects a bad payload, shop or unknown job at enqueue, with a clear error", async () => {
      let runs = 0;
      const job = defineJob({
        name: "test.strict",
        schema: productPayload,
        async run() {
          runs += 1;
        },
      });
      const stranger = defineJob({ name: "test.stranger", schema: empty, async run() {} });
      const queue = await runner(job);

      const bad = { productId: 42 } as unknown as z.infer<typeof productPayload>;
      await expect(queue.enqueue(job, SHOP, bad)).rejects.toThrow(JobPayloadError);
      await expect(queue.enqueue(job, SHOP, bad)).rejects.toThrow(
        /^test\.strict: invalid payload:[\s\S]*expected string, received number[\s\S]*productId/,
      );
      await expect(
        queue.enqueue(job, "", { productId: "gid://shopify/Product/1" }),
      ).rejects.toThrow(/test\.strict: invalid shop "": must be a \*\.myshopify\.com domain/);
      // A Date would arrive in the job as a string after the trip through Redis: refused up front.
      const dated = defineJob({
        name: "test.dated",
        schema: z.object({ at: z.date() }),
        async run() {},
      });
      const withDated = await runner(dated);
      await expect(withDated.enqueue(dated, SHOP, { at: new Date() })).rejects.toThrow(
        /test\.dated: invalid payload/,
      );
      await expect(queue.enqueue(stranger, SHOP, {})).rejects.toThrow(UnknownJobError);

      await queue.drain();
      expect(runs).toBe(0);
    });

    it("retries a failing job until it succeeds", async () => {
      const attempts: number[] = [];
      const job = defineJob({
        name: "test.flaky",
        schema: numbered,
        attempts: 4,
        backoffMs: 10,
        async run(_payload, ctx) {
          attempts.push(ctx.attempt);
          if (ctx.attempt < 3) throw new Error(`transient failure ${ctx.attempt}`);
        },
      });
      const queue = await runner(job);
      await queue.enqueue(job, SHOP, { n: 1 });
      await queue.drain();
      expect(attempts).toEqual([1, 2, 3]);
      expect(failures).toEqual([]);
    });

    it("gives up after `attempts` and reports the failure once", async () => {
      const attempts: number[] = [];
      const job = defineJob({
        name: "test.broken",
        schema: numbered,
        attempts: 2,
        backoffMs: 10,
        async run(_payload, ctx) {
          attempts.push(ctx.attempt);
          throw new Error("Shopify said no");
        },
      });
      const queue = await runner(job);
      const { id } = await queue.enqueue(job, SHOP, { n: 1 });
      await queue.drain();
      expect(attempts).toEqual([1, 2]);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ job: "test.broken", id, shop: SHOP, attempts: 2 });
      expect(failures[0]?.error.message).toBe("Shopify said no");
    });

    it("gives up at once on a PermanentJobError", async () => {
      let runs = 0;
      const job = defineJob({
        name: "test.uninstalled",
        schema: numbered,
        attempts: 5,
        backoffMs: 10,
        async run() {
          runs += 1;
          throw new PermanentJobError("shop uninstalled");
        },
      });
      const queue = await runner(job);
      await queue.enqueue(job, SHOP, { n: 1 });
      await queue.drain();
      expect(runs).toBe(1);
      expect(failures).toMatchObject([{ job: "test.uninstalled", attempts: 1 }]);
    });

    it("dedupes by jobId per shop while a job is waiting or running, not after", async () => {
      const held = gate();
      const runs: Array<{ shop: string; n: number }> = [];
      const job = defineJob({
        name: "test.product",
        schema: numbered,
        concurrency: 2,
        async run({ n }, ctx) {
          runs.push({ shop: ctx.shop, n });
          await held.opened;
        },
      });
      const queue = await runner(job);
      const first = await queue.enqueue(job, SHOP, { n: 1 }, { jobId: "product-1" });
      expect(await queue.enqueue(job, SHOP, { n: 2 }, { jobId: "product-1" })).toEqual({
        id: first.id,
        deduped: true,
      });
      // The key is per shop: another shop's product-1 is different work.
      expect((await queue.enqueue(job, OTHER_SHOP, { n: 3 }, { jobId: "product-1" })).deduped).toBe(
        false,
      );
      await waitFor(() => runs.some((run) => run.n === 1)); // now running, still deduped
      expect(await queue.enqueue(job, SHOP, { n: 4 }, { jobId: "product-1" })).toEqual({
        id: first.id,
        deduped: true,
      });
      held.open();
      await queue.drain();
      // Finished: the same key enqueues a new run.
      const again = await queue.enqueue(job, SHOP, { n: 5 }, { jobId: "product-1" });
      expect(again.deduped).toBe(false);
      expect(again.id).not.toBe(first.id);
      await queue.drain();
      expect(runs.map((run) => run.n).sort()).toEqual([1, 3, 5]);
    });

    it("never runs more than `concurrency` at once", async () => {
      let inFlight = 0;
      let maxInFlight = 0;
      let done = 0;
      const job = defineJob({
        name: "test.limited",
        schema: numbered,
        concurrency: 2,
        async run() {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(40);
          inFlight -= 1;
          done += 1;
        },
      });
      const queue = await runner(job);
      for (let n = 0; n < 6; n += 1) await queue.enqueue(job, SHOP, { n });
      await queue.drain();
      expect(done).toBe(6);
      expect(maxInFlight).toBe(2);
    });

    it("runs a delayed job after the delay", async () => {
      let ranAt = 0;
      const job = defineJob({
        name: "test.later",
        schema: empty,
        async run() {
          ranAt = Date.now();
        },
      });
      const queue = await runner(job);
      const enqueuedAt = Date.now();
      await queue.enqueue(job, SHOP, {}, { delayMs: 300 });
      await sleep(100);
      expect(ranAt).toBe(0);
      await queue.drain(); // a delayed job is outstanding work
      expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(290);
    });

    it("runs a schedule repeatedly and stops on close", async () => {
      const runs: Array<{ shop: string; payload: unknown }> = [];
      const job = defineJob({
        name: "test.reconcile",
        schema: z.object({ scope: z.string() }),
        async run(payload, ctx) {
          runs.push({ shop: ctx.shop, payload });
        },
      });
      const queue = await runner(job);
      await queue.schedule(job, SHOP, { scope: "all" }, 100);
      await waitFor(() => runs.length >= 3, 3000);
      expect(runs[0]).toEqual({ shop: SHOP, payload: { scope: "all" } });
      await queue.close();
      const count = runs.length;
      await sleep(300);
      expect(runs.length).toBe(count);
    });

    it("replaces a schedule with the same key, and unschedule stops it", async () => {
      const runs: number[] = [];
      const job = defineJob({
        name: "test.tick",
        schema: numbered,
        async run({ n }) {
          runs.push(n);
        },
      });
      const queue = await runner(job);
      const startedAt = Date.now();
      await queue.schedule(job, SHOP, { n: 1 }, 100);
      await queue.schedule(job, SHOP, { n: 2 }, 100); // on every boot: must not double up
      await waitFor(() => runs.filter((n) => n === 2).length >= 2, 3000);
      const elapsed = Date.now() - startedAt;
      // One schedule at 100 ms gives about elapsed/100 + 1 runs; two would give twice that.
      expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
      await queue.unschedule(job, SHOP);
      await queue.drain();
      const count = runs.length;
      await sleep(300);
      expect(runs.length).toBe(count);
    });

    it("drain waits until queued and running jobs have finished", async () => {
      const finished: number[] = [];
      const job = defineJob({
        name: "test.slow",
        schema: numbered,
        async run({ n }) {
          await sleep(100);
          finished.push(n);
        },
      });
      const queue = await runner(job);
      await queue.drain(); // nothing queued: resolves at once
      await queue.enqueue(job, SHOP, { n: 1 });
      await queue.enqueue(job, SHOP, { n: 2 });
      await queue.drain();
      expect(finished).toEqual([1, 2]);
    });

    it("returns from enqueue before the job runs", async () => {
      let enqueuerContinued = false;
      let seenByJob: boolean | undefined;
      const job = defineJob({
        name: "test.webhook",
        schema: empty,
        async run() {
          seenByJob = enqueuerContinued;
        },
      });
      const queue = await runner(job);
      await queue.enqueue(job, SHOP, {});
      enqueuerContinued = true; // the webhook handler answering Shopify
      await queue.drain();
      expect(seenByJob).toBe(true);
    });

    it("on close, aborts a running job's signal and waits for it; not a failure", async () => {
      let started = false;
      let sawAbort = false;
      const job = defineJob({
        name: "test.bulk",
        schema: empty,
        async run(_payload, ctx) {
          started = true;
          await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
          sawAbort = true;
          throw new Error("stopped at checkpoint");
        },
      });
      const queue = await runner(job);
      await queue.enqueue(job, SHOP, {});
      await waitFor(() => started);
      await queue.close();
      expect(sawAbort).toBe(true);
      expect(failures).toEqual([]);
      await expect(queue.enqueue(job, SHOP, {})).rejects.toThrow(/closed/);
    });
  });
}
