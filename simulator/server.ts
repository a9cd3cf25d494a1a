/**
 * The simulated store's HTTP server. The app reaches it by rewriting
 * `https://<shop>/admin/...` to `<url>/<shop>/admin/...`, so the Admin API lives under the shop
 * domain as the first path segment. Also serves bulk result files and loopback-only control
 * endpoints (`/_sim/...`) for tests and demos. Node's http module only. The token endpoint
 * (`/<shop>/admin/oauth/access_token`) is served here too; its rules live in oauth.ts.
 */
import { randomUUID } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { CostBucket, type BucketSettings } from "./bucket";
import { BulkManager } from "./bulk";
import { executeAdminRequest, parseRequestBody, type ExecutorDeps } from "./executor";
import { Faults, type FaultHttpStatus } from "./faults";
import {
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
  DEFAULT_SCOPES,
  TokenAuthority,
  parseTokenParams,
  requestMeta,
  type SimulatorTokens,
} from "./oauth";
import type { SimServices } from "./resolvers/context";
import { DEFAULT_API_VERSION, loadAdminSchema } from "./schema";
import { handleStagedUpload } from "./staged-uploads";
import type { SimStore } from "./store";
import { readAppScopes, readAppWebhookConfig } from "./toml";
import { isLoopbackAddress, sleep } from "./util";
import { bulkFinishPayload } from "./webhook-payloads";
import {
  DEFAULT_RETRY,
  WebhookDispatcher,
  type RetryPolicy,
  type WebhookDeliveryRecord,
  type WebhookSubscription,
} from "./webhooks";

export interface SimulatorOptions {
  /** Mutated in place by mutations. */
  store: SimStore;
  /**
   * The shop's non-expiring (legacy) offline access token, accepted in X-Shopify-Access-Token
   * until it is migrated to an expiring pair or revoked. Tokens issued by the token endpoint
   * (or `tokens.issueExpiring()`) are accepted too.
   */
  accessToken: string;
  /** The app's client secret: signs webhooks, verifies session tokens, authenticates token requests. */
  apiSecret: string;
  /** The app's client id. When given, token requests must send it; when absent any is accepted. */
  apiKey?: string;
  /** Lifetime of issued access tokens; default 3600 (Shopify's 60 minutes). */
  accessTokenTtlSeconds?: number;
  /** Lifetime of issued refresh tokens; default 90 days. */
  refreshTokenTtlSeconds?: number;
  /** Granted scopes in token responses; default `[access_scopes] scopes` of ./shopify.app.toml. */
  scopes?: string;
  /** Default "2026-10"; the only version served. */
  apiVersion?: string;
  /** Default "127.0.0.1"; anything that is not loopback is refused. */
  host?: string;
  /** Default 0 (random). */
  port?: number;
  /** Where webhook URIs that are paths ("/webhooks/x") are resolved against. */
  appUrl?: string;
  /** Default: read from ./shopify.app.toml if present, else none. */
  webhookSubscriptions?: WebhookSubscription[];
  /** Default { maximumAvailable: 2000, restoreRate: 100 }. */
  bucket?: BucketSettings;
  /** Webhook retry policy; default 4 attempts, 500 ms doubling backoff, 5 s timeout. */
  webhookRetry?: Partial<RetryPolicy>;
  /** Root nodes per bulk page (default 500). */
  bulkPageSize?: number;
  /** Clock for updatedAt / createdAt stamps and token expiry (tests). */
  now?: () => Date;
}

export interface Simulator {
  /** http://127.0.0.1:<port> */
  url: string;
  /** store.shop.myshopifyDomain */
  shop: string;
  apiVersion: string;
  store: SimStore;
  faults: Faults;
  /** The shop's access and refresh tokens, and every token-endpoint request. */
  tokens: SimulatorTokens;
  /** Every webhook attempt, in order. */
  deliveries: WebhookDeliveryRecord[];
  /** The Admin GraphQL endpoint as the app sees it after rewriting. */
  graphqlUrl: string;
  bucket: CostBucket;
  bulk: BulkManager;
  sendWebhook(
    topic: string,
    payload: unknown,
    opts?: { eventId?: string },
  ): Promise<WebhookDeliveryRecord[]>;
  /** Resolves when every queued webhook (from mutations, bulk finishes) has been delivered or given up. */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const INVALID_TOKEN =
  "[API] Invalid API key or access token (unrecognized login or wrong password)";

const HTTP_ERROR_TEXT: Record<Exclude<FaultHttpStatus, 429>, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

function positiveSeconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new TypeError(`${name} must be a positive integer`);
  return value;
}

