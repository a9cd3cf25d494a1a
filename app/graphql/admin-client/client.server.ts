/**
 * The Admin GraphQL client for work outside a Remix request (sync jobs, reconciles, the CLI),
 * authenticated with a shop's offline token. Each call goes:
 *   per-shop slot (semaphore) → wait for the estimated bucket / a 429 pause → send → classify,
 * and retryable failures (THROTTLED, 429, 5xx, network) go round again with backoff.
 */
import { GraphQLClient } from "graphql-request";
import { backoffDelayMs } from "./backoff";
import {
  classifyResponse,
  classifyThrown,
  type AttemptFailure,
  type AttemptResult,
} from "./classify";
import { AdminApiRequestError, type AdminApiErrorKind } from "./errors";
import {
  DEFAULT_API_VERSION,
  DEFAULTS,
  type AdminClient,
  type AdminClientEvent,
  type AdminClientOptions,
  type AdminOperation,
} from "./options";
import { shopState, type ShopState } from "./shop-state";
import { estimateAvailable, msUntilAvailable, type CostExtension } from "./throttle";
import { abortReason, abortable, sleep } from "./wait";

/** What running out of retries means, per kind of the last failure. */
const GAVE_UP: Record<AdminApiErrorKind, string> = {
  throttled: "Shopify kept throttling the shop.",
  http: "Shopify kept failing.",
  network: "Shopify could not be reached.",
  // Never retried, listed for completeness.
  graphql: "",
  auth: "",
};

const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;

function defaultEndpoint(shop: string, apiVersion: string): string {
  // The token goes in a header to this host: refuse to build a URL for anything that is not a
  // shop domain rather than send it somewhere else. Tests and proxies pass `endpoint`.
  if (!MYSHOPIFY_DOMAIN.test(shop))
    throw new TypeError(`createAdminClient: "${shop}" is not a myshopify.com domain`);
  return `https://${shop}/admin/api/${apiVersion}/graphql.json`;
}

