/**
 * Certificates published to the simulated store as `$app:certificate` metaobjects over real HTTP,
 * then read back: handles stable per certificate, unchanged ones not rewritten, deleted and expired
 * ones withdrawn, the mirror holding exactly what Shopify holds, and another shop's certificates
 * and mirror rows never touched.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../simulator";
import { SIM_APP_ID } from "../../../simulator/custom-data";
import { TEST_TOKEN, startTestSimulator } from "../../../simulator/testing";
import { createDb, type Db } from "../../db.server";
import { createAdminClient, resetShopState } from "../../graphql/admin-client";
import { mirroredCertificateMetaobjects } from "../../sync/mirror/metaobjects.server";
import { uploadDocument } from "../documents/upload.server";
import { deleteCertificate, saveCertificate } from "../vault.server";
import { certificateHandle, planCertificates } from "./certificate-fields";
import { publishCertificates } from "./certificates.server";
import { ensureComplianceDefinitions } from "./publish.server";

let sim: Simulator;
let db: Db;
let operations: string[];
const OTHER = "other-cert-shop.myshopify.com";
const TYPE = `app--${SIM_APP_ID}--certificate`;
const quiet = { onChange: async () => {} };

beforeAll(async () => {
  sim = await startTestSimulator();
  db = createDb(process.env.DATABASE_URL!);
});
afterAll(() => sim?.close());
beforeEach(async () => {
  resetShopState();
  operations = [];
  sim.store.custom = undefined;
  await db.complianceCertificate.deleteMany({ where: { shop: { in: [sim.shop, OTHER] } } });
  await db.certificateMetaobject.deleteMany({ where: { shop: { in: [sim.shop, OTHER] } } });
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

async function save(shop: string, number: string, validTo: string | null, extra = {}) {
  const result = await saveCertificate(
    db,
    shop,
    {
      kind: "GOTS",
      number,
      issuer: "Control Union",
      scope: { kind: "all" },
      validFrom: "2026-01-01",
      validTo,
      ...extra,
    },
    quiet,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

const held = () =>
  (sim.store.custom?.metaobjects ?? [])
    .filter((m) => m.type === TYPE)
    .map((m) => ({
      handle: m.handle,
      ...Object.fromEntries(m.fields.map((f) => [f.key, f.value])),
    }));

const publish = (today = "2026-06-01") =>
  publishCertificates({ db, client: client(), shop: sim.shop, today, batchSize: 2 });

describe("publishCertificates", () => {
  it("GIVEN valid, expiring and expired certificates WHEN published THEN Shopify holds the first two, read back and mirrored", async () => {
    await ensureComplianceDefinitions(client());
    const pdf = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
    const doc = await uploadDocument(
      client(),
      { kind: "pdf", filename: "gots.pdf", bytes: pdf },
      { sleep: async () => {}, pollDelaysMs: [0, 0] },
    );
    const valid = await save(sim.shop, "CU-1", "2027-12-31", {
      documentFileId: doc.fileId,
      documentUrl: doc.url,
      documentName: doc.filename,
      documentFileStatus: doc.fileStatus,
    });
    const expiring = await save(sim.shop, "CU-2", "2026-06-20");
    await save(sim.shop, "CU-OLD", "2026-03-01");
    const theirs = await save(OTHER, "OTHER-1", null);

    const report = await publish();
    expect(report).toEqual({ upserted: 2, deleted: 0, unchanged: 0, failed: [] });
    expect(held()).toEqual([
      {
        handle: certificateHandle(valid.id),
        kind: "GOTS",
        number: "CU-1",
        issuer: "Control Union",
        scope: '{"kind":"all"}',
        valid_from: "2026-01-01",
        valid_to: "2027-12-31",
        document_url: doc.url,
        document: doc.fileId,
        status: "valid",
      },
      expect.objectContaining({
        handle: certificateHandle(expiring.id),
        number: "CU-2",
        status: "expiring",
      }),
    ]);
    const mirror = await mirroredCertificateMetaobjects(db, sim.shop);
    expect(mirror.map((m) => [m.certificateId, m.fields.number])).toEqual(
      [
        [valid.id, "CU-1"],
        [expiring.id, "CU-2"],
      ].sort((a, b) => certificateHandle(a[0]!).localeCompare(certificateHandle(b[0]!))),
    );
    const stored = await db.complianceCertificate.findFirstOrThrow({ where: { id: valid.id } });
    expect(stored.metaobjectId).toBe(mirror.find((m) => m.certificateId === valid.id)!.id);
    // OTHER's certificate went nowhere and its rows are untouched.
    expect(JSON.stringify(held())).not.toContain("OTHER");
    expect(await db.certificateMetaobject.count({ where: { shop: OTHER } })).toBe(0);
    expect(
      (await db.complianceCertificate.findFirstOrThrow({ where: { id: theirs.id } })).metaobjectId,
    ).toBeNull();

    operations = [];
    expect(await publish()).toEqual({ upserted: 0, deleted: 0, unchanged: 2, failed: [] });
    expect(operations).not.toContain("MetaobjectUpsert");
  });

  it("GIVEN a certificate deleted and one expired since WHEN published THEN both metaobjects are withdrawn and the mirror follows", async () => {
    await ensureComplianceDefinitions(client());
    const a = await save(sim.shop, "A", "2026-07-01");
    const b = await save(sim.shop, "B", null);
    const c = await save(sim.shop, "C", null);
    await publish();
    expect(held()).toHaveLength(3);
    await deleteCertificate(db, sim.shop, b.id, quiet);
    const edited = await saveCertificate(
      db,
      sim.shop,
      { kind: "FSC", number: "C-2", scope: { kind: "all" }, validFrom: "2026-01-01" },
      { ...quiet, id: c.id },
    );
    expect(edited.ok).toBe(true);
    const report = await publish("2026-07-02");
    expect(report).toEqual({ upserted: 1, deleted: 2, unchanged: 0, failed: [] });
    expect(held()).toEqual([
      expect.objectContaining({ handle: certificateHandle(c.id), kind: "FSC", number: "C-2" }),
    ]);
    expect((await mirroredCertificateMetaobjects(db, sim.shop)).map((m) => m.handle)).toEqual([
      certificateHandle(c.id),
    ]);
    expect(
      (await db.complianceCertificate.findFirstOrThrow({ where: { id: a.id } })).metaobjectId,
    ).toBeNull();
  });

  it("GIVEN a metaobject left in SHOP's Shopify for OTHER's certificate id WHEN SHOP publishes THEN it is withdrawn there and OTHER's rows stay as they were", async () => {
    await ensureComplianceDefinitions(client());
    const theirs = await save(OTHER, "OTHER-9", null);
    await db.complianceCertificate.updateMany({
      where: { id: theirs.id },
      data: { metaobjectId: "gid://shopify/Metaobject/999" },
    });
    await db.certificateMetaobject.create({
      data: {
        shop: OTHER,
        handle: certificateHandle(theirs.id),
        id: "gid://shopify/Metaobject/999",
        fields: "{}",
      },
    });
    sim.store.custom!.metaobjects.push({
      id: "gid://shopify/Metaobject/50",
      type: TYPE,
      handle: certificateHandle(theirs.id),
      fields: [{ key: "number", type: "single_line_text_field", value: "OTHER-9" }],
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    });
    expect(await publish()).toMatchObject({ deleted: 1, upserted: 0 });
    expect(held()).toEqual([]);
    expect(
      (await db.complianceCertificate.findFirstOrThrow({ where: { id: theirs.id } })).metaobjectId,
    ).toBe("gid://shopify/Metaobject/999");
    expect(await db.certificateMetaobject.count({ where: { shop: OTHER } })).toBe(1);
  });

  it("GIVEN a definition made by an older Seaworthy WHEN definitions are ensured THEN the new fields are added", async () => {
    sim.store.custom = {
      metafieldDefinitions: [],
      metaobjectDefinitions: [
        {
          id: "gid://shopify/MetaobjectDefinition/1",
          type: TYPE,
          name: "Certificate",
          description: null,
          displayNameKey: "number",
          fieldDefinitions: [
            "kind",
            "number",
            "issuer",
            "scope",
            "valid_from",
            "valid_to",
            "document_url",
          ].map((key) => ({
            key,
            name: key,
            type: key === "scope" ? "json" : "single_line_text_field",
            required: false,
            description: null,
          })),
          access: { admin: null, storefront: null },
          createdAt: "2026-01-01T00:00:00Z",
          updatedAt: "2026-01-01T00:00:00Z",
        },
      ],
      metaobjects: [],
    };
    const created = await ensureComplianceDefinitions(client());
    expect(created.filter((c) => c.startsWith("metaobject:"))).toEqual([
      "metaobject:$app:certificate.document",
      "metaobject:$app:certificate.status",
    ]);
    expect(
      sim.store.custom.metaobjectDefinitions[0]!.fieldDefinitions.find((f) => f.key === "document"),
    ).toMatchObject({ type: "file_reference" });
  });

  it("GIVEN Shopify refuses one certificate WHEN published THEN the others still land", async () => {
    await ensureComplianceDefinitions(client());
    const bad = await save(sim.shop, "BAD", null);
    // A document reference to a file the shop does not have: Shopify refuses the value.
    await db.complianceCertificate.updateMany({
      where: { id: bad.id },
      data: { documentFileId: "gid://shopify/GenericFile/424242", documentFileStatus: "READY" },
    });
    const good = await save(sim.shop, "GOOD", null);
    const report = await publish();
    expect(report.upserted).toBe(1);
    expect(report.failed).toEqual([
      { certificateId: bad.id, message: expect.stringContaining("The file does not exist.") },
    ]);
    expect(held().map((h) => h.handle)).toEqual([certificateHandle(good.id)]);
  });
});

describe("planCertificates", () => {
  it("leaves metaobjects with handles Seaworthy did not make alone", () => {
    const plan = planCertificates(
      [],
      [{ id: "gid://shopify/Metaobject/1", handle: "made-by-hand", fields: {} }],
      "2026-01-01",
    );
    expect(plan).toEqual({ upsert: [], remove: [], unchanged: 0 });
  });
});
