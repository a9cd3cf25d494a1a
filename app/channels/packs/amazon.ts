import {
  DOMAIN_OUTLOOK,
  DOMAIN_SECONDARY,
  DOMAIN_SRC,
  NOT_APPLICABLE,
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
  heuristic,
  heuristicRule,
  rule,
  velocityRule,
} from "./common";
import { AMAZON_DRUGS, AMAZON_RESTRICTED, NOT_READ } from "./goods-sources";
import { ELECTRICAL } from "./groups";
import type { RulePack } from "./types";

const TITLE_UK =
  "Amazon Seller Central, Product title requirements and guidelines (https://sellercentral-europe.amazon.com/help/hub/reference/external/201100890)";
const TITLE_US =
  "Amazon Seller Central, Product title requirements (https://sellercentral.amazon.com/gp/help/external/help.html?itemID=YTR6SYGFA5E3EQC)";

export const AMAZON: RulePack = {
  channel: "amazon",
  version: "amazon@2026-12-01.1",
  rules: [
    ...baseRules(),
    rule(
      { check: "title_length", max: 200 },
      {
        title: "Title at most 200 characters",
        severity: "blocker",
        penalty: 40,
        source: TITLE_UK,
        checked: TODAY,
      },
    ),
    rule(
      { check: "title_length_recommended", max: 80 },
      {
        title: "Title under 80 characters (recommended)",
        severity: "warning",
        penalty: 3,
        source: TITLE_US,
        checked: TODAY,
      },
    ),
    rule(
      { check: "title_banned_chars", chars: "!$?_{}^¬¦" },
      {
        title: "No banned characters in the title",
        severity: "blocker",
        penalty: 40,
        source: TITLE_UK,
        checked: TODAY,
      },
    ),
    rule(
      { check: "title_promotional" },
      {
        title: "No promotional phrases in the title",
        severity: "warning",
        penalty: 10,
        source: `${TITLE_UK}; phrase list is a Seaworthy heuristic`,
        checked: TODAY,
      },
    ),
    rule(
      { check: "title_word_repeat", maxRepeats: 2 },
      {
        title: "No word more than twice in the title",
        severity: "warning",
        penalty: 5,
        source: `${DOMAIN_SECONDARY} (2025 policy; also https://forestleopard.com/knowledgedetail/Amazon-US-announcement--the-ne, secondary)`,
        checked: TODAY,
      },
    ),
    heuristicRule(
      { check: "description_words", min: 50 },
      "Description at least 50 words",
      "warning",
      5,
      "bullet points and description under 50 words rarely answer the questions buyers ask",
    ),
    heuristicRule(
      { check: "image_count", min: 3 },
      "At least 3 images",
      "warning",
      5,
      "listings with several angles convert better; Amazon allows up to 9",
    ),
    rule(
      { check: "image_count_max", max: 9 },
      {
        title: "At most 9 images shown",
        severity: "info",
        penalty: 0,
        source: DOMAIN_SECONDARY,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_main_resolution", minLong: 1000, minShort: 0 },
      {
        title: "Main image at least 1000 px (zoom)",
        severity: "warning",
        penalty: 10,
        source: DOMAIN_SECONDARY,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_resolution", minLong: 1000, minShort: 0 },
      {
        title: "Other images at least 1000 px",
        severity: "warning",
        penalty: 3,
        source: DOMAIN_SECONDARY,
        checked: UNDATED,
      },
    ),
    ...gtinRules({
      missing: "warning",
      missingPenalty: 15,
      invalid: "blocker",
      invalidPenalty: 40,
      source: `${DOMAIN_SRC}: GTIN or brand mismatch gives listing errors 8566/8572 (GTIN exemption possible)`,
      checked: UNDATED,
    }),
    ...brandRules({
      severity: "warning",
      penalty: 20,
      source: `${DOMAIN_OUTLOOK}: traffic goes to brand-registered products`,
      checked: UNDATED,
    }),
    ...dataRules({
      weight: "warning",
      weightPenalty: 5,
      weightSource: "FBA and shipping templates need the item weight",
      customs: true,
    }),
    ...goodsRules({
      alcohol: { verdict: "restricted", source: AMAZON_RESTRICTED, checked: TODAY },
      tobacco_vape: {
        verdict: "prohibited",
        source: `Amazon Seller Central, Tobacco & tobacco-related products (e-cigarettes and vapes not allowed); ${AMAZON_RESTRICTED}`,
        checked: NOT_READ,
      },
      weapons: { verdict: "restricted", source: AMAZON_RESTRICTED, checked: TODAY },
      medicine: { verdict: "restricted", source: AMAZON_DRUGS, checked: TODAY },
      supplements: { verdict: "restricted", source: AMAZON_RESTRICTED, checked: TODAY },
      cbd: {
        verdict: "prohibited",
        source:
          "Amazon Seller Central, Drugs & drug paraphernalia: products containing CBD are prohibited",
        checked: NOT_READ,
      },
      sexual_wellness: {
        verdict: "restricted",
        source: "Amazon Seller Central, Sexual wellness products (restricted)",
        checked: NOT_READ,
      },
      lithium_battery: {
        verdict: "restricted",
        source: `${AMAZON_RESTRICTED} (Hazardous & dangerous items: lithium batteries need a dangerous-goods review)`,
        checked: TODAY,
      },
      hazardous: { verdict: "restricted", source: AMAZON_RESTRICTED, checked: TODAY },
    }),
    categoryFitRule(["hg", "el", "aa", "hb-3"], "home, electronics, apparel and beauty"),
    ...certificateRules(
      [
        { key: "ul_ce_electrical", prefixes: ELECTRICAL, anyOf: ["UL", "CE"] },
        { key: "cpc_toys", prefixes: ["tg"], anyOf: ["CPC"], markets: "us" },
      ],
      {
        severity: "warning",
        penalty: 15,
        source: `${DOMAIN_OUTLOOK}: home and electronics need UL/CE; CPSIA Children's Product Certificate for toys (DOMAIN.md §3)`,
        checked: UNDATED,
      },
    ),
    ...commerceRules({
      fee: 0.15,
      feeSource: "Amazon referral fee in most categories",
      minUsd: 10,
      maxUsd: 500,
      bandReason:
        "under $10 the referral and FBA fees leave nothing; over $500 buyers expect brand-registered, reviewed listings",
      minStock: 20,
    }),
    rule(
      { check: "rating_low", min: 4 },
      {
        title: "Rating at least 4.0",
        severity: "warning",
        penalty: 10,
        source: `${DOMAIN_OUTLOOK}: traffic goes to high-rating products; the 4.0 line is a Seaworthy heuristic`,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "rating_count_low", min: 15 },
      {
        title: "At least 15 ratings",
        severity: "warning",
        penalty: 3,
        source: heuristic(
          "a handful of reviews does not yet carry an Amazon listing (Vine exists to close that gap)",
        ),
        checked: NOT_APPLICABLE,
      },
    ),
    velocityRule(),
    greenClaimRule(
      false,
      `${DOMAIN_OUTLOOK}: energy-saving/eco claims must be backed; ECGT applies to EU sales`,
      UNDATED,
    ),
  ],
};
