import { createHmac, randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "./server";
import { gql, startTestSimulator, TEST_SECRET, TEST_TOKEN } from "./testing";

const API_KEY = "sim-client-id";
const SCOPES = "read_products,write_products,read_orders";
const DAY = 24 * 60 * 60 * 1000;
const EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";

let sim: Simulator;
let clock: Date;

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

beforeEach(async () => {
  clock = new Date("2026-09-01T12:00:00Z");
  sim = await startTestSimulator({ apiKey: API_KEY, scopes: SCOPES, now: () => clock });
});
afterEach(async () => {
  await sim.close();
});

interface TokenAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function tokenRequest(
  params: Record<string, string>,
  opts: { form?: boolean; target?: Simulator } = {},
): Promise<TokenAnswer> {
  const target = opts.target ?? sim;
  const res = await fetch(`${target.url}/${target.shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: {
      "Content-Type": opts.form ? "application/x-www-form-urlencoded" : "application/json",
    },
    body: opts.form ? new URLSearchParams(params).toString() : JSON.stringify(params),
  });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, headers: res.headers, body };
}

const client = { client_id: API_KEY, client_secret: TEST_SECRET };

function signJwt(
  payload: Record<string, unknown>,
  secret = TEST_SECRET,
  header: Record<string, unknown> = { alg: "HS256", typ: "JWT" },
): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const data = `${part(header)}.${part(payload)}`;
  return `${data}.${createHmac("sha256", secret).update(data).digest("base64url")}`;
}

/** A session token's claims as App Bridge hands them out, valid for a minute on the simulator's clock. */
function sessionClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const nowSeconds = Math.floor(clock.getTime() / 1000);
  return {
    iss: `https://${sim.shop}/admin`,
    dest: `https://${sim.shop}`,
    aud: API_KEY,
    sub: "42",
    exp: nowSeconds + 60,
    nbf: nowSeconds - 5,
    iat: nowSeconds - 5,
    jti: randomUUID(),
    sid: "session-1",
    ...overrides,
  };
}

function sessionToken(overrides: Record<string, unknown> = {}, secret = TEST_SECRET): string {
  return signJwt(sessionClaims(overrides), secret);
}

function exchange(subjectToken: string, expiring: "0" | "1" = "1"): Promise<TokenAnswer> {
  return tokenRequest({
    ...client,
    grant_type: EXCHANGE,
    subject_token: subjectToken,
    subject_token_type: ID_TOKEN,
    requested_token_type: OFFLINE,
    expiring,
  });
}

function migrate(offlineToken: string): Promise<TokenAnswer> {
  return tokenRequest({
    ...client,
    grant_type: EXCHANGE,
    subject_token: offlineToken,
    subject_token_type: OFFLINE,
    requested_token_type: OFFLINE,
    expiring: "1",
  });
}

function refresh(refreshToken: string): Promise<TokenAnswer> {
  return tokenRequest({ ...client, grant_type: "refresh_token", refresh_token: refreshToken });
}

async function adminStatus(token: string): Promise<number> {
  return (await gql(sim, "{ shop { name } }", {}, { token })).status;
}

function str(value: unknown): string {
  if (typeof value !== "string") throw new Error(`expected a string, got ${JSON.stringify(value)}`);
  return value;
}

const INVALID_GRANT = { error: "invalid_grant", error_description: expect.any(String) };

describe("token exchange with a session token", () => {
  it("issues an expiring pair for expiring=1", async () => {
    const r = await exchange(sessionToken());
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.body).toEqual({
      access_token: expect.stringMatching(/^shpat_[0-9a-f]{32}$/),
      scope: SCOPES,
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_[0-9a-f]{32}$/),
      refresh_token_expires_in: 7776000,
    });
    expect(await adminStatus(str(r.body.access_token))).toBe(200);
    expect(sim.tokens.requests).toEqual([
      { grantType: EXCHANGE, subjectTokenType: ID_TOKEN, outcome: "issued" },
    ]);
  });

  it("issues a non-expiring token for expiring=0, also form-encoded", async () => {
    const r = await tokenRequest(
      {
        ...client,
        grant_type: EXCHANGE,
        subject_token: sessionToken(),
        subject_token_type: ID_TOKEN,
        requested_token_type: OFFLINE,
        expiring: "0",
      },
      { form: true },
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      access_token: expect.stringMatching(/^shpat_[0-9a-f]{32}$/),
      scope: SCOPES,
    });
    const token = str(r.body.access_token);
    advance(400 * DAY);
    sim.tokens.expireAccessTokens();
    expect(await adminStatus(token)).toBe(200);
  });

  it("refuses invalid session tokens with invalid_subject_token", async () => {
    const nowSeconds = Math.floor(clock.getTime() / 1000);
    const bad = [
      sessionToken({}, "another-secret"),
      sessionToken({ exp: nowSeconds }),
      sessionToken({ nbf: nowSeconds + 30 }),
      sessionToken({ dest: "https://other.myshopify.com" }),
      sessionToken({ iss: "https://other.myshopify.com/admin" }),
      sessionToken({ aud: "another-app" }),
      signJwt(sessionClaims(), TEST_SECRET, { alg: "none", typ: "JWT" }),
      signJwt(sessionClaims(), TEST_SECRET, { alg: "HS512", typ: "JWT" }),
      "not-a-jwt",
      `${sessionToken()}x`,
    ];
    for (const jwt of bad) {
      const r = await exchange(jwt);
      expect(r.status, jwt).toBe(400);
      expect(r.body).toEqual({ error: "invalid_subject_token" });
    }
    expect(sim.tokens.requests.map((q) => q.outcome)).toEqual(
      bad.map(() => "invalid_subject_token"),
    );
  });

  it("refuses a session token that expired on the simulator's clock", async () => {
    const jwt = sessionToken();
    expect((await exchange(jwt, "0")).status).toBe(200);
    advance(61_000);
    const r = await exchange(jwt);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: "invalid_subject_token" });
  });
});

