/** Small value cleaners shared by the CSV and products.json parsers. */

/** A parsed value, or why the text could not be one (the caller reports it and stores null). */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

export const emptyToNull = (text: string | null | undefined): string | null =>
  text == null || text.trim() === "" ? null : text;

/**
 * Barcodes (and long digit strings generally) are exported as `'0123456789012`: the apostrophe
 * keeps spreadsheets from turning them into numbers and dropping the leading zeros. Strip exactly
 * one, keep the digits as text.
 */
export function cleanBarcode(text: string): string | null {
  const trimmed = text.trim();
  return emptyToNull((trimmed.startsWith("'") ? trimmed.slice(1) : trimmed).trim());
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A non-negative amount kept as the exact text (money must not pass through floating point).
 * Thousands separators, currency signs and decimal commas are refused rather than guessed at:
 * "1,234" could be either.
 */
export function parseMoney(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  return DECIMAL.test(trimmed)
    ? { ok: true, value: trimmed }
    : { ok: false, reason: `${JSON.stringify(trimmed)} is not a number` };
}

export function parseDecimal(text: string): Parsed<number> {
  const money = parseMoney(text);
  return money.ok ? { ok: true, value: money.value === null ? null : Number(money.value) } : money;
}

export function parsePosition(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  return /^\d+$/.test(trimmed) && Number(trimmed) > 0
    ? { ok: true, value: Number(trimmed) }
    : { ok: false, reason: `${JSON.stringify(trimmed)} is not a positive whole number` };
}

const WEIGHT_UNITS: Record<string, string> = {
  g: "GRAMS",
  gram: "GRAMS",
  grams: "GRAMS",
  kg: "KILOGRAMS",
  kilogram: "KILOGRAMS",
  kilograms: "KILOGRAMS",
  lb: "POUNDS",
  lbs: "POUNDS",
  pound: "POUNDS",
  pounds: "POUNDS",
  oz: "OUNCES",
  ounce: "OUNCES",
  ounces: "OUNCES",
};

/** Shopify's WeightUnit enum from the short forms exports and REST use (`kg`, `lb`…). */
export function weightUnit(text: string | null | undefined): string | null {
  if (!text) return null;
  const key = text.trim().toLowerCase();
  return (
    WEIGHT_UNITS[key] ??
    (Object.values(WEIGHT_UNITS).includes(key.toUpperCase()) ? key.toUpperCase() : null)
  );
}

const STATUSES = ["ACTIVE", "DRAFT", "ARCHIVED", "UNLISTED"];

/** Shopify's ProductStatus from `active`/`Draft`…, or null when it is not one. */
export function productStatus(text: string | null | undefined): string | null {
  const upper = text?.trim().toUpperCase() ?? "";
  return STATUSES.includes(upper) ? upper : null;
}

/** "a,b , c" → "a, b, c": the comma-separated form REST uses, without empty tags. */
export function normalizeTags(tags: string | readonly string[] | null | undefined): string {
  const list = typeof tags === "string" ? tags.split(",") : (tags ?? []);
  return list
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "")
    .join(", ");
}

/** An ISO date in UTC, or null for empty or unreadable text. */
export function isoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
