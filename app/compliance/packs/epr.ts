/**
 * EPR obligations per market and stream, and the registration-number formats we can source.
 * An obligation applies when any of its profile flags is true.
 */
import type { EprStream, ProfileValues } from "../types";

type Flag = {
  [K in keyof ProfileValues]: ProfileValues[K] extends boolean ? K : never;
}[keyof ProfileValues];

export interface EprObligation {
  rule: string;
  country: string;
  stream: EprStream;
  appliesWhen: readonly Flag[];
  register: string;
}

export const EPR_OBLIGATIONS: readonly EprObligation[] = [
  {
    rule: "epr-de-packaging",
    country: "DE",
    stream: "packaging",
    appliesWhen: ["physical"],
    register: "LUCID (Zentrale Stelle Verpackungsregister)",
  },
  {
    rule: "epr-de-weee",
    country: "DE",
    stream: "weee",
    appliesWhen: ["electrical"],
    register: "stiftung ear (ElektroG)",
  },
  {
    rule: "epr-de-batteries",
    country: "DE",
    stream: "batteries",
    appliesWhen: ["batteryIncluded"],
    register: "stiftung ear (batteries)",
  },
  {
    rule: "epr-fr-packaging",
    country: "FR",
    stream: "packaging",
    appliesWhen: ["physical"],
    register: "ADEME SYDEREP IDU via Citeo or Léko",
  },
  {
    rule: "epr-fr-weee",
    country: "FR",
    stream: "weee",
    appliesWhen: ["electrical"],
    register: "ADEME SYDEREP IDU via ecosystem or Ecologic",
  },
  {
    rule: "epr-fr-batteries",
    country: "FR",
    stream: "batteries",
    appliesWhen: ["batteryIncluded"],
    register: "ADEME SYDEREP IDU via Corepile or Screlec",
  },
  {
    rule: "epr-fr-textiles",
    country: "FR",
    stream: "textiles",
    appliesWhen: ["textile", "footwear"],
    register: "ADEME SYDEREP IDU via Refashion",
  },
  {
    rule: "epr-fr-toys",
    country: "FR",
    stream: "toys",
    appliesWhen: ["toy"],
    register: "ADEME SYDEREP IDU (toys stream)",
  },
  {
    rule: "epr-fr-furniture",
    country: "FR",
    stream: "furniture",
    appliesWhen: ["furniture"],
    register: "ADEME SYDEREP IDU (furniture stream)",
  },
  {
    rule: "epr-fr-sports",
    country: "FR",
    stream: "sports_leisure",
    appliesWhen: ["sportsLeisure"],
    register: "ADEME SYDEREP IDU (sports & leisure stream)",
  },
  {
    rule: "epr-fr-diy",
    country: "FR",
    stream: "diy_garden",
    appliesWhen: ["diyGarden"],
    register: "ADEME SYDEREP IDU (DIY & garden stream)",
  },
  {
    rule: "epr-es-packaging",
    country: "ES",
    stream: "packaging",
    appliesWhen: ["physical"],
    register: "MITECO Registro de Productores de Productos (envases)",
  },
];

export interface NumberFormat {
  country: string;
  /** Streams this format covers; `*` for every stream of the country. */
  streams: readonly EprStream[] | "*";
  /** Applied to the number upper-cased with spaces and a `WEEE-Reg.-Nr.` prefix removed. */
  pattern: RegExp;
  describe: string;
  /**
   * `secondary`: several secondary sources agree, a mismatch is reported as invalid.
   * `unverified`: sources disagree or are missing; only a loose sanity check, never "invalid"
   * beyond it.
   */
  confidence: "secondary" | "unverified";
}

export const NUMBER_FORMATS: readonly NumberFormat[] = [
  {
    country: "DE",
    streams: ["packaging"],
    pattern: /^DE\d{13}$/,
    describe: "DE + 13 digits",
    confidence: "secondary",
  },
  {
    country: "DE",
    streams: ["weee"],
    pattern: /^DE\d{8}$/,
    describe: "DE + 8 digits (WEEE-Reg.-Nr.)",
    confidence: "secondary",
  },
  // stiftung ear also keeps the battery register; its number format was not found in a source.
  {
    country: "DE",
    streams: ["batteries"],
    pattern: /^DE[0-9A-Z]{6,16}$/,
    describe: "DE + digits (stiftung ear)",
    confidence: "unverified",
  },
  // IDU: ADEME states one per stream but not the format; secondary pages disagree (12–15
  // characters, "FR…"), so only the FR prefix and a plausible length are checked.
  {
    country: "FR",
    streams: "*",
    pattern: /^FR[0-9A-Z_-]{8,16}$/,
    describe: "FR + 8–16 letters/digits (IDU)",
    confidence: "unverified",
  },
  // RPP: numbers go on invoices (RD 1055/2022 art. 15.3); no sourced format ("ENV/…" seen only
  // on a vendor page).
  {
    country: "ES",
    streams: "*",
    pattern: /^[0-9A-Z/._-]{5,32}$/,
    describe: "the RPP number as issued (e.g. ENV/…)",
    confidence: "unverified",
  },
];
