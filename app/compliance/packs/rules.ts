/**
 * Every rule the compliance engine can report: kind, default severity, markets, sources (or the
 * heuristic it rests on), the day it was checked, and its message/fix templates in en and zh-CN.
 * `{name}` placeholders are filled from the finding's `args`.
 */
import type { ComplianceKind, Severity } from "../types";
import type { SourceId } from "./sources";

export interface Template {
  message: string;
  fix: string;
}

export interface RuleMeta {
  id: string;
  kind: ComplianceKind;
  severity: Severity;
  /** ISO markets, `EU` (every EU market) or `ALL`. */
  markets: readonly string[];
  sources: readonly SourceId[];
  /** Set when the rule is a judgement call rather than a sourced requirement: why. */
  heuristic?: string;
  checked: string;
  en: Template;
  "zh-CN": Template;
}

const CHECKED = "2026-12-01";

const epr = (
  id: string,
  market: string,
  sources: readonly SourceId[],
  what: string,
  whatZh: string,
): RuleMeta => ({
  id,
  kind: "epr",
  severity: "blocker",
  markets: [market],
  sources,
  checked: CHECKED,
  en: {
    message: `No ${what} EPR registration for ${market}: {register} is required before selling there.`,
    fix: "Register with {register} and enter the number (format: {format}) in Seaworthy.",
  },
  "zh-CN": {
    message: `缺少${market}的${whatZh} EPR 注册：在该国销售前必须在 {register} 注册。`,
    fix: "在 {register} 完成注册，并在 Seaworthy 中填写注册号（格式：{format}）。",
  },
});

const claim = (
  id: string,
  sources: readonly SourceId[],
  en: Template,
  zh: Template,
  heuristic?: string,
): RuleMeta => ({
  id,
  kind: "green_claim",
  severity: "blocker",
  markets: ["EU"],
  sources,
  ...(heuristic ? { heuristic } : {}),
  checked: CHECKED,
  en,
  "zh-CN": zh,
});

const mark = (
  id: string,
  market: string,
  severity: Severity,
  sources: readonly SourceId[],
  heuristic?: string,
): RuleMeta => ({
  id,
  kind: "certification",
  severity,
  markets: [market],
  sources,
  ...(heuristic ? { heuristic } : {}),
  checked: CHECKED,
  en: {
    message: "No valid {mark} evidence for a product that looks like {kinds} sold to {market}.",
    fix: "Upload the {mark} document to the compliance vault, or correct the product profile if it does not apply.",
  },
  "zh-CN": {
    message: "该产品看起来属于{kinds}，销往 {market}，但没有有效的 {mark} 证明。",
    fix: "将 {mark} 文件上传到合规资料库；如不适用，请更正产品档案。",
  },
});

