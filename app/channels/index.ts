/** Channel fit: the pure scorer's public API. */
export * from "./types";
export { normalizeGtin, gtinProblem, isValidGtin, type GtinProblem } from "./gtin";
export { PACKS, PACKS_VERSION, packFor, ruleInfo } from "./packs";
export type {
  Rule,
  RuleCheck,
  RuleInfo,
  RuleMeta,
  RulePack,
  CertificateRequirement,
  GoodsVerdict,
} from "./packs/types";
export { scoreProduct, rankChannels, bandFor } from "./score";
export { localizeFinding, type Locale } from "./messages";
export { GOODS_CLASSES, type GoodsClass } from "./goods";