function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Answers a request the httpErrors fault caught, as Shopify's edge would. */
function sendFaultError(res: ServerResponse, status: FaultHttpStatus): void {
  if (status === 429) {
    return sendJson(
      res,
      429,
      {
        errors:
          "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.",
      },
      { "Retry-After": "2" },
    );
  }
  sendJson(res, status, { errors: HTTP_ERROR_TEXT[status] });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function subscriptionsFrom(options: SimulatorOptions): {
  subscriptions: WebhookSubscription[];
  apiVersion: string | null;
} {
  if (options.webhookSubscriptions)
    return { subscriptions: options.webhookSubscriptions, apiVersion: null };
  const config = readAppWebhookConfig(resolvePath(process.cwd(), "shopify.app.toml"));
  return { subscriptions: config?.subscriptions ?? [], apiVersion: config?.apiVersion ?? null };
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host))
    throw new Error(`The simulator only listens on loopback, not on ${host}`);
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const schema = loadAdminSchema(apiVersion);
  const store = options.store;
  const shop = store.shop.myshopifyDomain;
  const now = options.now ?? (() => new Date());
  const faults = new Faults();
  const tokens = new TokenAuthority({
    shop,
    legacyToken: options.accessToken,
    apiSecret: options.apiSecret,
    apiKey: options.apiKey ?? null,
    scopes:
      options.scopes ??
      readAppScopes(resolvePath(process.cwd(), "shopify.app.toml")) ??
      DEFAULT_SCOPES,
    accessTokenTtlSeconds: positiveSeconds(
      options.accessTokenTtlSeconds,
      DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
      "accessTokenTtlSeconds",
    ),
    refreshTokenTtlSeconds: positiveSeconds(
      options.refreshTokenTtlSeconds,
      DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
      "refreshTokenTtlSeconds",
    ),
    now,
  });
  const bucket = new CostBucket(options.bucket ?? { maximumAvailable: 2000, restoreRate: 100 });
  const deliveries: WebhookDeliveryRecord[] = [];
  const { subscriptions, apiVersion: webhookApiVersion } = subscriptionsFrom(options);
  const webhooks = new WebhookDispatcher({
    shop,
    apiSecret: options.apiSecret,
    apiVersion: webhookApiVersion ?? apiVersion,
    appUrl: options.appUrl ?? null,
    subscriptions,
    faults,
    retry: { ...DEFAULT_RETRY, ...options.webhookRetry },
    records: deliveries,
  });
  const dir = mkdtempSync(join(tmpdir(), "seaworthy-sim-"));
  let baseUrl = "";

  const bulk = new BulkManager({
    schema,
    store,
    faults,
    dir,
    fileUrl: (token) => `${baseUrl}/bulk/${token}.jsonl`,
    services: () => services,
    onFinish: (op) => webhooks.enqueue("bulk_operations/finish", bulkFinishPayload(store, op)),
    ...(options.bulkPageSize ? { pageSize: options.bulkPageSize } : {}),
  });
  // The bulk manager reads `services` lazily (only while running), so it can be declared after.
  const services: SimServices = {
    apiVersion,
    now,
    bulk,
    publicUrl: () => baseUrl,
    emitWebhook: (topic, payload) => webhooks.enqueue(topic, payload),
  };
  const deps: ExecutorDeps = { schema, store, bucket, faults, services };

  async function handleAdmin(
    req: IncomingMessage,
    res: ServerResponse,
    segments: string[],
  ): Promise<void> {
    // /<shop>/admin/api/<version>/graphql.json
    const [shopSegment, , , version, endpoint] = segments;
    if (
      shopSegment !== shop ||
      version !== apiVersion ||
      endpoint !== "graphql.json" ||
      segments.length !== 5 ||
      req.method !== "POST"
    ) {
      return sendJson(res, 404, { errors: "Not Found" });
    }
    if (faults.delayMs) await sleep(faults.delayMs);
    const httpError = faults.takeHttpError();
    if (httpError !== null) return sendFaultError(res, httpError);
    const token = req.headers["x-shopify-access-token"];
    const check = typeof token === "string" ? tokens.checkAccessToken(token) : "invalid";
    if (check !== "valid") {
      const description =
        check === "expired" ? "The access token has expired" : "The access token is invalid";
      return sendJson(
        res,
        401,
        { errors: INVALID_TOKEN },
        { "WWW-Authenticate": `Bearer error="invalid_token", error_description="${description}"` },
      );
    }
    const request = parseRequestBody(await readBody(req), req.headers["content-type"]);
    if (!request)
      return sendJson(res, 400, { errors: { query: "Required parameter missing or invalid" } });
    const response = await executeAdminRequest(deps, request);
    sendJson(res, response.status, response.body, {
      "X-Shopify-API-Version": apiVersion,
      "X-Request-Id": randomUUID(),
    });
  }

  async function handleToken(
    req: IncomingMessage,
    res: ServerResponse,
    segments: string[],
  ): Promise<void> {
    // /<shop>/admin/oauth/access_token
    if (
      segments.length !== 4 ||
      segments[0] !== shop ||
      segments[3] !== "access_token" ||
      req.method !== "POST"
    ) {
      return sendJson(res, 404, { errors: "Not Found" });
    }
    // The body is read first so that even a request a fault answers is recorded with its grant.
    const params = parseTokenParams(await readBody(req), req.headers["content-type"]);
    if (faults.delayMs) await sleep(faults.delayMs);
    const httpError = faults.takeHttpError();
    if (httpError !== null) {
      tokens.requests.push({ ...requestMeta(params), outcome: `http_${httpError}` });
      return sendFaultError(res, httpError);
    }
    const { status, body, error, ...meta } = tokens.handleRequest(params);
    if (error === null && faults.takeLoseTokenResponse()) {
      // Issued and rotated server-side, but the client never gets a byte of the answer.
      tokens.requests.push({ ...meta, outcome: "lost" });
      res.destroy();
      return;
    }
    tokens.requests.push({ ...meta, outcome: error ?? "issued" });
    // Tokens must not be cached by anything in between (RFC 6749 5.1).
    sendJson(res, status, body, { "Cache-Control": "no-store", Pragma: "no-cache" });
  }

  async function handleDownload(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
  ): Promise<void> {
    const token = /^([a-f0-9]{32})\.jsonl$/.exec(name)?.[1];
    const file = token && req.method === "GET" ? bulk.fileFor(token) : null;
    if (!file) return sendJson(res, 404, { errors: "Not Found" });
    if (faults.delayMs) await sleep(faults.delayMs);
    const size = statSync(file).size;
    const cut = faults.truncatedLength(size);
    res.writeHead(200, { "Content-Type": "application/jsonl", "Content-Length": size });
    if (cut === null || cut >= size) {
      createReadStream(file).pipe(res);
      return;
    }
    // Promise the whole file, send part of it, then drop the connection: what a client sees
    // when a download dies half-way.
    const stream = createReadStream(file, { start: 0, end: Math.max(0, cut - 1) });
    if (cut === 0) stream.destroy();
    stream.on("data", (chunk) => res.write(chunk));
    stream.on("close", () => res.destroy());
  }

  async function handleControl(
    req: IncomingMessage,
    res: ServerResponse,
    segments: string[],
  ): Promise<void> {
    const [, area, ...rest] = segments;
    if (area === "health" && req.method === "GET") {
      return sendJson(res, 200, {
        ok: true,
        shop,
        apiVersion,
        products: store.products.length,
        orders: store.orders.length,
      });
    }
    if (area === "faults" && req.method === "GET") return sendJson(res, 200, faults.toJSON());
    if (area === "faults" && req.method === "POST") {
      try {
        faults.apply(JSON.parse((await readBody(req)) || "{}"));
      } catch (e) {
        return sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
      }
      return sendJson(res, 200, faults.toJSON());
    }
    if (area === "tokens" && req.method === "POST" && rest.length === 1) {
      if (rest[0] === "expire") {
        tokens.expireAccessTokens();
        return sendJson(res, 200, { ok: true });
      }
      if (rest[0] === "revoke") {
        tokens.revokeAll();
        return sendJson(res, 200, { ok: true });
      }
    }
    if (area === "webhooks" && req.method === "POST" && rest.length) {
      const topic = rest.map(decodeURIComponent).join("/");
      let payload: unknown;
      try {
        payload = JSON.parse((await readBody(req)) || "{}");
      } catch {
        return sendJson(res, 400, { error: "body must be JSON" });
      }
      const records = await webhooks.send(topic, payload);
      return sendJson(res, 200, { topic, deliveries: records });
    }
    return sendJson(res, 404, { errors: "Not Found" });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const segments = url.pathname.split("/").filter(Boolean);
    const route = async (): Promise<void> => {
      if (!isLoopbackAddress(req.socket.remoteAddress))
        return sendJson(res, 403, { errors: "Forbidden" });
      if (segments[0] === "_sim") return handleControl(req, res, segments);
      if (segments[0] === "staged-uploads") return handleStagedUpload(req, res, store, url);
      if (segments[0] === "bulk" && segments.length === 2)
        return handleDownload(req, res, segments[1] ?? "");
      if (segments[1] === "admin" && segments[2] === "oauth")
        return handleToken(req, res, segments);
      if (segments[1] === "admin") return handleAdmin(req, res, segments);
      return sendJson(res, 404, { errors: "Not Found" });
    };
    route().catch((e: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: "Internal Server Error",
          detail: e instanceof Error ? e.message : String(e),
        });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  baseUrl = `http://${hostForUrl}:${address.port}`;

  let closed = false;
  return {
    url: baseUrl,
    shop,
    apiVersion,
    store,
    faults,
    tokens,
    deliveries,
    graphqlUrl: `${baseUrl}/${shop}/admin/api/${apiVersion}/graphql.json`,
    bucket,
    bulk,
    sendWebhook: (topic, payload, opts) => webhooks.send(topic, payload, opts),
    webhooksIdle: () => webhooks.idle(),
    async close() {
      if (closed) return;
      closed = true;
      await bulk.close();
      await webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
