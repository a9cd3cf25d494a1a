/**
 * `stagedUploadsCreate`, `fileCreate` and reads of the files they make (`node`, `nodes`), after
 * Shopify's contract (see ../files.ts). Resources other than FILE and IMAGE, and sources that are
 * not a staged upload of this simulator, fail loudly as not simulated rather than pretend.
 */
import { GraphQLError } from "graphql";
import {
  advance,
  emptyFiles,
  extensionOf,
  IMAGE_EXTENSIONS,
  MAX_FILE_BYTES,
  newToken,
  type SimFile,
  type SimFiles,
  type SimStagedUpload,
} from "../files";
import type { SimStore } from "../store";
import { getIndex } from "../store-index";
import { gidNumber, isoSeconds, isRecord, makeGid } from "../util";
import type { ResolverMap, SimContext } from "./context";

export function filesOf(store: SimStore): SimFiles {
  return (store.files ??= emptyFiles());
}

const notSimulated = (what: string) =>
  new GraphQLError(`${what} is not implemented in the simulator`, {
    extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR" },
  });

const shopNumber = (store: SimStore) => gidNumber(store.shop.id);

function stagedUploadsCreate(ctx: SimContext, args: Record<string, unknown>) {
  const inputs = Array.isArray(args.input) ? args.input.filter(isRecord) : [];
  const files = filesOf(ctx.store);
  const base = `${ctx.services.publicUrl()}/staged-uploads`;
  const userErrors: { field: string[]; message: string }[] = [];
  const targets: SimStagedUpload[] = [];
  inputs.forEach((input, i) => {
    const fail = (field: string, message: string) =>
      userErrors.push({ field: ["input", String(i), field], message });
    const resource = String(input.resource ?? "");
    if (resource !== "FILE" && resource !== "IMAGE")
      throw notSimulated(`stagedUploadsCreate for ${resource} resources`);
    const httpMethod = input.httpMethod === "POST" ? "POST" : "PUT";
    const filename = typeof input.filename === "string" ? input.filename.trim() : "";
    const mimeType = typeof input.mimeType === "string" ? input.mimeType.trim() : "";
    if (!filename) return fail("filename", "Filename can't be blank");
    if (!mimeType) return fail("mimeType", "Mime type can't be blank");
    if (resource === "IMAGE" && !mimeType.startsWith("image/"))
      return fail("mimeType", `Invalid mime type for an image: ${mimeType}`);
    const size = input.fileSize == null ? null : Number(input.fileSize);
    if (size !== null && (!Number.isFinite(size) || size > MAX_FILE_BYTES))
      return fail("fileSize", `File size must be at most ${MAX_FILE_BYTES} bytes`);
    const token = newToken();
    const key = `tmp/${shopNumber(ctx.store)}/files/${token}/${encodeURIComponent(filename)}`;
    const signature = newToken() + newToken();
    const resourceUrl = `${base}/${key}`;
    const date = isoSeconds(ctx.services.now()).replace(/[-:]/g, "");
    const credential = `simulator@seaworthy.invalid/${date.slice(0, 8)}/auto/storage/goog4_request`;
    const post = httpMethod === "POST";
    targets.push({
      token,
      resource,
      httpMethod,
      filename,
      mimeType,
      key,
      signature,
      resourceUrl,
      url: post
        ? `${base}/`
        : `${resourceUrl}?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=${encodeURIComponent(credential)}&X-Goog-Date=${date}&X-Goog-Expires=604800&X-Goog-SignedHeaders=content-type%3Bhost&X-Goog-Signature=${signature}`,
      parameters: post
        ? [
            { name: "Content-Type", value: mimeType },
            { name: "success_action_status", value: "201" },
            { name: "acl", value: "private" },
            { name: "key", value: key },
            { name: "x-goog-date", value: date },
            { name: "x-goog-credential", value: credential },
            { name: "x-goog-algorithm", value: "GOOG4-RSA-SHA256" },
            { name: "x-goog-signature", value: signature },
            {
              name: "policy",
              value: Buffer.from(
                JSON.stringify({
                  conditions: [
                    { "Content-Type": mimeType },
                    { success_action_status: "201" },
                    { acl: "private" },
                    ["content-length-range", 1, MAX_FILE_BYTES],
                    { bucket: "shopify-staged-uploads" },
                    { key },
                  ],
                }),
              ).toString("base64"),
            },
          ]
        : [
            { name: "content_type", value: mimeType },
            { name: "acl", value: "private" },
          ],
      uploaded: null,
    });
  });
  if (userErrors.length) return { stagedTargets: null, userErrors };
  files.staged.push(...targets);
  return {
    stagedTargets: targets.map((t) => ({
      url: t.url,
      resourceUrl: t.resourceUrl,
      parameters: t.parameters,
    })),
    userErrors: [],
  };
}

