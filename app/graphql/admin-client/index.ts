/** Admin GraphQL client for background work (offline token, retries, cost-aware throttling). */
export { createAdminClient } from "./client.server";
export { AdminApiRequestError, type AdminApiErrorKind } from "./errors";
export {
  DEFAULT_API_VERSION,
  type AdminClient,
  type AdminClientEvent,
  type AdminClientOptions,
  type AdminOperation,
  type AdminRequestOptions,
  type CostEvent,
  type RetryEvent,
  type ThrottledEvent,
} from "./options";
export { resetShopState } from "./shop-state";
export type { ThrottleState } from "./throttle";
