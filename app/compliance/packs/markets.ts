/** EU member states and the languages a consumer there reads safety information in. */

export const EU_MARKETS = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;

const EU = new Set<string>(EU_MARKETS);

export const isEuMarket = (market: string): boolean => EU.has(market);

/** Official languages per member state (any one satisfies GPSR Art. 19(d) there). */
export const MARKET_LANGUAGES: Record<(typeof EU_MARKETS)[number], readonly string[]> = {
  AT: ["de"],
  BE: ["nl", "fr", "de"],
  BG: ["bg"],
  CY: ["el", "tr"],
  CZ: ["cs"],
  DE: ["de"],
  DK: ["da"],
  EE: ["et"],
  ES: ["es"],
  FI: ["fi", "sv"],
  FR: ["fr"],
  GR: ["el"],
  HR: ["hr"],
  HU: ["hu"],
  IE: ["en", "ga"],
  IT: ["it"],
  LT: ["lt"],
  LU: ["fr", "de", "lb"],
  LV: ["lv"],
  MT: ["mt", "en"],
  NL: ["nl"],
  PL: ["pl"],
  PT: ["pt"],
  RO: ["ro"],
  SE: ["sv"],
  SI: ["sl"],
  SK: ["sk"],
};

export function languagesFor(market: string): readonly string[] {
  return (MARKET_LANGUAGES as Record<string, readonly string[]>)[market] ?? [];
}

/** Eurasian Economic Union members: EAC applies to all of them. */
export const EAEU_MARKETS = new Set(["RU", "BY", "KZ", "AM", "KG"]);
