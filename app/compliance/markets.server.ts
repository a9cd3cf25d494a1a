/**
 * The markets the compliance engine judges a shop's products for: the countries of the shop's
 * active Shopify markets (synced onto the Shop row), unless the merchant chose a list in the
 * settings (`Shop.settings.complianceMarkets`), e.g. to check Germany before opening it.
 */
import { z } from "zod";
import type { Db } from "../db.server";
import type { ShopMarket } from "../shop/install.server";

export const complianceMarketsSchema = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Use two-letter country codes, like DE"),
  )
  .max(250)
  .transform((codes) => [...new Set(codes)].sort());

const SETTINGS_KEY = "complianceMarkets";

/** Reads the stored JSON whether the driver gave text (SQLite raw) or an object (Prisma). */
const objectOf = (value: unknown): Record<string, unknown> => {
  const v: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
};

/** The countries of the shop's active markets, sorted and unique. */
export function marketCountries(markets: unknown): string[] {
  const list: unknown = typeof markets === "string" ? JSON.parse(markets) : markets;
  const countries = new Set<string>();
  if (Array.isArray(list))
    for (const m of list as Partial<ShopMarket>[]) {
      if (m.active === false) continue;
      for (const c of m.countries ?? []) if (/^[A-Z]{2}$/.test(c)) countries.add(c);
    }
  return [...countries].sort();
}

/** The merchant's chosen markets, or null when the synced markets apply. */
export function marketsOverride(settings: unknown): string[] | null {
  const parsed = complianceMarketsSchema.safeParse(objectOf(settings)[SETTINGS_KEY]);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

export async function complianceMarkets(db: Db, shop: string): Promise<string[]> {
  const row = await db.shop.findUnique({
    where: { shop },
    select: { markets: true, settings: true },
  });
  if (!row) return [];
  return marketsOverride(row.settings) ?? marketCountries(row.markets);
}

/**
 * Sets (or with null/empty, removes) the merchant's market list, keeping the other settings.
 * Answers the stored list, or field errors for the settings form.
 */
export async function saveComplianceMarkets(
  db: Db,
  shop: string,
  markets: readonly string[] | null,
): Promise<
  { ok: true; value: string[] | null } | { ok: false; fieldErrors: Record<string, string> }
> {
  const parsed = complianceMarketsSchema.safeParse(markets ?? []);
  if (!parsed.success)
    return { ok: false, fieldErrors: { markets: parsed.error.issues[0]?.message ?? "Invalid" } };
  const row = await db.shop.findUnique({ where: { shop }, select: { settings: true } });
  if (!row) return { ok: false, fieldErrors: { form: "Unknown shop" } };
  const settings = objectOf(row.settings);
  if (parsed.data.length) settings[SETTINGS_KEY] = parsed.data;
  else delete settings[SETTINGS_KEY];
  await db.shop.update({ where: { shop }, data: { settings: settings as object } });
  return { ok: true, value: parsed.data.length ? parsed.data : null };
}

/**
 * The market codes a merchant typed ("DE, FR; NL"), in order, blanks dropped; validating them is
 * `saveComplianceMarkets`'s job.
 */
export const marketCodesOf = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
