import {
  DOMAIN_OUTLOOK,
  ECGT_SRC,
  UNDATED,
  baseRules,
  brandRules,
  commerceRules,
  dataRules,
  goodsRules,
  greenClaimRule,
  gtinRules,
  heuristicRule,
  rule,
} from "./common";
import { NOT_READ, SHOPIFY_RESTRICTED } from "./goods-sources";
import type { RulePack } from "./types";

const restricted = {
  verdict: "restricted",
  source: SHOPIFY_RESTRICTED,
  checked: NOT_READ,
} as const;

export const ONLINE_STORE: RulePack = {
  channel: "online_store",
  version: "online_store@2026-12-01.1",
  rules: [
    ...baseRules(),
    rule(
      { check: "title_length", max: 255 },
      {
        title: "Title at most 255 characters",
        severity: "blocker",
        penalty: 40,
        source: "Shopify Admin: product title limit of 255 characters",
        checked: NOT_READ,
      },
    ),
    heuristicRule(
      { check: "title_length_recommended", max: 70 },
      "Title under 70 characters (search snippets)",
      "warning",
      2,
      "search engines cut page titles at about 60–70 characters",
    ),
    heuristicRule(
      { check: "description_words", min: 50 },
      "Description at least 50 words (brand story)",
      "warning",
      10,
      "an independent store wins on brand content (DOMAIN.md §1); under 50 words tells no story",
    ),
    heuristicRule(
      { check: "image_count", min: 3 },
      "At least 3 images",
      "warning",
      5,
      "a product page with one photo converts poorly",
    ),
    heuristicRule(
      { check: "image_main_resolution", minLong: 800, minShort: 0 },
      "Main image at least 800 px",
      "warning",
      5,
      "themes show the main image at up to 800–1000 px; smaller looks blurred",
    ),
    ...gtinRules({
      missing: "warning",
      missingPenalty: 3,
      invalid: "warning",
      invalidPenalty: 10,
      source:
        "Seaworthy heuristic: Google and Meta shopping feeds built from the store expect valid GTINs",
      checked: "n/a: Seaworthy heuristic",
    }),
    ...brandRules({
      severity: "warning",
      penalty: 20,
      source: `${DOMAIN_OUTLOOK}: the edge of an independent store is brand content and owned traffic`,
      checked: UNDATED,
    }),
    ...dataRules({
      weight: "warning",
      weightPenalty: 5,
      weightSource: "checkout shipping rates are calculated from weight",
      customs: true,
    }),
    ...goodsRules(
      {
        alcohol: restricted,
        tobacco_vape: restricted,
        weapons: restricted,
        medicine: restricted,
        cbd: restricted,
        hazardous: restricted,
      },
      10,
    ),
    ...commerceRules({
      fee: 0.03,
      feeSource: "card processing on Shopify Payments",
      minUsd: 10,
      maxUsd: 5000,
      bandReason: "under $10 an order rarely covers cross-border shipping and paid traffic",
      minStock: 5,
    }),
    greenClaimRule(true, ECGT_SRC, UNDATED),
  ],
};
