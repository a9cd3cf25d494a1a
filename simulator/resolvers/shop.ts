/** The shop, its locales, markets and locations. */
import type { GraphQLResolveInfo } from "graphql";
import type { SearchFields } from "../search";
import { filterBySearch } from "../search";
import type { SimLocation, SimMarket, SimShop } from "../store";
import { entityGuard, gidLegacyId, gidNumber, makeGid } from "../util";
import { countryName, currencyName } from "./common";
import {
  argBool,
  argString,
  countOf,
  find,
  idKey,
  index,
  resolveConnection,
  typed,
  type Args,
  type ResolverMap,
  type SimContext,
} from "./context";

const isShop = entityGuard<SimShop>("Shop");
const isMarket = entityGuard<SimMarket>("Market");
const isLocation = entityGuard<SimLocation>("Location");

/** Minutes east of UTC for an IANA zone right now (Shop.timezoneOffsetMinutes). */
function offsetMinutes(timeZone: string, at: Date): number {
  try {
    const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? "");
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? "0")) : 0;
  } catch {
    return 0;
  }
}

function shopAddress(shop: SimShop): unknown {
  return {
    id: makeGid("ShopAddress", gidNumber(shop.id)),
    countryCodeV2: shop.countryCode,
    country: countryName(shop.countryCode),
    formatted: [countryName(shop.countryCode)],
    coordinatesValidated: false,
  };
}

interface RegionView {
  __typename: "MarketRegionCountry";
  id: string;
  name: string;
  code: string;
  currency: {
    currencyCode: string;
    currencyName: string;
    enabled: boolean;
    manualRate: null;
    rateUpdatedAt: null;
  };
}

function regionViews(market: SimMarket): RegionView[] {
  return market.countryCodes.map((code, i) => ({
    __typename: "MarketRegionCountry" as const,
    id: makeGid("MarketRegionCountry", gidNumber(market.id) * 1000 + i + 1),
    name: countryName(code),
    code,
    currency: {
      currencyCode: market.currencyCode,
      currencyName: currencyName(market.currencyCode),
      enabled: true,
      manualRate: null,
      rateUpdatedAt: null,
    },
  }));
}

/**
 * RegionsCondition is a value object without an id, but its `regions` connection needs the
 * market it belongs to; the view remembers it here instead of carrying a non-schema property.
 */
const conditionMarket = new WeakMap<object, SimMarket>();

function regionsCondition(market: SimMarket): object {
  const view = { applicationLevel: "SPECIFIED" };
  conditionMarket.set(view, market);
  return view;
}

const marketSearch: SearchFields<SimMarket> = {
  text: (m) => [m.name, m.handle],
  fields: {
    id: (m) => gidNumber(m.id),
    name: (m) => m.name,
    handle: (m) => m.handle,
    status: (m) => (m.enabled ? "ACTIVE" : "DRAFT"),
    market_type: () => "REGION",
  },
};

const locationSearch: SearchFields<SimLocation> = {
  text: (l) => [l.name],
  fields: {
    id: (l) => gidNumber(l.id),
    name: (l) => l.name,
    active: (l) => l.isActive,
    country: (l) => l.countryCode,
  },
};

function locationsConnection(ctx: SimContext, info: GraphQLResolveInfo, args: Args): unknown {
  const includeInactive = argBool(args, "includeInactive") === true;
  return resolveConnection(ctx, info, args, {
    items: () => ctx.store.locations.filter((l) => includeInactive || l.isActive),
    key: argString(args, "sortKey") === "ID" ? idKey : (l) => l.name.toLowerCase(),
    search: locationSearch,
  });
}

