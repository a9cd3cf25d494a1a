import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { writeBulkProductsFile } from "../bench/bulk-jsonl";
import { createDb } from "../app/db.server";
import { ingestJsonl } from "../app/sync/ingest/ingest.server";
import { openMirrorWriter } from "../app/sync/mirror/writer.server";
import { startRun } from "../app/sync/runs.server";
import { dumpMirror } from "./helpers/mirror";

const SHOP = "kill-shop.myshopify.com";
const dir = mkdtempSync(path.join(os.tmpdir(), "sw-kill-"));

function freshDatabase(name: string) {
  const file = path.join(dir, `${name}.sqlite`);
  copyFileSync(path.join(inject("testDbDir"), "base.sqlite"), file);
  return `file:${file}`;
}

/** Runs the ingest in a child process that SIGKILLs itself soon after its `killAfter`-th checkpoint. */
function runAndKill(
  url: string,
  runId: string,
  file: string,
  killAfter: number,
): Promise<"killed"> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx as an import hook), so the kill hits the process doing the work.
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "test/helpers/ingest-child.ts",
        url,
        SHOP,
        runId,
        file,
        "400",
        String(killAfter),
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve("killed");
      else reject(new Error(`ingest child exited with ${code} before being killed:\n${output}`));
    });
  });
}

describe("an ingest killed with SIGKILL", () => {
  it("resumes from its checkpoint and ends in exactly the state of an uninterrupted run", async () => {
    const file = path.join(dir, "products.jsonl");
    await writeBulkProductsFile(file, {
      products: 3000,
      variants: 3,
      images: 2,
      metafields: 1,
      shuffleChildren: true,
    });

    // The uninterrupted run, in its own database.
    const cleanUrl = freshDatabase("clean");
    const cleanDb = createDb(cleanUrl);
    const cleanWriter = await openMirrorWriter(cleanUrl, SHOP);
    const cleanRun = await startRun(cleanDb, SHOP, {
      resource: "products",
      kind: "bulk",
      sourceUrl: file,
    });
    const cleanReport = await ingestJsonl({
      db: cleanDb,
      writer: cleanWriter,
      shop: SHOP,
      runId: cleanRun,
      file,
      batchRows: 400,
    });
    await cleanWriter.close();
    await cleanDb.$disconnect();

    // The interrupted one: killed three times at different points, then finished.
    const url = freshDatabase("killed");
    const database = createDb(url);
    const runId = await startRun(database, SHOP, {
      resource: "products",
      kind: "bulk",
      sourceUrl: file,
    });
    const offsets: number[] = [];
    for (const killAfter of [2, 3, 5]) {
      expect(await runAndKill(url, runId, file, killAfter)).toBe("killed");
      offsets.push(
        Number((await database.syncRun.findUniqueOrThrow({ where: { id: runId } })).bytesDone),
      );
    }
    // Each run went further than the one before, from where that one stopped.
    expect(offsets[0]).toBeGreaterThan(0);
    expect(offsets[1]).toBeGreaterThan(offsets[0]!);
    expect(offsets[2]).toBeGreaterThan(offsets[1]!);

    const writer = await openMirrorWriter(url, SHOP);
    const report = await ingestJsonl({
      db: database,
      writer,
      shop: SHOP,
      runId,
      file,
      batchRows: 400,
    });
    await writer.close();
    await database.$disconnect();

    expect(report.counts).toEqual(cleanReport.counts);
    expect(report.linesRead).toBe(cleanReport.linesRead);
    expect(await dumpMirror(url, SHOP)).toEqual(await dumpMirror(cleanUrl, SHOP));
  }, 120_000);
});
