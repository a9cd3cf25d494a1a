import { byteSlices } from "./input";
import type { ImportInput } from "./types";

/** One product's JSON text, cut out of the file without parsing the rest. */
export type JsonElementEvent =
  | { kind: "element"; text: string; line: number; index: number }
  | { kind: "fatal"; line: number; reason: string };

/** A product this large is a broken file, not a product; stop rather than buffer the file. */
const MAX_ELEMENT_BYTES = 32 * 1024 * 1024;

const B = {
  LF: 0x0a,
  CR: 0x0d,
  TAB: 0x09,
  SPACE: 0x20,
  QUOTE: 0x22,
  BACKSLASH: 0x5c,
  COMMA: 0x2c,
  COLON: 0x3a,
  OPEN_OBJECT: 0x7b,
  CLOSE_OBJECT: 0x7d,
  OPEN_ARRAY: 0x5b,
  CLOSE_ARRAY: 0x5d,
} as const;

/** Whitespace, and the UTF-8 BOM's bytes, which can only appear outside strings at the start. */
const isSkippable = (b: number) =>
  b === B.SPACE ||
  b === B.LF ||
  b === B.CR ||
  b === B.TAB ||
  b === 0xef ||
  b === 0xbb ||
  b === 0xbf;

interface Capture {
  parts: Buffer[];
  bytes: number;
  line: number;
  /** Nesting depth the element ends at (its container's depth). */
  depth: number;
  /** A string, number, true/false/null: ends at the next `,` or bracket at `depth`. */
  scalar: boolean;
}

/**
 * Streams the products out of `{"products":[…]}`, a top-level `[…]` or `{"product":{…}}`:
 * a small state machine over the bytes tracks nesting and strings, and each product's text
 * is handed on whole, so any file size parses in the memory of one product. Syntax inside a
 * product is left to JSON.parse; only broken nesting (which makes the rest unreadable) is fatal.
 */
