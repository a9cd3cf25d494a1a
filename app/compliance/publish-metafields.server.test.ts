/**
 * The confirmed profiles and the EPR registrations publish to Shopify alongside the labels,
 * against the simulated store over real HTTP and read back through GraphQL: a confirmed answer is
 * written, an unchanged one is not rewritten, a cleared one is deleted, the shop's registrations
 * land on the shop (without the merchant's notes), and another shop's data never reaches this one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { generateStore } from "../../simulator/catalog/generate";
import { TEST_TOKEN, dig, gql, startTestSimulator } from "../../simulator/testing";
import { rawDb } from "../db/raw.server";
import { createDb, type Db } from "../db.server";
import { createAdminClient, resetShopState } from "../graphql/admin-client";
import { mirrorProduct } from "../../test/helpers/rows";
import { openMirrorWriter } from "../sync/mirror/writer.server";
import { publishAllLabels } from "./publish-job.server";
import { clearProfileAnswers, saveProfileAnswers } from "./vault.server";

const OTHER = "other-shop.myshopify.com";
let sim: Simulator;
let db: Db;
/** The metafield keys each MetafieldsSet call wrote, and the keys each MetafieldsDelete removed. */
let sets: string[][];
let deletes: string[][];
const url = () => process.env.DATABASE_URL!;
const quiet = { onChange: async () => {} };

beforeAll(async () => {
  sim = await startTestSimulator({ store: generateStore({ seed: 7, products: 3 }) });
  resetShopState();
  db = createDb(url());
  // This shop's products in its mirror, and the same product ids under another shop.
  for (const shop of [sim.shop, OTHER]) {
    const writer = await openMirrorWriter(url(), shop);
    await writer.write({
      Product: sim.store.products.map((p, i) => mirrorProduct(i, { id: p.id })),
    });
    await writer.close();
  }
});
afterAll(() => sim?.close());
beforeEach(() => {
  sets = [];
  deletes = [];
});

const client = () =>
  createAdminClient({
    shop: sim.shop,
    accessToken: TEST_TOKEN,
    endpoint: sim.graphqlUrl,
    baseDelayMs: 5,
    maxDelayMs: 50,
    fetch: async (input, init) => {
      const body = JSON.parse(String(init?.body ?? "{}")) as {
        query?: string;
        variables?: { metafields?: { key: string }[] };
      };
      const keys = (body.variables?.metafields ?? []).map((m) => m.key);
      if (/mutation\s+MetafieldsSet\b/.test(body.query ?? "")) sets.push(keys);
      if (/mutation\s+MetafieldsDelete\b/.test(body.query ?? "")) deletes.push(keys);
      return fetch(input, init);
    },
  });
const publish = () =>
  publishAllLabels({
    channels: rawDb(url()),
    client: client(),
    shop: sim.shop,
    markets: ["DE"],
    db,
  });

/** Read back as any client of the shop would: through the Admin API. */
async function profileOf(productId: string): Promise<unknown> {
  const read = await gql(
    sim,
    `query P($id: ID!) { product(id: $id) { metafield(namespace: "$app:compliance", key: "profile") { type value } } }`,
    { id: productId },
  );
  const field = dig(read.body, "data", "product", "metafield") as {
    type: string;
    value: string;
  } | null;
  if (field) expect(field.type).toBe("json");
  return field ? JSON.parse(field.value) : null;
}
async function shopRegistrations(): Promise<unknown> {
  const read = await gql(
    sim,
    `{ shop { metafield(namespace: "$app:compliance", key: "registrations") { value } } }`,
  );
  const value = dig(read.body, "data", "shop", "metafield", "value");
  return typeof value === "string" ? JSON.parse(value) : null;
}
const productIds = () => sim.store.products.map((p) => p.id);
const profileWrites = () => sets.flat().filter((k) => k === "profile").length;

describe("publishing the confirmed profiles", () => {
  it("GIVEN answers confirmed for one product WHEN published THEN its profile reads back and the others have none", async () => {
    const [first, second] = productIds();
    const saved = await saveProfileAnswers(
      db,
      sim.shop,
      first!,
      { batteryIncluded: true, materials: [{ material: "stoneware", share: 100 }] },
      quiet,
    );
    expect(saved.ok).toBe(true);
    // Another shop's answers for this shop's product ids must not travel.
    await db.complianceProfile.create({
      data: { shop: OTHER, productId: second!, answers: JSON.stringify({ toy: true }) },
    });

    const report = await publish();
    expect(report.profiles).toMatchObject({ written: 1, deleted: 0, failed: [] });
    expect(await profileOf(first!)).toEqual({
      batteryIncluded: true,
      materials: [{ material: "stoneware", share: 100 }],
    });
    expect(await profileOf(second!)).toBeNull();
    // Labels and the profile share the calls, 25 metafields at most each.
    expect(sets.every((call) => call.length <= 25)).toBe(true);
  });

  it("GIVEN nothing changed WHEN published again THEN no profile is rewritten", async () => {
    const report = await publish();
    expect(report.profiles).toMatchObject({ written: 0, deleted: 0 });
    expect(profileWrites()).toBe(0);
    expect(deletes).toEqual([]);
  });

  it("GIVEN a changed answer WHEN published THEN only that profile is rewritten", async () => {
    const [first] = productIds();
    await saveProfileAnswers(db, sim.shop, first!, { batteryIncluded: false }, quiet);
    const report = await publish();
    expect(report.profiles.written).toBe(1);
    expect(profileWrites()).toBe(1);
    expect(deletes).toEqual([]);
    expect(await profileOf(first!)).toEqual({ batteryIncluded: false });
  });

  it("GIVEN the answers cleared WHEN published THEN the profile metafield is deleted, once", async () => {
    const [first] = productIds();
    expect(await clearProfileAnswers(db, sim.shop, first!, quiet)).toBe(true);
    const report = await publish();
    expect(report.profiles).toMatchObject({ written: 0, deleted: 1 });
    expect(deletes).toEqual([["profile"]]);
    expect(await profileOf(first!)).toBeNull();

    deletes = [];
    expect((await publish()).profiles).toMatchObject({ written: 0, deleted: 0 });
    expect(deletes).toEqual([]);
  });
});

describe("publishing the EPR registrations", () => {
  it("GIVEN registrations WHEN published THEN the shop metafield holds them without notes; unchanged ones are not rewritten", async () => {
    await db.eprRegistration.createMany({
      data: [
        {
          shop: sim.shop,
          country: "DE",
          stream: "packaging",
          number: "DE1234567890123",
          role: "producer",
          notes: "login in the safe",
        },
        { shop: sim.shop, country: "FR", stream: "textiles", number: "FR123456_01ABCD" },
        { shop: OTHER, country: "AT", stream: "packaging", number: "AT-OTHER-SHOP" },
      ],
    });
    expect((await publish()).registrations).toBe("written");
    expect(await shopRegistrations()).toEqual([
      { country: "DE", number: "DE1234567890123", role: "producer", stream: "packaging" },
      { country: "FR", number: "FR123456_01ABCD", stream: "textiles" },
    ]);

    sets = [];
    expect((await publish()).registrations).toBe("unchanged");
    expect(sets.flat()).not.toContain("registrations");
  });

  it("GIVEN every registration removed WHEN published THEN the shop metafield is deleted", async () => {
    await db.eprRegistration.deleteMany({ where: { shop: sim.shop } });
    expect((await publish()).registrations).toBe("deleted");
    expect(await shopRegistrations()).toBeNull();
    expect((await publish()).registrations).toBe("unchanged");
  });
});
