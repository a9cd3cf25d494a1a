import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Shopify's Standard Product Taxonomy, shipped with the app in a compact form
 * (`shopify-categories.tsv` beside this module, MIT, see LICENSE here): one line per category,
 * `<code>\t<own name>`. A category's full path is its parent's path, " > ", its name; the parent's
 * code is its own minus the last `-<n>` (`aa-1-13-8` → `aa-1-13` → `aa-1` → `aa`). A fifth of the size of
 * Shopify's `categories.txt`, and `categoriesTxt()` rebuilds that file byte for byte, which the
 * header's checksum proves (taxonomy.test.ts).
 */

/**
 * Resolved from this module, not the working directory: `npx seaworthy audit` runs from any
 * folder. Only tsx and vitest load this module (the CLI, workers, tests); the Remix bundle never
 * imports the CSV importer, so the URL always points into the checkout.
 */
export const TAXONOMY_FILE = fileURLToPath(new URL("./shopify-categories.tsv", import.meta.url));

export const GID_PREFIX = "gid://shopify/TaxonomyCategory/";

export interface TaxonomyCategories {
  /** The taxonomy release, as Shopify's file names it (`2025-08-unstable`). */
  release: string;
  /** Code (`aa-1-2`) → full path (`Apparel & Accessories > Clothing > Shirts`), in file order. */
  paths: Map<string, string>;
  /** sha256 of the `categories.txt` this was generated from; null when the file has none. */
  sourceSha256: string | null;
}

const CODE = /^[a-z]{2}(-\d+)*$/;
const TXT_LINE = /^gid:\/\/shopify\/TaxonomyCategory\/(\S+)\s+:\s+(.+)$/;
const TXT_RELEASE = /^# Shopify Product Taxonomy - Categories: (\S+)$/;

/** The parent's code, or null for a top-level category. */
export function parentCode(code: string): string | null {
  const dash = code.lastIndexOf("-");
  return dash > 0 ? code.slice(0, dash) : null;
}

/**
 * Reads either form: the compact file (`aa-1-2\tShirts`) or Shopify's own `categories.txt`
 * (`gid://shopify/TaxonomyCategory/aa-1-2 : Apparel & Accessories > Clothing > Shirts`), so
 * `SEAWORTHY_TAXONOMY_FILE` may name a newer release's file as Shopify publishes it.
 */
export function parseCategories(text: string): TaxonomyCategories {
  const paths = new Map<string, string>();
  let release = "unknown";
  let sourceSha256: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith("#")) {
      release = /^# release: (\S+)$/.exec(line)?.[1] ?? TXT_RELEASE.exec(line)?.[1] ?? release;
      sourceSha256 = /^# categories\.txt sha256: ([0-9a-f]{64})$/.exec(line)?.[1] ?? sourceSha256;
      continue;
    }
    const txt = TXT_LINE.exec(line);
    if (txt?.[1] && txt[2]) {
      paths.set(txt[1], txt[2].trim());
      continue;
    }
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const code = line.slice(0, tab);
    const name = line.slice(tab + 1);
    const parent = parentCode(code);
    const parentPath = parent === null ? "" : paths.get(parent);
    // Parents come first in the generated file; an orphan is a corrupt file, not a category.
    if (!CODE.test(code) || parentPath === undefined) {
      throw new Error(`taxonomy: line "${line}" has no parent before it`);
    }
    paths.set(code, parent === null ? name : `${parentPath} > ${name}`);
  }
  return { release, paths, sourceSha256 };
}

const cache = new Map<string, TaxonomyCategories>();

/** The in-repo taxonomy (or another file in either form), read once and kept. */
export function readCategories(file: string = TAXONOMY_FILE): TaxonomyCategories {
  let categories = cache.get(file);
  if (!categories) {
    categories = parseCategories(readFileSync(file, "utf8"));
    cache.set(file, categories);
  }
  return categories;
}

/** Shopify's `categories.txt` exactly as published: two header lines, ids padded to one width. */
export function categoriesTxt({ release, paths }: TaxonomyCategories): string {
  const width = Math.max(...[...paths.keys()].map((code) => GID_PREFIX.length + code.length));
  let out =
    `# Shopify Product Taxonomy - Categories: ${release}\n` +
    "# Format: {GID} : {Ancestor name} > ... > {Category name}\n\n";
  for (const [code, path] of paths) out += `${(GID_PREFIX + code).padEnd(width)} : ${path}\n`;
  return out;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The compact file for a `categories.txt` (bin/generate-taxonomy.ts). Refuses input it could not
 * rebuild exactly: a category whose parent is missing or whose path does not extend its parent's.
 */
export function compactCategories(categoriesTxtText: string): string {
  const source = parseCategories(categoriesTxtText);
  const lines: string[] = [];
  for (const [code, path] of source.paths) {
    const parent = parentCode(code);
    const parentPath = parent === null ? "" : source.paths.get(parent);
    if (!CODE.test(code) || parentPath === undefined) {
      throw new Error(`taxonomy: ${code} has no parent category`);
    }
    if (parent !== null && !path.startsWith(`${parentPath} > `)) {
      throw new Error(`taxonomy: ${code} "${path}" does not extend its parent "${parentPath}"`);
    }
    const name = parent === null ? path : path.slice(parentPath.length + 3);
    if (name === "" || /[\t\r\n]/.test(name))
      throw new Error(`taxonomy: ${code} has no usable name`);
    lines.push(`${code}\t${name}`);
  }
  const header = [
    `# Shopify Standard Product Taxonomy: categories. Generated by \`npm run taxonomy:generate -- <categories.txt>\`; do not edit.`,
    "# source: github.com/Shopify/product-taxonomy, dist/en/categories.txt",
    `# release: ${source.release}`,
    "# license: MIT, Copyright (c) Shopify; see LICENSE beside this file",
    `# categories: ${lines.length}`,
    `# categories.txt sha256: ${sha256(categoriesTxtText)}`,
    '# format: <code>\\t<name>; the full path is the parent\'s path + " > " + name, the parent\'s code the own minus its last "-<n>"',
  ];
  const compact = `${[...header, ...lines].join("\n")}\n`;
  if (categoriesTxt(parseCategories(compact)) !== categoriesTxtText) {
    throw new Error("taxonomy: the compact form does not rebuild the source file byte for byte");
  }
  return compact;
}
