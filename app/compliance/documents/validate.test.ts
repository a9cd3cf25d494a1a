import { describe, expect, it } from "vitest";
import { checkDocument, documentFilename, MAX_DOCUMENT_BYTES, sniffDocument } from "./validate";

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe("certificate documents", () => {
  it("knows PDF, PNG and JPEG by their bytes, and nothing else", () => {
    expect([PDF, PNG, JPEG].map(sniffDocument)).toEqual(["pdf", "png", "jpeg"]);
    expect(sniffDocument(new TextEncoder().encode("MZ\x90\x00"))).toBeNull();
    expect(sniffDocument(new TextEncoder().encode("<html>"))).toBeNull();
  });

  it("GIVEN a file renamed to .pdf WHEN checked THEN its type is refused", () => {
    const exe = new TextEncoder().encode("MZ this is a program");
    expect(checkDocument({ name: "doc.pdf", size: exe.length, bytes: exe })).toEqual({
      ok: false,
      problem: "type",
    });
  });

  it("refuses an empty file and one over 20 MB, at the boundary", () => {
    expect(checkDocument({ name: "a.pdf", size: 0, bytes: new Uint8Array() })).toEqual({
      ok: false,
      problem: "empty",
    });
    expect(checkDocument({ name: "a.pdf", size: MAX_DOCUMENT_BYTES + 1, bytes: PDF })).toEqual({
      ok: false,
      problem: "tooLarge",
    });
    expect(checkDocument({ name: "a.pdf", size: MAX_DOCUMENT_BYTES, bytes: PDF })).toMatchObject({
      ok: true,
      kind: "pdf",
    });
  });

  it("names the upload safely with the extension of its real type", () => {
    expect(documentFilename("C:\\scans\\GOTS Zertifikat 2026 (final).PDF", "pdf")).toBe(
      "GOTS-Zertifikat-2026-final.pdf",
    );
    expect(documentFilename("photo.jpeg", "png")).toBe("photo.png");
    expect(documentFilename("证书.jpg", "jpeg")).toBe("certificate.jpg");
  });
});
