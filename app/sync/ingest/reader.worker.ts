/**
 * The ingest's reader thread: reads, parses, maps and encodes the file (./batches.ts) and posts
 * each batch to the thread that writes it. It runs at most WINDOW batches ahead of the writer,
 * which acknowledges each batch once committed, so memory stays bounded however slow the
 * database is. Nothing here touches the database: a batch only counts once the writer commits it
 * with its checkpoint, so a process killed at any point resumes exactly.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readBatches, type ReadOptions } from "./batches";

const WINDOW = 2;
const port = parentPort!;
let unacknowledged = 0;
let wake: (() => void) | undefined;
port.on("message", () => {
  unacknowledged -= 1;
  wake?.();
});

for await (const message of readBatches(workerData as ReadOptions)) {
  port.postMessage(message);
  unacknowledged += 1;
  while (unacknowledged >= WINDOW) await new Promise<void>((resolve) => (wake = resolve));
}
port.postMessage({ type: "end" });
port.close();
