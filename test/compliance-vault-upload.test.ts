/**
 * The certificate vault's document upload as the embedded admin posts it (multipart, App Bridge
 * session token), with the Admin API served by the simulated store: the file goes
 * stagedUploadsCreate → staged target → fileCreate → READY and its id and URL are kept; a wrong
 * type, an oversized file or a refused form uploads nothing; a failed upload saves nothing; and
 * OTHER's certificate cannot be reached with a file.
 */
import { Session } from "@shopify/shopify-api";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as JobsModule from "../app/compliance/jobs.server";
import { demoFetch } from "../app/demo/demo-fetch.server";
import { db } from "../app/db.server";
import {
  action as certificatesAction,
  loader as certificatesLoader,
} from "../app/routes/app.compliance.vault/route";
import { sessionStorage } from "../app/shopify.server";
import { generateStore } from "../simulator/catalog/generate";
import { startSimulator, type Simulator } from "../simulator";

vi.mock("../app/compliance/jobs.server", async (importOriginal) => {
  const actual = await importOriginal<typeof JobsModule>();
  return { ...actual, afterVaultChange: vi.fn(async () => {}) };
});

const SHOP = "test-shop.myshopify.com";
const OTHER = "other-upload-shop.myshopify.com";
const TOKEN = "shpat_vault_upload_test";
let sim: Simulator;

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");

async function post(
  fields: Record<string, string>,
  file?: { bytes: Uint8Array; name: string; type: string },
  path = "/app/compliance/vault",
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file)
    body.append("document", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = await setUpValidRequest(
    {
      type: RequestType.Bearer,
      store: "test-shop",
      apiKey: "testApiKey",
      apiSecretKey: "testApiSecretKey",
    },
    new Request(`https://my-test-app.myshopify.io${path}`, { method: "POST", body }),
  );
  return certificatesAction({ request, params: {}, context: {} });
}

async function load() {
  const request = await setUpValidRequest(
    {
      type: RequestType.Bearer,
      store: "test-shop",
      apiKey: "testApiKey",
      apiSecretKey: "testApiSecretKey",
    },
    new Request("https://my-test-app.myshopify.io/app/compliance/vault"),
  );
  return certificatesLoader({ request, params: {}, context: {} });
}

const form = (extra: Record<string, string> = {}) => ({
  intent: "save",
  kind: "GOTS",
  number: "CU-UPLOAD",
  issuer: "Control Union",
  scopeKind: "all",
  validFrom: "2026-01-01",
  validTo: "2030-12-31",
  documentUrl: "",
  ...extra,
});

beforeAll(async () => {
  sim = await startSimulator({
    store: generateStore({ seed: 11, products: 3, shopDomain: SHOP }),
    accessToken: TOKEN,
    apiSecret: "testApiSecretKey",
    webhookSubscriptions: [],
  });
  setAbstractFetchFunc(demoFetch(sim.url, SHOP));
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "s",
      isOnline: false,
      accessToken: TOKEN,
      scope: "write_files",
    }),
  );
  await db().shop.upsert({
    where: { shop: SHOP },
    create: { shop: SHOP, name: "Mine", locales: [], markets: [], settings: {} },
    update: {},
  });
});
afterAll(() => sim?.close());
beforeEach(async () => {
  sim.faults.reset();
  sim.store.files = { staged: [], files: [], readsUntilReady: 1 };
  await db().complianceCertificate.deleteMany({ where: { shop: { in: [SHOP, OTHER] } } });
});

