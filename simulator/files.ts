/**
 * Files in the simulated store, following Shopify's documented upload contract
 * (https://shopify.dev/docs/apps/build/online-store/product-media#step-1-upload-media-to-shopify):
 * 1. `stagedUploadsCreate` answers a target `url`, the form `parameters` to send with it and the
 *    `resourceUrl` the bytes will live at. Here the target is served by the simulator itself
 *    (`<sim>/staged-uploads/…`), checks the parameters as the storage bucket checks its signed
 *    policy, and keeps only what processing needs of the bytes (size, digest, detected format).
 * 2. `fileCreate` with `originalSource` = that `resourceUrl` answers a GenericFile (documents) or
 *    a MediaImage (images) in status UPLOADED, with no `url` yet.
 * 3. Shopify processes the file in the background: reads see PROCESSING, then READY with its CDN
 *    URL, or FAILED with `fileErrors` (nothing uploaded, not an image, too large). The simulator
 *    counts reads instead of time (`readsUntilReady`) so tests are deterministic.
 * Plain data only, like the rest of the store.
 */
import { randomBytes } from "node:crypto";
import type { Gid } from "./store";

/** Shopify's limit for images and generic files uploaded to the Files page. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type SimFileStatus = "UPLOADED" | "PROCESSING" | "READY" | "FAILED";
export type DetectedFormat = "pdf" | "png" | "jpeg" | "gif" | "webp" | "other";

export interface SimStagedUpload {
  token: string;
  resource: "FILE" | "IMAGE";
  httpMethod: "POST" | "PUT";
  filename: string;
  mimeType: string;
  /** `tmp/<shop>/files/<token>/<filename>`: the object key in the bucket. */
  key: string;
  /** The signature the target checks (stands in for Google's signed policy). */
  signature: string;
  /** Where the bytes go and the form fields to send with them, as answered to the app. */
  url: string;
  parameters: { name: string; value: string }[];
  resourceUrl: string;
  uploaded: {
    size: number;
    sha256: string;
    contentType: string;
    format: DetectedFormat;
    width: number | null;
    height: number | null;
  } | null;
}

export interface SimFileError {
  code: string;
  message: string;
  details: string | null;
}

export interface SimFile {
  id: Gid; // gid://shopify/GenericFile/<n> or gid://shopify/MediaImage/<n>
  alt: string;
  filename: string;
  originalSource: string;
  mimeType: string | null;
  originalFileSize: number | null;
  fileStatus: SimFileStatus;
  fileErrors: SimFileError[];
  /** GenericFile: the CDN URL once READY. */
  url: string | null;
  /** MediaImage: the image once READY. */
  image: {
    id: Gid;
    url: string;
    width: number | null;
    height: number | null;
    altText: string;
  } | null;
  reads: number;
  createdAt: string;
  updatedAt: string;
}

export interface SimFiles {
  staged: SimStagedUpload[];
  files: SimFile[];
  /** Reads of a file before processing ends (the first reads see PROCESSING). Default 2. */
  readsUntilReady: number;
}

export const emptyFiles = (): SimFiles => ({ staged: [], files: [], readsUntilReady: 2 });

export const newToken = () => randomBytes(16).toString("hex");

/** What the bytes are, from their first bytes (what Shopify's processing trusts, not the name). */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  const head = (n: number) => Buffer.from(bytes.subarray(0, n));
  if (head(5).toString("latin1") === "%PDF-") return "pdf";
  if (head(8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (head(4).toString("latin1") === "GIF8") return "gif";
  if (
    head(4).toString("latin1") === "RIFF" &&
    Buffer.from(bytes.subarray(8, 12)).toString("latin1") === "WEBP"
  )
    return "webp";
  return "other";
}

/** A PNG's size from its IHDR chunk; other formats are not measured here. */
export function imageSize(bytes: Uint8Array, format: DetectedFormat) {
  if (format !== "png" || bytes.length < 24) return { width: null, height: null };
  const b = Buffer.from(bytes.subarray(16, 24));
  return { width: b.readUInt32BE(0), height: b.readUInt32BE(4) };
}

export const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp)$/i;
export const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";

/** What a read of the file sees: processing advances one step per read until it ends. */
export function advance(files: SimFiles, file: SimFile, now: string, cdnBase: string): void {
  if (file.fileStatus === "READY" || file.fileStatus === "FAILED") return;
  file.reads += 1;
  if (file.reads < files.readsUntilReady) {
    if (file.fileStatus !== "PROCESSING") {
      file.fileStatus = "PROCESSING";
      file.updatedAt = now;
    }
    return;
  }
  finish(files, file, now, cdnBase);
}

function finish(files: SimFiles, file: SimFile, now: string, cdnBase: string): void {
  const isImage = file.id.includes("/MediaImage/");
  const staged = files.staged.find((s) => s.resourceUrl === file.originalSource);
  const fail = (code: string, message: string) => {
    file.fileStatus = "FAILED";
    file.fileErrors = [{ code, message, details: null }];
    file.updatedAt = now;
  };
  const upload = staged?.uploaded;
  if (!upload)
    return fail(
      isImage ? "IMAGE_DOWNLOAD_FAILURE" : "GENERIC_FILE_DOWNLOAD_FAILURE",
      "File could not be processed because the source could not be downloaded.",
    );
  if (upload.size > MAX_FILE_BYTES)
    return fail(
      isImage ? "INVALID_IMAGE_FILE_SIZE" : "GENERIC_FILE_INVALID_SIZE",
      "File size is too large.",
    );
  if (isImage && !["png", "jpeg", "gif", "webp"].includes(upload.format))
    return fail("UNSUPPORTED_IMAGE_FILE_TYPE", "Image file type is unsupported.");
  file.mimeType = upload.contentType;
  file.originalFileSize = upload.size;
  const url = `${cdnBase}/files/${file.filename}?v=${Date.parse(now) / 1000}`;
  if (isImage)
    file.image = {
      id: file.id.replace("MediaImage", "ImageSource"),
      url,
      width: upload.width,
      height: upload.height,
      altText: file.alt,
    };
  else file.url = url;
  file.fileStatus = "READY";
  file.updatedAt = now;
}
