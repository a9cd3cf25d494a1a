import type { RowBatch } from "../mirror/rows";

/**
 * Something an import noticed about one place in the file. `line` is the 1-based physical line
 * as an editor shows it (for a CSV record spanning lines: the line it starts on; for JSON: the
 * line of the product's opening brace; 0 when nothing more specific than "the file" applies).
 */
export interface ImportProblem {
  line: number;
  reason: string;
  handle?: string;
  /**
   * Set on the one problem that ended the import early (unreadable file, a quote never closed…).
   * Everything emitted before it is good; nothing after that point was read.
   */
  fatal?: true;
}

/**
 * One step of an import: rows ready for the mirror writer plus what went wrong since the last
 * chunk. `problems` are imported with a caveat (a price that is not a number is kept as null, a
 * fatal stop); `skipped` are records that produced no rows at all.
 */
export interface ImportChunk {
  rows: RowBatch;
  problems: ImportProblem[];
  skipped: ImportProblem[];
}

/** What the parsers read: a Node stream, or any async iterable of text or bytes (UTF-8). */
export type ImportInput = NodeJS.ReadableStream | AsyncIterable<string | Buffer>;

export interface ImportOptions {
  /** Products per emitted chunk (default 500); a product's variants and images travel with it. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 500;
