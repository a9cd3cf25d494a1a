import { readFileSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureStore } from "./fixtures";
import type { Simulator } from "./server";
import type { SimProduct } from "./store";
import {
  asArray,
  dig,
  gql,
  startTestSimulator,
  startWebhookReceiver,
  waitForBulk,
  type WebhookReceiver,
} from "./testing";
import { isRecord } from "./util";

const RUN = `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }`;

const PRODUCTS_QUERY = `{
  products {
    edges { node {
      id title handle status seo { title }
      variants { edges { node { id sku price inventoryItem { id unitCost { amount } } } } }
      media { nodes { ... on MediaImage { id image { url } } } }
    } }
  }
}`;

function parseLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const v: unknown = JSON.parse(line);
      if (!isRecord(v)) throw new Error("line is not an object");
      return v;
    });
}

async function runBulk(sim: Simulator, query: string): Promise<string> {
  const r = await gql(sim, RUN, { q: query });
  expect(dig(r.body, "data", "bulkOperationRunQuery", "userErrors")).toEqual([]);
  expect(dig(r.body, "data", "bulkOperationRunQuery", "bulkOperation", "status")).toBe("CREATED");
  return String(dig(r.body, "data", "bulkOperationRunQuery", "bulkOperation", "id"));
}

let sim: Simulator;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sim = await startTestSimulator({
    appUrl: receiver.url,
    webhookSubscriptions: [{ topic: "bulk_operations/finish", uri: "/webhooks/bulk" }],
    bulkPageSize: 2, // several pages even with the fixture store
  });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

