import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registerJobs } from "./registry";
import { defineJob } from "./types";

const job = (name: string) => defineJob({ name, schema: z.object({}), async run() {} });

describe("defineJob", () => {
  it("refuses names BullMQ cannot use as a queue name, and bad settings", () => {
    expect(() => job("sync:product")).toThrow(/job name "sync:product"/);
    expect(() => job("Sync.Product")).toThrow(/lower-case/);
    expect(() => defineJob({ ...job("sync.product"), attempts: 0 })).toThrow(/attempts/);
    expect(() => defineJob({ ...job("sync.product"), concurrency: 1.5 })).toThrow(/concurrency/);
    expect(() => defineJob({ ...job("sync.product"), backoffMs: -1 })).toThrow(/backoffMs/);
    expect(job("sync.bulk-ingest").name).toBe("sync.bulk-ingest");
  });
});

describe("registerJobs", () => {
  it("looks jobs up by name and refuses two jobs with one name", () => {
    const product = job("sync.product");
    const registry = registerJobs([product, job("sync.reconcile")]);
    expect(registry.get("sync.product")).toBe(product);
    expect(registry.get("sync.nothing")).toBeUndefined();
    expect(registry.require(product)).toBe(product);
    expect(() => registry.require(job("sync.nothing"))).toThrow(
      /not registered.*ALL_JOBS in app\/background.server.ts/,
    );
    expect(() => registerJobs([product, job("sync.product")])).toThrow(/two jobs are named/);
  });
});
