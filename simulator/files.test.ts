/**
 * Shopify's upload contract in the simulator: stagedUploadsCreate → upload to the target it
 * answers (multipart POST or signed PUT) → fileCreate → the file read as UPLOADED/PROCESSING and
 * then READY with its URL, or FAILED with fileErrors; and the refusals along the way.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "./server";
import { asArray, dig, gql, startTestSimulator } from "./testing";

let sim: Simulator;
beforeEach(async () => {
  sim = await startTestSimulator({ now: () => new Date("2026-12-01T09:00:00Z") });
});
afterEach(() => sim.close());

const STAGE = `mutation Stage($input: [StagedUploadInput!]!) {
  stagedUploadsCreate(input: $input) {
    stagedTargets { url resourceUrl parameters { name value } }
    userErrors { field message }
  }
}`;
const CREATE = `mutation Create($files: [FileCreateInput!]!) {
  fileCreate(files: $files) {
    files { id fileStatus alt }
    userErrors { field message code }
  }
}`;
const READ = `query Read($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on File { id fileStatus fileErrors { code message } }
    ... on GenericFile { url mimeType originalFileSize }
    ... on MediaImage { image { url width height } mimeType }
  }
}`;

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from("IHDR"),
  Buffer.from([0, 0, 0, 64, 0, 0, 0, 32, 8, 2, 0, 0, 0]),
]);

interface Target {
  url: string;
  resourceUrl: string;
  parameters: { name: string; value: string }[];
}

async function stage(input: Record<string, unknown>): Promise<Target> {
  const res = await gql(sim, STAGE, { input: [input] });
  expect(dig(res.body, "data", "stagedUploadsCreate", "userErrors")).toEqual([]);
  return asArray(dig(res.body, "data", "stagedUploadsCreate", "stagedTargets"))[0] as Target;
}

function postForm(target: Target, bytes: Buffer, name: string, type: string, skip?: string) {
  const form = new FormData();
  for (const p of target.parameters) if (p.name !== skip) form.append(p.name, p.value);
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return fetch(target.url, { method: "POST", body: form });
}

async function create(input: Record<string, unknown>) {
  const res = await gql(sim, CREATE, { files: [input] });
  return dig(res.body, "data", "fileCreate") as {
    files: { id: string; fileStatus: string }[] | null;
    userErrors: { field: string[]; code: string; message: string }[];
  };
}

const read = async (id: string) =>
  asArray(dig((await gql(sim, READ, { ids: [id] })).body, "data", "nodes"))[0] as Record<
    string,
    unknown
  >;

describe("staged uploads and fileCreate", () => {
  it("GIVEN a PDF posted to the staged target WHEN fileCreate THEN a GenericFile goes UPLOADED → PROCESSING → READY with its URL", async () => {
    const target = await stage({
      resource: "FILE",
      filename: "doc.pdf",
      mimeType: "application/pdf",
      httpMethod: "POST",
      fileSize: String(PDF.length),
    });
    expect(target.url).toBe(`${sim.url}/staged-uploads/`);
    expect(target.parameters.map((p) => p.name)).toEqual([
      "Content-Type",
      "success_action_status",
      "acl",
      "key",
      "x-goog-date",
      "x-goog-credential",
      "x-goog-algorithm",
      "x-goog-signature",
      "policy",
    ]);
    const key = target.parameters.find((p) => p.name === "key")!.value;
    expect(target.resourceUrl).toBe(`${sim.url}/staged-uploads/${key}`);
    const upload = await postForm(target, PDF, "doc.pdf", "application/pdf");
    expect(upload.status).toBe(201);
    expect(await upload.text()).toContain(`<Key>${key}</Key>`);

    const made = await create({
      originalSource: target.resourceUrl,
      contentType: "FILE",
      alt: "DoC",
    });
    expect(made.userErrors).toEqual([]);
    const id = made.files![0]!.id;
    expect(id).toMatch(/^gid:\/\/shopify\/GenericFile\/\d+$/);
    expect(made.files![0]!.fileStatus).toBe("UPLOADED");
    expect(await read(id)).toMatchObject({ fileStatus: "PROCESSING", url: null });
    expect(await read(id)).toMatchObject({
      fileStatus: "READY",
      url: expect.stringMatching(
        /^https:\/\/cdn\.shopify\.com\/s\/files\/1\/\d+\/files\/doc\.pdf\?v=\d+$/,
      ),
      mimeType: "application/pdf",
      originalFileSize: PDF.length,
      fileErrors: [],
    });
  });

  it("GIVEN a PNG PUT to the signed URL WHEN fileCreate infers the type THEN a MediaImage becomes READY with its size", async () => {
    const target = await stage({ resource: "IMAGE", filename: "mark.png", mimeType: "image/png" });
    expect(target.parameters).toEqual([
      { name: "content_type", value: "image/png" },
      { name: "acl", value: "private" },
    ]);
    expect(target.url).toContain("X-Goog-Signature=");
    const wrongType = await fetch(target.url, {
      method: "PUT",
      headers: { "Content-Type": "image/jpeg" },
      body: new Uint8Array(PNG),
    });
    expect(wrongType.status).toBe(403);
    const put = await fetch(target.url, {
      method: "PUT",
      headers: { "Content-Type": "image/png" },
      body: new Uint8Array(PNG),
    });
    expect(put.status).toBe(200);
    const made = await create({ originalSource: target.resourceUrl });
    const id = made.files![0]!.id;
    expect(id).toMatch(/^gid:\/\/shopify\/MediaImage\/\d+$/);
    // Product media keep their ids: the new image does not collide with any of them.
    expect(sim.store.products.flatMap((p) => p.media.map((m) => m.id))).not.toContain(id);
    await read(id);
    expect(await read(id)).toMatchObject({
      fileStatus: "READY",
      mimeType: "image/png",
      image: { width: 64, height: 32, url: expect.stringContaining("mark.png") },
    });
  });

  it("refuses what the bucket refuses: a bad signature, another Content-Type, no file, too large", async () => {
    const target = await stage({
      resource: "FILE",
      filename: "doc.pdf",
      mimeType: "application/pdf",
      httpMethod: "POST",
    });
    const forged = {
      ...target,
      parameters: target.parameters.map((p) =>
        p.name === "x-goog-signature" ? { ...p, value: "forged" } : p,
      ),
    };
    expect((await postForm(forged, PDF, "doc.pdf", "application/pdf")).status).toBe(403);
    const otherType = {
      ...target,
      parameters: target.parameters.map((p) =>
        p.name === "Content-Type" ? { ...p, value: "text/html" } : p,
      ),
    };
    expect((await postForm(otherType, PDF, "doc.pdf", "application/pdf")).status).toBe(403);
    const noFile = new FormData();
    for (const p of target.parameters) noFile.append(p.name, p.value);
    const missing = await fetch(target.url, { method: "POST", body: noFile });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("InvalidArgument");
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    const tooLarge = await postForm(target, big, "doc.pdf", "application/pdf");
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain("EntityTooLarge");
  });

  it("answers userErrors for bad staged inputs and fileCreate inputs", async () => {
    const res = await gql(sim, STAGE, {
      input: [
        { resource: "IMAGE", filename: "doc.pdf", mimeType: "application/pdf" },
        { resource: "FILE", filename: "x.pdf", mimeType: "application/pdf", fileSize: "99999999" },
      ],
    });
    expect(dig(res.body, "data", "stagedUploadsCreate")).toEqual({
      stagedTargets: null,
      userErrors: [
        {
          field: ["input", "0", "mimeType"],
          message: "Invalid mime type for an image: application/pdf",
        },
        { field: ["input", "1", "fileSize"], message: "File size must be at most 20971520 bytes" },
      ],
    });
    const target = await stage({
      resource: "FILE",
      filename: "doc.pdf",
      mimeType: "application/pdf",
    });
    expect(
      (await create({ originalSource: target.resourceUrl, filename: "doc.png" })).userErrors,
    ).toEqual([
      {
        field: ["files", "0", "filename"],
        code: "MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE",
        message: "The filename extension must match the original source's extension.",
      },
    ]);
    expect((await create({ originalSource: "not a url" })).userErrors[0]!.code).toBe("INVALID");
  });

  it("GIVEN nothing was uploaded, or an image that is not one WHEN processed THEN the file is FAILED with fileErrors", async () => {
    const empty = await stage({ resource: "FILE", filename: "a.pdf", mimeType: "application/pdf" });
    const never = (await create({ originalSource: empty.resourceUrl })).files![0]!.id;
    await read(never);
    expect(await read(never)).toMatchObject({
      fileStatus: "FAILED",
      url: null,
      fileErrors: [{ code: "GENERIC_FILE_DOWNLOAD_FAILURE" }],
    });
    const fake = await stage({
      resource: "IMAGE",
      filename: "b.png",
      mimeType: "image/png",
      httpMethod: "POST",
    });
    expect((await postForm(fake, PDF, "b.png", "image/png")).status).toBe(201);
    const notImage = (await create({ originalSource: fake.resourceUrl })).files![0]!.id;
    await read(notImage);
    expect(await read(notImage)).toMatchObject({
      fileStatus: "FAILED",
      image: null,
      fileErrors: [{ code: "UNSUPPORTED_IMAGE_FILE_TYPE" }],
    });
  });
});
