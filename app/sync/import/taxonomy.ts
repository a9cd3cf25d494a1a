import { readFile } from "node:fs/promises";
import path from "node:path";
import { GID_PREFIX, TAXONOMY_FILE, parseCategories } from "../../taxonomy/categories";

/**
 * Shopify's product taxonomy (app/taxonomy, generated from Shopify/product-taxonomy's
 * `categories.txt`), to turn an English category path from a CSV into its
 * `gid://shopify/TaxonomyCategory/…` id.
 */
export interface Taxonomy {
  /** Lower-cased full path → gid. */
  idByPath: Map<string, string>;
  /** gid → the category's own name (the path's last segment). */
  nameById: Map<string, string>;
}

export interface Category {
  categoryId: string | null;
  categoryName: string | null;
}

/** The copy in the repository, unless `SEAWORTHY_TAXONOMY_FILE` names another (either form). */
export function defaultTaxonomyFile(): string {
  return process.env.SEAWORTHY_TAXONOMY_FILE || TAXONOMY_FILE;
}

const loaded = new Map<string, Promise<Taxonomy | null>>();

/**
 * Loaded once per file and kept (≈10k categories, a few MB). Null when the file cannot be read:
 * imports then go on without category ids.
 */
export function loadTaxonomy(file: string = defaultTaxonomyFile()): Promise<Taxonomy | null> {
  const key = path.resolve(file);
  let taxonomy = loaded.get(key);
  if (!taxonomy) {
    taxonomy = readFile(key, "utf8").then(parseTaxonomy, () => null);
    loaded.set(key, taxonomy);
  }
  return taxonomy;
}

/**
 * The app's compact file (`aa-1\tClothing`) or Shopify's `categories.txt`
 * (`gid://shopify/TaxonomyCategory/aa-1 : Apparel & Accessories > Clothing`).
 */
export function parseTaxonomy(text: string): Taxonomy {
  const idByPath = new Map<string, string>();
  const nameById = new Map<string, string>();
  for (const [code, fullPath] of parseCategories(text).paths) {
    const id = GID_PREFIX + code;
    const segments = splitPath(fullPath);
    idByPath.set(segments.join(" > ").toLowerCase(), id);
    nameById.set(id, segments.at(-1) ?? fullPath);
  }
  return { idByPath, nameById };
}

const GID = /^gid:\/\/shopify\/TaxonomyCategory\/[\w-]+$/;

/**
 * `Product Category` holds a taxonomy gid, an English path, or — in a German, French… export —
 * a localised path. The name is the path's last segment whatever the language; the id only
 * comes from a gid or an English path the taxonomy knows. The older Google Shopping category
 * (a path, or a numeric Google id we cannot name) is a fallback for the name only: Google's
 * taxonomy is not Shopify's.
 */
export function resolveCategory(
  productCategory: string,
  googleCategory: string,
  taxonomy: Taxonomy | null,
): Category {
  const value = productCategory.trim();
  let categoryId: string | null = null;
  let categoryName: string | null = null;
  if (GID.test(value)) {
    categoryId = value;
    categoryName = taxonomy?.nameById.get(value) ?? null;
  } else if (value !== "") {
    const segments = splitPath(value);
    categoryName = segments.at(-1) ?? null;
    categoryId = taxonomy?.idByPath.get(segments.join(" > ").toLowerCase()) ?? null;
  }
  if (categoryName === null) {
    const google = splitPath(googleCategory).at(-1);
    if (google && !/^\d+$/.test(google)) categoryName = google;
  }
  return { categoryId, categoryName };
}

function splitPath(value: string): string[] {
  return value
    .split(">")
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
}
