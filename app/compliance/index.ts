/** The compliance engine's public API: pure functions over plain data (see types.ts). */
export * from "./types";
export { inferProfile, mergeProfile } from "./profile";
export { evaluateCompliance } from "./evaluate";
export { validateRegistration, normalizeNumber, type RegistrationCheck } from "./registrations";
export {
  validCertificatesFor,
  certificateStatus,
  certificatesFor,
  EXPIRY_WARNING_DAYS,
  type CertificateStatus,
} from "./certificates";
export {
  computeLabels,
  labelsJson,
  stableStringify,
  type ProductLabels,
  type Badge,
} from "./labels";
export { channelGate, type GateResult } from "./gate";
export { localizeComplianceFinding, COMPLIANCE_LOCALES, type ComplianceLocale } from "./i18n";
export { prop65ShortWarning } from "./prop65";
export { PACKS_VERSION } from "./packs/version";
export { RULE_LIST, RULES, type RuleMeta } from "./packs/rules";
export { SOURCES } from "./packs/sources";
