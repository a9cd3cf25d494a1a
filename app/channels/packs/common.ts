/** Building blocks shared by the channel packs: sources, dates and the rules every pack carries. */
import { GOODS_CLASSES, type GoodsClass } from "../goods";
import { registerCodes } from "../taxonomy";
import type { Severity } from "../types";
import type { CertificateRequirement, GoodsVerdict, Rule, RuleCheck } from "./types";

/** The day the sources marked with it were read for this edition. */
export const TODAY = "2026-12-01";
/** Facts copied from DOMAIN.md, which does not say when they were checked. */
export const UNDATED = "undated: from Seaworthy DOMAIN.md §1–2, which gives no check date";
/** Seaworthy's own numbers: there is no outside source to re-check. */
export const NOT_APPLICABLE = "n/a: Seaworthy heuristic";

export const DOMAIN_SRC = "Seaworthy DOMAIN.md §2 (2026 channel notes)";
export const DOMAIN_SECONDARY =
  "Seaworthy DOMAIN.md §2, marked secondary there (vendor/agency page)";
export const DOMAIN_OUTLOOK =
  "Seaworthy DOMAIN.md §1 (2026 cross-border outlook, category strategies)";
export const GS1_SRC =
  "GS1 General Specifications: GTIN-8/12/13/14 with mod-10 check digit (via DOMAIN.md §2)";

export const heuristic = (reasoning: string) => `Seaworthy heuristic: ${reasoning}`;

interface Meta {
  title: string;
  severity: Severity;
  penalty: number;
  source: string;
  checked: string;
}

const ID_OF: Partial<Record<RuleCheck["check"], (c: RuleCheck) => string>> = {
  goods: (c) => (c.check === "goods" ? `${c.verdict}.${c.goods}` : c.check),
};

export function rule(check: RuleCheck, meta: Meta): Rule {
  const id = ID_OF[check.check]?.(check) ?? check.check;
  const penalty = meta.severity === "info" ? 0 : meta.penalty;
  return { id, ...meta, penalty, ...check };
}

export function heuristicRule(
  check: RuleCheck,
  title: string,
  severity: Severity,
  penalty: number,
  reasoning: string,
): Rule {
  return rule(check, {
    title,
    severity,
    penalty,
    source: heuristic(reasoning),
    checked: NOT_APPLICABLE,
  });
}

/** Rules every channel applies the same way. */
export function baseRules(): Rule[] {
  return [
    heuristicRule(
      { check: "title_missing" },
      "Title present",
      "blocker",
      40,
      "no channel accepts a listing without a name",
    ),
    heuristicRule(
      { check: "image_missing" },
      "At least one image",
      "blocker",
      30,
      "every channel in scope needs a main image to publish",
    ),
    heuristicRule(
      { check: "image_dimensions_unknown" },
      "Image size known",
      "info",
      0,
      "image rules need width and height; without them they cannot be judged",
    ),
    heuristicRule(
      { check: "category_missing" },
      "Taxonomy category set",
      "warning",
      5,
      "category strategy, restricted-goods and certificate checks key on the Shopify taxonomy category",
    ),
    heuristicRule(
      { check: "status_inactive" },
      "Product active",
      "info",
      0,
      "draft or archived products are not published anywhere until activated",
    ),
    heuristicRule(
      { check: "price_missing" },
      "Price set",
      "blocker",
      30,
      "a listing needs a price",
    ),
  ];
}

export function gtinRules(o: {
  missing: Severity;
  missingPenalty: number;
  invalid: Severity;
  invalidPenalty: number;
  source: string;
  checked: string;
}): Rule[] {
  return [
    rule(
      { check: "gtin_missing" },
      {
        title: "GTIN present",
        severity: o.missing,
        penalty: o.missingPenalty,
        source: o.source,
        checked: o.checked,
      },
    ),
    rule(
      { check: "gtin_format" },
      {
        title: "GTIN has 8, 12, 13 or 14 digits",
        severity: o.invalid,
        penalty: o.invalidPenalty,
        source: GS1_SRC,
        checked: UNDATED,
      },
    ),
    rule(
      { check: "gtin_check_digit" },
      {
        title: "GTIN check digit valid",
        severity: o.invalid,
        penalty: o.invalidPenalty,
        source: GS1_SRC,
        checked: UNDATED,
      },
    ),
    heuristicRule(
      { check: "gtin_stored_format" },
      "Barcode stored as bare digits",
      "warning",
      2,
      "a leading apostrophe or spaces (spreadsheet exports) are passed on verbatim by feeds and rejected as malformed",
    ),
  ];
}

export function brandRules(o: {
  severity: Severity;
  penalty: number;
  source: string;
  checked: string;
}): Rule[] {
  return [
    rule({ check: "brand_missing" }, { title: "Brand (vendor) set", ...o }),
    rule({ check: "brand_placeholder" }, { title: "Brand is a real brand", ...o }),
  ];
}

export function dataRules(o: {
  weight: Severity;
  weightPenalty: number;
  weightSource: string;
  customs: boolean;
}): Rule[] {
  const rules = [
    heuristicRule(
      { check: "weight_missing" },
      "Shipping weight set",
      o.weight,
      o.weightPenalty,
      o.weightSource,
    ),
    heuristicRule(
      { check: "sku_missing" },
      "SKU set",
      "warning",
      2,
      "channels match orders and stock to the seller SKU; without one every sync is by hand",
    ),
  ];
  if (o.customs) {
    rules.push(
      heuristicRule(
        { check: "customs_hs_code_missing" },
        "HS code set",
        "warning",
        3,
        "cross-border parcels to this channel's buyers need an HS code on the customs declaration",
      ),
      heuristicRule(
        { check: "customs_origin_missing" },
        "Country of origin set",
        "warning",
        3,
        "customs declarations and duty calculation need the country of origin",
      ),
    );
  }
  return rules;
}

