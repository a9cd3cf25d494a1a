/**
 * Where the demo orders come from: creators with their codes and referral ids, paid search,
 * the newsletter, and direct traffic. The app's creator-campaign features attribute orders from
 * exactly these signals (UTM landing pages, referrers, discount codes, the sw_ref attribute).
 */
import type { SeedCategory } from "./categories";

export interface Creator {
  handle: string;
  platform: "tiktok" | "instagram";
  code: string;
  percent: number;
  /** Value of the `sw_ref` cart attribute the app's creator links add. */
  ref: string;
  focus: SeedCategory;
  campaign: string;
}

export const CREATORS: readonly Creator[] = [
  {
    handle: "luna.rides",
    platform: "tiktok",
    code: "TIKTOK-LUNA15",
    percent: 15,
    ref: "cr_luna",
    focus: "winter_sports",
    campaign: "winter_drop_2026",
  },
  {
    handle: "maya.makes.home",
    platform: "instagram",
    code: "IG-MAYA10",
    percent: 10,
    ref: "cr_maya",
    focus: "home",
    campaign: "cozy_season_2026",
  },
  {
    handle: "kai.unboxes",
    platform: "tiktok",
    code: "TIKTOK-KAI12",
    percent: 12,
    ref: "cr_kai",
    focus: "electronics",
    campaign: "gadget_week",
  },
  {
    handle: "sofia.glow",
    platform: "instagram",
    code: "IG-SOFIA15",
    percent: 15,
    ref: "cr_sofia",
    focus: "beauty",
    campaign: "glass_skin_routine",
  },
  {
    handle: "dima.garage",
    platform: "tiktok",
    code: "TIKTOK-DIMA10",
    percent: 10,
    ref: "cr_dima",
    focus: "auto_parts",
    campaign: "winter_car_prep",
  },
  {
    handle: "lea.alpin",
    platform: "instagram",
    code: "IG-LEA10",
    percent: 10,
    ref: "cr_lea",
    focus: "winter_sports",
    campaign: "winter_drop_2026",
  },
];

/** Store-wide codes anyone can use. */
export const STORE_CODES: readonly { code: string; percent: number }[] = [
  { code: "WELCOME10", percent: 10 },
  { code: "BFCM-EARLY20", percent: 20 },
];

export type Channel = "creator" | "social" | "google" | "newsletter" | "direct";

/** Mix of last-click channels across web orders. */
export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ["creator", 34],
  ["social", 12],
  ["google", 20],
  ["newsletter", 10],
  ["direct", 24],
];

export const REFERRERS = {
  tiktok: "https://www.tiktok.com/",
  instagram: "https://l.instagram.com/",
  google: "https://www.google.com/",
} as const;

export const GOOGLE_CAMPAIGNS = [
  "brand_search",
  "shopping_pmax_us",
  "shopping_pmax_eu",
  "winter_generic",
] as const;
export const NEWSLETTER_CAMPAIGNS = [
  "welcome_series",
  "october_restock",
  "black_friday_early_access",
] as const;
export const SOCIAL_CAMPAIGNS = ["brand_reels", "fall_lookbook", "behind_the_factory"] as const;
