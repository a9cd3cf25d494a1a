/** The client's options and events, and their defaults. */
import type { AdminApiErrorKind } from "./errors";
import type { ThrottleState } from "./throttle";

/** The Admin API version this client speaks unless told otherwise (matches app/shopify.server.ts). */
export const DEFAULT_API_VERSION = "2026-10";

export const DEFAULTS = {
  maxRetries: 6,
  baseDelayMs: 500,
  /** Backoff cap: past this, waiting longer only delays the job without helping Shopify. */
  maxDelayMs: 30_000,
  /** Shopify's Retry-After is a few seconds; a minute is the most a job should sit on one. */
  maxRetryAfterMs: 60_000,
  /** Shopify allows more, but every request drains the same per-shop bucket. */
  concurrency: 2,
} as const;

export interface AccessTokenSource {
  /** A token valid for a while yet. */
  current(): Promise<string>;
  /** Shopify refused `token`: a renewed one (throws when the shop's access has ended). */
  rejected(token: string): Promise<string>;
}

export interface AdminClientOptions {
  /** The shop's myshopify domain, e.g. `example.myshopify.com`. */
  shop: string;
  /**
   * The shop's offline access token, or a source that renews it: asked before every attempt (so
   * a long sync outlives a 60-minute token) and, once per call, after Shopify answers 401.
   */
  accessToken: string | AccessTokenSource;
  /** Default DEFAULT_API_VERSION. */
  apiVersion?: string;
  /** Default `https://<shop>/admin/api/<apiVersion>/graphql.json` (tests pass the simulator's). */
  endpoint?: string;
  /** Handed to graphql-request; default the global fetch. */
  fetch?: typeof fetch;
  /** Retries after the first attempt; default 6. */
  maxRetries?: number;
  /** First backoff step in ms, doubled per retry, with jitter; default 500. */
  baseDelayMs?: number;
  /** Backoff cap in ms; default 30 000. */
  maxDelayMs?: number;
  /** Cap on a 429's Retry-After wait in ms; default 60 000. */
  maxRetryAfterMs?: number;
  /** This client's limit of in-flight requests for the shop (shared per shop); default 2. */
  concurrency?: number;
  /** Cancels waits and in-flight requests of every call made with this client. */
  signal?: AbortSignal;
  /** For logs and metrics. A throwing listener is ignored. */
  onEvent?: (event: AdminClientEvent) => void;
}

interface EventBase {
  shop: string;
  operation: string;
  /** 1 for the first attempt of a call. */
  attempt: number;
}

/** An attempt failed with a retryable error; the next one starts after `waitMs`. */
export interface RetryEvent extends EventBase {
  type: "retry";
  waitMs: number;
  kind: AdminApiErrorKind;
  status?: number;
  detail: string;
}

/**
 * The client holds a request back before sending it: the estimated bucket cannot cover the
 * operation's last requested cost ("bucket"), or a 429 paused the shop ("retry-after").
 */
export interface ThrottledEvent extends EventBase {
  type: "throttled";
  waitMs: number;
  reason: "bucket" | "retry-after";
  requestedCost?: number;
  estimatedAvailable?: number;
}

/** Shopify reported the cost of an attempt. */
export interface CostEvent extends EventBase {
  type: "cost";
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: Omit<ThrottleState, "at">;
}

export type AdminClientEvent = RetryEvent | ThrottledEvent | CostEvent;

/** A GraphQL operation as kept in app/graphql/<Name>.ts. */
export interface AdminOperation {
  name: string;
  document: string;
}

export interface AdminRequestOptions {
  /** Cancels this call only (the client's own signal still applies). */
  signal?: AbortSignal;
}

export interface AdminClient {
  readonly shop: string;
  /** Runs the operation (with retries) and returns its `data`; throws AdminApiRequestError. */
  request<T>(
    operation: AdminOperation,
    variables?: Record<string, unknown>,
    options?: AdminRequestOptions,
  ): Promise<T>;
  /** The shop's bucket as last reported by Shopify (shared by the shop's clients); null before any answer. */
  readonly throttle: ThrottleState | null;
}
