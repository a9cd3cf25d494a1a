/**
 * Shopify's token endpoint (`POST https://<shop>/admin/oauth/access_token`) for the two grants
 * background work needs: the refresh grant of an expiring offline token, and the token exchange
 * that turns a non-expiring offline token into an expiring pair (the migration Shopify requires
 * of public apps by 1 Jan 2027).
 *
 * Written here rather than through `@shopify/shopify-api`'s `auth.refreshToken`: that helper
 * needs the Remix app's configuration and its global fetch hook, which a BullMQ worker does not
 * load, and it folds every failure into one error, while the caller must tell a dead grant
 * (the shop has to open the app again) from a lost answer (retry with the same refresh token).
 */
import { z } from "zod";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const OFFLINE_TOKEN = "urn:shopify:params:oauth:token-type:offline-access-token";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";

export interface TokenPair {
  accessToken: string;
  scope: string | null;
  /** Null for a non-expiring token. */
  expires: Date | null;
  refreshToken: string | null;
  refreshTokenExpires: Date | null;
}

/** What went wrong, so the caller knows whether trying again can help. */
export type TokenFailureKind =
  /** The grant is dead (revoked, expired, retired, uninstalled): the merchant must open the app. */
  | "dead"
  /** The endpoint refused our request itself (wrong client id/secret, bad request): a setup bug. */
  | "refused"
  /** No usable answer (network, 5xx, 429, a cut connection): the same grant may still work. */
  | "transient";

export class TokenEndpointError extends Error {
  override name = "TokenEndpointError";
  constructor(
    message: string,
    readonly kind: TokenFailureKind,
    /** The endpoint's `error` code when it gave one (invalid_grant, invalid_client…). */
    readonly code: string | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

const answer = z.object({
  access_token: z.string().min(1),
  scope: z.string().optional(),
  expires_in: z.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().positive().optional(),
});
const errorAnswer = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});

/** Grant errors that mean this token or grant can never work again. */
const DEAD = new Set(["invalid_grant", "invalid_subject_token", "invalid_token"]);

export interface TokenEndpointOptions {
  shop: string;
  clientId: string;
  clientSecret: string;
  /** Default `https://<shop>/admin/oauth/access_token`; demo mode points at the simulator. */
  url?: string;
  fetch?: typeof fetch;
  /** Per attempt; a hung endpoint must not hold a shop's refresh lease forever. */
  timeoutMs?: number;
  now?: () => Date;
}

async function post(
  options: TokenEndpointOptions,
  grant: Record<string, string>,
): Promise<TokenPair> {
  const url = options.url ?? `https://${options.shop}/admin/oauth/access_token`;
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        client_id: options.clientId,
        client_secret: options.clientSecret,
        ...grant,
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    text = await response.text();
  } catch (error) {
    // The request may have reached Shopify and rotated the token: the caller retries with the
    // same refresh token, which Shopify keeps accepting until the new one is used.
    throw new TokenEndpointError(
      `Shopify's token endpoint for ${options.shop} could not be reached (${(error as Error).name}).`,
      "transient",
    );
  }
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): judged by status below.
  }
  if (response.ok) {
    const parsed = answer.safeParse(body);
    if (!parsed.success)
      throw new TokenEndpointError(
        `Shopify's token endpoint for ${options.shop} answered ${response.status} without a token.`,
        "transient",
        null,
        response.status,
      );
    const now = (options.now ?? (() => new Date()))().getTime();
    const at = (seconds: number | undefined) =>
      seconds === undefined ? null : new Date(now + seconds * 1000);
    return {
      accessToken: parsed.data.access_token,
      scope: parsed.data.scope ?? null,
      expires: at(parsed.data.expires_in),
      refreshToken: parsed.data.refresh_token ?? null,
      refreshTokenExpires: at(parsed.data.refresh_token_expires_in),
    };
  }
  const error = errorAnswer.safeParse(body);
  const code = error.success ? error.data.error : null;
  const words = error.success
    ? `${error.data.error}${error.data.error_description ? `: ${error.data.error_description}` : ""}`
    : `HTTP ${response.status}`;
  const kind: TokenFailureKind =
    response.status === 429 || response.status >= 500
      ? "transient"
      : code && DEAD.has(code)
        ? "dead"
        : "refused";
  throw new TokenEndpointError(
    `Shopify's token endpoint refused ${options.shop} (${words}).`,
    kind,
    code,
    response.status,
  );
}

/** The refresh grant: a new pair (Shopify rotates the refresh token on every use). */
export function refreshGrant(options: TokenEndpointOptions, refreshToken: string) {
  return post(options, { grant_type: "refresh_token", refresh_token: refreshToken });
}

/** Trades a non-expiring offline token for an expiring pair; the old token stops working. */
export function migrateGrant(options: TokenEndpointOptions, nonExpiringToken: string) {
  return post(options, {
    grant_type: TOKEN_EXCHANGE,
    subject_token: nonExpiringToken,
    subject_token_type: OFFLINE_TOKEN,
    requested_token_type: OFFLINE_TOKEN,
    expiring: "1",
  });
}

/** Trades an admin session token (a JWT) for an expiring offline pair, as the library does. */
export function exchangeSessionToken(options: TokenEndpointOptions, sessionToken: string) {
  return post(options, {
    grant_type: TOKEN_EXCHANGE,
    subject_token: sessionToken,
    subject_token_type: ID_TOKEN,
    requested_token_type: OFFLINE_TOKEN,
    expiring: "1",
  });
}
