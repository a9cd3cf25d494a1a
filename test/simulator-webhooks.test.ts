import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../app/db.server";
import { closeJobQueue } from "../app/background.server";
import { createInlineRunner } from "../app/jobs/inline";
import { ALL_JOBS } from "../app/background.server";
import type { JobQueue } from "../app/jobs/types";
import { action as collectionsCreate } from "../app/routes/webhooks.collections.create";
import { action as collectionsDelete } from "../app/routes/webhooks.collections.delete";
import { action as collectionsUpdate } from "../app/routes/webhooks.collections.update";
import { action as inventoryLevelsUpdate } from "../app/routes/webhooks.inventory_levels.update";
import { action as ordersCreate } from "../app/routes/webhooks.orders.create";
import { action as ordersUpdated } from "../app/routes/webhooks.orders.updated";
import { action as productsCreate } from "../app/routes/webhooks.products.create";
import { action as productsDelete } from "../app/routes/webhooks.products.delete";
import { action as productsUpdate } from "../app/routes/webhooks.products.update";
import type { Simulator } from "../simulator/server";
import { DEMO_SHOP_DOMAIN } from "../simulator/store";
import { dig, gql, startTestSimulator } from "../simulator/testing";
import { webhookConfigFromToml } from "../simulator/toml";

/** The app's store-data webhook routes, by the path shopify.app.toml subscribes them at. */
const ROUTES: Record<string, (args: ActionFunctionArgs) => Promise<Response>> = {
  "/webhooks/products/create": productsCreate,
  "/webhooks/products/update": productsUpdate,
  "/webhooks/products/delete": productsDelete,
  "/webhooks/inventory_levels/update": inventoryLevelsUpdate,
  "/webhooks/orders/create": ordersCreate,
  "/webhooks/orders/updated": ordersUpdated,
  "/webhooks/collections/create": collectionsCreate,
  "/webhooks/collections/update": collectionsUpdate,
  "/webhooks/collections/delete": collectionsDelete,
};

const SHOP = DEMO_SHOP_DOMAIN;
let clock = new Date("2026-11-02T15:30:00Z");
let app: Server;
let sim: Simulator;
let queue: JobQueue;
/** What the app received, in order: topic, raw body and the route's answer. */
const received: { topic: string; body: string; status: number }[] = [];

/**
 * The app's webhook routes behind a real HTTP port, so the simulator delivers to them exactly as
 * Shopify would: its own signature, headers and body, the routes' own verification.
 */
function startApp(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const route = ROUTES[req.url ?? ""];
      if (!route) return void res.writeHead(404).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === "string") headers.set(k, v);
      const request = new Request(`${process.env.SHOPIFY_APP_URL}${req.url}`, {
        method: "POST",
        headers,
        body,
      });
      route({ request, params: {}, context: {} }).then(
        (response) => {
          received.push({
            topic: headers.get("x-shopify-topic") ?? "",
            body,
            status: response.status,
          });
          res.writeHead(response.status).end();
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Let the simulator's deliveries and the jobs they queued finish. */
async function settle(): Promise<void> {
  await sim.webhooksIdle();
  await queue.drain();
}

async function mirrored(id: string) {
  return {
    product: await db().product.findUnique({ where: { shop_id: { shop: SHOP, id } } }),
    variants: await db().variant.count({ where: { shop: SHOP, productId: id } }),
  };
}

beforeAll(async () => {
  queue = createInlineRunner({ jobs: ALL_JOBS });
  globalThis.__seaworthyJobQueue = queue;
  app = await startApp();
  const address = app.address();
  const port = typeof address === "object" && address ? address.port : 0;
  sim = await startTestSimulator({
    apiSecret: process.env.SHOPIFY_API_SECRET,
    appUrl: `http://127.0.0.1:${port}`,
    now: () => clock,
    // The subscriptions the app declares, so their uris are checked against its routes too.
    webhookSubscriptions: webhookConfigFromToml(readFileSync("shopify.app.toml", "utf8"))
      .subscriptions,
  });
});
afterAll(async () => {
  await sim?.close();
  await new Promise((resolve) => app?.close(resolve));
  await closeJobQueue();
});

describe("simulator mutations → signed webhooks → the app's routes → jobs → the mirror", () => {
  it("a product created and then deleted is gone, and a late products/update does not restore it", async () => {
    const created = await gql(
      sim,
      `mutation { productCreate(product: { title: "Pop-up Parka", vendor: "Seaworthy Supply" }) { product { id } userErrors { message } } }`,
    );
    expect(dig(created.body, "data", "productCreate", "userErrors")).toEqual([]);
    const id = String(dig(created.body, "data", "productCreate", "product", "id"));
    await settle();
    expect((await mirrored(id)).product).toMatchObject({ title: "Pop-up Parka" });
    expect((await mirrored(id)).variants).toBe(1);

    clock = new Date(clock.getTime() + 60_000);
    const updated = await gql(
      sim,
      `mutation($id: ID!) { productUpdate(product: { id: $id, title: "Pop-up Parka II" }) { userErrors { message } } }`,
      { id },
    );
    expect(dig(updated.body, "data", "productUpdate", "userErrors")).toEqual([]);
    await settle();
    expect((await mirrored(id)).product?.title).toBe("Pop-up Parka II");
    const lateUpdate = received.find((r) => r.topic === "products/update")?.body;
    if (!lateUpdate) throw new Error("products/update was not delivered");

    clock = new Date(clock.getTime() + 60_000);
    const deleted = await gql(
      sim,
      `mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { message } } }`,
      { id },
    );
    expect(dig(deleted.body, "data", "productDelete", "deletedProductId")).toBe(id);
    await settle();
    expect(await mirrored(id)).toEqual({ product: null, variants: 0 });

    // The update arrives again after the delete (a new event: the app does not drop it as a
    // repeat); the route accepts it, and the job refuses to bring the product back.
    const [redelivery] = await sim.sendWebhook("products/update", JSON.parse(lateUpdate));
    expect(redelivery?.ok).toBe(true);
    await settle();
    expect(await mirrored(id)).toEqual({ product: null, variants: 0 });

    expect(received.map((r) => [r.topic, r.status])).toEqual([
      ["products/create", 200],
      ["products/update", 200],
      ["products/delete", 200],
      ["products/update", 200],
    ]);
  });
});
