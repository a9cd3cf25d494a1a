/**
 * Reads the certificate form, with or without a document file. The file is read into memory up
 * to the 20 MB limit and no further (the rest is counted, not kept), so an oversized upload is
 * answered with a field error instead of exhausting memory, and every other field still arrives.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_DOCUMENT_BYTES } from "./validate";

export interface DocumentPart {
  name: string;
  /** Bytes received, which may exceed `bytes.length` when over the limit. */
  size: number;
  bytes: Uint8Array;
}

const MAX_TEXT_FIELD = 200_000;

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function readCertificateForm(
  request: Request,
  fileField = "document",
): Promise<{ formData: FormData; document: DocumentPart | null }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    return { formData: await request.formData(), document: null };
  let document: DocumentPart | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const isFile = typeof filename === "string";
    const cap = isFile ? MAX_DOCUMENT_BYTES : MAX_TEXT_FIELD;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= cap) chunks.push(chunk);
    }
    if (!isFile) {
      if (size > cap) throw new Error(`form field ${name} is too long`);
      return new TextDecoder().decode(concat(chunks));
    }
    // A file input left empty arrives as a part with no name and no bytes.
    if (name === fileField && filename && size > 0)
      document = { name: filename, size, bytes: concat(chunks) };
    return undefined;
  };
  const formData = await unstable_parseMultipartFormData(request, handler);
  return { formData, document };
}
