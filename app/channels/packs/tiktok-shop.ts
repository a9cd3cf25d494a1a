import {
  DOMAIN_OUTLOOK,
  DOMAIN_SECONDARY,
  DOMAIN_SRC,
  ECGT_SRC,
  TIKTOK_STYLE_IMAGE_ASPECT,
  TODAY,
  UNDATED,
  baseRules,
  brandRules,
  categoryFitRule,
  certificateRules,
  commerceRules,
  dataRules,
  goodsRules,
  greenClaimRule,
  gtinRules,
  heuristicRule,
  rule,
} from "./common";
import { NOT_READ, TIKTOK_PROHIBITED, TIKTOK_RESTRICTED, TIKTOK_SECONDARY } from "./goods-sources";
import { ELECTRICAL } from "./groups";
import type { RulePack } from "./types";

export const TIKTOK_SHOP: RulePack = {
  channel: "tiktok_shop",
  version: "tiktok_shop@2026-12-01.1",
  rules: [
    ...baseRules(),
    rule(
      { check: "title_length", max: 255 },
      {
        title: "Product name within 255 characters",
        severity: "blocker",
        penalty: 40,
        source: `${DOMAIN_SRC} ("under 255 characters", read as at most 255)`,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "description_words", min: 30 },
      {
        title: "Description at least 30 words",
        severity: "warning",
        penalty: 10,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_count", min: 5 },
      {
        title: "At least 5 images",
        severity: "warning",
        penalty: 5,
        source: DOMAIN_SECONDARY,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_count_max", max: 9 },
      {
        title: "At most 9 images",
        severity: "info",
        penalty: 0,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_main_resolution", minLong: 600, minShort: 600 },
      {
        title: "Main image at least 600×600 px",
        severity: "blocker",
        penalty: 30,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_resolution", minLong: 600, minShort: 600 },
      {
        title: "Other images at least 600×600 px",
        severity: "warning",
        penalty: 5,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_main_aspect", ...TIKTOK_STYLE_IMAGE_ASPECT },
      {
        title: "Main image aspect between 3:4 and 4:3",
        severity: "warning",
        penalty: 10,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    ...gtinRules({
      missing: "warning",
      missingPenalty: 2,
      invalid: "warning",
      invalidPenalty: 10,
      source:
        "Seaworthy heuristic: TikTok Shop accepts listings without GTIN but matches and ranks better with one",
      checked: "n/a: Seaworthy heuristic",
    }),
    ...brandRules({
      severity: "warning",
      penalty: 5,
      source:
        "Seaworthy heuristic: a real brand is needed for brand qualification and creator trust",
      checked: "n/a: Seaworthy heuristic",
    }),
    ...dataRules({
      weight: "warning",
      weightPenalty: 15,
      weightSource: "TikTok Shop asks for package weight to buy shipping labels",
      customs: true,
    }),
    ...goodsRules({
      alcohol: { verdict: "prohibited", source: TIKTOK_PROHIBITED, checked: TODAY },
      tobacco_vape: { verdict: "prohibited", source: TIKTOK_SECONDARY, checked: TODAY },
      weapons: {
        verdict: "prohibited",
        source: `${TIKTOK_PROHIBITED}; knives and blades per ${TIKTOK_SECONDARY}`,
        checked: TODAY,
      },
      medicine: { verdict: "prohibited", source: TIKTOK_PROHIBITED, checked: TODAY },
      supplements: { verdict: "restricted", source: TIKTOK_RESTRICTED, checked: NOT_READ },
      cbd: { verdict: "prohibited", source: TIKTOK_PROHIBITED, checked: TODAY },
      sexual_wellness: { verdict: "prohibited", source: TIKTOK_SECONDARY, checked: TODAY },
      lithium_battery: { verdict: "restricted", source: TIKTOK_RESTRICTED, checked: NOT_READ },
      hazardous: {
        verdict: "prohibited",
        source:
          "TikTok Shop Prohibited Products Policy: dangerous goods (secondary: https://staging.polici.net/topics/prohibited-products)",
        checked: TODAY,
      },
    }),
    categoryFitRule(
      ["hb-3-2", "hb-3-10", "tg-5", "aa-2", "aa-5", "aa-6", "hg-3", "hg-10-16", "hg-11-10"],
      "beauty, novelty toys, fashion accessories and small home goods",
    ),
    ...certificateRules(
      [
        { key: "ce_ukca_toys", prefixes: ["tg"], anyOf: ["CE", "UKCA"], markets: "eu_uk" },
        {
          key: "ce_ukca_electrical",
          prefixes: ELECTRICAL,
          anyOf: ["CE", "UKCA"],
          markets: "eu_uk",
        },
        { key: "cpnp_cosmetics", prefixes: ["hb-3-2"], anyOf: ["CPNP", "SCPN"], markets: "eu_uk" },
      ],
      {
        severity: "warning",
        penalty: 15,
        source: `${DOMAIN_SRC}: UK/EU need certificates for toys, electrical goods, cosmetics, PPE`,
        checked: UNDATED,
      },
    ),
    ...commerceRules({
      fee: 0.08,
      feeSource: "TikTok Shop referral fee",
      minUsd: 5,
      maxUsd: 60,
      bandReason: `hits are impulse buys from short videos and live streams (${DOMAIN_OUTLOOK}); above $60 conversion drops`,
      minStock: 5,
    }),
    heuristicRule(
      { check: "rating_low", min: 4 },
      "Rating at least 4.0",
      "warning",
      5,
      "creators avoid promoting poorly rated products",
    ),
    greenClaimRule(true, ECGT_SRC, UNDATED),
  ],
};
