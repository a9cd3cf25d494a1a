/**
 * The product CSV columns we read, by every header Shopify has used for them: the classic export
 * (`Variant Price`, `Image Src`…), the 2025 template (`URL handle`, `Price`, `Product image URL`…)
 * and a few older or third-party spellings. Headers are matched trimmed, case- and
 * space-insensitively; anything else in the file is ignored.
 */
const ALIASES = {
  handle: ["handle", "url handle"],
  title: ["title"],
  body: ["body (html)", "body html", "description"],
  vendor: ["vendor"],
  type: ["type", "product type", "custom product type"],
  category: ["product category", "standardized product type"],
  googleCategory: ["google shopping / google product category"],
  tags: ["tags"],
  published: ["published", "published on online store"],
  status: ["status"],
  seoTitle: ["seo title"],
  seoDescription: ["seo description"],
  option1Name: ["option1 name", "option 1 name"],
  option1Value: ["option1 value", "option 1 value"],
  option2Name: ["option2 name", "option 2 name"],
  option2Value: ["option2 value", "option 2 value"],
  option3Name: ["option3 name", "option 3 name"],
  option3Value: ["option3 value", "option 3 value"],
  sku: ["variant sku", "sku"],
  grams: ["variant grams", "weight value (grams)"],
  weight: ["variant weight"],
  weightUnit: ["variant weight unit"],
  inventoryQty: ["variant inventory qty", "inventory quantity"],
  price: ["variant price", "price"],
  compareAtPrice: ["variant compare at price", "compare-at price", "compare at price"],
  barcode: ["variant barcode", "barcode", "variant barcodes"],
  cost: ["cost per item", "variant cost"],
  countryOfOrigin: ["variant country of origin", "country of origin", "country/region of origin"],
  hsCode: ["variant hs code", "hs code", "harmonized system code"],
  imageSrc: ["image src", "product image url"],
  imagePosition: ["image position"],
  imageAlt: ["image alt text"],
  variantImage: ["variant image", "variant image url"],
} as const;

export type CsvField = keyof typeof ALIASES;

/** One data row by field name; values are trimmed, and absent columns read as "". */
export type CsvRow = Record<CsvField, string>;

/** Columns that make a row a variant (a row with only image columns adds an image). */
export const VARIANT_FIELDS = [
  "option1Value",
  "option2Value",
  "option3Value",
  "sku",
  "grams",
  "weight",
  "inventoryQty",
  "price",
  "compareAtPrice",
  "barcode",
  "cost",
  "variantImage",
] as const satisfies readonly CsvField[];

const FIELDS = Object.keys(ALIASES) as CsvField[];

const normalize = (header: string) => header.trim().replace(/\s+/g, " ").toLowerCase();

/** Every field empty, in one fixed order: copies of it share one object shape (fast to fill). */
const EMPTY_ROW = Object.fromEntries(FIELDS.map((field) => [field, ""])) as CsvRow;

export class CsvHeader {
  private constructor(private readonly columns: readonly (readonly [CsvField, number])[]) {}

  static read(headers: string[]): CsvHeader {
    const positions = new Map<string, number>();
    headers.forEach((header, i) => {
      const name = normalize(header);
      if (!positions.has(name)) positions.set(name, i);
    });
    const columns: [CsvField, number][] = [];
    for (const field of FIELDS) {
      const at = ALIASES[field].map((alias) => positions.get(alias)).find((i) => i !== undefined);
      if (at !== undefined) columns.push([field, at]);
    }
    return new CsvHeader(columns);
  }

  has(field: CsvField): boolean {
    return this.columns.some(([present]) => present === field);
  }

  row(fields: string[]): CsvRow {
    const row = { ...EMPTY_ROW };
    for (const [field, at] of this.columns) row[field] = (fields[at] ?? "").trim();
    return row;
  }
}
