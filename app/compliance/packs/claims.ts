/**
 * Environmental claim vocabulary (Directive (EU) 2024/825, from 27 Sep 2026), by language.
 * Patterns are regex sources matched on lower-cased text at letter boundaries (no boundaries
 * for Chinese). Decisions (see rule `claim-generic`'s heuristic):
 * - "green" and its translations count only in environmental phrases, never as a colour;
 * - French "durable" and Dutch "duurzaam" are skipped: they also mean long-lasting (adverbs such
 *   as "écologiquement", "ecológicamente" and "ecologicamente" are claims, like "ecologically");
 * - "natural" is a composition claim, not an environmental one, and is not flagged;
 * - generic and "biodegradable" claims are substantiated by an EN ISO 14024 type I ecolabel
 *   (EU Ecolabel, Nordic Swan, Blue Angel); offset-based neutrality claims by nothing.
 */
import type { CertificateType } from "../types";

export const ECGT_APPLIES_FROM = "2026-09-27";

export type ClaimLang = "en" | "de" | "fr" | "es" | "it" | "nl" | "zh" | "ru";

export type ClaimGroup = "generic" | "biodegradable" | "offset";

export const CLAIM_TERMS: Record<ClaimGroup, Partial<Record<ClaimLang, readonly string[]>>> = {
  generic: {
    en: [
      "eco[- ]?friendly",
      "environment(?:ally)?[- ]friendly",
      "(?:earth|planet|nature|climate)[- ]friendly",
      "ecological(?:ly)?",
      "eco[- ]conscious",
      "environmentally (?:conscious|safe|responsible|sound)",
      "(?:gentle on|kind to|good for) the (?:environment|planet)",
      "sustainabl[ey]",
      "go(?:ing)? green",
      "green(?:er)? (?:choice|alternative|option|product|living|lifestyle|packaging|materials?|solution|planet|future|shopping|pick|credentials|brand)",
    ],
    de: [
      "umweltfreundlich\\p{L}*",
      "umweltschonend\\p{L}*",
      "umweltverträglich\\p{L}*",
      "klimafreundlich\\p{L}*",
      "naturfreundlich\\p{L}*",
      "umweltbewusst\\p{L}*",
      "ökologisch\\p{L}*",
      "nachhaltig\\p{L}*",
      "grün(?:e|er|es|en)? (?:wahl|alternative|produkt|verpackung|zukunft|lösung)",
    ],
    fr: [
      "écologiques?",
      "écologiquement",
      "respectueu(?:x|se|ses) de (?:l['’]environnement|la planète)",
      "éco-?responsables?",
      "bon(?:ne)? pour la planète",
      "ami(?:e)?s? de (?:la nature|l['’]environnement)",
      "(?:produit|choix|geste|emballage|achat)s? verts?",
      "(?:alternative|solution)s? vertes?",
    ],
    es: [
      "respetuos[oa]s? con el (?:medio ?ambiente|planeta)",
      "amigables? con el (?:medio ?ambiente|planeta)",
      "amig[oa]s? del medio ?ambiente",
      "ecológicamente",
      "ecológic[oa]s?",
      "eco-?amigables?",
      "sostenibles?",
      "(?:producto|opción|alternativa|elección|solución|envase)s? verdes?",
    ],
    it: [
      "ecologic[oaie]|ecologiche",
      "ecologicamente",
      "eco-?compatibil[ei]",
      "eco-?sostenibil[ei]",
      "rispettos[oaie] dell['’]ambiente",
      "amic[oaie] dell['’]ambiente",
      "sostenibil[ei]",
      "(?:prodott[oi]|scelta|alternativa|soluzione|confezione) (?:verde|green)",
    ],
    nl: [
      "milieuvriendelijk\\p{L}*",
      "klimaatvriendelijk\\p{L}*",
      "natuurvriendelijk\\p{L}*",
      "ecologisch\\p{L}*",
      "groene? (?:keuze|alternatief|product|verpakking|oplossing|toekomst)",
    ],
    zh: ["绿色环保", "环保", "生态友好", "可持续"],
    ru: ["экологичн\\p{L}*", "экологически чист\\p{L}*", "эко-?френдли"],
  },
  biodegradable: {
    en: ["biodegradable"],
    de: ["biologisch abbaubar\\p{L}*"],
    fr: ["biodégradables?"],
    es: ["biodegradables"],
    it: ["biodegradabil[ei]"],
    nl: ["biologisch afbreekba\\p{L}*"],
    zh: ["可生物降解", "可降解"],
    ru: ["биоразлагаем\\p{L}*"],
  },
  offset: {
    en: [
      "(?:carbon|climate|co2|co₂)[- ]neutral(?:ity)?",
      "(?:carbon|climate)[- ](?:positive|negative)",
      "net[- ]zero",
      "zero[- ]carbon",
    ],
    de: [
      "klimaneutral\\p{L}*",
      "co[2₂]-?neutral\\p{L}+",
      "klimapositiv\\p{L}*",
      "treibhausgasneutral\\p{L}*",
    ],
    fr: [
      "neutres? en (?:carbone|co2)",
      "neutres? pour le climat",
      "climatiquement neutres?",
      "carboneutres?",
      "zéro carbone",
    ],
    es: [
      "neutr[oa]s? en (?:carbono|co2)",
      "climáticamente neutr[oa]s?",
      "neutral(?:es)? en (?:carbono|co2)",
      "carbono neutral",
    ],
    it: [
      "a impatto zero",
      "climaticamente neutr[oa]l?[ei]?",
      "neutr[oa]l?[ei]? (?:in carbonio|dal punto di vista climatico)",
    ],
    nl: ["klimaatneutra\\p{L}*", "co2-?neutra\\p{L}*", "koolstofneutra\\p{L}*"],
    zh: ["碳中和", "零碳", "气候中和"],
    ru: ["углеродно[- ]нейтральн\\p{L}*", "климатически нейтральн\\p{L}*"],
  },
};

