import {
  DOMAIN_OUTLOOK,
  DOMAIN_SRC,
  ECGT_SRC,
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
import { EBAY_POLICY, NOT_READ } from "./goods-sources";
import type { RulePack } from "./types";

const EBAY_PHOTOS = `${DOMAIN_SRC}; eBay picture policy (https://www.ebay.com/help/selling/listings/adding-pictures-listings?id=4148)`;

export const EBAY: RulePack = {
  channel: "ebay",
  version: "ebay@2026-12-01.1",
  rules: [
    ...baseRules(),
    rule(
      { check: "title_length", max: 80 },
      {
        title: "Title at most 80 characters",
        severity: "blocker",
        penalty: 40,
        source: DOMAIN_SRC,
        checked: UNDATED,
      },
    ),
    heuristicRule(
      { check: "description_words", min: 30 },
      "Description at least 30 words",
      "warning",
      5,
      "condition, provenance and what is included need words; under 30 rarely covers them",
    ),
    heuristicRule(
      { check: "image_count", min: 3 },
      "At least 3 images",
      "warning",
      5,
      "collectors and refurbished-electronics buyers expect detail photos",
    ),
    rule(
      { check: "image_main_resolution", minLong: 500, minShort: 0 },
      {
        title: "Main image at least 500 px",
        severity: "blocker",
        penalty: 30,
        source: EBAY_PHOTOS,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "image_resolution", minLong: 500, minShort: 0 },
      {
        title: "Other images at least 500 px",
        severity: "warning",
        penalty: 5,
        source: EBAY_PHOTOS,
        checked: UNDATED,
      },
    ),
    ...gtinRules({
      missing: "warning",
      missingPenalty: 5,
      invalid: "warning",
      invalidPenalty: 10,
      source: `${DOMAIN_SRC}: GTIN or brand+MPN expected`,
      checked: UNDATED,
    }),
    ...brandRules({
      severity: "warning",
      penalty: 5,
      source: `${DOMAIN_SRC}: brand is an item specific (GTIN or brand+MPN)`,
      checked: UNDATED,
    }),
    ...dataRules({
      weight: "warning",
      weightPenalty: 10,
      weightSource: "calculated shipping on eBay needs the package weight",
      customs: true,
    }),
    ...goodsRules({
      alcohol: { verdict: "prohibited", source: EBAY_POLICY, checked: NOT_READ },
      tobacco_vape: { verdict: "prohibited", source: EBAY_POLICY, checked: NOT_READ },
      weapons: {
        verdict: "restricted",
        source: `${EBAY_POLICY} (knives allowed with restrictions; firearms prohibited)`,
        checked: NOT_READ,
      },
      medicine: { verdict: "restricted", source: EBAY_POLICY, checked: NOT_READ },
      supplements: { verdict: "restricted", source: EBAY_POLICY, checked: NOT_READ },
      cbd: { verdict: "restricted", source: EBAY_POLICY, checked: NOT_READ },
      sexual_wellness: {
        verdict: "restricted",
        source: `${EBAY_POLICY} (adult items policy)`,
        checked: NOT_READ,
      },
      lithium_battery: {
        verdict: "restricted",
        source: `${EBAY_POLICY} (hazardous materials: shipping restrictions)`,
        checked: NOT_READ,
      },
      hazardous: {
        verdict: "restricted",
        source: `${EBAY_POLICY} (hazardous materials)`,
        checked: NOT_READ,
      },
    }),
    categoryFitRule(
      ["ae-2-2", "aa-6-11", "vp-1"],
      "collectibles, watches, auto parts and refurbished electronics",
      { refurbishedElectronics: true },
    ),
    ...commerceRules({
      fee: 0.136,
      feeSource: "eBay final value fee in most categories",
      minUsd: 5,
      maxUsd: 2000,
      bandReason:
        "under $5 postage outweighs the item; the band is wide because collectibles sell high",
      minStock: 5,
    }),
    greenClaimRule(true, `${ECGT_SRC}; ${DOMAIN_OUTLOOK}`, UNDATED),
  ],
};
