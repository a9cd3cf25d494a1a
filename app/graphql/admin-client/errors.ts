/**
 * The one error type the Admin client throws (besides the AbortSignal's reason when a caller
 * cancels). Jobs decide what to do from `kind` and `retryable` instead of parsing messages:
 * `retryable` means "the same call can succeed later" (re-queue the job), not "retry now" — the
 * client has already retried as much as it was allowed to.
 */

export type AdminApiErrorKind =
  /** The response carried GraphQL errors (validation, access denied, cost limit…). */
  | "graphql"
  /** An HTTP status the client does not retry (400, 402, 404, 423…) or one it gave up on (5xx). */
  | "http"
  /** fetch rejected (connection refused/reset, DNS, TLS) and retries ran out. */
  | "network"
  /** Shopify kept answering THROTTLED or 429 until retries ran out. */
  | "throttled"
  /** 401/403: the token is invalid or the app was uninstalled. Never retried. */
  | "auth";

export interface AdminApiRequestErrorInit {
  operation: string;
  kind: AdminApiErrorKind;
  retryable: boolean;
  status?: number;
  errors?: unknown;
  cause?: unknown;
}

export class AdminApiRequestError extends Error {
  override name = "AdminApiRequestError";
  readonly operation: string;
  readonly kind: AdminApiErrorKind;
  readonly status?: number;
  readonly retryable: boolean;
  /** The GraphQL `errors` array, or the response body of an HTTP failure. */
  readonly errors?: unknown;

  constructor(message: string, init: AdminApiRequestErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.operation = init.operation;
    this.kind = init.kind;
    this.retryable = init.retryable;
    if (init.status !== undefined) this.status = init.status;
    if (init.errors !== undefined) this.errors = init.errors;
  }
}
