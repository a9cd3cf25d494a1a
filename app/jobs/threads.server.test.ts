import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { threadFlags } from "./threads.server";

const PROCESS_FLAGS = [
  "--max-semi-space-size=4",
  "--import",
  "tsx",
  "--inspect",
  "--conditions=development",
  "--max-old-space-size",
  "--enable-source-maps",
  "--require=./preload.cjs",
];

/** Starts a thread with these flags and resolves when it has run. */
const runs = (execArgv: string[]) =>
  new Promise<void>((resolve, reject) => {
    const worker = new Worker("require('node:worker_threads').parentPort.postMessage(1)", {
      eval: true,
      execArgv,
    });
    worker.once("message", () => void worker.terminate().then(() => resolve()));
    worker.once("error", reject);
  });

describe("threadFlags", () => {
  it("keeps loaders, conditions and source maps, with their values, and drops per-process flags", () => {
    expect(threadFlags(PROCESS_FLAGS)).toEqual([
      "--import",
      "tsx",
      "--conditions=development",
      "--enable-source-maps",
      "--require=./preload.cjs",
    ]);
    expect(threadFlags([])).toEqual([]);
    expect(threadFlags(["--import"])).toEqual([]);
  });

  it("GIVEN a process started with a V8 heap flag WHEN a thread starts with its flags THEN it runs, where the raw flags are refused", async () => {
    expect(() => new Worker("0", { eval: true, execArgv: ["--max-semi-space-size=4"] })).toThrow(
      /invalid execArgv/i,
    );
    await runs(threadFlags(["--max-semi-space-size=4", "--enable-source-maps"]));
  });
});