describe("certificate documents uploaded from the vault", () => {
  it("GIVEN a PDF with the form WHEN saved THEN Shopify holds the READY file and the certificate keeps its id, URL and name", async () => {
    const result = await post(form(), {
      bytes: PDF,
      name: "GOTS scope 2026.pdf",
      type: "application/pdf",
    });
    expect(result).toEqual({ ok: true, intent: "save" });
    const file = sim.store.files!.files[0]!;
    expect(file).toMatchObject({
      fileStatus: "READY",
      filename: "GOTS-scope-2026.pdf",
      alt: "GOTS CU-UPLOAD",
    });
    const row = await db().complianceCertificate.findFirstOrThrow({ where: { shop: SHOP } });
    expect(row).toMatchObject({
      documentFileId: file.id,
      documentFileStatus: "READY",
      documentName: "GOTS-scope-2026.pdf",
      documentUrl: file.url,
    });
    const data = await load();
    expect(data.certificates[0]).toMatchObject({
      documentName: "GOTS-scope-2026.pdf",
      documentProcessing: false,
      documentUrl: file.url,
    });
    // An edit that uploads nothing (the form shows the file, not the address) keeps the document.
    const { documentUrl: _omit, ...withoutUrl } = form({ id: row.id, number: "CU-UPLOAD-2" });
    expect(await post(withoutUrl)).toEqual({ ok: true, intent: "save" });
    expect(
      await db().complianceCertificate.findFirstOrThrow({ where: { id: row.id } }),
    ).toMatchObject({
      number: "CU-UPLOAD-2",
      documentFileId: file.id,
      documentUrl: file.url,
    });
    // Removing it clears the reference.
    expect(await post(form({ id: row.id, removeDocument: "1" }))).toEqual({
      ok: true,
      intent: "save",
    });
    expect(
      await db().complianceCertificate.findFirstOrThrow({ where: { id: row.id } }),
    ).toMatchObject({
      documentFileId: null,
      documentUrl: null,
      documentName: null,
    });
  });

  it("refuses a wrong type, an oversized file and a refused form without uploading anything, in the admin's language", async () => {
    const exe = new TextEncoder().encode("MZ\x90\x00 not a document");
    expect(await post(form(), { bytes: exe, name: "doc.pdf", type: "application/pdf" })).toEqual({
      ok: false,
      fieldErrors: { document: "Upload a PDF, PNG or JPEG file." },
    });
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(await post(form(), { bytes: big, name: "big.pdf", type: "application/pdf" })).toEqual({
      ok: false,
      fieldErrors: { document: "The file is larger than 20 MB. Upload a smaller copy." },
    });
    expect(
      await post(
        form(),
        { bytes: exe, name: "doc.pdf", type: "application/pdf" },
        "/app/compliance/vault?locale=zh-CN",
      ),
    ).toEqual({ ok: false, fieldErrors: { document: "请上传 PDF、PNG 或 JPEG 文件。" } });
    const refused = await post(form({ number: "" }), {
      bytes: PDF,
      name: "a.pdf",
      type: "application/pdf",
    });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: { number: "Enter the certificate number." },
    });
    expect(sim.store.files!.staged).toEqual([]);
    expect(await db().complianceCertificate.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("GIVEN Shopify fails during the upload WHEN saving THEN nothing is saved and saving again succeeds", async () => {
    sim.faults.httpErrors = { status: 500, count: 50 };
    const failed = await post(form(), { bytes: PDF, name: "a.pdf", type: "application/pdf" });
    expect(failed).toMatchObject({
      ok: false,
      fieldErrors: { document: expect.stringContaining("Nothing was saved yet") },
    });
    expect(await db().complianceCertificate.count({ where: { shop: SHOP } })).toBe(0);
    sim.faults.reset();
    expect(await post(form(), { bytes: PDF, name: "a.pdf", type: "application/pdf" })).toEqual({
      ok: true,
      intent: "save",
    });
  });

  it("GIVEN OTHER's certificate id WHEN SHOP saves a file onto it THEN nothing is uploaded and OTHER's row is unchanged", async () => {
    const theirs = await db().complianceCertificate.create({
      data: { shop: OTHER, kind: "UL", number: "OTHER-UL", validFrom: "2026-01-01" },
    });
    const result = await post(form({ id: theirs.id }), {
      bytes: PDF,
      name: "a.pdf",
      type: "application/pdf",
    });
    expect(result.ok).toBe(false);
    expect(sim.store.files!.staged).toEqual([]);
    expect(
      await db().complianceCertificate.findUniqueOrThrow({ where: { id: theirs.id } }),
    ).toMatchObject({
      number: "OTHER-UL",
      documentFileId: null,
    });
  });
});
