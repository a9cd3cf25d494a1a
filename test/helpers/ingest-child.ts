/**
 * Runs one ingest in its own process. With a 6th argument N, the process SIGKILLs itself at a
 * random moment after its N-th checkpoint: usually mid-batch, with rows read but not committed.
 * (The kill comes from inside so that it lands where intended, however busy the test runner is.)
 */
import { createDb } from "../../app/db.server";
import { ingestJsonl } from "../../app/sync/ingest/ingest.server";
import { openMirrorWriter } from "../../app/sync/mirror/writer.server";

const [url, shop, runId, file, batchRows, killAfter] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string?,
];
const db = createDb(url);
const writer = await openMirrorWriter(url, shop);
let checkpoints = 0;
await ingestJsonl({
  db,
  writer,
  shop,
  runId,
  file,
  batchRows: Number(batchRows),
  onProgress: (r) => {
    checkpoints += 1;
    process.stdout.write(`checkpoint ${checkpoints} ${r.bytesDone}\n`);
    if (killAfter && checkpoints === Number(killAfter)) {
      setTimeout(() => process.kill(process.pid, "SIGKILL"), Math.random() * 20);
    }
    // On a loaded machine the timer can lag behind many batches (then the run may even finish
    // unkilled): the next checkpoint kills at once, so the kill lands within one batch.
    if (killAfter && checkpoints > Number(killAfter)) process.kill(process.pid, "SIGKILL");
  },
});
process.stdout.write("done\n");
await writer.close();
await db.$disconnect();
