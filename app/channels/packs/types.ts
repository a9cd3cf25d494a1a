/**
 * Rule packs are data: one per channel, versioned, every rule carrying where its number comes
 * from (`source`) and when that source was last read (`checked`). The evaluator (../rules.ts)
 * turns each rule into a closure once; packs never hold code.
 */
import type { GoodsClass } from "../goods";
import type { ChannelId, Severity } from "../types";

export type { GoodsClass };

export type GoodsVerdict = "prohibited" | "restricted";

export interface CertificateRequirement {
  /** Short stable key, e.g. `ul_ce_electrical`. */
  key: string;
  /** Taxonomy code prefixes the requirement applies to. */
  prefixes: readonly string[];
  /** Any one of these certificate types satisfies it (compared upper-case). */
  anyOf: readonly string[];
  /** Only when the shop sells to these markets (absent: always). */
  markets?: "us" | "eu_uk";
}

/** What a rule checks and its thresholds. `id` below is derived from it (see ruleId). */
export type RuleCheck =
  | { check: "title_missing" }
  | { check: "title_length"; max: number }
  | { check: "title_length_recommended"; max: number }
  | { check: "title_banned_chars"; chars: string }
  | { check: "title_promotional" }
  | { check: "title_word_repeat"; maxRepeats: number }
  | { check: "description_words"; min: number }
  | { check: "image_missing" }
  | { check: "image_count"; min: number }
  | { check: "image_count_max"; max: number }
  | { check: "image_main_resolution"; minLong: number; minShort: number }
  | { check: "image_resolution"; minLong: number; minShort: number }
  | { check: "image_main_aspect"; minRatio: number; maxRatio: number; range: string }
  | { check: "image_dimensions_unknown" }
  | { check: "gtin_missing" }
  | { check: "gtin_format" }
  | { check: "gtin_check_digit" }
  | { check: "gtin_stored_format" }
  | { check: "brand_missing" }
  | { check: "brand_placeholder" }
  | { check: "weight_missing" }
  | { check: "sku_missing" }
  | { check: "customs_hs_code_missing" }
  | { check: "customs_origin_missing" }
  | { check: "content_language_ru"; minShare: number }
  | { check: "goods"; goods: GoodsClass; verdict: GoodsVerdict }
  | { check: "category_missing" }
  | {
      check: "category_fit";
      prefixes: readonly string[];
      refurbishedElectronics?: boolean;
      fits: string;
    }
  | { check: "certificate_required"; requirements: readonly CertificateRequirement[] }
  | { check: "certificate_unknown"; requirements: readonly CertificateRequirement[] }
  | { check: "price_missing" }
  | { check: "price_band"; minUsd: number; maxUsd: number }
  | { check: "margin_unit_cost_missing" }
  | { check: "margin_low"; fee: number; minMargin: number }
  | { check: "margin_negative"; fee: number }
  | { check: "sales_none" }
  | { check: "inventory_out_of_stock" }
  | { check: "inventory_depth"; min: number }
  | { check: "rating_low"; min: number }
  | { check: "rating_count_low"; min: number }
  | { check: "claim_green_generic"; onlyEuUk: boolean }
  | { check: "checkout_us_only" }
  | { check: "status_inactive" };

export type RuleCheckKind = RuleCheck["check"];

export interface RuleMeta {
  /** Stable id, snake_case or dotted (`title_length`, `prohibited.alcohol`). */
  id: string;
  /** Short English name for lists and exports. */
  title: string;
  severity: Severity;
  /** Points off the score when the rule fires (0 for info). */
  penalty: number;
  /** The official page, a marked secondary source, or `Seaworthy heuristic: <reasoning>`. */
  source: string;
  /** ISO date the source was read, or a sentence saying it is undated / not applicable. */
  checked: string;
}

export type Rule = RuleMeta & RuleCheck;

export interface RulePack {
  channel: ChannelId;
  /** `<channel>@<date>.<n>`: bump whenever a rule changes. */
  version: string;
  rules: readonly Rule[];
}

export interface RuleInfo {
  id: string;
  title: string;
  severity: Severity;
  source: string;
  checked: string;
  /** The English fix template with its `{placeholders}`. */
  fixTemplate: string;
}
