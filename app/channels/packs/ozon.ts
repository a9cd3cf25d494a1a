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
import { ELECTRICAL } from "./groups";
import { russianGoods } from "./russia";
import type { RulePack } from "./types";

export const OZON: RulePack = {
  channel: "ozon",
  version: "ozon@2026-12-01.1",
  rules: [
    ...baseRules(),
    heuristicRule(
      { check: "title_length", max: 200 },
      "Title at most 200 characters",
      "warning",
      5,
      "Ozon moderation shortens or rejects very long names; 200 is a safe ceiling",
    ),
    rule(
      { check: "content_language_ru", minShare: 0.5 },
      {
        title: "Content in Russian",
        severity: "warning",
        penalty: 20,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    heuristicRule(
      { check: "description_words", min: 30 },
      "Description at least 30 words",
      "warning",
      5,
      "Ozon search indexes the description; a few words barely rank",
    ),
    heuristicRule(
      { check: "image_count", min: 3 },
      "At least 3 images",
      "warning",
      5,
      "Ozon allows 1 main + 29 extra photos; fewer than 3 looks unfinished",
    ),
    rule(
      { check: "image_count_max", max: 30 },
      {
        title: "At most 30 images",
        severity: "info",
        penalty: 0,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_main_aspect", minRatio: 0.72, maxRatio: 0.78, range: "3:4" },
      {
        title: "Main image 3:4 (recommended)",
        severity: "info",
        penalty: 0,
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
        "Seaworthy heuristic: Ozon can issue its own barcodes, but a valid GTIN avoids duplicate cards",
      checked: "n/a: Seaworthy heuristic",
    }),
    ...brandRules({
      severity: "warning",
      penalty: 5,
      source: `${DOMAIN_SRC}: protected brands need authorisation documents; a placeholder brand cannot be authorised`,
      checked: UNDATED,
    }),
    ...dataRules({
      weight: "warning",
      weightPenalty: 10,
      weightSource: "Ozon logistics fees are computed from weight and dimensions",
      customs: true,
    }),
    ...goodsRules(russianGoods("ozon")),
    categoryFitRule(
      ["el", "hg-11-7", "hg-9", "vp-1", "sg-4-17", "ha-8", "co-2"],
      "consumer electronics, small appliances, auto parts, winter sports and heating",
    ),
    ...certificateRules(
      [
        { key: "eac_electrical", prefixes: ELECTRICAL, anyOf: ["EAC"] },
        { key: "eac_toys", prefixes: ["tg"], anyOf: ["EAC"] },
      ],
      {
        severity: "blocker",
        penalty: 40,
        source: `${DOMAIN_SECONDARY}: "closed" categories need certificates; EAC under TR CU 004/2011 and 020/2011; ${DOMAIN_OUTLOOK}`,
        checked: UNDATED,
      },
    ),
    ...commerceRules({
      fee: 0.2,
      feeSource: "Ozon commission plus logistics, typical for small electronics",
      minUsd: 3,
      maxUsd: 400,
      bandReason: `Ozon buyers are value-driven (${DOMAIN_OUTLOOK})`,
      minStock: 5,
    }),
  ],
};
