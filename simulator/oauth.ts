/**
 * The shop's access tokens and Shopify's token endpoint (`POST /admin/oauth/access_token`):
 * token exchange from a session token, migration of a non-expiring offline token to an expiring
 * pair, and refresh with rotating refresh tokens. Pure logic over the simulator's clock; the
 * HTTP side (body reading, faults, lost responses) lives in server.ts.
 *
 * Shopify's rules as documented ("Offline access tokens", "Migrate to expiring offline access
 * tokens", changelog Aug 2026): access tokens live 60 minutes and refresh tokens 90 days; a used
 * refresh token keeps working until its replacement is first used (so a client whose refresh
 * response got lost can retry), but at most 30 days after its own first use.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FaultHttpStatus } from "./faults";
import { isRecord } from "./util";

export const GRANT_TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const GRANT_REFRESH_TOKEN = "refresh_token";
export const TOKEN_TYPE_ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
export const TOKEN_TYPE_OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";

export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 60 * 60;
/** How long a used refresh token stays usable (while its replacement is unused) after its first use. */
export const REFRESH_REUSE_WINDOW_SECONDS = 30 * 24 * 60 * 60;
export const DEFAULT_SCOPES = "read_products,write_products";

export type TokenErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "unsupported_grant_type"
  | "invalid_subject_token"
  | "invalid_grant";

/** One token-endpoint request. `http_<status>` when the httpErrors fault answered it. */
export interface TokenRequestRecord {
  grantType: string | null;
  subjectTokenType?: string;
  outcome: "issued" | "lost" | TokenErrorCode | `http_${FaultHttpStatus}`;
}

export interface ExpiringTokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  expiresIn: number;
  /** Seconds. */
  refreshTokenExpiresIn: number;
  scope: string;
}

/** What tests and demos see as `sim.tokens`. */
export interface SimulatorTokens {
  /** Seed the shop with an expiring pair, as if an install had happened (not recorded in `requests`). */
  issueExpiring(): ExpiringTokenPair;
  /** Every issued access token expires now (the non-expiring ones are untouched). */
  expireAccessTokens(): void;
  /** Every token of the shop (non-expiring, access, refresh) stops working, as after an uninstall. */
  revokeAll(): void;
  isValidAccessToken(token: string): boolean;
  /** Every token-endpoint request, in order. */
  readonly requests: TokenRequestRecord[];
}

export type AccessTokenCheck = "valid" | "expired" | "invalid";

interface Answer {
  status: 200 | 400 | 401;
  body: Record<string, string | number>;
  /** Null when tokens were issued. */
  error: TokenErrorCode | null;
}

export interface TokenEndpointResult extends Answer {
  grantType: string | null;
  subjectTokenType?: string;
}

export interface TokenAuthorityOptions {
  shop: string;
  /** The non-expiring offline token the simulator starts with (`SimulatorOptions.accessToken`). */
  legacyToken: string;
  apiSecret: string;
  /** Null: any client_id is accepted (the secret is still checked). */
  apiKey: string | null;
  scopes: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  now: () => Date;
}

interface AccessRecord {
  expiresAt: number;
  revoked: boolean;
}

interface RefreshRecord {
  expiresAt: number;
  firstUsedAt: number | null;
  /** The refresh token whose use issued this one. */
  predecessor: string | null;
  /** The latest token issued by using this one. */
  replacement: string | null;
  /** Its replacement has been used: rotation is complete. */
  retired: boolean;
  revoked: boolean;
}

type TokenParams = Record<string, string>;

/**
 * The token request's parameters from a JSON or form-encoded body, or null when it is neither.
 * Numbers are accepted in JSON (`"expiring": 1`) since clients differ in how they send flags.
 */
export function parseTokenParams(raw: string, contentType: string | undefined): TokenParams | null {
  if (contentType?.toLowerCase().includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const params: TokenParams = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === "string") params[key] = v;
    else if (typeof v === "number" && Number.isFinite(v)) params[key] = String(v);
  }
  return params;
}

