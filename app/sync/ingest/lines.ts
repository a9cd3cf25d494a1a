import { createReadStream } from "node:fs";

export interface Line {
  /** 1-based line number in the whole file. */
  number: number;
  text: string;
  /** Byte offset just past this line's newline: where a resumed read starts. */
  end: number;
}

/**
 * Reads a file line by line from a byte offset, holding one chunk at a time. Offsets are counted
 * in bytes (not characters), so a checkpoint taken after any line is an exact place to resume.
 * A last line without a newline is still yielded (the caller decides whether it is truncated).
 */
export async function* readLines(
  file: string,
  start = { offset: 0, line: 0 },
): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let offset = start.offset;
  let number = start.line;
  for await (const chunk of createReadStream(file, {
    start: start.offset,
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    let from = 0;
    let nl = chunk.indexOf(10, from);
    while (nl !== -1) {
      const piece = chunk.subarray(from, nl);
      const bytes = pendingBytes + piece.length + 1;
      const text = pending.length
        ? Buffer.concat([...pending, piece]).toString("utf8")
        : piece.toString("utf8");
      pending = [];
      pendingBytes = 0;
      offset += bytes;
      number += 1;
      yield { number, text: text.endsWith("\r") ? text.slice(0, -1) : text, end: offset };
      from = nl + 1;
      nl = chunk.indexOf(10, from);
    }
    if (from < chunk.length) {
      const rest = chunk.subarray(from);
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) {
    offset += pendingBytes;
    number += 1;
    yield { number, text: Buffer.concat(pending).toString("utf8"), end: offset };
  }
}
