/**
 * The compliance publisher against the simulated store over real HTTP: definitions created once,
 * labels written in batches of 25 and read back, unchanged labels skipped, a refused product not
 * holding back the rest, and throttling absorbed by the Admin client.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../../simulator";
import { SIM_APP_ID } from "../../../simulator/custom-data";
import { generateStore } from "../../../simulator/catalog/generate";
import { TEST_TOKEN, startTestSimulator } from "../../../simulator/testing";
import { createAdminClient, resetShopState } from "../../graphql/admin-client";
import { ensureComplianceDefinitions, METAFIELDS_PER_CALL, publishLabels } from "./publish.server";
import { stableStringify } from "../labels";

let sim: Simulator;
let requests: string[];

beforeAll(async () => {
  sim = await startTestSimulator({ store: generateStore({ seed: 3, products: 60 }) });
});
afterAll(() => sim?.close());
beforeEach(() => {
  sim.faults.reset();
  resetShopState();
  requests = [];
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
      requests.push(/(mutation|query)\s+(\w+)/.exec(body.query ?? "")?.[2] ?? "?");
      return fetch(url, init);
    },
  });
}

const NS = `app--${SIM_APP_ID}--compliance`;
const labelsOf = (productId: string) =>
  sim.store.products
    .find((p) => p.id === productId)
    ?.metafields.find((m) => m.namespace === NS && m.key === "labels")?.value;

describe("ensureComplianceDefinitions", () => {
  it("GIVEN a new shop WHEN run twice THEN creates every definition once", async () => {
    const first = await ensureComplianceDefinitions(client());
    expect(first).toEqual([
      "PRODUCT:labels",
      "PRODUCT:profile",
      "SHOP:registrations",
      "metaobject:$app:certificate",
    ]);
    const labels = sim.store.custom?.metafieldDefinitions.find((d) => d.key === "labels");
    expect(labels).toMatchObject({ namespace: NS, type: "json", ownerType: "PRODUCT" });
    expect(labels?.access.storefront).toBe("PUBLIC_READ");
    expect(await ensureComplianceDefinitions(client())).toEqual([]);
    expect(sim.store.custom?.metafieldDefinitions).toHaveLength(3);
    expect(sim.store.custom?.metaobjectDefinitions).toHaveLength(1);
  });
});

describe("publishLabels", () => {
  const products = () => sim.store.products.map((p) => p.id);

  it("writes every product's labels in batches of 25 and they read back as stable JSON", async () => {
    const ids = products();
    const entries = ids.map((productId, i) => ({
      productId,
      labels: { warnings: [], badges: i % 2 ? [{ type: "GOTS", validTo: "2027-01-01" }] : [] },
    }));
    const report = await publishLabels(client(), entries);
    expect(report).toEqual({
      written: ids.length,
      unchanged: 0,
      failed: [],
      profiles: { written: 0, deleted: 0, unchanged: 0, failed: [] },
    });
    expect(requests.filter((r) => r === "MetafieldsSet")).toHaveLength(
      Math.ceil(ids.length / METAFIELDS_PER_CALL),
    );
    expect(labelsOf(ids[1]!)).toBe(
      '{"badges":[{"type":"GOTS","validTo":"2027-01-01"}],"warnings":[]}',
    );
  });

  it("skips products whose stored labels are already the same", async () => {
    const [a, b] = products();
    const current = new Map([[a!, stableStringify({ badges: [] })]]);
    const report = await publishLabels(
      client(),
      [
        { productId: a!, labels: { badges: [] } },
        { productId: b!, labels: { badges: ["changed"] } },
      ],
      current,
    );
    expect(report).toMatchObject({ written: 1, unchanged: 1 });
  });

  it("GIVEN one product Shopify refuses WHEN publishing THEN the other labels are still written", async () => {
    const [a, b] = products();
    const report = await publishLabels(client(), [
      { productId: a!, labels: { v: "a-2" } },
      { productId: "gid://shopify/Product/999999999", labels: { v: "gone" } },
      { productId: b!, labels: { v: "b-2" } },
    ]);
    expect(report.written).toBe(2);
    expect(report.failed).toEqual([
      { productId: "gid://shopify/Product/999999999", message: "Owner does not exist." },
    ]);
    expect(labelsOf(a!)).toBe('{"v":"a-2"}');
    expect(labelsOf(b!)).toBe('{"v":"b-2"}');
  });

  it("GIVEN Shopify throttles and fails WHEN publishing THEN the client retries and everything lands", async () => {
    sim.faults.throttle = 2;
    sim.faults.httpErrors = { status: 503, count: 1 };
    const [a] = products();
    const report = await publishLabels(client(), [{ productId: a!, labels: { v: "retry" } }]);
    expect(report.written).toBe(1);
    expect(labelsOf(a!)).toBe('{"v":"retry"}');
  });
});