describe("migration of the non-expiring token", () => {
  it("returns an expiring pair and retires the old token", async () => {
    expect(await adminStatus(TEST_TOKEN)).toBe(200);
    const r = await migrate(TEST_TOKEN);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      access_token: expect.stringMatching(/^shpat_/),
      scope: SCOPES,
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_/),
      refresh_token_expires_in: 7776000,
    });
    expect(await adminStatus(TEST_TOKEN)).toBe(401);
    expect(await adminStatus(str(r.body.access_token))).toBe(200);
    expect(sim.tokens.isValidAccessToken(TEST_TOKEN)).toBe(false);
    // The old token cannot be migrated twice, and unknown tokens not at all.
    expect((await migrate(TEST_TOKEN)).body).toEqual({ error: "invalid_subject_token" });
    expect((await migrate("shpat_unknown")).body).toEqual({ error: "invalid_subject_token" });
    expect(sim.tokens.requests).toEqual([
      { grantType: EXCHANGE, subjectTokenType: OFFLINE, outcome: "issued" },
      { grantType: EXCHANGE, subjectTokenType: OFFLINE, outcome: "invalid_subject_token" },
      { grantType: EXCHANGE, subjectTokenType: OFFLINE, outcome: "invalid_subject_token" },
    ]);
  });

  it("does not migrate to another non-expiring token", async () => {
    const r = await tokenRequest({
      ...client,
      grant_type: EXCHANGE,
      subject_token: TEST_TOKEN,
      subject_token_type: OFFLINE,
      requested_token_type: OFFLINE,
      expiring: "0",
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: "invalid_request" });
    expect(await adminStatus(TEST_TOKEN)).toBe(200);
  });
});

