/**
 * Uploads a certificate document to the shop's Files the way Shopify documents it:
 * `stagedUploadsCreate` → POST the bytes to the staged target (form parameters first, the file
 * last) → `fileCreate` from the target's `resourceUrl` → poll the file until Shopify's processing
 * says READY (or FAILED). Every refusal becomes an UploadError naming the step, for the page to
 * turn into words; the caller saves nothing of a failed upload.
 */
import type { AdminClient } from "../../graphql/admin-client";
import { FileCreate, type FileCreateResult } from "../../graphql/FileCreate";
import {
  FileStatus,
  fileUrl,
  type FileStatusNode,
  type FileStatusResult,
} from "../../graphql/FileStatus";
import {
  StagedUploadsCreate,
  type StagedUploadsCreateResult,
} from "../../graphql/StagedUploadsCreate";
import { DOCUMENT_TYPES, type DocumentKind } from "./validate";

export type UploadStep = "stage" | "upload" | "create" | "process";

export class UploadError extends Error {
  override name = "UploadError";
  constructor(
    readonly step: UploadStep,
    message: string,
  ) {
    super(message);
  }
}

export interface UploadedDocument {
  fileId: string;
  /** The CDN URL, null when Shopify was still processing when polling stopped. */
  url: string | null;
  fileStatus: "READY" | "PROCESSING";
  filename: string;
}

export interface UploadOptions {
  /** For the bytes' POST to the staged target (default global fetch). */
  fetch?: typeof fetch;
  /** Waits between status reads; their count bounds the polling (default about 30 s in all). */
  pollDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_POLL_MS = [250, 500, 1000, 1000, 2000, 2000, 3000, 5000, 5000, 5000, 5000];
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Requester = Pick<AdminClient, "request">;

export async function uploadDocument(
  client: Requester,
  doc: { kind: DocumentKind; filename: string; bytes: Uint8Array; alt?: string },
  options: UploadOptions = {},
): Promise<UploadedDocument> {
  const type = DOCUMENT_TYPES[doc.kind];
  const staged = await client.request<StagedUploadsCreateResult>(StagedUploadsCreate, {
    input: [
      {
        resource: type.resource,
        filename: doc.filename,
        mimeType: type.mimeType,
        httpMethod: "POST",
        fileSize: String(doc.bytes.length),
      },
    ],
  });
  const stageErrors = staged.stagedUploadsCreate?.userErrors ?? [];
  const target = staged.stagedUploadsCreate?.stagedTargets?.[0];
  if (stageErrors.length || !target?.url || !target.resourceUrl)
    throw new UploadError(
      "stage",
      stageErrors.map((e) => e.message).join("; ") || "Shopify gave no upload target",
    );

  const form = new FormData();
  for (const p of target.parameters) form.append(p.name, p.value);
  // The bucket ignores fields after the file: it goes last.
  form.append("file", new Blob([new Uint8Array(doc.bytes)], { type: type.mimeType }), doc.filename);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(target.url, { method: "POST", body: form });
  } catch (error) {
    throw new UploadError(
      "upload",
      `The upload did not reach Shopify: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    throw new UploadError(
      "upload",
      `Shopify's storage refused the upload (HTTP ${response.status}${code ? ` ${code}` : ""})`,
    );
  }

  const created = await client.request<FileCreateResult>(FileCreate, {
    files: [
      {
        originalSource: target.resourceUrl,
        contentType: type.contentType,
        filename: doc.filename,
        alt: doc.alt ?? "",
      },
    ],
  });
  const createErrors = created.fileCreate?.userErrors ?? [];
  const file = created.fileCreate?.files?.[0];
  if (createErrors.length || !file)
    throw new UploadError(
      "create",
      createErrors.map((e) => e.message).join("; ") || "Shopify made no file",
    );

  const sleep = options.sleep ?? defaultSleep;
  for (const delay of options.pollDelaysMs ?? DEFAULT_POLL_MS) {
    await sleep(delay);
    const status = await client.request<FileStatusResult>(FileStatus, { ids: [file.id] });
    const node = status.nodes[0];
    if (!node || !("fileStatus" in node)) continue;
    if (node.fileStatus === "FAILED")
      throw new UploadError(
        "process",
        node.fileErrors.map((e) => e.message).join("; ") || "Shopify could not process the file",
      );
    if (node.fileStatus === "READY")
      return {
        fileId: file.id,
        url: fileUrl(node),
        fileStatus: "READY",
        filename: doc.filename,
      };
  }
  // Still processing: keep the file; the certificate publish reads its URL later.
  return { fileId: file.id, url: null, fileStatus: "PROCESSING", filename: doc.filename };
}

/** Reads the status and URL of uploaded files (certificates saved while still processing). */
export async function fileStatuses(
  client: Requester,
  ids: readonly string[],
): Promise<Map<string, FileStatusNode>> {
  const out = new Map<string, FileStatusNode>();
  for (let at = 0; at < ids.length; at += 100) {
    const result = await client.request<FileStatusResult>(FileStatus, {
      ids: ids.slice(at, at + 100),
    });
    for (const node of result.nodes) if (node && "fileStatus" in node) out.set(node.id, node);
  }
  return out;
}
