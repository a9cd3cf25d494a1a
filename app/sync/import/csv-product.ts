import type { ProductMediaRow, ProductRow, VariantRow } from "../mirror/rows";
import type { ProductRows } from "./chunks";
import { type CsvRow, VARIANT_FIELDS } from "./csv-columns";
import type { Category } from "./taxonomy";
import {
  cleanBarcode,
  emptyToNull,
  normalizeTags,
  parseDecimal,
  parseMoney,
  parsePosition,
  productStatus,
  weightUnit,
} from "./values";

/**
 * A CSV carries no Shopify ids, so rows get synthetic ones derived from the handle and the order
 * within it: a re-import of the same file updates the same rows. The namespace keeps them apart
 * from real `gid://shopify/…` ids; handles are URI-encoded so one containing `/` stays one segment.
 */
export const csvIds = {
  product: (handle: string) => `gid://seaworthy-import/Product/${encodeURIComponent(handle)}`,
  variant: (handle: string, n: number) =>
    `gid://seaworthy-import/ProductVariant/${encodeURIComponent(handle)}/${n}`,
  image: (handle: string, n: number) =>
    `gid://seaworthy-import/MediaImage/${encodeURIComponent(handle)}/${n}`,
};

/**
 * What must outlive a handle's rows: if the handle shows up again later in the file (exports keep
 * handles together, hand-edited files may not), its new variants and images continue the
 * numbering instead of overwriting the first ones, and its rows still know the option names.
 * Kept for every product: a few dozen bytes each.
 */
export interface HandleMemo {
  variants: number;
  images: number;
  optionNames: string[];
}

export const newMemo = (): HandleMemo => ({ variants: 0, images: 0, optionNames: [] });

type Report = (reason: string) => void;

const OPTIONS = [
  { name: "option1Name", value: "option1Value" },
  { name: "option2Name", value: "option2Value" },
  { name: "option3Name", value: "option3Value" },
] as const;

/** One handle's consecutive rows, assembled into mirror rows. */
export class CsvProduct {
  private readonly productId: string;
  private readonly optionValues: Set<string>[] = [new Set(), new Set(), new Set()];
  private readonly variants: VariantRow[] = [];
  private readonly media = new Map<string, { row: ProductMediaRow; explicit: boolean }>();

  private constructor(
    readonly handle: string,
    private readonly memo: HandleMemo,
    private readonly product: ProductRow | null,
  ) {
    this.productId = csvIds.product(handle);
  }

  /** A product's first row: product-level fields come from it alone. */
  static first(
    handle: string,
    row: CsvRow,
    category: Category,
    memo: HandleMemo,
    report: Report,
  ): CsvProduct {
    memo.optionNames = OPTIONS.map((option) => row[option.name]);
    const product: ProductRow = {
      id: csvIds.product(handle),
      title: row.title,
      handle,
      vendor: emptyToNull(row.vendor),
      productType: emptyToNull(row.type),
      ...category,
      tags: normalizeTags(row.tags),
      status: status(row, report),
      descriptionHtml: emptyToNull(row.body),
      seoTitle: emptyToNull(row.seoTitle),
      seoDescription: emptyToNull(row.seoDescription),
      options: null,
      createdAt: null,
      updatedAt: null,
      publishedAt: null,
      // The CSV's Image Position column orders the images.
      featuredMediaId: null,
    };
    return new CsvProduct(handle, memo, product);
  }

  /** More rows of a handle whose product row came earlier in the file. */
  static resumed(handle: string, memo: HandleMemo): CsvProduct {
    return new CsvProduct(handle, memo, null);
  }

  addRow(row: CsvRow, report: Report): void {
    if (VARIANT_FIELDS.some((field) => row[field] !== "")) this.addVariant(row, report);
    if (row.imageSrc) this.addImage(row.imageSrc, row.imageAlt, row.imagePosition, report);
    if (row.variantImage) this.addImage(row.variantImage, "", "", report);
  }

  finish(): ProductRows {
    if (this.product) {
      const options = this.memo.optionNames
        .map((name, i) => ({ name, values: [...(this.optionValues[i] ?? [])] }))
        .filter((option) => option.name !== "");
      this.product.options = options.length ? JSON.stringify(options) : null;
    }
    return {
      product: this.product,
      variants: this.variants,
      media: [...this.media.values()].map((image) => image.row),
    };
  }

