/** Marks and certificates a product needs per market, by product kind (DOMAIN.md §3). */
import type { CertificateType, ProfileValues } from "../types";

type Flag = {
  [K in keyof ProfileValues]: ProfileValues[K] extends boolean ? K : never;
}[keyof ProfileValues];

export interface MarkRequirement {
  rule: string;
  /** A market code, `EU` (any EU market) or `EAEU` (RU, BY, KZ, AM, KG). */
  market: "EU" | "GB" | "US" | "EAEU" | "RU";
  mark: string;
  /** Any of these certificate types satisfies it. */
  accepts: readonly CertificateType[];
  appliesWhen: readonly Flag[];
}

export const MARK_REQUIREMENTS: readonly MarkRequirement[] = [
  {
    rule: "mark-ce",
    market: "EU",
    mark: "CE (EU declaration of conformity)",
    accepts: ["CE"],
    appliesWhen: ["electrical", "radio", "toy", "ppe"],
  },
  {
    rule: "mark-ukca",
    market: "GB",
    mark: "UKCA or CE",
    accepts: ["UKCA", "CE"],
    appliesWhen: ["electrical", "radio", "toy", "ppe"],
  },
  { rule: "mark-ul", market: "US", mark: "UL", accepts: ["UL"], appliesWhen: ["mainsPowered"] },
  { rule: "mark-fcc", market: "US", mark: "FCC", accepts: ["FCC"], appliesWhen: ["radio"] },
  {
    rule: "mark-cpc",
    market: "US",
    mark: "CPSIA Children's Product Certificate",
    accepts: ["CPC"],
    appliesWhen: ["forChildren", "toy"],
  },
  {
    rule: "mark-eac",
    market: "EAEU",
    mark: "EAC",
    accepts: ["EAC"],
    appliesWhen: ["electrical", "toy", "cosmetic", "forChildren", "textile", "footwear"],
  },
  {
    rule: "mark-chestny-znak",
    market: "RU",
    mark: "Chestny ZNAK marking",
    accepts: ["CHESTNY_ZNAK"],
    appliesWhen: ["textile", "footwear", "cosmetic"],
  },
];