/** What `requests` records of a request besides its outcome. */
export function requestMeta(
  params: TokenParams | null,
): Pick<TokenRequestRecord, "grantType" | "subjectTokenType"> {
  const grantType = params?.grant_type ?? null;
  const subjectTokenType =
    grantType === GRANT_TOKEN_EXCHANGE ? params?.subject_token_type : undefined;
  return { grantType, ...(subjectTokenType ? { subjectTokenType } : {}) };
}

/** Constant-time string comparison (hashing first, so lengths leak nothing either). */
function safeEqual(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}

function decodeJsonPart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Checks a session token the way Shopify does before exchanging it: HS256 signed with the app's
 * secret, issued for this shop and this app, inside its validity window.
 */
export function verifySessionToken(
  jwt: string,
  expected: { secret: string; shop: string; clientId: string; nowSeconds: number },
): boolean {
  const parts = jwt.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return false;
  const [headerPart = "", payloadPart = "", signaturePart = ""] = parts;
  const header = decodeJsonPart(headerPart);
  // Only HS256: accepting "none" or another alg would let anyone forge a session token.
  if (header?.alg !== "HS256") return false;
  const signature = createHmac("sha256", expected.secret)
    .update(`${headerPart}.${payloadPart}`)
    .digest("base64url");
  if (!safeEqual(signature, signaturePart)) return false;
  const payload = decodeJsonPart(payloadPart);
  if (!payload) return false;
  const { exp, nbf, iss, dest, aud } = payload;
  return (
    typeof exp === "number" &&
    typeof nbf === "number" &&
    exp > expected.nowSeconds &&
    nbf <= expected.nowSeconds &&
    iss === `https://${expected.shop}/admin` &&
    dest === `https://${expected.shop}` &&
    aud === expected.clientId
  );
}

function error(status: 400 | 401, code: TokenErrorCode, description?: string): Answer {
  return {
    status,
    body: description ? { error: code, error_description: description } : { error: code },
    error: code,
  };
}

export class TokenAuthority implements SimulatorTokens {
  readonly requests: TokenRequestRecord[] = [];
  /** Non-expiring offline tokens: the legacy one and any issued with expiring=0. */
  private readonly nonExpiring = new Map<string, { revoked: boolean }>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();

  constructor(private readonly options: TokenAuthorityOptions) {
    this.nonExpiring.set(options.legacyToken, { revoked: false });
  }

  private nowMs(): number {
    return this.options.now().getTime();
  }

  checkAccessToken(token: string): AccessTokenCheck {
    const legacy = this.nonExpiring.get(token);
    if (legacy) return legacy.revoked ? "invalid" : "valid";
    const record = this.access.get(token);
    if (!record || record.revoked) return "invalid";
    return this.nowMs() < record.expiresAt ? "valid" : "expired";
  }

  isValidAccessToken(token: string): boolean {
    return this.checkAccessToken(token) === "valid";
  }

  issueExpiring(): ExpiringTokenPair {
    return this.issuePair(null);
  }

