/** The simulated Shopify store: public API. */
export { startSimulator, type Simulator, type SimulatorOptions } from "./server";
export { Faults, type FaultSettings, type FaultHttpStatus } from "./faults";
export {
  signWebhook,
  type WebhookDeliveryRecord,
  type WebhookSubscription,
  type RetryPolicy,
} from "./webhooks";
export { loadAdminSchema, DEFAULT_API_VERSION } from "./schema";
export { invalidateIndex } from "./store-index";
export { webhookConfigFromToml, readAppWebhookConfig } from "./toml";
export { restProductPayload } from "./webhook-payloads";
export * from "./store";
