/**
 * The simulated store's data, shaped like the Admin GraphQL objects of API 2026-10 so that the
 * executor can resolve most fields by name. Ids are Shopify gids. Money amounts are decimal
 * strings, as Shopify returns them. Everything here is plain data: no functions, so a store can
 * be cloned, serialised and compared.
 */

import type { SimCustomData } from "./custom-data";
import type { SimFiles } from "./files";

export type Gid = string;

export interface SimShop {
  id: Gid; // gid://shopify/Shop/<n>
  name: string;
  email: string;
  myshopifyDomain: string;
  primaryDomainUrl: string;
  currencyCode: string; // ISO 4217
  ianaTimezone: string;
  planDisplayName: string; // e.g. "Basic", "Shopify", "Advanced"
  countryCode: string; // billing address country, ISO 3166-1 alpha-2
  contactEmail: string;
  locales: { locale: string; primary: boolean; published: boolean; name: string }[];
  /** Shop-owned metafields (created by `metafieldsSet`; the demo catalog has none). */
  metafields?: SimMetafield[];
}

export interface SimMoney {
  amount: string;
  currencyCode: string;
}

export interface SimMetafield {
  id: Gid; // gid://shopify/Metafield/<n>
  namespace: string;
  key: string;
  type: string; // e.g. "single_line_text_field", "json", "number_decimal"
  value: string;
  updatedAt: string;
}

export interface SimImage {
  id: Gid; // gid://shopify/MediaImage/<n>
  alt: string | null;
  url: string; // https://cdn.shopify.com/... (never fetched by the app)
  width: number;
  height: number;
}

export interface SimInventoryItem {
  id: Gid; // gid://shopify/InventoryItem/<n>
  tracked: boolean;
  unitCost: SimMoney | null;
  countryCodeOfOrigin: string | null;
  harmonizedSystemCode: string | null;
  weight: { value: number; unit: "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS" } | null;
}

export interface SimVariant {
  id: Gid; // gid://shopify/ProductVariant/<n>
  title: string;
  position: number;
  sku: string | null;
  barcode: string | null; // may be missing, malformed or carry a bad check digit: demo flaws
  price: string;
  compareAtPrice: string | null;
  selectedOptions: { name: string; value: string }[];
  inventoryItem: SimInventoryItem;
  createdAt: string;
  updatedAt: string;
}

export interface SimProduct {
  id: Gid; // gid://shopify/Product/<n>
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  descriptionHtml: string;
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  tags: string[];
  /** Shopify Standard Product Taxonomy category (gid://shopify/TaxonomyCategory/...). */
  category: { id: Gid; name: string; fullName: string } | null;
  seo: { title: string | null; description: string | null };
  options: { id: Gid; name: string; position: number; values: string[] }[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  variants: SimVariant[];
  media: SimImage[];
  metafields: SimMetafield[];
  /** Which of the seed categories generated it (home, electronics, ...). Not a Shopify field. */
  seedCategory: string;
}

export interface SimCollection {
  id: Gid; // gid://shopify/Collection/<n>
  title: string;
  handle: string;
  descriptionHtml: string;
  updatedAt: string;
  productIds: Gid[];
}

export interface SimLocation {
  id: Gid; // gid://shopify/Location/<n>
  name: string;
  countryCode: string;
  isActive: boolean;
}

export interface SimInventoryLevel {
  id: Gid; // gid://shopify/InventoryLevel/<n>?inventory_item_id=<m>
  inventoryItemId: Gid;
  locationId: Gid;
  available: number;
  onHand: number;
  updatedAt: string;
}

export interface SimMarket {
  id: Gid; // gid://shopify/Market/<n>
  name: string;
  handle: string;
  enabled: boolean;
  primary: boolean;
  currencyCode: string;
  countryCodes: string[]; // regions
}

export interface SimUtm {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
}

export interface SimVisit {
  landingPage: string | null; // full URL incl. query string with utm_* parameters
  referrerUrl: string | null;
  source: string; // e.g. "tiktok", "instagram", "google", "direct"
  occurredAt: string;
  utmParameters: SimUtm | null;
}

export interface SimOrder {
  id: Gid; // gid://shopify/Order/<n>
  name: string; // "#1001"
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  test: boolean;
  currencyCode: string;
  subtotal: string;
  totalDiscounts: string;
  total: string;
  discountCodes: string[];
  customAttributes: { key: string; value: string }[];
  /** The landing page and referrer of the order's session (REST landing_site/referring_site). */
  landingSite: string | null;
  referringSite: string | null;
  sourceName: string; // "web", "pos", ...
  customerJourney: {
    firstVisit: SimVisit | null;
    lastVisit: SimVisit | null;
    daysToConversion: number;
  } | null;
  customer: {
    id: Gid;
    email: string;
    firstName: string;
    lastName: string;
    phone: string | null;
  } | null;
  shippingCountryCode: string | null;
  lineItems: {
    id: Gid; // gid://shopify/LineItem/<n>
    title: string;
    quantity: number;
    sku: string | null;
    productId: Gid | null;
    variantId: Gid | null;
    unitPrice: string;
  }[];
}

export interface SimStore {
  shop: SimShop;
  products: SimProduct[];
  collections: SimCollection[];
  locations: SimLocation[];
  inventoryLevels: SimInventoryLevel[];
  markets: SimMarket[];
  orders: SimOrder[];
  /** Metafield/metaobject definitions and metaobjects, created by the app at run time. */
  custom?: SimCustomData;
  /** Staged uploads and files made by `fileCreate` (none in the demo catalog). */
  files?: SimFiles;
}

/** The demo shop's domain: the only shop the simulator serves by default. */
export const DEMO_SHOP_DOMAIN = "seaworthy-demo.myshopify.com";