function nextFileId(ctx: SimContext, type: "GenericFile" | "MediaImage"): string {
  let max = 0;
  for (const f of filesOf(ctx.store).files) max = Math.max(max, gidNumber(f.id));
  // Product media and uploaded images share the MediaImage id space.
  if (type === "MediaImage")
    for (const id of getIndex(ctx.store).media.keys()) max = Math.max(max, gidNumber(id));
  return makeGid(type, max + 1);
}

function fileCreate(ctx: SimContext, args: Record<string, unknown>) {
  const inputs = Array.isArray(args.files) ? args.files.filter(isRecord) : [];
  const files = filesOf(ctx.store);
  const base = `${ctx.services.publicUrl()}/staged-uploads/`;
  const userErrors: { field: string[]; message: string; code: string }[] = [];
  const plans: {
    input: Record<string, unknown>;
    type: "GenericFile" | "MediaImage";
    name: string;
    source: string;
  }[] = [];
  inputs.forEach((input, i) => {
    const fail = (field: string, code: string, message: string) =>
      userErrors.push({ field: ["files", String(i), field], message, code });
    const source = typeof input.originalSource === "string" ? input.originalSource : "";
    if (!source.startsWith(base)) {
      if (/^https?:\/\//.test(source)) throw notSimulated("fileCreate from an external URL");
      return fail("originalSource", "INVALID", "Original source is invalid");
    }
    const sourceName = decodeURIComponent(source.slice(source.lastIndexOf("/") + 1));
    const filename =
      typeof input.filename === "string" && input.filename ? input.filename : sourceName;
    if (extensionOf(filename) !== extensionOf(sourceName))
      return fail(
        "filename",
        "MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE",
        "The filename extension must match the original source's extension.",
      );
    const alt = typeof input.alt === "string" ? input.alt : "";
    if (alt.length > 512)
      return fail(
        "alt",
        "ALT_VALUE_LIMIT_EXCEEDED",
        "The alt value exceeds the limit of 512 characters.",
      );
    const contentType =
      typeof input.contentType === "string"
        ? input.contentType
        : IMAGE_EXTENSIONS.test(sourceName)
          ? "IMAGE"
          : "FILE";
    if (contentType !== "FILE" && contentType !== "IMAGE")
      throw notSimulated(`fileCreate for ${contentType} files`);
    plans.push({
      input,
      type: contentType === "IMAGE" ? "MediaImage" : "GenericFile",
      name: filename,
      source,
    });
  });
  if (userErrors.length) return { files: null, userErrors };
  const now = isoSeconds(ctx.services.now());
  const created = plans.map((p): SimFile => {
    const file: SimFile = {
      id: nextFileId(ctx, p.type),
      alt: typeof p.input.alt === "string" ? p.input.alt : "",
      filename: p.name,
      originalSource: p.source,
      mimeType: null,
      originalFileSize: null,
      fileStatus: "UPLOADED",
      fileErrors: [],
      url: null,
      image: null,
      reads: 0,
      createdAt: now,
      updatedAt: now,
    };
    files.files.push(file);
    return file;
  });
  return { files: created, userErrors: [] };
}

/** An uploaded file by id, advanced by this read (see ../files.ts). */
export function readFile(ctx: SimContext, id: string): SimFile | null {
  const files = filesOf(ctx.store);
  const file = files.files.find((f) => f.id === id) ?? null;
  if (file)
    advance(
      files,
      file,
      isoSeconds(ctx.services.now()),
      `https://cdn.shopify.com/s/files/1/${shopNumber(ctx.store)}`,
    );
  return file;
}

export const isUploadedFile = (v: unknown): v is SimFile =>
  isRecord(v) && typeof v.id === "string" && "fileStatus" in v && "originalSource" in v;

/** MediaImage fields of an uploaded image (product media answer their own, see products.ts). */
export const uploadedImageFields: Record<string, (f: SimFile) => unknown> = {
  image: (f) => f.image,
  preview: (f) => ({
    image: f.image,
    status:
      f.fileStatus === "READY" ? "READY" : f.fileStatus === "FAILED" ? "FAILED" : "PROCESSING",
  }),
  mediaContentType: () => "IMAGE",
  status: (f) =>
    f.fileStatus === "READY" ? "READY" : f.fileStatus === "FAILED" ? "FAILED" : "PROCESSING",
  fileStatus: (f) => f.fileStatus,
  mimeType: (f) => f.mimeType,
  mediaErrors: () => [],
  mediaWarnings: () => [],
  fileErrors: (f) => f.fileErrors,
  createdAt: (f) => f.createdAt,
  updatedAt: (f) => f.updatedAt,
};

export function fileResolvers(): ResolverMap {
  return {
    Mutation: {
      stagedUploadsCreate: (_s, args, ctx) => stagedUploadsCreate(ctx, args),
      fileCreate: (_s, args, ctx) => fileCreate(ctx, args),
    },
    GenericFile: {
      preview: (f) =>
        isUploadedFile(f)
          ? { image: null, status: f.fileStatus === "READY" ? "READY" : "PROCESSING" }
          : null,
    },
  };
}
