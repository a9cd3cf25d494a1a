/** The simulated Shopify store: public API. */
export { startSimulator, type Simulator, type SimulatorOptions } from "./server";
export { Faults, type FaultSettings, type FaultHttpStatus } from "./faults";
export {
  GRANT_REFRESH_TOKEN,
  GRANT_TOKEN_EXCHANGE,
  TOKEN_TYPE_ID_TOKEN,
  TOKEN_TYPE_OFFLINE,
  type ExpiringTokenPair,
  type SimulatorTokens,
  type TokenErrorCode,
  type TokenRequestRecord,
} from "./oauth";
export {
  signWebhook,
  type WebhookDeliveryRecord,
  type WebhookSubscription,
  type RetryPolicy,
} from "./webhooks";
export { loadAdminSchema, DEFAULT_API_VERSION } from "./schema";
export { invalidateIndex } from "./store-index";
export { webhookConfigFromToml, readAppWebhookConfig, readAppScopes } from "./toml";
export { restProductPayload } from "./webhook-payloads";
export * from "./store";
