import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "./server";
import {
  dig,
  gql,
  startTestSimulator,
  startWebhookReceiver,
  type WebhookReceiver,
} from "./testing";

let sim: Simulator;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sim = await startTestSimulator({
    appUrl: receiver.url,
    webhookSubscriptions: [{ topic: "customers/redact", uri: "/webhooks/compliance" }],
  });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});
beforeEach(() => sim.faults.reset());

const Q = "{ shop { name } }";

async function setFaults(body: unknown): Promise<Response> {
  return fetch(`${sim.url}/_sim/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("faults", () => {
  it("throttles the next n calls", async () => {
    expect((await setFaults({ throttle: 2 })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const r = await gql(sim, Q);
      expect(dig(r.body, "errors", 0, "extensions", "code")).toBe("THROTTLED");
    }
    expect(dig((await gql(sim, Q)).body, "data", "shop", "name")).toBe("Seaworthy Demo");
  });

  it("answers 429 with Retry-After and Shopify's body", async () => {
    await setFaults({ httpErrors: { status: 429, count: 1 } });
    const res = await fetch(sim.graphqlUrl, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": "anything" },
      body: "{}",
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toEqual({
      errors:
        "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.",
    });
    expect((await gql(sim, Q)).status).toBe(200);
  });

  it("answers 5xx for the next n calls", async () => {
    sim.faults.httpErrors = { status: 502, count: 2 };
    expect((await gql(sim, Q)).status).toBe(502);
    const second = await gql(sim, Q);
    expect(second.status).toBe(502);
    expect(second.body).toEqual({ errors: "Bad Gateway" });
    expect((await gql(sim, Q)).status).toBe(200);
  });

  it("adds latency", async () => {
    sim.faults.delayMs = 150;
    const t = Date.now();
    await gql(sim, Q);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });

  it("drops the next n webhook events", async () => {
    await setFaults({ dropWebhooks: 1 });
    const dropped = await sim.sendWebhook("customers/redact", { a: 1 });
    expect(dropped).toEqual([expect.objectContaining({ dropped: true, ok: false, status: null })]);
    const delivered = await sim.sendWebhook("customers/redact", { a: 2 });
    expect(delivered[0]?.ok).toBe(true);
    expect(receiver.received.map((h) => JSON.parse(h.rawBody))).toEqual([{ a: 2 }]);
  });

  it("reports, validates and resets settings over HTTP", async () => {
    await setFaults({ throttle: 3, truncateDownloads: 10, delayMs: 5 });
    const current: unknown = await (await fetch(`${sim.url}/_sim/faults`)).json();
    expect(current).toEqual({
      throttle: 3,
      httpErrors: null,
      delayMs: 5,
      truncateDownloads: 10,
      dropWebhooks: 0,
      failBulkOperations: 0,
      holdBulkOperations: false,
      loseTokenResponses: 0,
    });
    expect((await setFaults({ httpErrors: { status: 418, count: 1 } })).status).toBe(400);
    expect((await setFaults({ throttle: -1 })).status).toBe(400);
    expect((await setFaults({ holdBulkOperations: "yes" })).status).toBe(400);
    await setFaults({ reset: true });
    expect(await (await fetch(`${sim.url}/_sim/faults`)).json()).toEqual({
      throttle: 0,
      httpErrors: null,
      delayMs: 0,
      truncateDownloads: false,
      dropWebhooks: 0,
      failBulkOperations: 0,
      holdBulkOperations: false,
      loseTokenResponses: 0,
    });
  });
});
