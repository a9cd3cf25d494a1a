import type { ImportInput } from "./types";

/**
 * Slices fed to the parsers. Small enough that the records of one slice (queued before they are
 * processed) stay a few hundred at most, even when a caller hands over a whole file as one string.
 */
const SLICE_BYTES = 64 * 1024;

/** The input as UTF-8 byte slices; strings are encoded, oversized chunks are cut up. */
export async function* byteSlices(
  input: ImportInput | string | Uint8Array,
): AsyncGenerator<Buffer> {
  if (typeof input === "string" || input instanceof Uint8Array) {
    yield* slice(toBuffer(input));
    return;
  }
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    yield* slice(toBuffer(chunk));
  }
}

function toBuffer(chunk: string | Uint8Array): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}

function* slice(buf: Buffer): Generator<Buffer> {
  // Cutting inside a UTF-8 sequence is safe: both parsers work on bytes and decode whole values.
  for (let at = 0; at < buf.length; at += SLICE_BYTES) {
    yield buf.subarray(at, Math.min(at + SLICE_BYTES, buf.length));
  }
}
