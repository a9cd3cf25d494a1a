/** Reads the webhook and scopes sections of the app's shopify.app.toml, as Shopify does on deploy. */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";

export interface AppWebhookConfig {
  apiVersion: string | null;
  subscriptions: { topic: string; uri: string }[];
}

const webhookSection = z.object({
  webhooks: z
    .object({
      api_version: z.string().optional(),
      subscriptions: z
        .array(
          z.object({
            uri: z.string(),
            topics: z.array(z.string()).optional(),
            compliance_topics: z.array(z.string()).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

/** The webhook section of a shopify.app.toml: one {topic, uri} per topic (compliance ones too). */
export function webhookConfigFromToml(source: string): AppWebhookConfig {
  const { webhooks } = webhookSection.parse(parse(source));
  const subscriptions = (webhooks?.subscriptions ?? []).flatMap((sub) =>
    [...(sub.topics ?? []), ...(sub.compliance_topics ?? [])].map((topic) => ({
      topic,
      uri: sub.uri,
    })),
  );
  return { apiVersion: webhooks?.api_version ?? null, subscriptions };
}

export function readAppWebhookConfig(path: string): AppWebhookConfig | null {
  if (!existsSync(path)) return null;
  return webhookConfigFromToml(readFileSync(path, "utf8"));
}

const scopesSection = z.object({
  access_scopes: z.object({ scopes: z.string().optional() }).optional(),
});

/** The `[access_scopes] scopes` of a shopify.app.toml: what Shopify grants on install. */
export function appScopesFromToml(source: string): string | null {
  return scopesSection.parse(parse(source)).access_scopes?.scopes ?? null;
}

export function readAppScopes(path: string): string | null {
  if (!existsSync(path)) return null;
  return appScopesFromToml(readFileSync(path, "utf8"));
}
