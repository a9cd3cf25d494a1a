import { open } from "node:fs/promises";
import type { DatabaseKind } from "../../db/url";
import { BatchEncoder, type EncodedBatch } from "../mirror/encode";
import type { MirrorTable } from "../mirror/rows";
import { mapBulkLine } from "./bulk-lines";
import { readLines } from "./lines";

/** What people call each table in reports (the import CLI's JSON uses these keys). */
export const COUNT_KEYS: Record<MirrorTable, string> = {
  Product: "products",
  Variant: "variants",
  ProductMedia: "images",
  Metafield: "metafields",
  Collection: "collections",
  CollectionProduct: "collectionProducts",
  Location: "locations",
  InventoryLevel: "inventoryLevels",
  Order: "orders",
  OrderLine: "orderLines",
};

export interface Problem {
  line: number;
  reason: string;
}

/** Where the ingest stands after a line: what its checkpoint saves. */
export interface Progress {
  linesRead: number;
  rowsWritten: number;
  bytesDone: number;
  counts: Record<string, number>;
  /** Lines skipped on purpose (types the mirror does not keep), by reason. */
  skipped: Record<string, number>;
  problems: Problem[];
  problemCount: number;
}

export interface ReadOptions {
  file: string;
  /** Progress saved by the last committed batch (zeros for a new run). */
  from: Progress;
  batchRows: number;
  kind: DatabaseKind;
  shop: string;
}

/**
 * A batch of encoded rows with the progress reached after its last line: written together, in one
 * transaction, they make the checkpoint exact. `truncated` ends the stream when the file stops in
 * the middle of a line.
 */
export type ReadMessage =
  | { type: "batch"; encoded: EncodedBatch; progress: Progress }
  | { type: "truncated"; line: number };

const MAX_PROBLEMS_KEPT = 200;
const BLANK = /^\s*$/;

/**
 * Reads, parses, maps and encodes the file from the saved progress on, yielding a batch every
 * `batchRows` rows and always a last one (possibly empty) carrying the final progress. Malformed
 * lines become problems with their line number; the rest is ingested. No database access: this
 * runs in the ingest's reader thread.
 */
export async function* readBatches(o: ReadOptions): AsyncGenerator<ReadMessage> {
  const p: Progress = structuredClone(o.from);
  const encoder = new BatchEncoder(o.kind, o.shop);
  const add = (counts: Record<string, number>, key: string) =>
    (counts[key] = (counts[key] ?? 0) + 1);
  const take = (): ReadMessage => {
    const encoded = encoder.take();
    // A copy: the next lines go on changing `p` while this batch waits to be written.
    return { type: "batch", encoded, progress: structuredClone(p) };
  };
  const problem = (line: number, reason: string) => {
    p.problemCount += 1;
    if (p.problems.length < MAX_PROBLEMS_KEPT) p.problems.push({ line, reason });
  };

  for await (const line of readLines(o.file, {
    offset: o.from.bytesDone,
    line: o.from.linesRead,
  })) {
    if (line.text.length > 0 && !BLANK.test(line.text)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line.text);
      } catch {
        parsed = undefined;
      }
      if (
        parsed === undefined ||
        typeof parsed !== "object" ||
        parsed === null ||
        Array.isArray(parsed)
      ) {
        // A last line without its newline that does not parse is a cut-off download, not bad data.
        if (await endsMidLine(o.file, line.end)) {
          if (encoder.size) yield take();
          yield { type: "truncated", line: line.number };
          return;
        }
        problem(
          line.number,
          parsed === undefined ? `not valid JSON: ${line.text.slice(0, 80)}` : "not a JSON object",
        );
      } else {
        const mapped = mapBulkLine(parsed as Record<string, unknown>);
        if ("skip" in mapped) {
          add(p.skipped, mapped.skip);
        } else {
          encoder.add(mapped.table, mapped.row);
          add(p.counts, COUNT_KEYS[mapped.table]);
          p.rowsWritten += 1;
        }
      }
    }
    p.linesRead = line.number;
    p.bytesDone = line.end;
    if (encoder.size >= o.batchRows) yield take();
  }
  yield take();
}

/** Whether the line ending at `end` is the file's last and has no newline. */
async function endsMidLine(file: string, end: number): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    if (size === 0 || size !== end) return false;
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, size - 1);
    return buffer[0] !== 10;
  } finally {
    await handle.close();
  }
}
