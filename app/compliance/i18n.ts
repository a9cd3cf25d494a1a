/**
 * Findings in the merchant's language: the rule's template for the locale, filled from the
 * finding's args. Known English tokens inside args (product kinds, GPSR fields) are translated
 * too; names, numbers and quoted product text stay as they are.
 */
import { ruleMeta } from "./packs/rules";
import { RuleFinding, render } from "./render";
import type { ComplianceFinding } from "./types";

export const COMPLIANCE_LOCALES = ["en", "zh-CN"] as const;
export type ComplianceLocale = (typeof COMPLIANCE_LOCALES)[number];

const TOKENS_ZH: Record<string, string> = {
  physical: "实物商品",
  electrical: "电子电气产品",
  radio: "无线电设备",
  mainsPowered: "市电供电产品",
  batteryIncluded: "含电池产品",
  textile: "纺织品",
  footwear: "鞋类",
  toy: "玩具",
  cosmetic: "化妆品",
  foodContact: "食品接触材料",
  forChildren: "儿童用品",
  furniture: "家具",
  sportsLeisure: "运动休闲用品",
  diyGarden: "DIY/园艺用品",
  ppe: "个人防护装备",
  name: "名称",
  "postal address": "邮寄地址",
  "electronic address": "电子联系方式",
  title: "标题",
  description: "描述",
  "seo.title": "SEO 标题",
  "seo.description": "SEO 描述",
};

const TRANSLATED_ARGS = new Set(["kinds", "missing", "where"]);

function translateArg(value: string): string {
  return value
    .split(", ")
    .map(
      (token) => TOKENS_ZH[token] ?? token.replace(/^images\[(\d+)\]\.alt$/, "图片 $1 的替代文本"),
    )
    .join("、");
}

export function localizeComplianceFinding(
  finding: ComplianceFinding,
  locale: ComplianceLocale,
): ComplianceFinding {
  if (locale === "en") return finding;
  const meta = ruleMeta(finding.rule);
  const args: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(finding.args)) {
    args[key] = typeof value === "string" && TRANSLATED_ARGS.has(key) ? translateArg(value) : value;
  }
  return {
    // A lazily rendered finding's own keys lack message/fix: spread its plain form (same order).
    ...(finding instanceof RuleFinding ? finding.toJSON() : finding),
    message: render(meta[locale].message, args),
    fix: render(meta[locale].fix, args),
  };
}