  expireAccessTokens(): void {
    const now = this.nowMs();
    for (const record of this.access.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  revokeAll(): void {
    for (const record of this.nonExpiring.values()) record.revoked = true;
    for (const record of this.access.values()) record.revoked = true;
    for (const record of this.refresh.values()) record.revoked = true;
  }

  /** Answers one token-endpoint request (`params` null: the body was neither JSON nor a form). */
  handleRequest(params: TokenParams | null): TokenEndpointResult {
    return { ...requestMeta(params), ...this.answer(params) };
  }

  private answer(params: TokenParams | null): Answer {
    if (!params) return error(400, "invalid_request");
    const clientId = params.client_id;
    const clientSecret = params.client_secret;
    if (!clientId || !clientSecret) return error(400, "invalid_request");
    const idOk = this.options.apiKey === null || safeEqual(clientId, this.options.apiKey);
    // Both comparisons always run so the answer time does not tell which one failed.
    const secretOk = safeEqual(clientSecret, this.options.apiSecret);
    if (!idOk || !secretOk)
      return error(
        401,
        "invalid_client",
        "Client authentication failed: unknown client or wrong secret.",
      );
    if (params.grant_type === GRANT_TOKEN_EXCHANGE) return this.exchange(params, clientId);
    if (params.grant_type === GRANT_REFRESH_TOKEN) return this.useRefreshToken(params);
    return error(400, "unsupported_grant_type");
  }

  private exchange(params: TokenParams, clientId: string): Answer {
    const { subject_token: subject, subject_token_type: subjectType } = params;
    if (!subject || !subjectType || params.requested_token_type !== TOKEN_TYPE_OFFLINE)
      return error(400, "invalid_request");
    // Absent means non-expiring, as before Shopify introduced the flag.
    const expiring = params.expiring ?? "0";
    if (expiring !== "0" && expiring !== "1") return error(400, "invalid_request");

    if (subjectType === TOKEN_TYPE_ID_TOKEN) {
      const valid = verifySessionToken(subject, {
        secret: this.options.apiSecret,
        shop: this.options.shop,
        clientId,
        nowSeconds: Math.floor(this.nowMs() / 1000),
      });
      if (!valid) return error(400, "invalid_subject_token");
      if (expiring === "1") return issued(pairBody(this.issuePair(null)));
      const token = newToken("shpat_");
      this.nonExpiring.set(token, { revoked: false });
      return issued({ access_token: token, scope: this.options.scopes });
    }

    if (subjectType === TOKEN_TYPE_OFFLINE) {
      // Migration only goes one way: to an expiring pair.
      if (expiring !== "1") return error(400, "invalid_request");
      const legacy = this.nonExpiring.get(subject);
      if (!legacy || legacy.revoked) return error(400, "invalid_subject_token");
      legacy.revoked = true;
      return issued(pairBody(this.issuePair(null)));
    }
    return error(400, "invalid_request");
  }

  private useRefreshToken(params: TokenParams): Answer {
    const token = params.refresh_token;
    if (!token) return error(400, "invalid_request");
    const record = this.refresh.get(token);
    const now = this.nowMs();
    // Descriptions never include the token: error bodies end up in client logs.
    if (!record) return error(400, "invalid_grant", "The refresh token is invalid.");
    if (record.revoked) return error(400, "invalid_grant", "The refresh token has been revoked.");
    if (record.retired)
      return error(400, "invalid_grant", "The refresh token has been replaced by a newer one.");
    if (now >= record.expiresAt)
      return error(400, "invalid_grant", "The refresh token has expired.");
    if (
      record.firstUsedAt !== null &&
      now >= record.firstUsedAt + REFRESH_REUSE_WINDOW_SECONDS * 1000
    )
      return error(400, "invalid_grant", "The refresh token can no longer be reused.");

    // First use of a replacement completes its predecessor's rotation.
    const predecessor = record.predecessor ? this.refresh.get(record.predecessor) : undefined;
    if (predecessor) predecessor.retired = true;
    record.firstUsedAt ??= now;
    const pair = this.issuePair(token);
    record.replacement = pair.refreshToken;
    return issued(pairBody(pair));
  }

  private issuePair(predecessor: string | null): ExpiringTokenPair {
    const now = this.nowMs();
    const { accessTokenTtlSeconds, refreshTokenTtlSeconds, scopes } = this.options;
    const accessToken = newToken("shpat_");
    const refreshToken = newToken("shprt_");
    this.access.set(accessToken, { expiresAt: now + accessTokenTtlSeconds * 1000, revoked: false });
    this.refresh.set(refreshToken, {
      expiresAt: now + refreshTokenTtlSeconds * 1000,
      firstUsedAt: null,
      predecessor,
      replacement: null,
      retired: false,
      revoked: false,
    });
    return {
      accessToken,
      refreshToken,
      expiresIn: accessTokenTtlSeconds,
      refreshTokenExpiresIn: refreshTokenTtlSeconds,
      scope: scopes,
    };
  }
}

function issued(body: Record<string, string | number>): Answer {
  return { status: 200, body, error: null };
}

function newToken(prefix: "shpat_" | "shprt_"): string {
  return prefix + randomBytes(16).toString("hex");
}

function pairBody(pair: ExpiringTokenPair): Record<string, string | number> {
  return {
    access_token: pair.accessToken,
    scope: pair.scope,
    expires_in: pair.expiresIn,
    refresh_token: pair.refreshToken,
    refresh_token_expires_in: pair.refreshTokenExpiresIn,
  };
}
