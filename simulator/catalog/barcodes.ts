/**
 * GS1 barcodes (GTIN-8/12/13/14) with real check digits, plus the ways merchants mangle them.
 */

/**
 * GS1 mod-10 check digit. Weights alternate 3,1,3,... starting from the digit nearest the check
 * digit (the rightmost data digit), which makes one function serve every GTIN length.
 */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) {
    throw new Error(`gtinCheckDigit expects digits only, got "${digitsWithoutCheck}"`);
  }
  let sum = 0;
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digitsWithoutCheck.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `code` is 8, 12, 13 or 14 digits and its last digit is the right check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

export type GtinFormat = "GTIN-13" | "GTIN-12" | "GTIN-8" | "GTIN-14";

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * A valid GTIN for the `serial`-th variant of a brand. GTIN-13s use a GS1 China prefix (690-699)
 * because the brands manufacture in China; GTIN-12s look like US UPCs; GTIN-14 is a case pack
 * (packaging indicator 1). The serial keeps codes unique within a brand and format.
 */
export function makeGtin(format: GtinFormat, brandNumber: number, serial: number): string {
  let data: string;
  switch (format) {
    case "GTIN-13":
      data = `69${brandNumber % 10}${pad(serial % 1e9, 9)}`;
      break;
    case "GTIN-12":
      data = `8${pad(brandNumber % 1000, 3)}${pad(serial % 1e7, 7)}`;
      break;
    case "GTIN-8":
      data = `69${pad(serial % 1e5, 5)}`;
      break;
    case "GTIN-14":
      data = `169${brandNumber % 10}${pad(serial % 1e9, 9)}`;
      break;
  }
  return [data, gtinCheckDigit(data)].join(""); // a flat string: see cat() in text.ts
}

/** Same digits, wrong check digit: what a typo or a made-up "EAN" looks like. */
export function withBadCheckDigit(code: string, bump: number): string {
  const check = Number(code.slice(-1));
  const wrong = (check + 1 + (Math.abs(bump) % 9)) % 10;
  return code.slice(0, -1) + String(wrong);
}

/** A spreadsheet round-trip keeps the leading apostrophe used to stop Excel eating zeros. */
export function withApostrophe(code: string): string {
  return `'${code}`;
}

/** Copy-paste artefacts: padding, or digits grouped the way they are printed under the bars. */
export function withSpaces(code: string, style: number): string {
  if (style % 2 === 0) return ` ${code} `;
  return code.length === 13
    ? `${code.slice(0, 1)} ${code.slice(1, 7)} ${code.slice(7)}`
    : `${code} `;
}
