const LF = 0x0a;
const CR = 0x0d;

/**
 * Maps byte offsets of a streamed file to 1-based physical lines as an editor counts them (LF,
 * CRLF and a lone CR each end a line). We count ourselves rather than trust csv-parse's
 * `info.lines`, which counts a CRLF inside a quoted field as two lines.
 *
 * Bytes must be added before any offset in them is asked about, and offsets must be asked in
 * non-decreasing order; then only the line starts not yet passed are kept, so memory stays
 * bounded by what the parser has buffered.
 */
export class LineIndex {
  /** Offsets where a line (after the first) starts, ascending; `head` of them already passed. */
  private starts: number[] = [];
  private head = 0;
  private dropped = 0;
  private length = 0;
  /** A CR that ended the previous chunk: a line break on its own unless the next byte is LF. */
  private pendingCr = -1;

  add(chunk: Uint8Array): void {
    const base = this.length;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (this.pendingCr >= 0) {
        if (byte !== LF) this.starts.push(this.pendingCr + 1);
        this.pendingCr = -1;
      }
      if (byte === LF) {
        this.starts.push(base + i + 1);
      } else if (byte === CR) {
        if (i + 1 === chunk.length) this.pendingCr = base + i;
        else if (chunk[i + 1] !== LF) this.starts.push(base + i + 1);
      }
    }
    this.length += chunk.length;
  }

  /** Call once the input has ended. */
  finish(): void {
    if (this.pendingCr >= 0) this.starts.push(this.pendingCr + 1);
    this.pendingCr = -1;
  }

  /** Bytes added so far. */
  get bytes(): number {
    return this.length;
  }

  /** The line holding the byte at `offset`. */
  lineAt(offset: number): number {
    const { starts } = this;
    while (this.head < starts.length && (starts[this.head] ?? Infinity) <= offset) this.head++;
    const line = 1 + this.dropped + this.head;
    if (this.head > 4096 && this.head * 2 > starts.length) {
      this.starts = starts.slice(this.head);
      this.dropped += this.head;
      this.head = 0;
    }
    return line;
  }
}