export type GoodsPolicy = Partial<
  Record<GoodsClass, { verdict: GoodsVerdict; source: string; checked: string }>
>;

const GOODS_TITLE: Record<GoodsClass, string> = {
  alcohol: "alcohol",
  tobacco_vape: "tobacco, e-cigarettes and vapes",
  weapons: "weapons and knives",
  medicine: "medicines and OTC drugs",
  supplements: "dietary supplements",
  cbd: "CBD and cannabis products",
  sexual_wellness: "sexual wellness products",
  lithium_battery: "lithium batteries (dangerous goods)",
  hazardous: "hazardous goods (fireworks, flammables, pesticides)",
};

/** One rule per class the channel prohibits (blocker) or restricts (warning: approval needed). */
export function goodsRules(policy: GoodsPolicy, restrictedPenalty = 15): Rule[] {
  const rules: Rule[] = [];
  for (const goods of GOODS_CLASSES) {
    const p = policy[goods];
    if (!p) continue;
    const prohibited = p.verdict === "prohibited";
    rules.push(
      rule(
        { check: "goods", goods, verdict: p.verdict },
        {
          title: `${prohibited ? "Prohibited" : "Restricted"}: ${GOODS_TITLE[goods]}`,
          severity: prohibited ? "blocker" : "warning",
          penalty: prohibited ? 100 : restrictedPenalty,
          source: p.source,
          checked: p.checked,
        },
      ),
    );
  }
  return rules;
}

export function categoryFitRule(
  prefixes: readonly string[],
  fits: string,
  o: { refurbishedElectronics?: boolean; penalty?: number } = {},
): Rule {
  registerCodes(prefixes);
  return rule(
    {
      check: "category_fit",
      prefixes,
      fits,
      refurbishedElectronics: o.refurbishedElectronics ?? false,
    },
    {
      title: "Category fits the channel's strategy",
      severity: "warning",
      penalty: o.penalty ?? 10,
      source: `${DOMAIN_OUTLOOK}; penalty weight is a Seaworthy heuristic`,
      checked: UNDATED,
    },
  );
}

export function certificateRules(
  requirements: readonly CertificateRequirement[],
  o: { severity: Severity; penalty: number; source: string; checked: string },
): Rule[] {
  for (const r of requirements) registerCodes(r.prefixes);
  return [
    rule(
      { check: "certificate_required", requirements },
      { title: "Required certificates on file", ...o },
    ),
    rule(
      { check: "certificate_unknown", requirements },
      {
        title: "Certificate status known",
        severity: "warning",
        penalty: 5,
        source: `${o.source}; "unknown" handling is a Seaworthy heuristic (never assume a certificate is present)`,
        checked: o.checked,
      },
    ),
  ];
}

export interface CommerceOptions {
  fee: number;
  feeSource: string;
  minUsd: number;
  maxUsd: number;
  bandReason: string;
  minStock: number;
}

export function commerceRules(o: CommerceOptions): Rule[] {
  return [
    heuristicRule(
      { check: "price_band", minUsd: o.minUsd, maxUsd: o.maxUsd },
      "Price in the channel's band",
      "warning",
      5,
      o.bandReason,
    ),
    heuristicRule(
      { check: "margin_unit_cost_missing" },
      "Unit cost known",
      "warning",
      3,
      "margin after channel fees cannot be judged without the unit cost",
    ),
    heuristicRule(
      { check: "margin_negative", fee: o.fee },
      "Margin after fee not negative",
      "warning",
      20,
      `unit cost plus the channel's typical fee (${Math.round(o.fee * 100)}%: ${o.feeSource}) exceeds the price`,
    ),
    heuristicRule(
      { check: "margin_low", fee: o.fee, minMargin: 0.2 },
      "Margin after fee at least 20%",
      "warning",
      10,
      `under 20% left after the typical fee (${Math.round(o.fee * 100)}%: ${o.feeSource}) rarely covers shipping, returns and ads`,
    ),
    heuristicRule(
      { check: "inventory_out_of_stock" },
      "In stock",
      "warning",
      10,
      "a channel listing without stock is hidden or cancelled",
    ),
    heuristicRule(
      { check: "inventory_depth", min: o.minStock },
      `At least ${o.minStock} units in stock`,
      "warning",
      3,
      "thin stock risks cancellations and stock-outs that hurt channel ranking",
    ),
  ];
}

/** Marketplaces that rank by sales velocity (Amazon, Walmart) get the velocity rule. */
export function velocityRule(): Rule {
  return heuristicRule(
    { check: "sales_none" },
    "Some sales in the last 30 days",
    "warning",
    3,
    "marketplaces that rank by sales velocity bury a product that does not sell in its own store",
  );
}

export function greenClaimRule(onlyEuUk: boolean, source: string, checked: string): Rule {
  return rule(
    { check: "claim_green_generic", onlyEuUk },
    { title: "No generic green claims", severity: "warning", penalty: 5, source, checked },
  );
}

export const ECGT_SRC =
  "Directive (EU) 2024/825 (ECGT), applies from 27 Sep 2026: generic environmental claims banned without recognised excellent performance (via DOMAIN.md §3)";

export const TIKTOK_STYLE_IMAGE_ASPECT = {
  minRatio: 3 / 4,
  maxRatio: 4 / 3,
  range: "3:4–4:3",
} as const;
