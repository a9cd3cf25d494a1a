/**
 * Helpers for tests that talk to the simulator over real HTTP (used by simulator tests; the
 * app's own integration tests can use them too).
 */
import { fixtureStore } from "./fixtures";
import { startSimulator, type Simulator, type SimulatorOptions } from "./server";
import { isRecord } from "./util";

export const TEST_TOKEN = "shpat_simulator_test_token";
export const TEST_SECRET = "simulator-test-secret";

export function startTestSimulator(overrides: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({
    store: fixtureStore(),
    accessToken: TEST_TOKEN,
    apiSecret: TEST_SECRET,
    webhookSubscriptions: [],
    webhookRetry: { attempts: 3, backoffMs: 10, timeoutMs: 2000 },
    ...overrides,
  });
}

export interface GqlResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function gql(
  sim: Simulator,
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string; url?: string } = {},
): Promise<GqlResult> {
  const res = await fetch(opts.url ?? sim.graphqlUrl, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Access-Token": opts.token ?? TEST_TOKEN,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body: unknown = await res.json();
  if (!isRecord(body)) throw new Error("simulator answered with a non-object body");
  return { status: res.status, headers: res.headers, body };
}

/** Walk a JSON value by keys/indexes, returning undefined when a step is missing. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = value;
  for (const step of path) {
    if (typeof step === "number") cur = Array.isArray(cur) ? cur[step] : undefined;
    else cur = isRecord(cur) ? cur[step] : undefined;
  }
  return cur;
}

export function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected an array, got ${JSON.stringify(value)}`);
  return value;
}

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  rawBody: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves once `n` requests have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A tiny HTTP server standing in for the app's webhook endpoint. `status` picks each reply. */
export async function startWebhookReceiver(
  status: (index: number) => number = () => 200,
): Promise<WebhookReceiver> {
  const { createServer } = await import("node:http");
  const received: ReceivedWebhook[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      received.push({
        path: req.url ?? "",
        headers,
        rawBody: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(status(received.length - 1)).end();
      for (const w of waiters) if (received.length >= w.n) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor(n, timeoutMs = 5000) {
      if (received.length >= n) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${received.length} of ${n} webhooks arrived`)),
          timeoutMs,
        );
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve(received)) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Poll `node(id:)` until the bulk operation leaves CREATED/RUNNING. */
export async function waitForBulk(
  sim: Simulator,
  id: string,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await gql(
      sim,
      `query($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl createdAt completedAt query type } } }`,
      { id },
    );
    const op = dig(r.body, "data", "node");
    if (
      isRecord(op) &&
      op.status !== "CREATED" &&
      op.status !== "RUNNING" &&
      op.status !== "CANCELING"
    )
      return op;
    if (Date.now() > deadline) throw new Error(`bulk operation ${id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
