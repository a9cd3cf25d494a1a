import { ChunkBuilder } from "./chunks";
import { CsvHeader, type CsvRow } from "./csv-columns";
import { CsvProduct, type HandleMemo, newMemo } from "./csv-product";
import { readCsvRecords } from "./csv-records";
import {
  type Category,
  defaultTaxonomyFile,
  loadTaxonomy,
  resolveCategory,
  type Taxonomy,
} from "./taxonomy";
import type { ImportChunk, ImportInput, ImportOptions } from "./types";

export interface ProductCsvOptions extends ImportOptions {
  /** Shopify taxonomy file (app/taxonomy form or `categories.txt`); default `SEAWORTHY_TAXONOMY_FILE` or the one in app/taxonomy. */
  taxonomyFile?: string;
}

/**
 * Streams a Shopify product CSV export (one row per variant and per extra image, rows of a
 * product sharing its Handle) into mirror rows. A product is complete when the handle changes or
 * the file ends; chunks hold about `batchSize` products. Bad rows are reported and skipped, never
 * fatal; only an unreadable file structure (a quote never closed) ends the import early, with a
 * problem marked `fatal`.
 */
export async function* parseProductCsv(
  input: ImportInput | string,
  options: ProductCsvOptions = {},
): AsyncGenerator<ImportChunk> {
  const out = new ChunkBuilder(options.batchSize);
  const categories = new Categories(options.taxonomyFile ?? defaultTaxonomyFile());
  const memos = new Map<string, HandleMemo>();
  let header: CsvHeader | null = null;
  let current: CsvProduct | null = null;
  let stopped = false;

  for await (const event of readCsvRecords(input)) {
    if (event.kind === "skip") {
      out.skipped.push({ line: event.line, reason: event.reason });
      continue;
    }
    if (event.kind === "fatal") {
      out.problems.push({ line: event.line, reason: event.reason, fatal: true });
      stopped = true;
      break;
    }
    const { fields, line } = event;
    if (fields.every((field) => field.trim() === "")) continue; // blank line
    if (!header) {
      header = CsvHeader.read(fields);
      const missing = (["handle", "title"] as const).filter((field) => !header?.has(field));
      if (missing.length) {
        out.problems.push({ line, reason: headerProblem(missing), fatal: true });
        stopped = true;
        break;
      }
      continue;
    }

    const row = header.row(fields);
    const handle = row.handle;
    const report = (reason: string) => out.problems.push({ line, handle, reason });
    if (!handle) {
      out.skipped.push({ line, reason: "the row has no Handle" });
      continue;
    }
    if (current?.handle !== handle) {
      if (current) out.add(current.finish());
      current = null;
      const chunk = out.full ? out.take() : null;
      if (chunk) yield chunk;
      current = await startProduct(handle, row, memos, categories, report);
      if (!current) {
        out.skipped.push({
          line,
          handle,
          reason: `no product to add this row to: the first row of handle "${handle}" has no Title`,
        });
        continue;
      }
    }
    current.addRow(row, report);
  }

  if (current) out.add(current.finish());
  if (!header && !stopped) {
    out.problems.push({ line: 0, reason: "the file is empty: no header row", fatal: true });
  }
  const last = out.take();
  if (last) yield last;
}

/**
 * A row whose handle differs from the previous row's starts a product if it has a Title;
 * without one it continues a product only if that handle had its first row earlier in the file.
 */
async function startProduct(
  handle: string,
  row: CsvRow,
  memos: Map<string, HandleMemo>,
  categories: Categories,
  report: (reason: string) => void,
): Promise<CsvProduct | null> {
  const memo = memos.get(handle);
  if (!row.title) return memo ? CsvProduct.resumed(handle, memo) : null;
  const category = await categories.resolve(row, report);
  const fresh = memo ?? newMemo();
  memos.set(handle, fresh);
  return CsvProduct.first(handle, row, category, fresh, report);
}

/** Resolves categories, reading the taxonomy only once a row has a category to look up. */
class Categories {
  private taxonomy: Taxonomy | null | undefined;
  private warned = false;

  constructor(private readonly file: string) {}

  async resolve(row: CsvRow, report: (reason: string) => void): Promise<Category> {
    if (row.category && this.taxonomy === undefined) this.taxonomy = await loadTaxonomy(this.file);
    const category = resolveCategory(row.category, row.googleCategory, this.taxonomy ?? null);
    if (row.category && this.taxonomy === null && !this.warned) {
      this.warned = true;
      report(
        `categories are imported without ids: the Shopify taxonomy file ${this.file} could not be read`,
      );
    }
    return category;
  }
}

function headerProblem(missing: readonly string[]): string {
  const names = missing.map((field) => (field === "handle" ? "Handle" : "Title"));
  return `the header row has no ${names.join(" or ")} column, so this is not a Shopify product CSV (or not comma-, semicolon- or tab-separated)`;
}
