import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createInlineRunner } from "./inline";
import { runnerContract, sleep } from "./runner-contract";
import { defineJob } from "./types";

runnerContract("inline", async (options) => createInlineRunner(options));

describe("inline runner", () => {
  it("drops queued jobs on close: they do not survive a restart", async () => {
    let runs = 0;
    const job = defineJob({
      name: "test.dropped",
      schema: z.object({}),
      async run() {
        runs += 1;
      },
    });
    const queue = createInlineRunner({ jobs: [job] });
    await queue.enqueue(job, "a.myshopify.com", {}, { delayMs: 50 });
    await queue.close();
    await queue.drain(); // nothing outstanding any more
    await sleep(100);
    expect(runs).toBe(0);
  });

  it("does not retry a job interrupted by close", async () => {
    const attempts: number[] = [];
    const job = defineJob({
      name: "test.interrupted",
      schema: z.object({}),
      backoffMs: 0,
      async run(_payload, ctx) {
        attempts.push(ctx.attempt);
        await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
        throw new Error("stopped");
      },
    });
    const queue = createInlineRunner({ jobs: [job] });
    await queue.enqueue(job, "a.myshopify.com", {});
    await sleep(20);
    await queue.close();
    await sleep(20);
    expect(attempts).toEqual([1]);
  });
});
