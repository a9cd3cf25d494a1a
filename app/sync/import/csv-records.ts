import { finished } from "node:stream/promises";
import { type CsvError, parse, type Parser } from "csv-parse";
import { byteSlices } from "./input";
import { LineIndex } from "./lines";
import type { ImportInput } from "./types";

/** A CSV record with the physical line it starts on, or why records were lost. */
export type CsvEvent =
  | { kind: "record"; fields: string[]; line: number }
  | { kind: "skip"; line: number; reason: string }
  | { kind: "fatal"; line: number; reason: string };

/**
 * A larger record is a runaway quoted field (a quote never closed swallows the rest of the file),
 * not a product: stop instead of holding the file in memory. Shopify's own descriptions are
 * limited to 512 KB.
 */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * Reads CSV records one input slice at a time through csv-parse's streaming parser. The parser is
 * driven by `write()` and hands every record to `on_record`, which queues it and returns null, so
 * nothing piles up in the stream's buffer and records, skips and their lines stay in file order.
 */
export async function* readCsvRecords(input: ImportInput | string): AsyncGenerator<CsvEvent> {
  const lines = new LineIndex();
  const tracker = new RecordTracker(lines);
  let parser: Parser | null = null;
  // The header line is held back until complete: the delimiter is guessed from it.
  let head: Buffer[] = [];
  const start = (): Parser => {
    const first = Buffer.concat(head);
    head = [];
    const created = createParser(detectDelimiter(first), tracker, lines);
    created.write(first);
    return created;
  };
  try {
    for await (const slice of byteSlices(input)) {
      lines.add(slice);
      if (parser) parser.write(slice);
      else {
        head.push(slice);
        if (!slice.some(isLineBreak) && lines.bytes < 64 * 1024) continue;
        parser = start();
      }
      yield* tracker.drain();
      if (parser.errored || tracker.fatal) break;
    }
    lines.finish();
    if (!parser && head.length) parser = start();
    if (!parser) return; // empty input
    if (!parser.errored && !tracker.fatal) {
      parser.end();
      parser.resume(); // records never reach the readable side, but 'end' needs a flowing stream
      await finished(parser).catch(() => undefined); // parser.errored says what went wrong
    }
    tracker.finish();
    yield* tracker.drain();
    const errored = parser.errored;
    if (tracker.fatal) yield tracker.fatal;
    else if (errored) {
      const line = tracker.nextLine;
      yield { kind: "fatal", line, reason: `unreadable CSV from line ${line}: ${errored.message}` };
    }
  } finally {
    parser?.destroy();
  }
}

const isLineBreak = (b: number) => b === 0x0a || b === 0x0d;

/** Turns csv-parse's callbacks, which arrive in file order, into queued events with lines. */
class RecordTracker {
  private queue: CsvEvent[] = [];
  private lastEndLine = 0;
  private lastSkip: { errorLine: number } | null = null;
  /** A skip is held until the next record shows how many lines it swallowed. */
  private pending: { line: number; reason: string } | null = null;
  fatal: CsvEvent | null = null;

  constructor(private lines: LineIndex) {}

  /** The line the next record starts on, if it follows the last good one directly. */
  get nextLine(): number {
    return this.lastEndLine + 1;
  }

  record(fields: string[], bytes: number): void {
    // csv-parse reports the offset just past the record and its line break: the byte before it
    // is on the record's last line; the line breaks kept inside quoted values lead back to its
    // first.
    this.lastEndLine = this.lines.lineAt(bytes - 1);
    this.lastSkip = null;
    const line = this.lastEndLine - countLineBreaks(fields);
    this.settle(line);
    this.queue.push({ kind: "record", fields, line });
  }

