/**
 * Webhook delivery as Shopify does it: a signed JSON POST per subscription with Shopify's
 * headers, retried on non-2xx or network errors with exponential backoff. The event id is shared
 * by every delivery and retry of one event (it is the documented de-duplication key); the
 * webhook id identifies one subscription's delivery and stays the same across its retries.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { Faults } from "./faults";
import { sleep } from "./util";

export interface WebhookSubscription {
  topic: string;
  uri: string;
}

export interface WebhookDeliveryRecord {
  topic: string;
  /** The resolved URL (or the raw uri when it could not be resolved). */
  url: string;
  /** HTTP status of this attempt; null for network errors and dropped or unresolvable deliveries. */
  status: number | null;
  ok: boolean;
  webhookId: string;
  eventId: string;
  attempt: number;
  triggeredAt: string;
  error?: string;
  /** True when the dropWebhooks fault swallowed the event. */
  dropped?: boolean;
}

export interface RetryPolicy {
  /** Total attempts per delivery, including the first. */
  attempts: number;
  /** Delay before the first retry; doubles for each further retry. */
  backoffMs: number;
  /** Per-attempt timeout (Shopify gives up after 5 s). */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, backoffMs: 500, timeoutMs: 5000 };

export interface WebhookDispatcherOptions {
  shop: string;
  apiSecret: string;
  apiVersion: string;
  appUrl: string | null;
  subscriptions: WebhookSubscription[];
  faults: Faults;
  retry: RetryPolicy;
  /** Every attempt is appended here (the simulator's public `deliveries`). */
  records: WebhookDeliveryRecord[];
}

export function signWebhook(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

/** "PRODUCTS_UPDATE" and "products/update" name the same topic. */
function normalizeTopic(topic: string): string {
  return topic.toLowerCase().replace(/\//g, "_");
}

export class WebhookDispatcher {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();

  constructor(private readonly options: WebhookDispatcherOptions) {}

  get subscriptions(): readonly WebhookSubscription[] {
    return this.options.subscriptions;
  }

  private resolveUrl(uri: string): string | null {
    if (/^https?:\/\//i.test(uri)) return uri;
    if (uri.startsWith("/") && this.options.appUrl)
      return new URL(uri, this.options.appUrl).toString();
    return null; // pubsub://, arn:, or a path without an appUrl to resolve it against
  }

  /** Deliver one event to every matching subscription; resolves when all attempts are done. */
  async send(
    topic: string,
    payload: unknown,
    opts: { eventId?: string } = {},
  ): Promise<WebhookDeliveryRecord[]> {
    const targets = this.options.subscriptions.filter(
      (s) => normalizeTopic(s.topic) === normalizeTopic(topic),
    );
    if (targets.length === 0) return [];
    const eventId = opts.eventId ?? randomUUID();
    const triggeredAt = new Date().toISOString();
    const body = JSON.stringify(payload);
    if (this.options.faults.takeDropWebhook()) {
      return targets.map((t) =>
        this.record({
          topic,
          url: t.uri,
          status: null,
          ok: false,
          webhookId: randomUUID(),
          eventId,
          attempt: 0,
          triggeredAt,
          dropped: true,
        }),
      );
    }
    const results = await Promise.all(
      targets.map((t) => this.deliver(topic, t.uri, body, eventId, triggeredAt)),
    );
    return results.flat();
  }

  /** Fire and forget (mutations); `idle()` waits for these. */
  enqueue(topic: string, payload: unknown, opts: { eventId?: string } = {}): void {
    const p = this.send(topic, payload, opts).catch(() => undefined);
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Stop retries and in-flight requests (server shutdown). */
  async close(): Promise<void> {
    this.abort.abort();
    await this.idle();
  }

  private record(r: WebhookDeliveryRecord): WebhookDeliveryRecord {
    this.options.records.push(r);
    return r;
  }

  private async deliver(
    topic: string,
    uri: string,
    body: string,
    eventId: string,
    triggeredAt: string,
  ): Promise<WebhookDeliveryRecord[]> {
    const webhookId = randomUUID();
    const url = this.resolveUrl(uri);
    if (!url) {
      return [
        this.record({
          topic,
          url: uri,
          status: null,
          ok: false,
          webhookId,
          eventId,
          attempt: 0,
          triggeredAt,
          error: "uri cannot be delivered over HTTP by the simulator (no appUrl or not http)",
        }),
      ];
    }
    const { retry } = this.options;
    const out: WebhookDeliveryRecord[] = [];
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (this.abort.signal.aborted) break;
      const headers: Record<string, string> = {
        "Content-Type": "application/json",
        "X-Shopify-Topic": topic,
        "X-Shopify-Hmac-Sha256": signWebhook(body, this.options.apiSecret),
        "X-Shopify-Shop-Domain": this.options.shop,
        "X-Shopify-API-Version": this.options.apiVersion,
        "X-Shopify-Webhook-Id": webhookId,
        "X-Shopify-Event-Id": eventId,
        "X-Shopify-Triggered-At": triggeredAt,
        "User-Agent": "Shopify-Captain-Hook",
      };
      let status: number | null = null;
      let error: string | undefined;
      try {
        const res = await fetch(url, {
          method: "POST",
          headers,
          body,
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(retry.timeoutMs)]),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined); // drain so the socket can be reused
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const ok = status !== null && status >= 200 && status < 300;
      const rec = this.record({
        topic,
        url,
        status,
        ok,
        webhookId,
        eventId,
        attempt,
        triggeredAt,
        ...(error ? { error } : {}),
      });
      out.push(rec);
      if (ok) break;
      if (attempt < retry.attempts)
        await sleep(retry.backoffMs * 2 ** (attempt - 1), this.abort.signal);
    }
    return out;
  }
}
