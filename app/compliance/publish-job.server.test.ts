/**
 * Publishing labels for a whole shop against the simulated store over real HTTP: a certificate
 * valid today shows as a badge, the day after its validTo the published label no longer has it,
 * an unchanged label is not rewritten, and a newer mirror row (someone else's write) is corrected.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { SIM_APP_ID } from "../../simulator/custom-data";
import { generateStore } from "../../simulator/catalog/generate";
import { TEST_TOKEN, startTestSimulator } from "../../simulator/testing";
import { rawDb } from "../db/raw.server";
import { createDb, type Db } from "../db.server";
import { createAdminClient, resetShopState } from "../graphql/admin-client";
import type { ProductRow } from "../sync/mirror/rows";
import { openMirrorWriter } from "../sync/mirror/writer.server";
import { publishAllLabels } from "./publish-job.server";
import { saveCertificate } from "./vault.server";

let sim: Simulator;
let db: Db;
const url = () => process.env.DATABASE_URL!;
const NS = `app--${SIM_APP_ID}--compliance`;

const row = (id: string, n: number): ProductRow => ({
  id,
  title: `Organic cotton tee ${n}`,
  handle: `tee-${n}`,
  vendor: "Acme",
  productType: "T-Shirts",
  categoryId: null,
  categoryName: null,
  tags: "",
  status: "ACTIVE",
  descriptionHtml: "<p>100% organic cotton.</p>",
  seoTitle: null,
  seoDescription: null,
  options: null,
  createdAt: null,
  updatedAt: "2026-01-01T00:00:00Z",
  publishedAt: null,
  featuredMediaId: null,
});

beforeAll(async () => {
  sim = await startTestSimulator({ store: generateStore({ seed: 5, products: 4 }) });
  resetShopState();
  db = createDb(url());
  // The mirror holds the simulated store's products under the simulator's shop.
  const writer = await openMirrorWriter(url(), sim.shop);
  await writer.write({ Product: sim.store.products.map((p, i) => row(p.id, i)) });
  await writer.close();
  await saveCertificate(
    db,
    sim.shop,
    {
      kind: "GOTS",
      number: "CU-1",
      issuer: "Control Union",
      scope: { kind: "all" },
      validFrom: "2026-01-01",
      validTo: "2026-12-31",
    },
    { onChange: async () => {} },
  );
});
afterAll(() => sim?.close());

const client = () =>
  createAdminClient({
    shop: sim.shop,
    accessToken: TEST_TOKEN,
    endpoint: sim.graphqlUrl,
    baseDelayMs: 5,
    maxDelayMs: 50,
  });
const labels = (productId: string) => {
  const value = sim.store.products
    .find((p) => p.id === productId)
    ?.metafields.find((m) => m.namespace === NS && m.key === "labels")?.value;
  return value ? (JSON.parse(value) as { badges: { type: string }[] }) : null;
};
const publish = (day: string) =>
  publishAllLabels({
    channels: rawDb(url()),
    client: client(),
    shop: sim.shop,
    markets: ["DE", "US"],
    now: new Date(`${day}T12:00:00Z`),
  });

describe("publishAllLabels", () => {
  it("GIVEN a certificate valid today WHEN published THEN every product carries the badge; the same day again writes nothing", async () => {
    const report = await publish("2026-12-31");
    expect(report.definitionsCreated).toContain("PRODUCT:labels");
    expect(report).toMatchObject({ written: 4, unchanged: 0, failed: [] });
    for (const p of sim.store.products)
      expect(labels(p.id)?.badges.map((b) => b.type)).toEqual(["GOTS"]);
    expect(await publish("2026-12-31")).toMatchObject({
      written: 0,
      unchanged: 4,
      definitionsCreated: [],
    });
  });

  it("GIVEN the day after validTo WHEN published THEN the labels no longer have the badge", async () => {
    const report = await publish("2027-01-01");
    expect(report).toMatchObject({ written: 4, unchanged: 0 });
    for (const p of sim.store.products) expect(labels(p.id)?.badges).toEqual([]);
  });

  it("GIVEN a mirror row newer than our last write WHEN published THEN that product is rewritten", async () => {
    const first = sim.store.products[0]!.id;
    const writer = await openMirrorWriter(url(), sim.shop);
    await writer.write({
      Metafield: [
        {
          id: "gid://shopify/Metafield/990001",
          ownerId: first,
          namespace: NS,
          key: "labels",
          type: "json",
          value: '{"badges":[{"type":"FAKE"}]}',
          updatedAt: new Date(Date.now() + 60_000).toISOString(),
        },
      ],
    });
    await writer.close();
    expect(await publish("2027-01-01")).toMatchObject({ written: 1, unchanged: 3 });
  });
});
