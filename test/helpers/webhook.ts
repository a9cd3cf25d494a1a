import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

/** Shopify's official example payload for a topic (test/fixtures/webhooks/examples-2025-10). */
export function officialExample(topic: string): Record<string, unknown> {
  const file = new URL(`../fixtures/webhooks/examples-2025-10/${topic}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")).response;
}

export interface SignOptions {
  shop?: string;
  eventId?: string;
  secret?: string;
  /** Sends this body instead of the payload's JSON (after signing it), e.g. to test bad JSON. */
  rawBody?: string;
  tamper?: boolean;
}

/** A webhook request exactly as Shopify sends it: raw JSON body, base64 HMAC-SHA256, its headers. */
export function signedWebhook(topic: string, payload: unknown, options: SignOptions = {}): Request {
  const body = options.rawBody ?? JSON.stringify(payload);
  const secret = options.secret ?? process.env.SHOPIFY_API_SECRET!;
  const hmac = createHmac("sha256", secret).update(body, "utf8").digest("base64");
  const shop = options.shop ?? "test-shop.myshopify.com";
  return new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/${topic}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": options.tamper
        ? hmac.replace(/^./, (c) => (c === "A" ? "B" : "A"))
        : hmac,
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Event-Id": options.eventId ?? randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
    body,
  });
}