describe("bulk operations", () => {
  it("runs a query end to end and serves Shopify-style JSONL", async () => {
    const id = await runBulk(sim, PRODUCTS_QUERY);
    const op = await waitForBulk(sim, id);
    expect(op.status).toBe("COMPLETED");
    expect(op.type).toBe("QUERY");
    expect(op.errorCode).toBeNull();
    expect(op.partialDataUrl).toBeNull();
    expect(typeof op.completedAt).toBe("string");
    const current = await gql(sim, "{ currentBulkOperation { id status url } }");
    expect(dig(current.body, "data", "currentBulkOperation", "id")).toBe(id);

    const res = await fetch(String(op.url));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(String(Buffer.byteLength(text))).toBe(op.fileSize);
    const lines = parseLines(text);
    expect(String(lines.length)).toBe(op.objectCount);
    expect(op.rootObjectCount).toBe("4");

    const products = lines.filter((l) => String(l.id).includes("/Product/"));
    const variants = lines.filter((l) => String(l.id).includes("/ProductVariant/"));
    const media = lines.filter((l) => String(l.id).includes("/MediaImage/"));
    expect(products.map((p) => p.id)).toEqual(sim.store.products.map((p) => p.id));
    expect(variants.map((v) => v.id).sort()).toEqual(
      sim.store.products.flatMap((p) => p.variants.map((v) => v.id)).sort(),
    );
    expect(media).toHaveLength(3);
    for (const p of products) {
      expect(p).not.toHaveProperty("variants");
      expect(p).not.toHaveProperty("media");
      expect(p).not.toHaveProperty("__parentId");
      expect(p.seo).toBeTypeOf("object"); // plain nested objects stay inline
    }
    const byId = new Map(
      sim.store.products.flatMap((p: SimProduct) => p.variants.map((v) => [v.id, p.id] as const)),
    );
    for (const v of variants) {
      expect(v.__parentId).toBe(byId.get(String(v.id)));
      expect(Object.keys(v).at(-1)).toBe("__parentId"); // as in Shopify's files
      expect(v.inventoryItem).toBeTypeOf("object");
    }
    // Every child comes after its parent.
    const position = new Map(lines.map((l, i) => [l.id, i]));
    for (const child of [...variants, ...media])
      expect(position.get(child.__parentId)).toBeLessThan(position.get(child.id) ?? -1);

    // bulk_operations/finish reached the subscriber with Shopify's payload.
    const hooks = await receiver.waitFor(1);
    const finish = hooks.find((h) => h.headers["x-shopify-topic"] === "bulk_operations/finish");
    const payload: unknown = JSON.parse(finish?.rawBody ?? "{}");
    expect(dig(payload, "admin_graphql_api_id")).toBe(id);
    expect(dig(payload, "status")).toBe("completed");
    expect(dig(payload, "type")).toBe("query");
    expect(dig(payload, "error_code")).toBeNull();
    expect(Object.keys(isRecord(payload) ? payload : {}).sort()).toEqual([
      "admin_graphql_api_id",
      "completed_at",
      "created_at",
      "error_code",
      "status",
      "type",
    ]);
  });

  it("matches the shape of Shopify's documented example file", async () => {
    const example = parseLines(
      readFileSync(
        new URL(
          "../test/fixtures/bulk/shopify_api_ruby_readme_bulk_example.jsonl",
          import.meta.url,
        ),
        "utf8",
      ),
    );
    const id = await runBulk(
      sim,
      "{ products { edges { node { id variants { edges { node { id title } } } } } } }",
    );
    const op = await waitForBulk(sim, id);
    const ours = parseLines(await (await fetch(String(op.url))).text());
    const keysOf = (lines: Record<string, unknown>[], type: string): string[][] =>
      [
        ...new Set(
          lines
            .filter((l) => String(l.id).includes(`/${type}/`))
            .map((l) => JSON.stringify(Object.keys(l))),
        ),
      ].map((k) => {
        const parsed: unknown = JSON.parse(k);
        return Array.isArray(parsed) ? parsed.map(String) : [];
      });
    expect(keysOf(ours, "Product")).toEqual(keysOf(example, "Product"));
    expect(keysOf(ours, "ProductVariant")).toEqual(keysOf(example, "ProductVariant"));
  });

  it("rejects invalid bulk queries with userErrors", async () => {
    const cases: [string, RegExp][] = [
      [
        "{ products { edges { node { titl } } } }",
        /^Invalid bulk query: Field 'titl' doesn't exist on type 'Product'$/,
      ],
      ["{ shop { name } }", /at least one connection/],
      [
        "{ products { edges { node { title variants { edges { node { id } } } } } } }",
        /must select the 'id' field.*: products\.$/,
      ],
      [
        "{ products { edges { node { id collections { nodes { id products { nodes { id variants { nodes { id } } } } } } } } } }",
        /nesting depth/,
      ],
    ];
    for (const [query, message] of cases) {
      const r = await gql(sim, RUN, { q: query });
      const errors = asArray(dig(r.body, "data", "bulkOperationRunQuery", "userErrors"));
      expect(errors.length, query).toBeGreaterThan(0);
      expect(dig(errors, 0, "field")).toEqual(["query"]);
      expect(String(dig(errors, 0, "message"))).toMatch(message);
      expect(dig(r.body, "data", "bulkOperationRunQuery", "bulkOperation")).toBeNull();
    }
  });

  it("allows one running query per shop and can cancel it", async () => {
    const big = fixtureStore();
    const template = big.products[0];
    if (!template) throw new Error("fixture has no products");
    for (let i = 0; i < 3000; i++)
      big.products.push({
        ...template,
        id: `gid://shopify/Product/${10_000 + i}`,
        variants: [],
        media: [],
        metafields: [],
      });
    const local = await startTestSimulator({ store: big, bulkPageSize: 10 });
    try {
      const id = await runBulk(local, "{ products { edges { node { id title } } } }");
      const second = await gql(local, RUN, { q: "{ products { edges { node { id } } } }" });
      expect(dig(second.body, "data", "bulkOperationRunQuery", "userErrors", 0, "code")).toBe(
        "OPERATION_IN_PROGRESS",
      );
      const cancel = await gql(
        local,
        `mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { message } } }`,
        { id },
      );
      expect(dig(cancel.body, "data", "bulkOperationCancel", "bulkOperation", "status")).toBe(
        "CANCELING",
      );
      const op = await waitForBulk(local, id);
      expect(op.status).toBe("CANCELED");
      expect(op.url).toBeNull();
      const again = await gql(
        local,
        `mutation($id: ID!) { bulkOperationCancel(id: $id) { userErrors { message } } }`,
        { id },
      );
      expect(
        String(dig(again.body, "data", "bulkOperationCancel", "userErrors", 0, "message")),
      ).toMatch(/cannot be canceled/);
    } finally {
      await local.close();
    }
  });

  it("reports FAILED with partial data when the failure fault is set", async () => {
    sim.faults.failBulkOperations = 1;
    const id = await runBulk(sim, PRODUCTS_QUERY);
    const op = await waitForBulk(sim, id);
    expect(op.status).toBe("FAILED");
    expect(op.errorCode).toBe("INTERNAL_SERVER_ERROR");
    expect(op.url).toBeNull();
    const partial = parseLines(await (await fetch(String(op.partialDataUrl))).text());
    expect(partial.length).toBeGreaterThan(0);
    expect(String(partial.length)).toBe(op.objectCount);
  });

  it("truncates downloads when asked, closing the connection early", async () => {
    const id = await runBulk(sim, PRODUCTS_QUERY);
    const op = await waitForBulk(sim, id);
    const full = Number(op.fileSize);
    const get = (): Promise<{ bytes: number; aborted: boolean }> =>
      new Promise((resolve) => {
        const req = request(String(op.url), (res) => {
          let bytes = 0;
          let aborted = false;
          res.on("data", (c: Buffer) => (bytes += c.length));
          res.on("aborted", () => (aborted = true));
          res.on("error", () => (aborted = true));
          res.on("close", () => resolve({ bytes, aborted }));
        });
        req.on("error", () => resolve({ bytes: 0, aborted: true }));
        req.end();
      });
    sim.faults.truncateDownloads = true;
    const half = await get();
    expect(half.bytes).toBe(Math.floor(full / 2));
    expect(half.aborted).toBe(true);
    sim.faults.truncateDownloads = 100;
    expect((await get()).bytes).toBe(100);
    sim.faults.truncateDownloads = false;
    const whole = await get();
    expect(whole).toEqual({ bytes: full, aborted: false });
    expect((await fetch(`${sim.url}/bulk/${"0".repeat(32)}.jsonl`)).status).toBe(404);
  });
});
