import { describe, expect, it } from "vitest";
import { recordingQueue } from "../test/helpers/queue";
import { reactToMirror } from "./reactions.server";

const SHOP = "reacting-shop.myshopify.com";
const gid = (n: number) => `gid://shopify/Product/${n}`;

describe("how the engines react to the mirror", () => {
  it("a product change refreshes (compliance, then channels); stock and sales re-score only", async () => {
    const { queue, queued } = recordingQueue();
    await reactToMirror(queue, SHOP, {
      kind: "products-changed",
      productIds: [gid(1)],
      eventId: "e1",
    });
    await reactToMirror(queue, SHOP, {
      kind: "stock-or-sales-changed",
      productIds: [gid(2)],
      eventId: "e2",
    });
    expect(queued).toEqual([
      {
        job: "channels.refresh-products",
        shop: SHOP,
        payload: { productIds: [gid(1)] },
        jobId: "refresh:e1",
      },
      {
        job: "channels.rescore-product",
        shop: SHOP,
        payload: { productIds: [gid(2)] },
        jobId: "rescore:e2",
      },
    ]);
  });

  it("a products sync runs one compliance pass that re-scores after it; stock and sales re-score", async () => {
    const { queue, queued } = recordingQueue();
    for (const resource of ["products", "collections", "inventory", "orders"] as const)
      await reactToMirror(queue, SHOP, { kind: "bulk-synced", resource, runId: `run-${resource}` });
    expect(queued.map((q) => [q.job, q.payload, q.jobId])).toEqual([
      [
        "compliance.evaluate-all",
        { reason: "products sync", rescore: "all" },
        "evaluate-all:run-products",
      ],
      ["compliance.evaluate-all", { reason: "collections sync" }, "evaluate-all:run-collections"],
      ["channels.rescore-all", { reason: "inventory sync" }, "rescore-all:run-inventory"],
      ["channels.rescore-all", { reason: "orders sync" }, "rescore-all:run-orders"],
    ]);
  });
});
