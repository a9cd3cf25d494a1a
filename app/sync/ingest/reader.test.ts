import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeBulkProductsFile } from "../../../bench/bulk-jsonl";
import type { Progress, ReadMessage, ReadOptions } from "./batches";
import { readerThreadAvailable, readFileBatches, ReaderThreadError } from "./reader";

const dir = mkdtempSync(path.join(os.tmpdir(), "sw-reader-"));
const start: Progress = {
  linesRead: 0,
  rowsWritten: 0,
  bytesDone: 0,
  counts: {},
  skipped: {},
  problems: [],
  problemCount: 0,
};
const options = (file: string, from = start): ReadOptions => ({
  file,
  from,
  batchRows: 100,
  kind: "sqlite",
  shop: "reader.myshopify.com",
});

async function all(iterable: AsyncIterable<ReadMessage>) {
  const out: ReadMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

/** The same messages whatever the clock said (each batch carries its rows' syncedAt). */
const unstamped = (messages: ReadMessage[]) =>
  JSON.parse(
    JSON.stringify(messages).replace(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00"/g, '"T"'),
  ) as unknown;

describe("readFileBatches", () => {
  it("runs from source here, so the ingest reads on a second thread", () => {
    expect(readerThreadAvailable()).toBe(true);
  });

  it("gives the same batches and progress on the reader thread as in this thread, from any checkpoint", async () => {
    const file = path.join(dir, "same.jsonl");
    await writeBulkProductsFile(file, { products: 80, metafields: 1, shuffleChildren: true });
    const here = await all(readFileBatches(options(file), false));
    const there = await all(readFileBatches(options(file), true));
    expect(here.length).toBeGreaterThan(5);
    expect(unstamped(there)).toEqual(unstamped(here));
    const third = here[2]!;
    if (third.type !== "batch") throw new Error("expected a batch");
    expect(unstamped(await all(readFileBatches(options(file, third.progress), true)))).toEqual(
      unstamped(here.slice(3)),
    );
  });

  it("fails with a clear error when the reader thread fails, and stops the thread", async () => {
    const error = await all(readFileBatches(options(dir), true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReaderThreadError);
    expect((error as Error).message).toMatch(/The reader thread for .* failed: .*EISDIR/);
  });

  it("stops the thread when the consumer leaves early (a failed write, an abort)", async () => {
    const file = path.join(dir, "early.jsonl");
    await writeBulkProductsFile(file, { products: 200 });
    let seen = 0;
    for await (const m of readFileBatches(options(file), true)) {
      seen += m.type === "batch" ? 1 : 0;
      if (seen === 2) break;
    }
    // The thread keeps at most two batches ahead; leaving the loop must not leave it running (the
    // test process would not exit), and a new read starts cleanly.
    expect(seen).toBe(2);
    expect((await all(readFileBatches(options(file), true))).length).toBeGreaterThan(2);
  });

  it("ends with `truncated` after the last whole batch when the file stops mid-line", async () => {
    const file = path.join(dir, "cut.jsonl");
    writeFileSync(file, '{"id":"gid://shopify/Product/1","title":"A"}\n{"id":"gid://shop');
    const messages = await all(readFileBatches(options(file), true));
    expect(messages.map((m) => m.type)).toEqual(["batch", "truncated"]);
    expect(messages[1]).toEqual({ type: "truncated", line: 2 });
  });
});
