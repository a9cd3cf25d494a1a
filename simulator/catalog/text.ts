/** Small string helpers shared by the product and order generators. */

/**
 * Concatenates into one flat string. Template literals of 3+ pieces build V8 "cons strings"
 * (a tree of pieces, each a heap object) once the result reaches 13 characters; millions of
 * retained ones made a 100k-product store's heap 40% bigger and its GC much slower, so long
 * multi-piece strings that end up in the store are built with this instead.
 */
export function cat(...parts: (string | number)[]): string {
  return parts.join("");
}

/** A flat copy of a string that was assembled step by step (titles): see `cat`. */
export function flat(text: string): string {
  return text.length < 2 ? text : [text.charAt(0), text.slice(1)].join("");
}

/** Latin transliteration good enough for handles and e-mail local parts. */
export function asciiFold(text: string): string {
  if (!/[^ -~]/.test(text)) return text; // printable ASCII: the common case; NFD is slow
  return text
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Shopify-style handle: lower-case ASCII words joined by hyphens, at most `max` characters. */
export function slugify(text: string, max = 90): string {
  const slug = asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug || "product";
  const cut = slug.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf("-"), 1)) || "product";
}

export function escapeHtml(text: string): string {
  if (!/[&<>"]/.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Title Case for a claim used as a title prefix: "carbon neutral" -> "Carbon Neutral". */
export function titleCase(text: string): string {
  return text.replace(
    /(^|[\s-])(\p{L})/gu,
    (_m, sep: string, ch: string) => sep + ch.toUpperCase(),
  );
}

/** Cuts at a word boundary so SEO fields stay within their limits without half words. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "");
}

/**
 * Short uppercase code for a SKU segment, distinct for the option values we use:
 * "Sage Green" -> "SG", "Black" -> "BLA", "UK plug" -> "UKP", "iPhone 17 Pro" -> "I17P".
 */
export function skuCode(value: string): string {
  const words = asciiFold(value)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return "X";
  const [only] = words;
  if (words.length === 1 && only && !/\d/.test(only)) return only.slice(0, 3);
  return words.map((w) => (/\d/.test(w) || w.length <= 3 ? w : w.charAt(0))).join("");
}
