import {
  DOMAIN_OUTLOOK,
  DOMAIN_SECONDARY,
  DOMAIN_SRC,
  UNDATED,
  baseRules,
  brandRules,
  categoryFitRule,
  certificateRules,
  commerceRules,
  dataRules,
  goodsRules,
  gtinRules,
  heuristicRule,
  rule,
} from "./common";
import { russianGoods } from "./russia";
import type { RulePack } from "./types";

export const WILDBERRIES: RulePack = {
  channel: "wildberries",
  version: "wildberries@2026-12-01.1",
  rules: [
    ...baseRules(),
    heuristicRule(
      { check: "title_length_recommended", max: 60 },
      "Title at most 60 characters",
      "warning",
      5,
      "Wildberries card names are short (secondary seller guides cite a 60-character name); longer names get cut",
    ),
    rule(
      { check: "content_language_ru", minShare: 0.5 },
      {
        title: "Content in Russian",
        severity: "warning",
        penalty: 20,
        source: `${DOMAIN_SRC}; ${DOMAIN_OUTLOOK}: deep localisation`,
        checked: UNDATED,
      },
    ),
    heuristicRule(
      { check: "description_words", min: 30 },
      "Description at least 30 words",
      "warning",
      5,
      "Wildberries search indexes the description",
    ),
    heuristicRule(
      { check: "image_count", min: 3 },
      "At least 3 images",
      "warning",
      5,
      "fashion buyers expect front, back and detail photos",
    ),
    rule(
      { check: "image_main_resolution", minLong: 1200, minShort: 900 },
      {
        title: "Main image at least 900×1200 px",
        severity: "warning",
        penalty: 10,
        source: DOMAIN_SECONDARY,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_resolution", minLong: 1200, minShort: 900 },
      {
        title: "Other images at least 900×1200 px",
        severity: "warning",
        penalty: 3,
        source: DOMAIN_SECONDARY,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_main_aspect", minRatio: 0.72, maxRatio: 0.78, range: "3:4" },
      {
        title: "Main image 3:4",
        severity: "warning",
        penalty: 5,
        source: DOMAIN_SECONDARY,
        checked: UNDATED,
      },
    ),
    ...gtinRules({
      missing: "warning",
      missingPenalty: 2,
      invalid: "warning",
      invalidPenalty: 10,
      source:
        "Seaworthy heuristic: Wildberries can issue barcodes, but marked goods need the GTIN registered for Chestny ZNAK",
      checked: "n/a: Seaworthy heuristic",
    }),
    ...brandRules({
      severity: "warning",
      penalty: 10,
      source: `${DOMAIN_OUTLOOK}: Wildberries favours (local) brands`,
      checked: UNDATED,
    }),
    ...dataRules({
      weight: "warning",
      weightPenalty: 5,
      weightSource: "Wildberries logistics tariffs use package size and weight",
      customs: true,
    }),
    ...goodsRules(russianGoods("wildberries")),
    categoryFitRule(["aa-1", "aa-8", "aa-2"], "fashion apparel, shoes and accessories"),
    ...certificateRules(
      [
        { key: "eac_light_industry", prefixes: ["aa-1", "aa-8"], anyOf: ["EAC"] },
        {
          key: "chestny_znak_marking",
          prefixes: ["aa-1", "aa-8", "hg-15", "hb-3-2"],
          anyOf: ["CHESTNY_ZNAK"],
        },
      ],
      {
        severity: "warning",
        penalty: 10,
        source: `${DOMAIN_SECONDARY}: clothing, shoes, textiles, cosmetics need Chestny ZNAK DataMatrix marking; EAC under TR CU 017/2011`,
        checked: UNDATED,
      },
    ),
    ...commerceRules({
      fee: 0.25,
      feeSource: "Wildberries commission for apparel plus logistics",
      minUsd: 3,
      maxUsd: 150,
      bandReason: "mass-market fashion on Wildberries sells mostly under $150",
      minStock: 5,
    }),
  ],
};
