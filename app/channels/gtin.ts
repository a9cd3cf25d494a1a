/**
 * GS1 GTIN checks (GTIN-8, -12, -13, -14). Barcodes exported through spreadsheets often carry a
 * leading apostrophe (kept as text) or spaces/hyphens between digit groups: normalise before
 * judging, and report the stored form separately (`gtinStoredClean`).
 */

export type GtinProblem = "missing" | "format" | "length" | "check_digit";

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** Digits of a barcode with a leading apostrophe, spaces and hyphens removed; null if empty. */
export function normalizeGtin(raw: string | null): string | null {
  if (raw === null) return null;
  let s = raw.trim();
  if (s.startsWith("'") || s.startsWith("’")) s = s.slice(1);
  s = s.replace(/[\s-]+/g, "");
  return s === "" ? null : s;
}

/** GS1 mod-10 check over all digits but the last; true when the last digit matches. */
function checkDigitOk(digits: string): boolean {
  let sum = 0;
  const last = digits.length - 1;
  // Weights 3,1,3,... from the rightmost data digit leftwards.
  for (let i = last - 1, w = 3; i >= 0; i--, w = 4 - w) sum += (digits.charCodeAt(i) - 48) * w;
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(last) - 48;
}

export function gtinProblem(raw: string | null): GtinProblem | null {
  const digits = normalizeGtin(raw);
  if (digits === null) return "missing";
  if (!/^\d+$/.test(digits)) return "format";
  if (!GTIN_LENGTHS.has(digits.length)) return "length";
  return checkDigitOk(digits) ? null : "check_digit";
}

export function isValidGtin(raw: string | null): boolean {
  return gtinProblem(raw) === null;
}

/** True when the stored value is already bare digits (no apostrophe, spaces or hyphens). */
export function gtinStoredClean(raw: string | null): boolean {
  return raw === null || raw === normalizeGtin(raw);
}
