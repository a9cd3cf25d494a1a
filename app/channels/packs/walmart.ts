import {
  DOMAIN_OUTLOOK,
  DOMAIN_SRC,
  ECGT_SRC,
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
import { NOT_READ, WALMART_PROHIBITED, WALMART_TOBACCO } from "./goods-sources";
import type { RulePack } from "./types";

const IMAGES_SECONDARY =
  "Walmart Item Setup Content Policies: all listings must have at least two images (secondary copy: https://rumble-crumble-i.com/walmart-mobile-one-offer-4587)";

export const WALMART: RulePack = {
  channel: "walmart",
  version: "walmart@2026-12-01.1",
  rules: [
    ...baseRules(),
    rule(
      { check: "title_length", max: 150 },
      {
        title: "Title at most 150 characters",
        severity: "blocker",
        penalty: 40,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "title_length_recommended", max: 75 },
      {
        title: "Title 50–75 characters (recommended)",
        severity: "warning",
        penalty: 3,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "title_promotional" },
      {
        title: "No promotional claims in the title",
        severity: "warning",
        penalty: 10,
        source: `${DOMAIN_SRC}; phrase list is a Seaworthy heuristic`,
        checked: UNDATED,
      },
    ),
    heuristicRule(
      { check: "description_words", min: 30 },
      "Description at least 30 words",
      "warning",
      5,
      "content is one of the five listing-quality parts; a thin description scores low",
    ),
    rule(
      { check: "image_count", min: 2 },
      {
        title: "At least 2 images",
        severity: "warning",
        penalty: 15,
        source: `${DOMAIN_SRC}; ${IMAGES_SECONDARY}`,
        checked: TODAY,
      },
    ),
    ...gtinRules({
      missing: "blocker",
      missingPenalty: 40,
      invalid: "blocker",
      invalidPenalty: 40,
      source: `${DOMAIN_SRC}: GTIN must come from GS1`,
      checked: UNDATED,
    }),
    ...brandRules({
      severity: "warning",
      penalty: 10,
      source: heuristic("Walmart item setup asks for a brand; a placeholder fails brand matching"),
      checked: "n/a: Seaworthy heuristic",
    }),
    ...dataRules({
      weight: "warning",
      weightPenalty: 5,
      weightSource: "shipping templates and WFS need the item weight",
      customs: true,
    }),
    ...goodsRules({
      alcohol: { verdict: "prohibited", source: WALMART_PROHIBITED, checked: NOT_READ },
      tobacco_vape: { verdict: "prohibited", source: WALMART_TOBACCO, checked: TODAY },
      weapons: {
        verdict: "restricted",
        source: `${WALMART_PROHIBITED} (firearms and ammunition prohibited; knives restricted)`,
        checked: NOT_READ,
      },
      medicine: { verdict: "restricted", source: WALMART_PROHIBITED, checked: NOT_READ },
      supplements: { verdict: "restricted", source: WALMART_PROHIBITED, checked: NOT_READ },
      cbd: { verdict: "prohibited", source: WALMART_PROHIBITED, checked: NOT_READ },
      sexual_wellness: { verdict: "restricted", source: WALMART_PROHIBITED, checked: NOT_READ },
      lithium_battery: {
        verdict: "restricted",
        source: `${WALMART_PROHIBITED} (hazmat review)`,
        checked: NOT_READ,
      },
      hazardous: {
        verdict: "restricted",
        source: `${WALMART_PROHIBITED} (hazmat review)`,
        checked: NOT_READ,
      },
    }),
    categoryFitRule(
      ["hg-10", "hg-11", "hg-15", "hg-3-58", "fr-15", "hg-12-2"],
      "everyday household goods, home textiles, storage, patio and seasonal",
    ),
    ...certificateRules([{ key: "cpc_toys", prefixes: ["tg"], anyOf: ["CPC"], markets: "us" }], {
      severity: "warning",
      penalty: 10,
      source:
        "CPSIA Children's Product Certificate for products for children 12 and under (DOMAIN.md §3)",
      checked: UNDATED,
    }),
    ...commerceRules({
      fee: 0.15,
      feeSource: "Walmart referral fee in most categories",
      minUsd: 5,
      maxUsd: 150,
      bandReason: `Walmart shoppers are very price-sensitive (${DOMAIN_OUTLOOK}); above $150 the channel rarely wins`,
      minStock: 20,
    }),
    rule(
      { check: "rating_low", min: 4 },
      {
        title: "Rating at least 4.0",
        severity: "warning",
        penalty: 5,
        source: `${DOMAIN_SRC}: ratings are one of the five listing-quality parts; the 4.0 line is a Seaworthy heuristic`,
        checked: UNDATED,
      },
    ),
    velocityRule(),
    greenClaimRule(true, ECGT_SRC, UNDATED),
  ],
};
