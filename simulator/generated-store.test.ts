/** The simulator over the deterministic demo catalog (simulator/catalog), not just the fixture. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateStore } from "./catalog/generate";
import type { Simulator } from "./server";
import { asArray, dig, gql, startTestSimulator, waitForBulk } from "./testing";
import { isRecord } from "./util";

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator({
    store: generateStore({ seed: 7, products: 120 }),
    bulkPageSize: 25,
  });
});
afterAll(async () => {
  await sim.close();
});

describe("simulator over a generated catalog", () => {
  it("pages through all products by UPDATED_AT exactly once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r = await gql(
        sim,
        `query($after: String) { products(first: 50, after: $after, sortKey: UPDATED_AT) { nodes { id updatedAt } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(r.body.errors).toBeUndefined();
      const nodes = asArray(dig(r.body, "data", "products", "nodes"));
      seen.push(...nodes.map((n) => String(dig(n, "id"))));
      if (!dig(r.body, "data", "products", "pageInfo", "hasNextPage")) break;
      after = String(dig(r.body, "data", "products", "pageInfo", "endCursor"));
    }
    expect(seen).toHaveLength(sim.store.products.length);
    expect(new Set(seen).size).toBe(sim.store.products.length);
  });

  it("answers the app's broad product query without errors", async () => {
    const r = await gql(
      sim,
      `{ products(first: 5) { nodes { id title status tags category { fullName } seo { title description }
          media(first: 3) { nodes { ... on MediaImage { image { url width height } } } }
          metafields(first: 5) { nodes { namespace key value } }
          variants(first: 3) { nodes { sku barcode price compareAtPrice selectedOptions { name value }
            inventoryItem { countryCodeOfOrigin harmonizedSystemCode unitCost { amount } measurement { weight { unit value } }
              inventoryLevels(first: 3) { nodes { location { id } quantities(names: ["available", "on_hand"]) { name quantity } } } } } } } }
        orders(first: 20) { nodes { name customerJourneySummary { firstVisit { utmParameters { source campaign } } } lineItems(first: 5) { nodes { sku variant { id } } } } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    expect(asArray(dig(r.body, "data", "products", "nodes"))).toHaveLength(5);
    expect(Number(dig(r.body, "extensions", "cost", "requestedQueryCost"))).toBeLessThanOrEqual(
      1000,
    );
  });

  it("exports every product and variant in a bulk operation", async () => {
    const run = await gql(
      sim,
      `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }`,
      {
        q: "{ products { edges { node { id handle variants { edges { node { id sku } } } } } } }",
      },
    );
    const op = await waitForBulk(
      sim,
      String(dig(run.body, "data", "bulkOperationRunQuery", "bulkOperation", "id")),
    );
    expect(op.status).toBe("COMPLETED");
    const lines = (await (await fetch(String(op.url))).text())
      .split("\n")
      .filter(Boolean)
      .map((l): unknown => JSON.parse(l))
      .filter(isRecord);
    const variantIds = sim.store.products.flatMap((p) => p.variants.map((v) => v.id));
    expect(lines.filter((l) => !("__parentId" in l)).map((l) => l.id)).toEqual(
      sim.store.products.map((p) => p.id),
    );
    expect(
      lines
        .filter((l) => "__parentId" in l)
        .map((l) => l.id)
        .sort(),
    ).toEqual([...variantIds].sort());
    expect(op.objectCount).toBe(String(sim.store.products.length + variantIds.length));
  });
});
