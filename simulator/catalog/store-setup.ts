/** The shop itself, its locations and its markets: fixed set-up of a China-based exporter. */
import type { SimLocation, SimMarket, SimShop } from "../store";
import type { IdSequences } from "./ids";

export const SHOP_NAME = "Seaworthy Demo Outfitters";

export function buildShop(ids: IdSequences, shopDomain: string): SimShop {
  return {
    id: ids.shop.next(),
    name: SHOP_NAME,
    email: "owner@example.com",
    myshopifyDomain: shopDomain,
    primaryDomainUrl: `https://${shopDomain}`,
    currencyCode: "USD",
    // The team and the main warehouse are in Shenzhen; billing address is the Chinese entity.
    ianaTimezone: "Asia/Shanghai",
    planDisplayName: "Shopify",
    countryCode: "CN",
    contactEmail: "support@example.com",
    locales: [
      { locale: "en", primary: true, published: true, name: "English" },
      { locale: "de", primary: false, published: true, name: "German" },
      { locale: "fr", primary: false, published: true, name: "French" },
      { locale: "es", primary: false, published: true, name: "Spanish" },
      { locale: "ru", primary: false, published: true, name: "Russian" },
      // Translated for the team's own review, never shown to buyers.
      { locale: "zh-CN", primary: false, published: false, name: "Chinese (Simplified)" },
    ],
  };
}

export interface LocationPlan {
  location: SimLocation;
  /** Share of variants stocked here. */
  coverage: number;
}

export function buildLocations(ids: IdSequences): LocationPlan[] {
  return [
    {
      location: {
        id: ids.location.next(),
        name: "Shenzhen Warehouse",
        countryCode: "CN",
        isActive: true,
      },
      coverage: 0.92,
    },
    {
      location: {
        id: ids.location.next(),
        name: "New Jersey 3PL",
        countryCode: "US",
        isActive: true,
      },
      coverage: 0.5,
    },
    {
      location: {
        id: ids.location.next(),
        name: "Rotterdam 3PL",
        countryCode: "NL",
        isActive: true,
      },
      coverage: 0.35,
    },
  ];
}

export interface MarketPlan {
  market: SimMarket;
  /** Share of orders placed in this market. */
  orderShare: number;
}

export const EU_COUNTRIES = [
  "DE",
  "FR",
  "ES",
  "IT",
  "NL",
  "BE",
  "AT",
  "IE",
  "PL",
  "SE",
  "PT",
  "FI",
] as const;

export function buildMarkets(ids: IdSequences): MarketPlan[] {
  const market = (
    name: string,
    handle: string,
    currencyCode: string,
    countryCodes: string[],
    flags: { primary?: boolean; enabled?: boolean } = {},
  ): SimMarket => ({
    id: ids.market.next(),
    name,
    handle,
    enabled: flags.enabled ?? true,
    primary: flags.primary ?? false,
    currencyCode,
    countryCodes,
  });
  return [
    { market: market("United States", "us", "USD", ["US"], { primary: true }), orderShare: 0.5 },
    { market: market("European Union", "eu", "EUR", [...EU_COUNTRIES]), orderShare: 0.28 },
    { market: market("United Kingdom", "uk", "GBP", ["GB"]), orderShare: 0.12 },
    { market: market("Russia", "ru", "RUB", ["RU"]), orderShare: 0.1 },
    // Set up for a launch that never happened: present but switched off, so no orders.
    { market: market("Canada", "ca", "CAD", ["CA"], { enabled: false }), orderShare: 0 },
  ];
}