export const RULE_LIST: readonly RuleMeta[] = [
  // ── EPR ──────────────────────────────────────────────────────────────────────────────────
  epr("epr-de-packaging", "DE", ["domain", "lucidNumber"], "packaging", "包装"),
  epr(
    "epr-de-weee",
    "DE",
    ["domain", "earRegistration", "weeeNumber"],
    "electrical (WEEE)",
    "电子电气（WEEE）",
  ),
  epr("epr-de-batteries", "DE", ["domain", "earRegistration"], "batteries", "电池"),
  epr("epr-fr-packaging", "FR", ["domain", "ademeIdu", "citeoIdu"], "packaging", "包装"),
  epr("epr-fr-weee", "FR", ["domain", "ademeIdu"], "electrical (EEE)", "电子电气（EEE）"),
  epr("epr-fr-batteries", "FR", ["domain", "ademeIdu"], "batteries", "电池"),
  epr(
    "epr-fr-textiles",
    "FR",
    ["domain", "ademeIdu"],
    "textiles and shoes (TLC)",
    "纺织品与鞋类（TLC）",
  ),
  epr("epr-fr-toys", "FR", ["domain", "ademeIdu"], "toys", "玩具"),
  epr("epr-fr-furniture", "FR", ["domain", "ademeIdu"], "furniture", "家具"),
  epr("epr-fr-sports", "FR", ["domain", "ademeIdu"], "sports and leisure goods", "运动休闲用品"),
  epr("epr-fr-diy", "FR", ["domain", "ademeIdu"], "DIY and garden goods", "DIY 与园艺用品"),
  epr(
    "epr-es-packaging",
    "ES",
    ["domain", "spainRpp", "ecoembesRpp"],
    "packaging (RPP)",
    "包装（RPP）",
  ),
  {
    id: "epr-number-format",
    kind: "epr",
    severity: "blocker",
    markets: ["DE", "FR", "ES"],
    sources: ["lucidNumber", "weeeNumber", "iduFormat"],
    checked: CHECKED,
    en: {
      message: "The {register} number “{number}” does not match the expected format ({format}).",
      fix: "Copy the number exactly from {register} (expected: {format}).",
    },
    "zh-CN": {
      message: "{register} 注册号“{number}”不符合预期格式（{format}）。",
      fix: "请从 {register} 原样复制注册号（应为：{format}）。",
    },
  },
  {
    id: "epr-de-packaging-role",
    kind: "epr",
    severity: "blocker",
    markets: ["DE"],
    sources: ["lucidRole"],
    checked: CHECKED,
    en: {
      message: "The LUCID registration is held as “{role}”: only a producer registration counts.",
      fix: "Register in LUCID as a producer (Hersteller) and enter that number.",
    },
    "zh-CN": {
      message: "LUCID 注册身份为“{role}”：只有以生产者身份注册才有效。",
      fix: "以生产者（Hersteller）身份在 LUCID 注册，并填写该注册号。",
    },
  },
  // ── GPSR ─────────────────────────────────────────────────────────────────────────────────
  {
    id: "gpsr-manufacturer",
    kind: "gpsr",
    severity: "blocker",
    markets: ["EU"],
    sources: ["gpsr", "domain"],
    checked: CHECKED,
    en: {
      message: "GPSR: the offer does not show the manufacturer's {missing}.",
      fix: "Enter the manufacturer's name, postal address and email or contact URL in the product's compliance profile.",
    },
    "zh-CN": {
      message: "GPSR：商品页面未显示制造商的{missing}。",
      fix: "在产品合规档案中填写制造商名称、邮寄地址以及电子邮件或联系网址。",
    },
  },
  {
    id: "gpsr-responsible-person",
    kind: "gpsr",
    severity: "blocker",
    markets: ["EU"],
    sources: ["gpsr", "domain"],
    checked: CHECKED,
    en: {
      message:
        "GPSR: the manufacturer is outside the EU ({country}) and no EU responsible person is named.",
      fix: "Appoint an EU responsible person and enter their name, postal and electronic address.",
    },
    "zh-CN": {
      message: "GPSR：制造商位于欧盟以外（{country}），且未指定欧盟负责人。",
      fix: "指定欧盟负责人，并填写其名称、邮寄地址和电子联系方式。",
    },
  },
  {
    id: "gpsr-product-picture",
    kind: "gpsr",
    severity: "blocker",
    markets: ["EU"],
    sources: ["gpsr", "domain"],
    checked: CHECKED,
    en: {
      message: "GPSR: the offer has no picture of the product.",
      fix: "Add at least one product image.",
    },
    "zh-CN": { message: "GPSR：商品页面没有产品图片。", fix: "至少添加一张产品图片。" },
  },
  {
    id: "gpsr-product-identifier",
    kind: "gpsr",
    severity: "warning",
    markets: ["EU"],
    sources: ["gpsr", "domain"],
    checked: CHECKED,
    en: {
      message: "GPSR: {count} variant(s) have no type, SKU, batch or serial identifier.",
      fix: "Give every variant a SKU or model/batch number that also appears on the product.",
    },
    "zh-CN": {
      message: "GPSR：有 {count} 个变体没有型号、SKU、批次或序列号。",
      fix: "为每个变体填写 SKU 或型号/批次号，并确保与产品上的标识一致。",
    },
  },
  {
    id: "gpsr-safety-language",
    kind: "gpsr",
    severity: "warning",
    markets: ["EU"],
    sources: ["gpsr", "domain"],
    checked: CHECKED,
    en: {
      message:
        "GPSR: no warnings or safety information in {languages} for {market} (have: {have}).",
      fix: "Add the warnings and safety information in {languages} to the product's compliance profile.",
    },
    "zh-CN": {
      message: "GPSR：没有面向 {market} 的 {languages} 警告或安全信息（已有：{have}）。",
      fix: "在产品合规档案中添加 {languages} 的警告和安全信息。",
    },
  },
  // ── Green claims ─────────────────────────────────────────────────────────────────────────
  claim(
    "claim-generic",
    ["ecgt", "ecgtExcellence", "domain"],
    {
      message:
        "Generic environmental claim “{term}” in {where}: banned in the EU from {from} without recognised excellent environmental performance.",
      fix: "Remove the claim, or state the specific, certified fact instead (see the suggestion).",
    },
    {
      message:
        "{where}中含有笼统的环保声明“{term}”：自 {from} 起，除非具备公认的卓越环境表现，否则在欧盟禁止使用。",
      fix: "删除该声明，或改为具体且经认证的事实（见建议）。",
    },
    "'green' counts only in environmental phrases (green choice, go green, produit vert…), never colours; French 'durable' and Dutch 'duurzaam' are skipped (they also mean long-lasting); 'natural' is not an environmental claim.",
  ),
  claim(
    "claim-biodegradable",
    ["ecgt", "ecgtExcellence", "domain"],
    {
      message:
        "Unqualified “{term}” claim in {where}: a generic environmental claim, banned in the EU from {from} without recognised evidence.",
      fix: "Remove it, or state the tested standard and conditions (e.g. industrial composting per EN 13432) backed by a certificate.",
    },
    {
      message:
        "{where}中含有未加限定的“{term}”声明：属于笼统环保声明，自 {from} 起在欧盟需有公认证据。",
      fix: "删除该声明，或注明经证书支持的测试标准和条件（如 EN 13432 工业堆肥）。",
    },
  ),
  claim(
    "claim-offset-neutral",
    ["ecgt", "domain"],
    {
      message:
        "“{term}” in {where}: product-level neutrality claims resting on offsetting are banned in the EU from {from}, whatever the certificate.",
      fix: "Remove the neutrality claim; you may describe measured emission reductions or your contribution to climate projects separately.",
    },
    {
      message:
        "{where}中含有“{term}”：自 {from} 起，欧盟禁止基于碳抵消的产品级“中和”声明，任何证书都无法支持。",
      fix: "删除该“中和”声明；可另行说明实测的减排量或对气候项目的资助。",
    },
  ),
  claim(
    "claim-label-unbacked",
    ["ecgt", "domain"],
    {
      message:
        "{where} names {label} but no valid {certificate} certificate covers this product: from {from} such labels are banned in the EU.",
      fix: "Upload the valid {certificate} certificate for this product, or remove the mention.",
    },
    {
      message:
        "{where}提及了 {label}，但没有覆盖该产品的有效 {certificate} 证书：自 {from} 起此类标签在欧盟被禁止。",
      fix: "上传覆盖该产品的有效 {certificate} 证书，或删除相关表述。",
    },
  ),
  // ── Marks and certificates ───────────────────────────────────────────────────────────────
  mark("mark-ce", "EU", "blocker", ["domain"]),
  mark(
    "mark-ukca",
    "GB",
    "blocker",
    ["domain"],
    "CE is accepted in Great Britain for many products, so either a UKCA or a CE document satisfies it.",
  ),
  mark(
    "mark-ul",
    "US",
    "warning",
    ["domain"],
    "UL listing is a retailer and marketplace expectation for mains-powered goods and power banks, not a federal law: warning only.",
  ),
  mark("mark-fcc", "US", "blocker", ["domain"]),
  mark("mark-cpc", "US", "blocker", ["domain", "cpsc"]),
  mark("mark-eac", "RU", "blocker", ["domain"]),
  mark(
    "mark-chestny-znak",
    "RU",
    "warning",
    ["domain", "chestnyZnak"],
    "We cannot see the DataMatrix codes; a CHESTNY_ZNAK entry in the vault records that the merchant is set up.",
  ),
  {
    id: "cert-expiring",
    kind: "certification",
    severity: "warning",
    markets: ["ALL"],
    sources: [],
    heuristic: "30 days gives time to renew before badges and channel eligibility fall away.",
    checked: CHECKED,
    en: {
      message: "The {type} certificate {number} expires on {validTo} ({days} days).",
      fix: "Renew it and upload the new document before it expires.",
    },
    "zh-CN": {
      message: "{type} 证书 {number} 将于 {validTo} 到期（剩余 {days} 天）。",
      fix: "请在到期前续期并上传新文件。",
    },
  },
  {
    id: "cert-expired",
    kind: "certification",
    severity: "warning",
    markets: ["ALL"],
    sources: [],
    heuristic: "An expired certificate is evidence of nothing: it backs no badge, claim or mark.",
    checked: CHECKED,
    en: {
      message:
        "The {type} certificate {number} expired on {validTo}: it no longer backs any badge, claim or mark.",
      fix: "Upload a renewed certificate, or remove what rested on it.",
    },
    "zh-CN": {
      message: "{type} 证书 {number} 已于 {validTo} 过期：不再支持任何徽章、声明或标志。",
      fix: "上传续期后的证书，或删除依赖该证书的内容。",
    },
  },
  // ── Labeling ─────────────────────────────────────────────────────────────────────────────
  {
    id: "label-fr-triman",
    kind: "labeling",
    severity: "info",
    markets: ["FR"],
    sources: ["domain"],
    checked: CHECKED,
    en: {
      message:
        "France: the product or its packaging needs the Triman logo and Info-tri sorting instructions.",
      fix: "Print Triman + Info-tri on the packaging; the storefront label block shows the IDU numbers.",
    },
    "zh-CN": {
      message: "法国：产品或其包装需印有 Triman 标志和 Info-tri 分类说明。",
      fix: "在包装上印制 Triman 与 Info-tri；店铺标签区块会显示 IDU 编号。",
    },
  },
  {
    id: "label-prop65",
    kind: "labeling",
    severity: "info",
    markets: ["US"],
    sources: ["prop65", "prop65Safe", "domain"],
    checked: CHECKED,
    en: {
      message:
        "California Prop 65: show this warning on the product page before purchase: “{text}”",
      fix: "Keep the Seaworthy label block on the product page (it shows the warning to buyers).",
    },
    "zh-CN": {
      message: "加州 65 号提案：购买前须在商品页面显示以下警告：“{text}”",
      fix: "在商品页面保留 Seaworthy 标签区块（会向买家显示该警告）。",
    },
  },
  // ── Restricted goods ─────────────────────────────────────────────────────────────────────
  {
    id: "restricted-goods",
    kind: "restricted",
    severity: "warning",
    markets: ["ALL"],
    sources: [],
    heuristic:
      "Vapes, CBD, knives, OTC medicine and large lithium packs are restricted in many markets and by carriers; a person must check the rules of each destination.",
    checked: CHECKED,
    en: {
      message:
        "This looks like a restricted good ({evidence}) for {market}: sale or shipping may be limited or banned.",
      fix: "Check the destination's rules and the carrier's dangerous-goods terms before selling there.",
    },
    "zh-CN": {
      message: "该产品看起来属于受限商品（{evidence}），销往 {market} 时可能被限制或禁止。",
      fix: "在该市场销售前，请核实当地法规及承运商的危险品规定。",
    },
  },
];

export const RULES: ReadonlyMap<string, RuleMeta> = new Map(RULE_LIST.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta {
  const meta = RULES.get(id);
  if (!meta) throw new Error(`compliance: unknown rule ${id}`);
  return meta;
}
