import { afterEach, describe, expect, it, vi } from "vitest";
import { registerJobs } from "./jobs/registry";
import { ALL_JOBS, closeJobQueue, getJobQueue } from "./background.server";

describe("the composition root", () => {
  afterEach(async () => {
    await closeJobQueue();
    vi.unstubAllEnvs();
  });

  it("lists every job once", () => {
    expect(() => registerJobs(ALL_JOBS)).not.toThrow();
    const names = ALL_JOBS.map((j) => j.name);
    for (const prefix of ["auth.", "sync.", "channels.", "compliance."])
      expect(names.some((n) => n.startsWith(prefix))).toBe(true);
  });

  it("runs inline without REDIS_URL and is one queue per process", () => {
    vi.stubEnv("REDIS_URL", "");
    expect(getJobQueue().kind).toBe("inline");
    expect(getJobQueue()).toBe(getJobQueue());
  });

  it("uses BullMQ when REDIS_URL is set", async () => {
    // Queues connect lazily, so this needs no Redis.
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
    expect(getJobQueue().kind).toBe("bullmq");
  });
});
