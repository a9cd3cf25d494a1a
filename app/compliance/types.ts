/**
 * Compliance: the contract between the pure engine (rule packs + evaluator + labels, no I/O) and
 * the code that feeds it (store mirror, compliance vault) or shows its results (admin pages, the
 * label writer, channel fit). Dates are ISO calendar days (`YYYY-MM-DD`), compared as strings.
 * Markets are ISO 3166-1 alpha-2 codes; `EU` marks a finding that holds for every EU market.
 */
import type { ProductFacts, Severity } from "../facts/types";

export type { ProductFacts, Severity };

/** Where a profile value came from: the merchant said so, or the engine guessed it. */
export type ValueSource = "merchant" | "inferred";

export interface Sourced<T> {
  value: T;
  source: ValueSource;
}

/** A share of the product's material composition; `share` is a percentage (0–100). */
export interface MaterialShare {
  material: string;
  share: number;
}

export interface PackagingPart {
  /** e.g. `paper`, `plastic`, `glass`, `metal`, `wood`, `composite`. */
  material: string;
  grams: number;
}

/** A person or company as GPSR Article 19 wants it shown. */
export interface Party {
  name: string;
  /** One line or several, as it should be printed. */
  postalAddress: string;
  /** ISO country code of the postal address. */
  country: string;
  /** Electronic address: an email or a contact URL. */
  electronicAddress: string;
}

/** Prop 65: the merchant knows the product can expose buyers to these listed chemicals. */
export interface Prop65Flag {
  chemicals: string[];
  endpoint: "cancer" | "reproductive" | "both";
}

/** The plain values of a profile; `ComplianceProfile` wraps each in `Sourced`. */
export interface ProfileValues {
  materials: MaterialShare[];
  /** Percentage of recycled content, when known. */
  recycledContentPct: number | null;
  packaging: PackagingPart[];
  /** False for gift cards, services and downloads: no packaging, no EPR. */
  physical: boolean;
  batteryIncluded: boolean;
  electrical: boolean;
  /** Emits radio (Bluetooth, Wi-Fi, RC…): RED in the EU, FCC in the US. */
  radio: boolean;
  /** Plugs into the mains (or is a power bank): the UL expectation in the US. */
  mainsPowered: boolean;
  textile: boolean;
  footwear: boolean;
  toy: boolean;
  cosmetic: boolean;
  foodContact: boolean;
  /** Designed or intended primarily for children 12 and under. */
  forChildren: boolean;
  furniture: boolean;
  sportsLeisure: boolean;
  diyGarden: boolean;
  /** Personal protective equipment (helmets, goggles…). */
  ppe: boolean;
  countryOfOrigin: string | null;
  hsCode: string | null;
  manufacturer: Party | null;
  euResponsiblePerson: Party | null;
  /** Warnings and safety information keyed by language (`de`, `fr`, …). */
  safetyInfo: Record<string, string>;
  prop65: Prop65Flag | null;
}

export type ComplianceProfile = { [K in keyof ProfileValues]: Sourced<ProfileValues[K]> };

/** What the merchant confirmed or entered; anything left out stays inferred. */
export type MerchantProfile = Partial<ProfileValues>;

export type EprStream =
  | "packaging"
  | "weee"
  | "batteries"
  | "textiles"
  | "toys"
  | "furniture"
  | "sports_leisure"
  | "diy_garden";

/** An EPR registration the merchant holds (or their authorised representative holds). */
export interface Registration {
  /** ISO country of the register. */
  country: string;
  stream: EprStream;
  number: string;
  /** The role registered under; LUCID accepts only `producer` for marketplaces and sellers. */
  role?: "producer" | "authorised_representative" | "third_party" | "other";
}

// Certificates are evidence both engines read: they live with the product facts.
export {
  CERTIFICATE_TYPES,
  type Certificate,
  type CertificateScope,
  type CertificateType,
} from "../facts/certificates";
import type { Certificate } from "../facts/certificates";

export type ComplianceKind =
  "green_claim" | "epr" | "gpsr" | "certification" | "restricted" | "labeling";

export interface ComplianceFinding {
  /** The rule's id, e.g. `epr-de-packaging`. */
  rule: string;
  kind: ComplianceKind;
  severity: Severity;
  /** ISO country, `EU` for every EU market, or `ALL` for findings about the evidence itself. */
  market: string;
  message: string;
  fix: string;
  /** The text or field that triggered it, quoted and truncated. */
  evidence: string;
  /** For claims: the sentence rewritten without the claim (empty: delete the sentence). */
  suggestion?: string;
  /** Values filled into the rule's templates, so `localizeComplianceFinding` can re-render. */
  args: Record<string, string | number>;
}

export interface EvaluateInput {
  product: ProductFacts;
  profile: ComplianceProfile;
  registrations: readonly Registration[];
  certificates: readonly Certificate[];
  markets: readonly string[];
  today: string;
}