export function shopResolvers(): ResolverMap {
  return {
    QueryRoot: {
      shop: (_s, _a, ctx) => ctx.store.shop,
      shopLocales: (_s, args, ctx) =>
        ctx.store.shop.locales.filter((l) => argBool(args, "published") !== true || l.published),
      markets: (_s, args, ctx, info) => {
        const type = argString(args, "type");
        return resolveConnection(ctx, info, args, {
          // Every simulated market is a region market.
          items: () => (type === null || type === "REGION" ? ctx.store.markets : []),
          key: argString(args, "sortKey") === "ID" ? idKey : (m) => m.name.toLowerCase(),
          search: marketSearch,
        });
      },
      market: (_s, args, ctx) => find(ctx, (i) => i.markets, argString(args, "id") ?? "") ?? null,
      locations: (_s, args, ctx, info) => locationsConnection(ctx, info, args),
      location: (_s, args, ctx) => {
        const id = argString(args, "id");
        // Without an id Shopify returns the shop's primary location.
        return id === null
          ? (ctx.store.locations[0] ?? null)
          : (find(ctx, (i) => i.locations, id) ?? null);
      },
      locationsCount: (_s, args, ctx) =>
        countOf(
          filterBySearch(ctx.store.locations, argString(args, "query"), locationSearch).items
            .length,
          args,
        ),
    },
    Shop: typed("Shop", isShop, {
      url: (s) => s.primaryDomainUrl,
      primaryDomain: (s) => {
        const url = new URL(s.primaryDomainUrl);
        return {
          id: makeGid("Domain", gidNumber(s.id)),
          host: url.host,
          url: url.origin,
          sslEnabled: url.protocol === "https:",
          localization: null,
          marketWebPresence: null,
        };
      },
      plan: (s) => ({
        publicDisplayName: s.planDisplayName,
        partnerDevelopment: /develop/i.test(s.planDisplayName),
        shopifyPlus: /plus/i.test(s.planDisplayName),
      }),
      billingAddress: (s) => shopAddress(s),
      shopAddress: (s) => shopAddress(s),
      enabledPresentmentCurrencies: (s, _a, ctx) => [
        ...new Set([
          s.currencyCode,
          ...ctx.store.markets.filter((m) => m.enabled).map((m) => m.currencyCode),
        ]),
      ],
      shipsToCountries: (_s, _a, ctx) => [
        ...new Set(ctx.store.markets.filter((m) => m.enabled).flatMap((m) => m.countryCodes)),
      ],
      timezoneOffsetMinutes: (s, _a, ctx) => offsetMinutes(s.ianaTimezone, ctx.services.now()),
      timezoneOffset: (s, _a, ctx) => {
        const m = offsetMinutes(s.ianaTimezone, ctx.services.now());
        const abs = Math.abs(m);
        return `${m < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
      },
      timezoneAbbreviation: (s, _a, ctx) => {
        try {
          return (
            new Intl.DateTimeFormat("en-US", { timeZone: s.ianaTimezone, timeZoneName: "short" })
              .formatToParts(ctx.services.now())
              .find((p) => p.type === "timeZoneName")?.value ?? "UTC"
          );
        } catch {
          return "UTC";
        }
      },
      locations: (_s, args, ctx, info) => locationsConnection(ctx, info, args),
      weightUnit: () => "KILOGRAMS",
      unitSystem: () => "METRIC_SYSTEM",
      taxesIncluded: () => false,
      setupRequired: () => false,
      checkoutApiSupported: () => true,
      description: () => null,
    }),
    Market: typed("Market", isMarket, {
      status: (m) => (m.enabled ? "ACTIVE" : "DRAFT"),
      type: () => "REGION",
      conditions: (m) => ({
        conditionTypes: ["REGION"],
        regionsCondition: regionsCondition(m),
        channelsCondition: null,
        companyLocationsCondition: null,
        locationsCondition: null,
      }),
      regions: (m, args, ctx, info) =>
        resolveConnection(ctx, info, args, { items: () => regionViews(m), key: (_r, i) => i }),
      currencySettings: (m) => ({
        baseCurrency: {
          currencyCode: m.currencyCode,
          currencyName: currencyName(m.currencyCode),
          enabled: true,
          manualRate: null,
          rateUpdatedAt: null,
        },
        localCurrencies: false,
        roundingEnabled: true,
      }),
      priceInclusions: () => null,
    }),
    RegionsCondition: {
      regions: (source, args, ctx, info) => {
        const market =
          typeof source === "object" && source !== null ? conditionMarket.get(source) : undefined;
        return resolveConnection(ctx, info, args, {
          items: () => (market ? regionViews(market) : []),
          key: (_r, i) => i,
        });
      },
    },
    Location: typed("Location", isLocation, {
      address: (l) => ({
        countryCode: l.countryCode,
        country: countryName(l.countryCode),
        formatted: [countryName(l.countryCode)],
      }),
      legacyResourceId: (l) => gidLegacyId(l.id),
      fulfillsOnlineOrders: () => true,
      shipsInventory: () => true,
      hasActiveInventory: (l, _a, ctx) =>
        ctx.store.inventoryLevels.some((lvl) => lvl.locationId === l.id),
      activatable: (l) => !l.isActive,
      deactivatable: (l) => l.isActive,
      deletable: () => false,
      inventoryLevels: (l, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => ctx.store.inventoryLevels.filter((lvl) => lvl.locationId === l.id),
          key: idKey,
        }),
      inventoryLevel: (l, args, ctx) =>
        (index(ctx).levelsByItem.get(argString(args, "inventoryItemId") ?? "") ?? []).find(
          (lvl) => lvl.locationId === l.id,
        ) ?? null,
    }),
  };
}
