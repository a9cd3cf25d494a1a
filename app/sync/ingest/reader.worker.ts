/**
 * The ingest's reader thread: reads, parses, maps and encodes the file (./batches.ts) and hands
 * each batch to the thread that writes it (../../jobs/shares.server.ts `servePages`: at most two
 * batches ahead of the writer, which acknowledges each once committed), so memory stays bounded
 * however slow the database is. Nothing here touches the database: a batch only counts once the
 * writer commits it with its checkpoint, so a process killed at any point resumes exactly.
 */
import { workerData } from "node:worker_threads";
import { servePages } from "../../jobs/shares.server";
import { readBatches, type ReadOptions } from "./batches";

await servePages(readBatches(workerData as ReadOptions));
