/**
 * Turns what graphql-request produced for one attempt (a response, or what it threw) into
 * either data or a classified failure: which kind, whether another attempt can help, and how
 * long Shopify asked us to wait. Keeping this apart from the retry loop keeps both readable.
 */
import { ClientError } from "graphql-request";
import { z } from "zod";
import type { AdminApiErrorKind } from "./errors";
import { retryAfterMs } from "./backoff";
import { parseCostExtension, type CostExtension } from "./throttle";

export interface AttemptSuccess {
  ok: true;
  data: unknown;
  cost: CostExtension | null;
}

export interface AttemptFailure {
  ok: false;
  kind: AdminApiErrorKind;
  /** Another attempt may succeed (THROTTLED, 429, 5xx, network). */
  retryable: boolean;
  /** One line saying what went wrong, for messages and events. */
  detail: string;
  status?: number;
  errors?: unknown;
  /** From a 429's Retry-After header. */
  retryAfterMs?: number;
  cost: CostExtension | null;
  cause?: unknown;
}

export type AttemptResult = AttemptSuccess | AttemptFailure;

/** The fields used of graphql-request's rawRequest answer (its type is not exported). */
export interface RawResponse {
  status: number;
  data: unknown;
  errors?: unknown;
  extensions?: unknown;
}

const graphQLErrorsSchema = z.array(
  z.looseObject({
    message: z.string(),
    extensions: z.looseObject({ code: z.string().optional() }).optional(),
  }),
);

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const BODY_SNIPPET = 300;

function errorList(errors: unknown): z.infer<typeof graphQLErrorsSchema> {
  const list = Array.isArray(errors) ? errors : errors === undefined ? [] : [errors];
  const parsed = graphQLErrorsSchema.safeParse(list);
  // Not Shopify's shape: still report it rather than drop it.
  return parsed.success ? parsed.data : list.map((e) => ({ message: JSON.stringify(e) }));
}

/** A 2xx answer: data, THROTTLED (retryable), or other GraphQL errors (not retryable). */
export function classifyResponse(response: RawResponse): AttemptResult {
  const cost = parseCostExtension(response.extensions);
  const errors = errorList(response.errors);
  if (errors.length > 0) {
    if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
      const bucket = cost
        ? ` (requested ${cost.requestedQueryCost} points, ${cost.throttleStatus.currentlyAvailable} of ${cost.throttleStatus.maximumAvailable} available)`
        : "";
      return {
        ok: false,
        kind: "throttled",
        retryable: true,
        detail: `Shopify answered THROTTLED${bucket}`,
        status: response.status,
        errors: response.errors,
        cost,
      };
    }
    // Validation errors, ACCESS_DENIED, MAX_COST_EXCEEDED…: the same request fails the same way
    // every time. Partial data with errors is treated as a failure too: a sync must not store
    // half a record believing it whole.
    return {
      ok: false,
      kind: "graphql",
      retryable: false,
      detail: errors.map((e) => e.message).join("; "),
      status: response.status,
      errors: response.errors,
      cost,
    };
  }
  if (response.data === null || response.data === undefined) {
    return {
      ok: false,
      kind: "http",
      retryable: false,
      detail: `HTTP ${response.status} without data or errors`,
      status: response.status,
      cost,
    };
  }
  return { ok: true, data: response.data, cost };
}

function httpFailure(error: ClientError): AttemptFailure {
  const { status, headers, body } = error.response;
  const snippet = typeof body === "string" ? body.slice(0, BODY_SNIPPET) : "";
  if (status === 401 || status === 403) {
    return {
      ok: false,
      kind: "auth",
      retryable: false,
      detail:
        `HTTP ${status}: Shopify rejected the access token — the token is invalid or the app ` +
        `was uninstalled from the shop (${snippet})`,
      status,
      errors: body,
      cost: null,
    };
  }
  const failure: AttemptFailure = {
    ok: false,
    kind: status === 429 ? "throttled" : "http",
    retryable: RETRYABLE_STATUSES.has(status),
    detail:
      status === 404
        ? `HTTP 404: no Admin API here — wrong shop domain or unsupported API version (${snippet})`
        : `HTTP ${status} (${snippet})`,
    status,
    errors: body,
    cost: null,
  };
  const wait = status === 429 ? retryAfterMs(headers.get("retry-after")) : null;
  if (wait !== null) failure.retryAfterMs = wait;
  return failure;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch hides the socket error (ECONNRESET, ECONNREFUSED…) in `cause`.
  const cause: unknown = error.cause;
  const code =
    typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string"
      ? ` (${cause.code})`
      : "";
  return `${error.message}${code}`;
}

/** What graphql-request threw: a non-2xx answer, an unreadable 2xx body, or a failed fetch. */
export function classifyThrown(error: unknown): AttemptFailure {
  if (error instanceof ClientError) return httpFailure(error);
  // graphql-request throws these when a 2xx body is not a GraphQL result. The request reached
  // Shopify and may have run (a mutation!), so it is not blindly repeated.
  if (
    error instanceof SyntaxError ||
    (error instanceof Error && error.message.startsWith("Invalid execution result"))
  ) {
    return {
      ok: false,
      kind: "http",
      retryable: false,
      detail: `unreadable response body: ${error.message}`,
      cost: null,
      cause: error,
    };
  }
  return {
    ok: false,
    kind: "network",
    retryable: true,
    detail: `network error: ${describe(error)}`,
    cost: null,
    cause: error,
  };
}