/** Ecolabels that show "recognised excellent environmental performance" (EN ISO 14024 type I). */
export const EXCELLENCE_LABELS: readonly CertificateType[] = [
  "EU_ECOLABEL",
  "NORDIC_SWAN",
  "BLUE_ANGEL",
];

/** Names of schemes and labels: mentioning one needs a valid certificate of that type. */
export const LABEL_MENTIONS: readonly {
  certificate: CertificateType;
  label: string;
  pattern: string;
}[] = [
  {
    certificate: "GOTS",
    label: "organic textile (GOTS)",
    pattern:
      "\\bgots\\b|organic (?:cotton|wool|linen)|bio-?baumwolle|coton bio(?:logique)?|algodón orgánico|cotone biologico|biologisch katoen|有机棉",
  },
  { certificate: "OEKO_TEX", label: "OEKO-TEX", pattern: "oeko-?tex|öko-?tex" },
  { certificate: "FSC", label: "FSC", pattern: "\\bfsc\\b" },
  {
    certificate: "EU_ECOLABEL",
    label: "EU Ecolabel",
    pattern:
      "eu[- ]ecolabel|ecolabel européen|etiqueta ecológica (?:de la ue|europea)|eu-umweltzeichen|europäisches umweltzeichen|marchio ecolabel ue",
  },
  {
    certificate: "NORDIC_SWAN",
    label: "Nordic Swan",
    pattern: "nordic swan|nordic ecolabel|svanen(?:märkt)?",
  },
  { certificate: "BLUE_ANGEL", label: "Blue Angel", pattern: "blue angel|blauer engel" },
  { certificate: "FAIRTRADE", label: "Fairtrade", pattern: "fair ?trade" },
  { certificate: "B_CORP", label: "B Corp", pattern: "\\bb[- ]corp(?:oration)?\\b" },
  { certificate: "ENERGY_STAR", label: "ENERGY STAR", pattern: "energy star" },
  {
    certificate: "CRADLE_TO_CRADLE",
    label: "Cradle to Cradle",
    pattern: "cradle to cradle|\\bc2c certified\\b",
  },
];

/** The specific fact a certificate lets the merchant state instead of a generic claim. */
export const CERTIFIED_FACT: Partial<Record<CertificateType, string>> = {
  GOTS: "GOTS-certified organic textile",
  OEKO_TEX: "OEKO-TEX certified, tested for harmful substances",
  FSC: "FSC-certified wood and paper",
  EU_ECOLABEL: "EU Ecolabel",
  NORDIC_SWAN: "Nordic Swan Ecolabel",
  BLUE_ANGEL: "Blue Angel (Blauer Engel)",
  FAIRTRADE: "Fairtrade certified",
  CRADLE_TO_CRADLE: "Cradle to Cradle Certified",
  ENERGY_STAR: "ENERGY STAR certified",
};

/** Words that join a removed claim to its neighbours ("eco-friendly and durable"). */
export const CONNECTORS = ["and", "&", "und", "et", "y", "e", "en", "или", "и", "和"] as const;
