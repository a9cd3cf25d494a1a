import type { ProductMediaRow, ProductRow, RowBatch, VariantRow } from "../mirror/rows";
import { DEFAULT_BATCH_SIZE, type ImportChunk, type ImportProblem } from "./types";

/** A finished product: its row (absent when only more variants or images arrived) and children. */
export interface ProductRows {
  product: ProductRow | null;
  variants: VariantRow[];
  media: ProductMediaRow[];
}

/**
 * Collects finished products and problems into chunks of about `batchSize` products, so a
 * product never straddles two chunks and memory stays flat however large the file.
 */
export class ChunkBuilder {
  private products: ProductRow[] = [];
  private variants: VariantRow[] = [];
  private media: ProductMediaRow[] = [];
  private count = 0;
  readonly problems: ImportProblem[] = [];
  readonly skipped: ImportProblem[] = [];
  private readonly batchSize: number;

  constructor(batchSize = DEFAULT_BATCH_SIZE) {
    this.batchSize = Math.max(1, Math.floor(batchSize));
  }

  add({ product, variants, media }: ProductRows): void {
    if (product) this.products.push(product);
    this.variants.push(...variants);
    this.media.push(...media);
    this.count++;
  }

  get full(): boolean {
    return this.count >= this.batchSize;
  }

  /** The collected chunk, or null when there is nothing to report. */
  take(): ImportChunk | null {
    if (this.count === 0 && this.problems.length === 0 && this.skipped.length === 0) return null;
    const rows: RowBatch = {};
    if (this.products.length) rows.Product = this.products;
    if (this.variants.length) rows.Variant = this.variants;
    if (this.media.length) rows.ProductMedia = this.media;
    const chunk = {
      rows,
      problems: this.problems.splice(0),
      skipped: this.skipped.splice(0),
    };
    this.products = [];
    this.variants = [];
    this.media = [];
    this.count = 0;
    return chunk;
  }
}