  skip(err: CsvError, errorOffset: number): void {
    const errorLine = this.lines.lineAt(errorOffset);
    const fatal = isFatal(err);
    // The first failure since the last good record starts right after it (blank lines are
    // records too). After that csv-parse shows no record boundaries, so a later failure is
    // placed on the line where it happened, and one on the same line is the same record.
    const first = this.lastSkip === null;
    if (!first && this.lastSkip?.errorLine === errorLine && !fatal) return;
    const line = first ? this.nextLine : errorLine;
    this.lastSkip = { errorLine };
    if (fatal) {
      if (this.pending?.line === line) this.pending = null; // the fatal problem says it all
      this.settle(line);
      this.fatal ??= { kind: "fatal", line, reason: fatalReason(err, line, this.lines) };
      return;
    }
    this.settle(line);
    this.pending = { line, reason: skipReason(err) };
  }

  /** Call when the input has ended and the parser has flushed. */
  finish(): void {
    this.settle(this.lines.lineAt(Math.max(this.lines.bytes - 1, 0)) + 1);
  }

  *drain(): Generator<CsvEvent> {
    for (const event of this.queue.splice(0)) yield event;
  }

  /** Queues the held skip, now that `nextLine` is known to start something else. */
  private settle(nextLine: number): void {
    if (!this.pending) return;
    const { line, reason } = this.pending;
    const last = nextLine - 1;
    const span = last > line ? `; lines ${line}–${last} were skipped with it` : "";
    this.queue.push({ kind: "skip", line, reason: reason + span });
    this.pending = null;
  }
}

function createParser(delimiter: string, tracker: RecordTracker, lines: LineIndex): Parser {
  const parser: Parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (fields, context) => {
      tracker.record(fields, context.bytes);
      return null;
    },
    on_skip: (err) => {
      // info.bytes is where the failing record's current field began (or the record itself).
      if (err) tracker.skip(err, Math.min(parser.info.bytes, Math.max(lines.bytes - 1, 0)));
      return undefined;
    },
  });
  // Failures surface through parser.errored; an unhandled 'error' event would crash the process.
  parser.on("error", () => undefined);
  return parser;
}

function countLineBreaks(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.includes("\n") || field.includes("\r")) {
      count += field.match(/\r\n|\r|\n/g)?.length ?? 0;
    }
  }
  return count;
}

/**
 * Shopify writes commas, but a file re-saved by a spreadsheet in a German or French locale uses
 * semicolons (or tabs): pick whichever the header line has most of.
 */
function detectDelimiter(first: Buffer): string {
  const end = first.findIndex(isLineBreak);
  const header = first.subarray(0, end < 0 ? first.length : end).toString("utf8");
  let best = ",";
  let bestCount = count(header, ",");
  for (const candidate of [";", "\t"]) {
    const n = count(header, candidate);
    if (n > bestCount) [best, bestCount] = [candidate, n];
  }
  return best;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function isFatal(err: CsvError): boolean {
  return err.code === "CSV_QUOTE_NOT_CLOSED" || err.code === "CSV_MAX_RECORD_SIZE";
}

function fatalReason(err: CsvError, line: number, lines: LineIndex): string {
  if (err.code === "CSV_QUOTE_NOT_CLOSED") {
    // Only reported once the whole input is read, so asking for the last line is in order.
    const last = lines.lineAt(Math.max(lines.bytes - 1, 0));
    return `a quoted field opened on line ${line} is never closed, so lines ${line}–${last} could not be read; fix the quotes and import again`;
  }
  const size = MAX_RECORD_BYTES / 1024 / 1024;
  return `the record starting on line ${line} is larger than ${size} MiB, most likely because a quote is never closed; the import stopped there`;
}

function skipReason(err: CsvError): string {
  switch (err.code) {
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'malformed quoted field: text follows a closing quote (a quote inside a quoted field must be doubled: "")';
    case "INVALID_OPENING_QUOTE":
      return 'malformed field: a quote inside an unquoted field (quote the whole field and double the quotes inside: "")';
    default:
      // csv-parse's own line numbers can be off; ours are in ImportProblem.line.
      return `unreadable record: ${err.message.replace(/\s*(at|on) line \d+/g, "")}`;
  }
}
