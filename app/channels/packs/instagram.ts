import {
  DOMAIN_OUTLOOK,
  DOMAIN_SRC,
  ECGT_SRC,
  TODAY,
  UNDATED,
  baseRules,
  brandRules,
  categoryFitRule,
  commerceRules,
  dataRules,
  goodsRules,
  greenClaimRule,
  gtinRules,
  heuristicRule,
  rule,
} from "./common";
import { META_COMMERCE, NOT_READ } from "./goods-sources";
import type { RulePack } from "./types";

const META_BEST =
  "Meta catalog best practices (https://developers.facebook.com/docs/marketing-api/catalog/best-practices): gtin or mpn plus brand, informative description";
const prohibited = { verdict: "prohibited", source: META_COMMERCE, checked: NOT_READ } as const;

export const INSTAGRAM: RulePack = {
  channel: "instagram",
  version: "instagram@2026-12-01.1",
  rules: [
    ...baseRules(),
    rule(
      { check: "title_length", max: 200 },
      {
        title: "Title at most 200 characters",
        severity: "blocker",
        penalty: 40,
        source: "Meta catalog product data specifications: title at most 200 characters",
        checked: NOT_READ,
      },
    ),
    rule(
      { check: "description_words", min: 30 },
      {
        title: "Description at least 30 words",
        severity: "warning",
        penalty: 5,
        source: `${META_BEST}; 30 words is a Seaworthy heuristic`,
        checked: TODAY,
      },
    ),
    heuristicRule(
      { check: "image_count", min: 3 },
      "At least 3 images",
      "warning",
      5,
      "Instagram shoppers browse visually; one photo rarely sells a lifestyle product",
    ),
    rule(
      { check: "image_main_resolution", minLong: 500, minShort: 500 },
      {
        title: "Main image at least 500×500 px",
        severity: "warning",
        penalty: 10,
        source: "Meta commerce image requirements (at least 500×500 px)",
        checked: NOT_READ,
      },
    ),
    ...gtinRules({
      missing: "warning",
      missingPenalty: 5,
      invalid: "warning",
      invalidPenalty: 10,
      source: META_BEST,
      checked: TODAY,
    }),
    ...brandRules({ severity: "warning", penalty: 10, source: META_BEST, checked: TODAY }),
    ...dataRules({
      weight: "warning",
      weightPenalty: 3,
      weightSource: "shipping rates on Meta checkout use the weight",
      customs: false,
    }),
    ...goodsRules({
      alcohol: prohibited,
      tobacco_vape: prohibited,
      weapons: prohibited,
      medicine: prohibited,
      supplements: prohibited,
      cbd: prohibited,
      sexual_wellness: prohibited,
      hazardous: prohibited,
    }),
    categoryFitRule(
      ["aa", "lb", "hb-3-2", "hg-3", "hg-11-10", "hg-15"],
      "visual lifestyle goods: fashion, bags, beauty, decor, tableware, textiles",
    ),
    rule(
      { check: "checkout_us_only" },
      {
        title: "Checkout on Instagram (US stores only)",
        severity: "warning",
        penalty: 10,
        source: `${DOMAIN_SRC}: checkout on Facebook/Instagram only for US stores`,
        checked: UNDATED,
      },
    ),
    ...commerceRules({
      fee: 0.05,
      feeSource: "Meta checkout selling fee",
      minUsd: 10,
      maxUsd: 300,
      bandReason: `Instagram sales are impulse and lifestyle purchases (${DOMAIN_OUTLOOK})`,
      minStock: 5,
    }),
    greenClaimRule(true, ECGT_SRC, UNDATED),
  ],
};