describe("refresh", () => {
  it("rotates the refresh token and retires the old one once the new one is used", async () => {
    const seed = sim.tokens.issueExpiring();
    expect(seed).toEqual({
      accessToken: expect.stringMatching(/^shpat_[0-9a-f]{32}$/),
      refreshToken: expect.stringMatching(/^shprt_[0-9a-f]{32}$/),
      expiresIn: 3600,
      refreshTokenExpiresIn: 7776000,
      scope: SCOPES,
    });
    const first = await refresh(seed.refreshToken);
    expect(first.status).toBe(200);
    const r2 = str(first.body.refresh_token);
    expect(r2).not.toBe(seed.refreshToken);
    expect(first.body.access_token).not.toBe(seed.accessToken);
    // Until its replacement is used, the old refresh token still works.
    const again = await refresh(seed.refreshToken);
    expect(again.status).toBe(200);
    const r3 = str(again.body.refresh_token);
    expect((await refresh(r3)).status).toBe(200);
    const retired = await refresh(seed.refreshToken);
    expect(retired.status).toBe(400);
    expect(retired.body).toEqual(INVALID_GRANT);
    expect(sim.tokens.requests.map((q) => [q.grantType, q.outcome])).toEqual([
      ["refresh_token", "issued"],
      ["refresh_token", "issued"],
      ["refresh_token", "issued"],
      ["refresh_token", "invalid_grant"],
    ]);
  });

  it("lets the old refresh token recover a lost response", async () => {
    const seed = sim.tokens.issueExpiring();
    sim.faults.loseTokenResponses = 1;
    await expect(refresh(seed.refreshToken)).rejects.toThrow();
    expect(sim.faults.loseTokenResponses).toBe(0);
    expect(sim.tokens.requests).toEqual([{ grantType: "refresh_token", outcome: "lost" }]);

    const retry = await refresh(seed.refreshToken);
    expect(retry.status).toBe(200);
    const next = await refresh(str(retry.body.refresh_token));
    expect(next.status).toBe(200);
    expect(await adminStatus(str(next.body.access_token))).toBe(200);
    expect((await refresh(seed.refreshToken)).body).toEqual(INVALID_GRANT);
  });

  it("refuses a refresh token after its 90 days", async () => {
    const seed = sim.tokens.issueExpiring();
    advance(90 * DAY - 1000);
    const other = sim.tokens.issueExpiring();
    advance(1000);
    const r = await refresh(seed.refreshToken);
    expect(r.status).toBe(400);
    expect(r.body).toEqual(INVALID_GRANT);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it("keeps a used refresh token at most 30 days after its first use", async () => {
    const seed = sim.tokens.issueExpiring();
    expect((await refresh(seed.refreshToken)).status).toBe(200);
    advance(30 * DAY - 1000);
    expect((await refresh(seed.refreshToken)).status).toBe(200);
    advance(1000);
    expect((await refresh(seed.refreshToken)).body).toEqual(INVALID_GRANT);
  });

  it("never keeps a used refresh token beyond its own 90 days", async () => {
    const seed = sim.tokens.issueExpiring();
    advance(80 * DAY);
    expect((await refresh(seed.refreshToken)).status).toBe(200);
    advance(10 * DAY - 1000);
    expect((await refresh(seed.refreshToken)).status).toBe(200);
    advance(1000);
    expect((await refresh(seed.refreshToken)).body).toEqual(INVALID_GRANT);
  });

  it("refuses unknown refresh tokens and a missing one", async () => {
    expect((await refresh("shprt_0123456789abcdef0123456789abcdef")).body).toEqual(INVALID_GRANT);
    const missing = await tokenRequest({ ...client, grant_type: "refresh_token" });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: "invalid_request" });
  });
});

