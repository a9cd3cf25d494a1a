import type { Db } from "../db.server";
import type { ShopLocale, ShopMarket } from "./install.server";

/**
 * The shop's install record as the admin pages show it (name, plan, currency, markets, languages,
 * granted scopes, install date); null before the first install finished.
 */
export async function shopRecord(db: Db, shop: string) {
  const row = await db.shop.findUnique({
    where: { shop },
    select: {
      name: true,
      plan: true,
      currencyCode: true,
      markets: true,
      locales: true,
      scopes: true,
      installedAt: true,
      settings: true,
    },
  });
  if (!row) return null;
  return {
    name: row.name,
    plan: row.plan,
    currencyCode: row.currencyCode,
    markets: row.markets as unknown as ShopMarket[],
    locales: row.locales as unknown as ShopLocale[],
    scopes: row.scopes.split(",").filter(Boolean),
    installedAt: row.installedAt,
    /** The merchant's language choice, when set (read through shop/settings.server.ts too). */
    language: (row.settings as { language?: string } | null)?.language,
  };
}
