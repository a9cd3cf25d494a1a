/**
 * The staged upload target `stagedUploadsCreate` points at, standing in for Shopify's storage
 * bucket (Google Cloud Storage): a multipart POST of the answered `parameters` followed by the
 * `file` field, or a PUT of the raw bytes to the signed URL. Like the bucket it refuses a wrong
 * signature or key (403 AccessDenied), a Content-Type other than the one signed, a missing file
 * and a size outside the policy's content-length-range (400), answering XML as GCS does.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { detectFormat, imageSize, MAX_FILE_BYTES, type SimStagedUpload } from "./files";
import type { SimStore } from "./store";

/** The body cap: the largest allowed file plus room for the form fields. */
const MAX_UPLOAD_BODY = MAX_FILE_BYTES + 64 * 1024;

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { "Content-Type": "application/xml; charset=UTF-8" });
  res.end(body);
}

async function readBytes(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep reading (so the client sees the answer, not a reset) but stop keeping the bytes.
    if (size <= MAX_UPLOAD_BODY) chunks.push(chunk);
  }
  return size > MAX_UPLOAD_BODY ? null : Buffer.concat(chunks);
}

function accept(target: SimStagedUpload, bytes: Uint8Array, contentType: string): void {
  const format = detectFormat(bytes);
  target.uploaded = {
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    contentType,
    format,
    ...imageSize(bytes, format),
  };
}

function sizeProblem(res: ServerResponse, size: number): boolean {
  if (size < 1) {
    xmlError(
      res,
      400,
      "EntityTooSmall",
      "Your proposed upload is smaller than the minimum object size specified in your Policy Document.",
    );
    return true;
  }
  if (size > MAX_FILE_BYTES) {
    xmlError(
      res,
      400,
      "EntityTooLarge",
      "Your proposed upload is larger than the maximum object size specified in your Policy Document.",
    );
    return true;
  }
  return false;
}

export async function handleStagedUpload(
  req: IncomingMessage,
  res: ServerResponse,
  store: SimStore,
  url: URL,
): Promise<void> {
  const staged = store.files?.staged ?? [];
  const bytes = await readBytes(req);
  if (bytes === null)
    return xmlError(
      res,
      400,
      "EntityTooLarge",
      "Your proposed upload is larger than the maximum object size specified in your Policy Document.",
    );
  if (req.method === "PUT") {
    const key = decodeURIComponent(url.pathname.replace(/^\/staged-uploads\//, ""));
    const target = staged.find((s) => s.httpMethod === "PUT" && decodeURIComponent(s.key) === key);
    if (!target || url.searchParams.get("X-Goog-Signature") !== target.signature)
      return xmlError(res, 403, "SignatureDoesNotMatch", "Access denied.");
    const contentType = String(req.headers["content-type"] ?? "");
    if (contentType !== target.mimeType)
      return xmlError(
        res,
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided (Content-Type).",
      );
    if (sizeProblem(res, bytes.length)) return;
    accept(target, bytes, contentType);
    res.writeHead(200, { "Content-Length": 0 });
    return void res.end();
  }
  if (req.method !== "POST" || url.pathname.replace(/\/$/, "") !== "/staged-uploads")
    return xmlError(
      res,
      405,
      "MethodNotAllowed",
      "The specified method is not allowed against this resource.",
    );
  let form: FormData;
  try {
    form = await new Request("http://bucket.invalid/", {
      method: "POST",
      headers: { "content-type": String(req.headers["content-type"] ?? "") },
      body: new Uint8Array(bytes),
    }).formData();
  } catch {
    return xmlError(res, 400, "InvalidArgument", "POST requires a multipart/form-data body.");
  }
  const fields = [...form.entries()];
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : null;
  };
  const target = staged.find((s) => s.httpMethod === "POST" && s.key === value("key"));
  if (!target || value("x-goog-signature") !== target.signature || !value("policy"))
    return xmlError(
      res,
      403,
      "AccessDenied",
      "Invalid according to Policy: Policy did not reference these fields or the signature does not match.",
    );
  if (value("Content-Type") !== target.mimeType)
    return xmlError(
      res,
      403,
      "AccessDenied",
      'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type"]',
    );
  const last = fields[fields.length - 1];
  // The bucket ignores every field after `file`, so the file must come last.
  if (!last || last[0] !== "file" || typeof last[1] === "string")
    return xmlError(
      res,
      400,
      "InvalidArgument",
      "Cannot find the file field: it must be the last field of the form.",
    );
  const file = new Uint8Array(await last[1].arrayBuffer());
  if (sizeProblem(res, file.length)) return;
  accept(target, file, target.mimeType);
  if (value("success_action_status") === "201") {
    const body = `<?xml version='1.0' encoding='UTF-8'?><PostResponse><Location>${target.resourceUrl}</Location><Bucket>shopify-staged-uploads</Bucket><Key>${target.key}</Key><ETag>"${target.uploaded!.sha256.slice(0, 32)}"</ETag></PostResponse>`;
    res.writeHead(201, { "Content-Type": "application/xml; charset=UTF-8" });
    return void res.end(body);
  }
  res.writeHead(204);
  res.end();
}
