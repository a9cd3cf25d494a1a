/** Runs one ingest in its own process so a test can kill it with SIGKILL at any point. */
import { createDb } from "../../app/db.server";
import { ingestJsonl } from "../../app/sync/ingest/ingest.server";
import { openMirrorWriter } from "../../app/sync/mirror/writer.server";

const [url, shop, runId, file, batchRows] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
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
  onProgress: async (r) => {
    checkpoints += 1;
    process.stdout.write(`checkpoint ${checkpoints} ${r.bytesDone}\n`);
    // Slow the child down so the parent's kill lands inside the run, not after it has finished.
    await new Promise((resolve) => setTimeout(resolve, 15));
  },
});
process.stdout.write("done\n");
await writer.close();
await db.$disconnect();