export async function* scanProducts(
  input: ImportInput | string | Uint8Array,
): AsyncGenerator<JsonElementEvent> {
  const stack: number[] = [];
  let line = 1;
  let inString = false;
  let escaped = false;
  /** Depth whose array elements are products: 1 for a top-level array, 2 inside "products". */
  let productsDepth = -1;
  let foundContainer = false;
  // Keys of the top-level object, to find "products" / "product".
  let expectKey = false;
  let keyBytes: number[] | null = null;
  let lastKey = "";
  let capture: Capture | null = null;
  let index = 0;

  const fatal = (reason: string): JsonElementEvent => ({ kind: "fatal", line, reason });

  for await (const chunk of byteSlices(input)) {
    const bytes = new ByteFinder(chunk);
    let from = 0; // where the capture's part of this chunk begins
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] ?? 0;
      if (b === B.LF) line++;
      if (inString) {
        if (!escaped && !keyBytes) {
          // Most of a file is string contents: jump to the next quote or backslash natively.
          const next = bytes.stringEnd(i);
          if (next > i) {
            line += bytes.newlinesBetween(i, next) - (b === B.LF ? 1 : 0);
            i = next - 1;
            continue;
          }
        }
        if (escaped) escaped = false;
        else if (b === B.BACKSLASH) escaped = true;
        else if (b === B.QUOTE) {
          inString = false;
          if (keyBytes) lastKey = Buffer.from(keyBytes).toString("utf8");
          keyBytes = null;
        } else if (keyBytes && keyBytes.length < 64) keyBytes.push(b);
        continue;
      }
      const depth = stack.length;
      const top = stack[depth - 1];
      const inTopObject = depth === 1 && top === B.OPEN_OBJECT;

      if (capture?.scalar && depth === capture.depth && isSeparator(b)) {
        yield finishCapture(capture, chunk.subarray(from, i), index++);
        capture = null;
      }
      if (isSkippable(b)) continue;

      const atProduct =
        (depth === productsDepth && top === B.OPEN_ARRAY) ||
        (inTopObject && !expectKey && lastKey === "product");
      if (!capture && atProduct && !isSeparator(b) && b !== B.COLON) {
        // Anything where a product belongs is captured; JSON.parse and zod judge it.
        const scalar = b !== B.OPEN_OBJECT && b !== B.OPEN_ARRAY;
        capture = { parts: [], bytes: 0, line, depth, scalar };
        from = i;
        if (inTopObject) foundContainer = true;
      }

      switch (b) {
        case B.QUOTE:
          inString = true;
          if (inTopObject && expectKey) keyBytes = [];
          break;
        case B.OPEN_OBJECT:
        case B.OPEN_ARRAY:
          if (
            b === B.OPEN_ARRAY &&
            (depth === 0 || (inTopObject && !expectKey && lastKey === "products"))
          ) {
            productsDepth = depth + 1;
            foundContainer = true;
          }
          if (depth === 0 && b === B.OPEN_OBJECT) expectKey = true;
          stack.push(b);
          break;
        case B.CLOSE_OBJECT:
        case B.CLOSE_ARRAY:
          if (top !== (b === B.CLOSE_OBJECT ? B.OPEN_OBJECT : B.OPEN_ARRAY)) {
            const char = String.fromCharCode(b);
            yield fatal(`malformed JSON: unexpected "${char}"; nothing after it could be read`);
            return;
          }
          stack.pop();
          if (capture && !capture.scalar && stack.length === capture.depth) {
            yield finishCapture(capture, chunk.subarray(from, i + 1), index++);
            capture = null;
          }
          break;
        case B.COMMA:
          if (inTopObject) expectKey = true;
          break;
        case B.COLON:
          if (inTopObject) expectKey = false;
          break;
      }
    }
    if (capture) {
      const part = chunk.subarray(from);
      capture.parts.push(part);
      capture.bytes += part.length;
      if (capture.bytes > MAX_ELEMENT_BYTES) {
        const size = MAX_ELEMENT_BYTES / 1024 / 1024;
        yield {
          kind: "fatal",
          line: capture.line,
          reason: `the product starting on line ${capture.line} is larger than ${size} MiB; the file is probably malformed`,
        };
        return;
      }
    }
  }

  if (capture?.scalar && stack.length === capture.depth) {
    yield finishCapture(capture, Buffer.alloc(0), index++);
    capture = null;
  }
  if (inString || stack.length > 0) {
    const where = capture ? ` in the product starting on line ${capture.line}` : "";
    yield fatal(`the file ends${where} before its JSON is complete (truncated?)`);
  } else if (!foundContainer) {
    yield {
      kind: "fatal",
      line: 1,
      reason:
        'no products found: expected {"products":[…]}, a top-level array of products, or {"product":{…}}',
    };
  }
}

/**
 * Finds bytes in one chunk, remembering where each was found: a chunk is searched at most once
 * per byte value and position, however many strings it holds (minified JSON has no newlines).
 */
class ByteFinder {
  private readonly found = new Map<number, number>();

  constructor(private readonly chunk: Buffer) {}

  /** The first `byte` at or after `from`, or Infinity. */
  find(byte: number, from: number): number {
    const known = this.found.get(byte);
    if (known !== undefined && (known >= from || known === Infinity)) return known;
    const at = this.chunk.indexOf(byte, from);
    const result = at < 0 ? Infinity : at;
    this.found.set(byte, result);
    return result;
  }

  /** Where the string contents starting at `from` stop: the next quote or backslash. */
  stringEnd(from: number): number {
    return Math.min(this.find(B.QUOTE, from), this.find(B.BACKSLASH, from), this.chunk.length);
  }

  newlinesBetween(from: number, to: number): number {
    let count = 0;
    for (let at = this.find(B.LF, from); at < to; at = this.find(B.LF, at + 1)) count++;
    return count;
  }
}

function isSeparator(b: number): boolean {
  return b === B.COMMA || b === B.CLOSE_ARRAY || b === B.CLOSE_OBJECT;
}

function finishCapture(capture: Capture, last: Buffer, index: number): JsonElementEvent {
  const text = Buffer.concat([...capture.parts, last])
    .toString("utf8")
    .trim();
  return { kind: "element", text, line: capture.line, index };
}
