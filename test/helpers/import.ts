import type { ProductMediaRow, ProductRow, VariantRow } from "../../app/sync/mirror/rows";
import type { ImportChunk, ImportProblem } from "../../app/sync/import/types";

/** Everything an importer yielded, gathered up for assertions. */
export interface Collected {
  chunks: ImportChunk[];
  products: ProductRow[];
  variants: VariantRow[];
  media: ProductMediaRow[];
  problems: ImportProblem[];
  skipped: ImportProblem[];
}

export async function collectChunks(chunks: AsyncIterable<ImportChunk>): Promise<Collected> {
  const all: Collected = {
    chunks: [],
    products: [],
    variants: [],
    media: [],
    problems: [],
    skipped: [],
  };
  for await (const chunk of chunks) {
    all.chunks.push(chunk);
    all.products.push(...(chunk.rows.Product ?? []));
    all.variants.push(...(chunk.rows.Variant ?? []));
    all.media.push(...(chunk.rows.ProductMedia ?? []));
    all.problems.push(...chunk.problems);
    all.skipped.push(...chunk.skipped);
  }
  return all;
}

/** Feeds a buffer in pieces of `size` bytes, to test parsers across chunk boundaries. */
export function* chunksOf(buf: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < buf.length; at += size) yield buf.subarray(at, at + size);
}