describe("Admin API with expiring tokens", () => {
  it("answers 401 with WWW-Authenticate for an expired token and 200 after a refresh", async () => {
    const seed = sim.tokens.issueExpiring();
    advance(3600 * 1000 - 1000);
    expect(await adminStatus(seed.accessToken)).toBe(200);
    const refreshed = await refresh(seed.refreshToken);
    // A refresh does not cut the previous access token short.
    expect(await adminStatus(seed.accessToken)).toBe(200);
    advance(1000);
    const expired = await gql(sim, "{ shop { name } }", {}, { token: seed.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
    expect(expired.headers.get("www-authenticate")).toBe(
      'Bearer error="invalid_token", error_description="The access token has expired"',
    );
    expect(await adminStatus(str(refreshed.body.access_token))).toBe(200);
  });

  it("says invalid, not expired, for a token it never issued", async () => {
    const r = await gql(sim, "{ shop { name } }", {}, { token: "shpat_never_issued" });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBe(
      'Bearer error="invalid_token", error_description="The access token is invalid"',
    );
  });

  it("expires every issued access token on request, in code and over HTTP", async () => {
    const a = sim.tokens.issueExpiring();
    sim.tokens.expireAccessTokens();
    expect(sim.tokens.isValidAccessToken(a.accessToken)).toBe(false);
    expect(await adminStatus(a.accessToken)).toBe(401);
    const b = sim.tokens.issueExpiring();
    expect(await adminStatus(b.accessToken)).toBe(200);
    const res = await fetch(`${sim.url}/_sim/tokens/expire`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(await adminStatus(b.accessToken)).toBe(401);
    // The non-expiring token does not expire.
    expect(await adminStatus(TEST_TOKEN)).toBe(200);
  });
});

describe("client authentication and request checks", () => {
  it("refuses a wrong client secret or client id with 401 invalid_client", async () => {
    const seed = sim.tokens.issueExpiring();
    for (const creds of [
      { client_id: API_KEY, client_secret: "wrong-secret" },
      { client_id: "another-app", client_secret: TEST_SECRET },
    ]) {
      const r = await tokenRequest({
        ...creds,
        grant_type: "refresh_token",
        refresh_token: seed.refreshToken,
      });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ error: "invalid_client", error_description: expect.any(String) });
      // Nothing secret comes back in the error.
      const text = JSON.stringify(r.body);
      expect(text).not.toContain(TEST_SECRET);
      expect(text).not.toContain(seed.refreshToken);
    }
    // The refused requests did not use the refresh token.
    expect((await refresh(seed.refreshToken)).status).toBe(200);
  });

  it("accepts any client id when no apiKey is configured, but still checks the secret", async () => {
    const open = await startTestSimulator({ now: () => clock });
    try {
      const seed = open.tokens.issueExpiring();
      const ok = await tokenRequest(
        {
          client_id: "whatever",
          client_secret: TEST_SECRET,
          grant_type: "refresh_token",
          refresh_token: seed.refreshToken,
        },
        { target: open },
      );
      expect(ok.status).toBe(200);
      const bad = await tokenRequest(
        { client_id: "whatever", client_secret: "nope", grant_type: "refresh_token" },
        { target: open },
      );
      expect(bad.status).toBe(401);
    } finally {
      await open.close();
    }
  });

  it("answers unsupported_grant_type and invalid_request", async () => {
    const unknown = await tokenRequest({ ...client, grant_type: "password" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: "unsupported_grant_type" });
    expect((await tokenRequest({ ...client })).body).toEqual({ error: "unsupported_grant_type" });
    const noSecret = await tokenRequest({ client_id: API_KEY, grant_type: "refresh_token" });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body).toEqual({ error: "invalid_request" });
    const noSubject = await tokenRequest({
      ...client,
      grant_type: EXCHANGE,
      subject_token_type: ID_TOKEN,
      requested_token_type: OFFLINE,
    });
    expect(noSubject.body).toEqual({ error: "invalid_request" });
    const res = await fetch(`${sim.url}/${sim.shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_request" });
  });

  it("serves only this shop's endpoint", async () => {
    const res = await fetch(`${sim.url}/other.myshopify.com/admin/oauth/access_token`, {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(404);
  });
});

describe("revoking", () => {
  it("revokeAll stops every token of the shop", async () => {
    const pair = sim.tokens.issueExpiring();
    sim.tokens.revokeAll();
    expect(await adminStatus(TEST_TOKEN)).toBe(401);
    expect(await adminStatus(pair.accessToken)).toBe(401);
    expect((await refresh(pair.refreshToken)).body).toEqual(INVALID_GRANT);
    expect((await migrate(TEST_TOKEN)).body).toEqual({ error: "invalid_subject_token" });
    // A new install (token exchange) works again.
    const reinstall = await exchange(sessionToken());
    expect(await adminStatus(str(reinstall.body.access_token))).toBe(200);
  });

  it("revokes over HTTP", async () => {
    const pair = sim.tokens.issueExpiring();
    const res = await fetch(`${sim.url}/_sim/tokens/revoke`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(sim.tokens.isValidAccessToken(pair.accessToken)).toBe(false);
    expect(await adminStatus(TEST_TOKEN)).toBe(401);
  });
});

describe("faults at the token endpoint", () => {
  it("answers the httpErrors fault and records it", async () => {
    const seed = sim.tokens.issueExpiring();
    sim.faults.httpErrors = { status: 503, count: 1 };
    const failed = await refresh(seed.refreshToken);
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ errors: "Service Unavailable" });
    expect((await refresh(seed.refreshToken)).status).toBe(200);
    expect(sim.tokens.requests.map((q) => q.outcome)).toEqual(["http_503", "issued"]);
  });

  it("does not lose error responses, only successful ones", async () => {
    sim.faults.loseTokenResponses = 1;
    expect((await refresh("shprt_unknown")).status).toBe(400);
    expect(sim.faults.loseTokenResponses).toBe(1);
  });

  it("sets loseTokenResponses over HTTP and validates it", async () => {
    const set = (body: unknown): Promise<Response> =>
      fetch(`${sim.url}/_sim/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const ok = await set({ loseTokenResponses: 2 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ loseTokenResponses: 2 });
    expect(sim.faults.loseTokenResponses).toBe(2);
    for (const bad of [-1, 1.5, "2", null]) {
      const r = await set({ loseTokenResponses: bad });
      expect(r.status, String(bad)).toBe(400);
    }
    expect(sim.faults.loseTokenResponses).toBe(2);
    await set({ reset: true });
    expect(sim.faults.loseTokenResponses).toBe(0);
  });
});
