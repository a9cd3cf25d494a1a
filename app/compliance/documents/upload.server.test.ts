/**
 * A certificate document uploaded to the simulated store over real HTTP as Shopify documents it:
 * staged target, bytes posted there, fileCreate, polled until READY; and each step's refusal.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../simulator";
import { TEST_TOKEN, startTestSimulator } from "../../../simulator/testing";
import { createAdminClient, resetShopState } from "../../graphql/admin-client";
import { UploadError, uploadDocument } from "./upload.server";

let sim: Simulator;
let operations: string[];
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim?.close());
beforeEach(() => {
  sim.faults.reset();
  resetShopState();
  operations = [];
  sim.store.files = { staged: [], files: [], readsUntilReady: 2 };
});

function client() {
  return createAdminClient({
    shop: sim.shop,
    accessToken: TEST_TOKEN,
    endpoint: sim.graphqlUrl,
    baseDelayMs: 5,
    maxDelayMs: 50,
    fetch: async (url, init) => {
      const body = JSON.parse(String(init?.body ?? "{}")) as { query?: string };
      operations.push(/(mutation|query)\s+(\w+)/.exec(body.query ?? "")?.[2] ?? "?");
      return fetch(url, init);
    },
  });
}

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");
const noWait = { sleep: async () => {}, pollDelaysMs: [0, 0, 0, 0] };

describe("uploadDocument", () => {
  it("GIVEN a PDF WHEN uploaded THEN Shopify holds a READY GenericFile with the same bytes and its URL comes back", async () => {
    const doc = await uploadDocument(
      client(),
      { kind: "pdf", filename: "gots.pdf", bytes: PDF, alt: "GOTS CU-1" },
      noWait,
    );
    expect(doc).toEqual({
      fileId: expect.stringMatching(/^gid:\/\/shopify\/GenericFile\/\d+$/),
      url: expect.stringContaining("/files/gots.pdf"),
      fileStatus: "READY",
      filename: "gots.pdf",
    });
    expect(operations).toEqual(["StagedUploadsCreate", "FileCreate", "FileStatus", "FileStatus"]);
    const staged = sim.store.files!.staged[0]!;
    expect(staged.uploaded).toMatchObject({ size: PDF.length, format: "pdf" });
    expect(sim.store.files!.files[0]).toMatchObject({ alt: "GOTS CU-1", fileStatus: "READY" });
  });

  it("GIVEN processing outlasts the polling WHEN uploaded THEN the file id is kept as PROCESSING", async () => {
    sim.store.files!.readsUntilReady = 10;
    const doc = await uploadDocument(
      client(),
      { kind: "pdf", filename: "a.pdf", bytes: PDF },
      {
        sleep: async () => {},
        pollDelaysMs: [0, 0],
      },
    );
    expect(doc).toMatchObject({ fileStatus: "PROCESSING", url: null });
  });

  it("GIVEN bytes that are not an image sent as PNG WHEN Shopify processes them THEN the upload fails at 'process'", async () => {
    const error = await uploadDocument(
      client(),
      { kind: "png", filename: "fake.png", bytes: PDF },
      noWait,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ step: "process", message: "Image file type is unsupported." });
  });

  it("GIVEN the storage refuses the bytes WHEN uploading THEN it fails at 'upload' and makes no file", async () => {
    const error = await uploadDocument(
      client(),
      { kind: "pdf", filename: "a.pdf", bytes: PDF },
      {
        ...noWait,
        // A proxy that drops the signature: the bucket answers 403 AccessDenied.
        fetch: async (url, init) => {
          const form = init?.body as FormData;
          form.set("x-goog-signature", "tampered");
          const file = form.get("file")!;
          form.delete("file");
          form.append("file", file);
          return fetch(url, { ...init, body: form });
        },
      },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      step: "upload",
      message: expect.stringContaining("403 AccessDenied"),
    });
    expect(sim.store.files!.files).toHaveLength(0);
  });
});
