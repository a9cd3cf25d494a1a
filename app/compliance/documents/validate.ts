/**
 * Which certificate documents Seaworthy accepts: PDF, PNG and JPEG up to 20 MB (Shopify's limit
 * for files). The type is judged by the bytes, not by the name or the browser's claim, so a
 * renamed .exe is refused here rather than failing later in Shopify's processing.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const DOCUMENT_TYPES = {
  pdf: { mimeType: "application/pdf", resource: "FILE", contentType: "FILE", ext: "pdf" },
  png: { mimeType: "image/png", resource: "IMAGE", contentType: "IMAGE", ext: "png" },
  jpeg: { mimeType: "image/jpeg", resource: "IMAGE", contentType: "IMAGE", ext: "jpg" },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_TYPES;

/** The `accept` attribute of the file input. */
export const DOCUMENT_ACCEPT = "application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg";

export type DocumentProblem = "empty" | "tooLarge" | "type";

export function sniffDocument(bytes: Uint8Array): DocumentKind | null {
  const b = bytes;
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d)
    return "pdf";
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "png";
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  return null;
}

/** A name Shopify will take: the base name, safe characters, the extension of the real type. */
export function documentFilename(name: string, kind: DocumentKind): string {
  const base = (name.split(/[/\\]/).pop() ?? "")
    .replace(/\.[^.]*$/, "")
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
  return `${base || "certificate"}.${DOCUMENT_TYPES[kind].ext}`;
}

export type CheckedDocument =
  | { ok: true; kind: DocumentKind; filename: string; bytes: Uint8Array }
  | { ok: false; problem: DocumentProblem };

/** `size` is the byte count read, which may exceed `bytes` when reading stopped at the cap. */
export function checkDocument(input: {
  name: string;
  size: number;
  bytes: Uint8Array;
}): CheckedDocument {
  if (input.size === 0) return { ok: false, problem: "empty" };
  if (input.size > MAX_DOCUMENT_BYTES) return { ok: false, problem: "tooLarge" };
  const kind = sniffDocument(input.bytes);
  if (!kind) return { ok: false, problem: "type" };
  return { ok: true, kind, filename: documentFilename(input.name, kind), bytes: input.bytes };
}

const ALLOWED_MIME = new Set<string>(Object.values(DOCUMENT_TYPES).map((t) => t.mimeType));

/**
 * The browser's first look at a chosen file (its claimed type and size), for an error before any
 * upload. The server still judges the bytes with checkDocument.
 */
export function chosenFileProblem(file: { type: string; size: number }): DocumentProblem | null {
  if (file.size === 0) return "empty";
  if (file.size > MAX_DOCUMENT_BYTES) return "tooLarge";
  return ALLOWED_MIME.has(file.type) ? null : "type";
}