function combineSignals(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const { shop, accessToken } = options;
  if (!shop) throw new TypeError("createAdminClient: shop is required");
  if (!accessToken) throw new TypeError(`createAdminClient: no access token for ${shop}`);
  const tokens = typeof accessToken === "string" ? null : accessToken;
  const currentToken = () => (tokens ? tokens.current() : Promise.resolve(accessToken as string));
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const endpoint = options.endpoint ?? defaultEndpoint(shop, apiVersion);
  const maxRetries = Math.max(0, options.maxRetries ?? DEFAULTS.maxRetries);
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;

  // The token goes per request (see currentToken): it can change during the client's life.
  const graphql = new GraphQLClient(endpoint, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Return GraphQL errors with the response instead of throwing, so `extensions.cost` of a
    // THROTTLED answer is still readable; only non-2xx answers throw (ClientError).
    errorPolicy: "all",
  });

  function emit(event: AdminClientEvent): void {
    try {
      options.onEvent?.(event);
    } catch {
      // A broken logger must not fail a sync.
    }
  }

  /** Record what Shopify said about the bucket and the operation's cost. */
  function observe(state: ShopState, name: string, attempt: number, cost: CostExtension): void {
    state.throttle = { ...cost.throttleStatus, at: Date.now() };
    state.costs.set(name, cost.requestedQueryCost);
    emit({
      type: "cost",
      shop,
      operation: name,
      attempt,
      requestedQueryCost: cost.requestedQueryCost,
      actualQueryCost: cost.actualQueryCost ?? null,
      throttleStatus: cost.throttleStatus,
    });
  }

  /**
   * Wait until the request may go out: no 429 pause, and (when the operation's cost is known)
   * enough estimated points. An operation never seen before waits for a same-named attempt in
   * flight to report its cost; otherwise it becomes that learner and gets a function to call
   * when its attempt is over.
   */
  async function waitForBudget(
    state: ShopState,
    name: string,
    attempt: number,
    signal: AbortSignal | undefined,
  ): Promise<(() => void) | null> {
    for (;;) {
      const cost = state.costs.get(name);
      const learner = cost === undefined ? state.learning.get(name) : undefined;
      if (learner) {
        await abortable(learner, signal);
        continue;
      }
      const now = Date.now();
      if (state.pausedUntil > now) {
        const waitMs = state.pausedUntil - now;
        emit({ type: "throttled", shop, operation: name, attempt, waitMs, reason: "retry-after" });
        await sleep(waitMs, signal);
        continue;
      }
      if (cost !== undefined && state.throttle) {
        const waitMs = msUntilAvailable(state.throttle, cost, state.reserved, now);
        if (waitMs > 0) {
          emit({
            type: "throttled",
            shop,
            operation: name,
            attempt,
            waitMs,
            reason: "bucket",
            requestedCost: cost,
            estimatedAvailable: Math.floor(estimateAvailable(state.throttle, now) - state.reserved),
          });
          await sleep(waitMs, signal);
          continue;
        }
      }
      break;
    }
    if (state.costs.has(name)) return null;
    let done!: () => void;
    const learned = new Promise<void>((resolve) => (done = resolve));
    state.learning.set(name, learned);
    return () => {
      if (state.learning.get(name) === learned) state.learning.delete(name);
      done();
    };
  }

  async function attemptOnce(
    state: ShopState,
    operation: AdminOperation,
    variables: Record<string, unknown> | undefined,
    attempt: number,
    signal: AbortSignal | undefined,
  ): Promise<AttemptResult & { token: string }> {
    const release = await state.semaphore.acquire(concurrency, signal);
    let learned: (() => void) | null = null;
    let reservation = 0;
    try {
      learned = await waitForBudget(state, operation.name, attempt, signal);
      // Points this request is about to take, so parallel requests don't count them as free.
      reservation = state.costs.get(operation.name) ?? 0;
      state.reserved += reservation;
      let result: AttemptResult;
      const token = await currentToken();
      try {
        const response = await graphql.rawRequest<unknown>({
          query: operation.document,
          requestHeaders: { "X-Shopify-Access-Token": token },
          ...(variables ? { variables } : {}),
          ...(signal ? { signal } : {}),
        });
        result = classifyResponse(response);
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        result = classifyThrown(error);
      }
      // The new report includes this request's charge: drop the reservation in the same tick.
      state.reserved -= reservation;
      reservation = 0;
      if (result.cost) observe(state, operation.name, attempt, result.cost);
      return { ...result, token };
    } finally {
      state.reserved -= reservation;
      learned?.();
      release();
    }
  }

  /** How long to wait before retrying after `failure` on attempt number `attempt`. */
  function retryWaitMs(failure: AttemptFailure, attempt: number): number {
    const backoff = backoffDelayMs(attempt, baseDelayMs, maxDelayMs);
    if (failure.status === 429 && failure.retryAfterMs !== undefined)
      return Math.min(failure.retryAfterMs, maxRetryAfterMs);
    if (failure.kind === "throttled" && failure.cost) {
      // Shopify's rule: wait until the requested points have leaked back in.
      const { requestedQueryCost, throttleStatus: bucket } = failure.cost;
      const missing =
        Math.min(requestedQueryCost, bucket.maximumAvailable) - bucket.currentlyAvailable;
      return Math.max(backoff, Math.ceil((Math.max(0, missing) / bucket.restoreRate) * 1000));
    }
    return backoff;
  }

  /** The error a call ends with; `attempts` is set when retries ran out. */
  function failureError(
    name: string,
    failure: AttemptFailure,
    attempts: number | null,
  ): AdminApiRequestError {
    const message =
      attempts === null
        ? `${name} failed for ${shop}: ${failure.detail}. Not retried.`
        : `${name} failed for ${shop} after ${attempts} attempts; last: ${failure.detail}. ` +
          `${GAVE_UP[failure.kind]} The job can be retried later.`;
    return new AdminApiRequestError(message, {
      operation: name,
      kind: failure.kind,
      retryable: attempts !== null,
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      errors: failure.errors,
      cause: failure.cause,
    });
  }

  async function request<T>(
    operation: AdminOperation,
    variables?: Record<string, unknown>,
    requestOptions?: { signal?: AbortSignal },
  ): Promise<T> {
    const signal = combineSignals(options.signal, requestOptions?.signal);
    const state = shopState(shop);
    const attempts = maxRetries + 1;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const result = await attemptOnce(state, operation, variables, attempt, signal);
      // The caller names the result type of its operation (app/graphql/<Name>.ts), as with
      // admin.graphql; nothing here can check it at runtime.
      if (result.ok) return result.data as T;
      // An expired (or just rotated) token: renew it once and go again at once. A second 401
      // means the access itself is gone, which the token source reports in its own words.
      if (result.status === 401 && tokens && !renewed) {
        renewed = true;
        await tokens.rejected(result.token);
        continue;
      }
      if (!result.retryable) throw failureError(operation.name, result, null);
      if (attempt >= attempts) throw failureError(operation.name, result, attempts);
      const waitMs = retryWaitMs(result, attempt);
      // A 429 is about the shop, not this request: hold every client of the shop back.
      if (result.status === 429)
        state.pausedUntil = Math.max(state.pausedUntil, Date.now() + waitMs);
      emit({
        type: "retry",
        shop,
        operation: operation.name,
        attempt,
        waitMs,
        kind: result.kind,
        ...(result.status !== undefined ? { status: result.status } : {}),
        detail: result.detail,
      });
      await sleep(waitMs, signal);
    }
  }

  return {
    shop,
    request,
    get throttle() {
      const current = shopState(shop).throttle;
      return current ? { ...current } : null;
    },
  };
}
