import { createReadStream, existsSync, openSync, readSync, closeSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../db.server";
import { COUNT_KEYS, ingestJsonl } from "../ingest/ingest.server";
import type { MirrorTable } from "../mirror/rows";
import type { MirrorWriter } from "../mirror/writer.server";
import { finishRun, findResumableRun, startRun } from "../runs.server";
import { parseProductCsv } from "./csv";
import { parseProductsJson } from "./products-json";
import type { ImportChunk } from "./types";

export type FileFormat = "csv" | "jsonl" | "products-json";

export interface ImportResult {
  format: FileFormat;
  counts: Record<string, number>;
  skipped: { line?: number; reason: string; count?: number }[];
  errors: { line: number; reason: string }[];
  /**
   * Every bad row, listed or not: a bulk JSONL import keeps the first 200 in `errors` (a file of
   * nothing but bad lines must not fill the checkpoint), so this can be larger than errors.length.
   */
  errorCount: number;
  /** Set when a bulk JSONL import continued an earlier, interrupted one. */
  resumedFromLine?: number;
}

/** Looks at the name, then the first bytes: JSONL has one object per line, products.json one document. */
export function detectFormat(file: string): FileFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  const fd = openSync(file, "r");
  const head = Buffer.alloc(4096);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head
    .subarray(0, n)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (text.startsWith("[") || /^\{\s*"products?"\s*:/.test(text)) return "products-json";
  if (text.startsWith("{")) return "jsonl";
  return "csv";
}

const zeroCounts = () =>
  Object.fromEntries(["products", "variants", "images", "metafields"].map((k) => [k, 0]));

async function importRows(
  chunks: AsyncIterable<ImportChunk>,
  writer: MirrorWriter,
  format: FileFormat,
): Promise<ImportResult> {
  const result: ImportResult = {
    format,
    counts: zeroCounts(),
    skipped: [],
    errors: [],
    errorCount: 0,
  };
  for await (const chunk of chunks) {
    await writer.write(chunk.rows);
    for (const [table, rows] of Object.entries(chunk.rows)) {
      const key = COUNT_KEYS[table as MirrorTable];
      result.counts[key] = (result.counts[key] ?? 0) + (rows?.length ?? 0);
    }
    result.errors.push(...chunk.problems.map((p) => ({ line: p.line, reason: p.reason })));
    result.skipped.push(...chunk.skipped.map((p) => ({ line: p.line, reason: p.reason })));
  }
  result.errorCount = result.errors.length;
  return result;
}

/**
 * Loads a Shopify product CSV export, a bulk-operation JSONL file or a REST products.json into
 * one shop's mirror. Bad rows are reported with their line and reason; the rest is imported. A
 * JSONL import that was interrupted resumes where it stopped when run again on the same file.
 */
export async function importFile(options: {
  db: Db;
  writer: MirrorWriter;
  shop: string;
  file: string;
  format?: FileFormat;
}): Promise<ImportResult> {
  const { db, writer, shop } = options;
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new Error(`No file at ${file}`);
  const format = options.format ?? detectFormat(file);
  if (format === "csv") return importRows(parseProductCsv(createReadStream(file)), writer, format);
  if (format === "products-json")
    return importRows(parseProductsJson(createReadStream(file)), writer, format);

  const stat = statSync(file);
  const source = `file://${file}?size=${stat.size}&mtime=${Math.floor(stat.mtimeMs)}`;
  const previous = await findResumableRun(db, shop, "products", source);
  const runId =
    previous?.id ??
    (await startRun(db, shop, {
      resource: "products",
      kind: "import",
      sourceUrl: source,
      bytesTotal: stat.size,
    }));
  try {
    const report = await ingestJsonl({ db, writer, shop, runId, file });
    await finishRun(db, shop, runId, "completed");
    return {
      format,
      counts: { ...zeroCounts(), ...report.counts },
      skipped: Object.entries(report.skipped).map(([reason, count]) => ({ reason, count })),
      errors: report.problems,
      errorCount: report.problemCount,
      ...(previous ? { resumedFromLine: report.resumedFrom.line } : {}),
    };
  } catch (error) {
    await finishRun(db, shop, runId, "failed", (error as Error).message);
    throw error;
  }
}
