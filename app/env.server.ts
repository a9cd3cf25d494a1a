import { z } from "zod";
import { keyEnvSchema } from "./secrets/cipher.server";
import { DEFAULT_DATABASE_URL } from "./db/url";

/** The default scopes: only what the features need (see shopify.app.toml). */
export const DEFAULT_SCOPES =
  "read_products,write_products,read_inventory,read_orders,read_discounts,write_discounts," +
  "read_metaobjects,write_metaobjects,read_metaobject_definitions,write_metaobject_definitions," +
  "read_markets,read_locations,read_files,write_files";

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

interface DemoFields {
  NODE_ENV: string;
  SEAWORTHY_DEMO: boolean;
  SIMULATOR_URL?: string | undefined;
}

/** Demo mode never in production, and only with a simulated store on this machine. */
function demoRules(env: DemoFields, ctx: z.RefinementCtx) {
  if (env.SEAWORTHY_DEMO && env.NODE_ENV === "production") {
    ctx.addIssue({
      code: "custom",
      path: ["SEAWORTHY_DEMO"],
      message: "demo mode cannot run with NODE_ENV=production (it serves a simulated store)",
    });
  }
  if (env.SEAWORTHY_DEMO && !env.SIMULATOR_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["SIMULATOR_URL"],
      message: "is required in demo mode (npm run demo sets it)",
    });
  }
  if (env.SEAWORTHY_DEMO && env.SIMULATOR_URL && !isLoopback(env.SIMULATOR_URL)) {
    ctx.addIssue({
      code: "custom",
      path: ["SIMULATOR_URL"],
      message: "must point at this machine (127.0.0.1 or localhost) in demo mode",
    });
  }
}

const demoShop = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a *.myshopify.com domain")
  .default("seaworthy-demo.myshopify.com");

const demoSchema = z
  .object({
    NODE_ENV: z.string().default("development"),
    SEAWORTHY_DEMO: flag,
    DEMO_SHOP: demoShop,
    SIMULATOR_URL: z.url().optional(),
  })
  .superRefine(demoRules);

/**
 * The simulated store for background work (workers have no Shopify credentials, so this checks
 * only the demo variables, with the same rules as the app). Null outside demo mode.
 */
export function demoTarget(
  source: Record<string, string | undefined>,
): { shop: string; url: string } | null {
  const result = demoSchema.safeParse(source);
  if (!result.success)
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "env"} ${i.message}`));
  const env = result.data;
  return env.SEAWORTHY_DEMO && env.SIMULATOR_URL
    ? { shop: env.DEMO_SHOP, url: env.SIMULATOR_URL }
    : null;
}

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
        message: "must be a SQLite file: URL (file:./data/dev.sqlite) or a postgres:// URL",
      }),
    SHOPIFY_API_KEY: z
      .string()
      .min(1, "is required (the app's client id from the Partner Dashboard)"),
    SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
    SHOPIFY_APP_URL: z.url({ message: "must be the public https URL the app is served from" }),
    SCOPES: z.string().default(DEFAULT_SCOPES),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    /** Seals tokens at rest (AES-256-GCM); previous keys still open what they sealed. */
    SEAWORTHY_ENCRYPTION_KEY: z.string({
      message: "is required: 32 random bytes, base64 (`openssl rand -base64 32`)",
    }),
    SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS: z.string().optional(),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    /** Demo mode: the app talks to the built-in simulated store instead of Shopify. */
    SEAWORTHY_DEMO: flag,
    DEMO_SHOP: demoShop,
    SIMULATOR_URL: z.url().optional(),
  })
  .superRefine(demoRules)
  .superRefine((env, ctx) => {
    const keys = keyEnvSchema.safeParse(env);
    for (const issue of keys.success ? [] : keys.error.issues)
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

export type Env = z.infer<typeof schema>;

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example and the README's Configuration section.`,
    );
    this.name = "EnvError";
  }
}

/** Parses an environment; throws EnvError naming every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "env"} ${i.message}`));
}

let cached: Env | undefined;
/** The process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