  private addVariant(row: CsvRow, report: Report): void {
    const n = ++this.memo.variants;
    const selected: { name: string; value: string }[] = [];
    OPTIONS.forEach((option, i) => {
      const value = row[option.value];
      if (!value) return;
      // A value without a name still needs one to be an option at all.
      if (!this.memo.optionNames[i]) this.memo.optionNames[i] = `Option${i + 1}`;
      selected.push({ name: this.memo.optionNames[i] ?? "", value });
      this.optionValues[i]?.add(value);
    });
    const money = (text: string, column: string) => {
      const parsed = parseMoney(text);
      if (parsed.ok) return parsed.value;
      report(`${column} ${parsed.reason}; the variant is kept without it`);
      return null;
    };
    this.variants.push({
      id: csvIds.variant(this.handle, n),
      productId: this.productId,
      title: selected.map((option) => option.value).join(" / ") || null,
      sku: emptyToNull(row.sku),
      barcode: cleanBarcode(row.barcode),
      price: money(row.price, "Variant Price"),
      compareAtPrice: money(row.compareAtPrice, "Variant Compare At Price"),
      position: n,
      selectedOptions: selected.length ? JSON.stringify(selected) : null,
      inventoryItemId: null,
      unitCost: money(row.cost, "Cost per item"),
      // The CSV's cost is in the shop's currency, which the file does not name.
      unitCostCurrency: null,
      countryOfOrigin: emptyToNull(row.countryOfOrigin)?.toUpperCase() ?? null,
      hsCode: emptyToNull(row.hsCode),
      ...weight(row, report),
      updatedAt: null,
    });
  }

  private addImage(url: string, alt: string, positionText: string, report: Report): void {
    const explicit = positionText !== "" || alt !== "";
    let position = parsePosition(positionText);
    if (!position.ok) {
      report(`Image Position ${position.reason}; the image is placed in file order`);
      position = { ok: true, value: null };
    }
    const seen = this.media.get(url);
    if (seen) {
      // An image first met as a Variant Image takes the position and alt of its own Image row.
      if (!seen.explicit && explicit) {
        seen.row.alt = emptyToNull(alt);
        seen.row.position = position.value ?? seen.row.position;
        seen.explicit = true;
      }
      return;
    }
    const n = ++this.memo.images;
    this.media.set(url, {
      explicit,
      row: {
        id: csvIds.image(this.handle, n),
        productId: this.productId,
        url,
        alt: emptyToNull(alt),
        width: null,
        height: null,
        position: position.value ?? n,
      },
    });
  }
}

/** `Status` (active/draft/archived/unlisted) wins; else `Published` TRUE/FALSE; else active. */
function status(row: CsvRow, report: Report): string {
  const fromStatus = productStatus(row.status);
  if (fromStatus) return fromStatus;
  if (row.status) report(`Status ${JSON.stringify(row.status)} is not active, draft or archived`);
  const published = row.published.toLowerCase();
  if (["true", "yes", "1"].includes(published)) return "ACTIVE";
  if (["false", "no", "0"].includes(published)) return "DRAFT";
  if (published) report(`Published ${JSON.stringify(row.published)} is not TRUE or FALSE`);
  // Shopify publishes a product whose Status and Published are left blank.
  return "ACTIVE";
}

/** `Variant Weight` with its unit when the file has them, else `Variant Grams` in grams. */
function weight(row: CsvRow, report: Report): { weight: number | null; weightUnit: string | null } {
  if (row.weight) {
    const value = parseDecimal(row.weight);
    const unit = weightUnit(row.weightUnit);
    if (!value.ok) report(`Variant Weight ${value.reason}`);
    else if (!unit)
      report(`Variant Weight Unit ${JSON.stringify(row.weightUnit)} is not g, kg, lb or oz`);
    else return { weight: value.value, weightUnit: unit };
  }
  if (row.grams) {
    const grams = parseDecimal(row.grams);
    if (grams.ok) return { weight: grams.value, weightUnit: "GRAMS" };
    report(`Variant Grams ${grams.reason}`);
  }
  return { weight: null, weightUnit: null };
}
