import type { Db } from "../db.server";
import { runOperation, type AdminGraphql } from "../graphql/client.server";
import { ShopProfile, type ShopProfileResult } from "../graphql/ShopProfile";
import { logger } from "../logger.server";

export interface ShopMarket {
  id: string;
  name: string;
  handle: string;
  active: boolean;
  currencyCode: string | null;
  countries: string[];
}

export interface ShopLocale {
  locale: string;
  name: string;
  primary: boolean;
  published: boolean;
}

type ProfilePage = (marketsAfter: string | null) => Promise<ShopProfileResult>;

/** Pages of ShopProfile through the request-bound `admin.graphql`. */
export const pagesVia =
  (graphql: AdminGraphql): ProfilePage =>
  (marketsAfter) =>
    runOperation<ShopProfileResult>(graphql, ShopProfile, { marketsAfter });

/** Reads the shop's profile, languages and every market (paging through them). */
export async function fetchShopProfile(page: ProfilePage) {
  let after: string | null = null;
  let first: ShopProfileResult | undefined;
  const markets: ShopMarket[] = [];
  do {
    const result: ShopProfileResult = await page(after);
    first ??= result;
    for (const m of result.markets.nodes) {
      markets.push({
        id: m.id,
        name: m.name,
        handle: m.handle,
        active: m.status === "ACTIVE",
        currencyCode: m.currencySettings?.baseCurrency.currencyCode ?? null,
        // A region that is not a country comes back as `{}` (the generated type leaves that out).
        countries: (m.conditions?.regionsCondition?.regions.nodes ?? []).flatMap((r) =>
          "code" in r && r.code ? [r.code] : [],
        ),
      });
    }
    after = result.markets.pageInfo.hasNextPage ? result.markets.pageInfo.endCursor : null;
  } while (after);
  const profile = first!;
  return { shop: profile.shop, locales: profile.shopLocales, markets };
}

/**
 * Called after Shopify authenticates an install (and by the demo seed): records the shop, its
 * plan, languages and markets. Re-installing clears the uninstalled mark and keeps settings.
 */
export async function recordInstall(db: Db, shop: string, graphql: AdminGraphql, scopes: string) {
  const profile = await fetchShopProfile(pagesVia(graphql));
  const primary = profile.locales.find((l) => l.primary)?.locale ?? "en";
  const data = {
    name: profile.shop.name,
    email: profile.shop.email,
    currencyCode: profile.shop.currencyCode,
    plan: profile.shop.plan.publicDisplayName,
    primaryLocale: primary,
    locales: profile.locales as object[],
    markets: profile.markets as object[],
    scopes,
    uninstalledAt: null,
  };
  await db.shop.upsert({
    where: { shop },
    create: { shop, ...data, settings: {} },
    update: data,
  });
  logger.info({ shop, op: "install", markets: profile.markets.length }, "shop profile recorded");
  return profile;
}

/** Keeps the shop's markets and languages current (the reconcile calls it; merchants add markets). */
export async function refreshShopProfile(db: Db, shop: string, page: ProfilePage) {
  const profile = await fetchShopProfile(page);
  await db.shop.updateMany({
    where: { shop },
    data: {
      name: profile.shop.name,
      currencyCode: profile.shop.currencyCode,
      plan: profile.shop.plan.publicDisplayName,
      primaryLocale: profile.locales.find((l) => l.primary)?.locale ?? "en",
      locales: profile.locales as object[],
      markets: profile.markets as object[],
    },
  });
  return profile;
}
