/**
 * The pure compliance evaluator: one product, its profile, the merchant's registrations and
 * certificates, the markets sold to and the day -> findings. No I/O, no clock.
 */
import { certificateStatus, coversProduct, daysBetween, isValidOn } from "./certificates";
import {
  claimTermsIn,
  findClaims,
  findLabelMentions,
  labelPhrase,
  mayClaim,
  rewriteWithout,
  type ClaimHit,
} from "./claims";
import {
  CERTIFIED_FACT,
  ECGT_APPLIES_FROM,
  EXCELLENCE_LABELS,
  type ClaimGroup,
  type ClaimLang,
} from "./packs/claims";
import { EPR_OBLIGATIONS } from "./packs/epr";
import { MARK_REQUIREMENTS } from "./packs/marks";
import { EAEU_MARKETS, isEuMarket, languagesFor } from "./packs/markets";
import { looksRestricted } from "./profile";
import { prop65ShortWarning } from "./prop65";
import { validateRegistration, type RegistrationCheck } from "./registrations";
import { makeFinding } from "./render";
import { productText, truncate } from "./text";
import type {
  Certificate,
  CertificateType,
  ComplianceFinding,
  ComplianceProfile,
  EprStream,
  EvaluateInput,
  Party,
  ProductFacts,
  Registration,
} from "./types";

type BoolFlag = {
  [K in keyof ComplianceProfile]: ComplianceProfile[K]["value"] extends boolean ? K : never;
}[keyof ComplianceProfile];

const NO_FLAGS: readonly BoolFlag[] = Object.freeze([]);

/** The flags that hold; most rules apply to few products, so "none" allocates nothing. */
function applying(profile: ComplianceProfile, flags: readonly BoolFlag[]): readonly BoolFlag[] {
  let out: BoolFlag[] | null = null;
  for (const f of flags) if (profile[f].value) (out ??= []).push(f);
  return out ?? NO_FLAGS;
}

function flagEvidence(
  product: ProductFacts,
  profile: ComplianceProfile,
  flags: readonly BoolFlag[],
): string {
  const what = flags.map((f) => `${f} (${profile[f].source})`).join(", ");
  return truncate(`${what}: ${product.categoryName ?? product.productType ?? product.title}`);
}

function certificateFindings(certs: Certificate[], today: string, out: ComplianceFinding[]) {
  for (const c of certs) {
    const status = certificateStatus(c, today);
    if (!c.validTo || (status !== "expiring" && status !== "expired")) continue;
    const evidence = `${c.type} ${c.number} (${c.issuer}), valid to ${c.validTo}`;
    const args = { type: c.type, number: c.number, validTo: c.validTo };
    if (status === "expired") out.push(makeFinding("cert-expired", "ALL", evidence, args));
    else
      out.push(
        makeFinding("cert-expiring", "ALL", evidence, {
          ...args,
          days: daysBetween(today, c.validTo),
        }),
      );
  }
}

/**
 * validateRegistration, memoised per obligation (nothing registered) or per registration object
 * (rechecked when its fields changed): every product of a pass meets the same few.
 */
const MISSING_CHECKS = new WeakMap<object, RegistrationCheck>();
const REG_CHECKS = new WeakMap<Registration, { reg: Registration; check: RegistrationCheck }>();

function checkMissing(ob: { country: string; stream: EprStream }): RegistrationCheck {
  let check = MISSING_CHECKS.get(ob);
  if (!check) {
    check = validateRegistration({ country: ob.country, stream: ob.stream, number: "" });
    MISSING_CHECKS.set(ob, check);
  }
  return check;
}

function checkRegistration(reg: Registration): RegistrationCheck {
  const hit = REG_CHECKS.get(reg);
  if (
    hit &&
    hit.reg.country === reg.country &&
    hit.reg.stream === reg.stream &&
    hit.reg.number === reg.number
  )
    return hit.check;
  const check = validateRegistration(reg);
  REG_CHECKS.set(reg, {
    reg: { country: reg.country, stream: reg.stream, number: reg.number },
    check,
  });
  return check;
}

function eprFindings(input: EvaluateInput, markets: Set<string>, out: ComplianceFinding[]) {
  const { product, profile, registrations } = input;
  for (const ob of EPR_OBLIGATIONS) {
    if (!markets.has(ob.country)) continue;
    const flags = applying(profile, ob.appliesWhen);
    if (flags.length === 0) continue;
    const reg = registrations.find((r) => r.country === ob.country && r.stream === ob.stream);
    if (!reg) {
      const check = checkMissing(ob);
      out.push(
        makeFinding(ob.rule, ob.country, flagEvidence(product, profile, flags), {
          register: ob.register,
          format: check.expected,
          stream: ob.stream,
        }),
      );
      continue;
    }
    const check = checkRegistration(reg);
    if (!check.ok) {
      out.push(
        makeFinding("epr-number-format", ob.country, `${ob.stream}: ${reg.number}`, {
          register: ob.register,
          number: reg.number,
          format: check.expected,
        }),
      );
    }
    if (ob.rule === "epr-de-packaging" && reg.role && reg.role !== "producer") {
      out.push(
        makeFinding("epr-de-packaging-role", "DE", `LUCID ${reg.number}: ${reg.role}`, {
          role: reg.role,
        }),
      );
    }
  }
}

const partyMissing = (p: Party | null): string[] => {
  const missing: string[] = [];
  if (!p?.name.trim()) missing.push("name");
  if (!p?.postalAddress.trim()) missing.push("postal address");
  if (!p?.electronicAddress.trim()) missing.push("electronic address");
  return missing;
};

/** Kinds that come with warnings or safety information by their nature. */
const NEEDS_SAFETY_INFO: readonly BoolFlag[] = [
  "toy",
  "electrical",
  "batteryIncluded",
  "cosmetic",
  "forChildren",
  "ppe",
  "foodContact",
];

function gpsrFindings(input: EvaluateInput, euMarkets: string[], out: ComplianceFinding[]) {
  const { product, profile } = input;
  const manufacturer = profile.manufacturer.value;
  const missing = partyMissing(manufacturer);
  if (missing.length > 0) {
    const evidence = manufacturer
      ? `manufacturer: ${truncate(JSON.stringify(manufacturer), 120)}`
      : "manufacturer: not set";
    out.push(makeFinding("gpsr-manufacturer", "EU", evidence, { missing: missing.join(", ") }));
  }
  const makerCountry = manufacturer?.country || profile.countryOfOrigin.value;
  if (makerCountry && !isEuMarket(makerCountry.toUpperCase())) {
    const rp = profile.euResponsiblePerson.value;
    if (partyMissing(rp).length > 0 || !rp || !isEuMarket(rp.country.toUpperCase())) {
      const source = manufacturer?.country ? "manufacturer country" : "country of origin";
      out.push(
        makeFinding("gpsr-responsible-person", "EU", `${source}: ${makerCountry}`, {
          country: makerCountry,
        }),
      );
    }
  }
  if (!product.images.some((img) => img.url)) {
    out.push(makeFinding("gpsr-product-picture", "EU", "images: none", {}));
  }
  const unidentified = product.variants.filter((v) => !v.sku?.trim() && !v.barcode?.trim());
  if (unidentified.length > 0) {
    out.push(
      makeFinding(
        "gpsr-product-identifier",
        "EU",
        `variants without SKU or barcode: ${unidentified.length}/${product.variants.length}`,
        { count: unidentified.length },
      ),
    );
  }
  const info = profile.safetyInfo.value;
  const have = Object.keys(info)
    .filter((lang) => info[lang]?.trim())
    .sort();
  const needs = applying(profile, NEEDS_SAFETY_INFO).length > 0;
  if (have.length === 0 && !needs) return;
  for (const market of euMarkets) {
    const langs = languagesFor(market);
    if (langs.some((l) => have.includes(l))) continue;
    out.push(
      makeFinding(
        "gpsr-safety-language",
        market,
        `safety information languages: ${have.join(", ") || "none"}`,
        { market, languages: langs.join("/"), have: have.join(", ") || "—" },
      ),
    );
  }
}

const claimRule: Record<ClaimGroup, string> = {
  generic: "claim-generic",
  biodegradable: "claim-biodegradable",
  offset: "claim-offset-neutral",
};

const FACT_ORDER: readonly CertificateType[] = [
  "GOTS",
  "FSC",
  "OEKO_TEX",
  "FAIRTRADE",
  "CRADLE_TO_CRADLE",
  "ENERGY_STAR",
];

const MADE_OF: Record<ClaimLang, string> = {
  en: "Made of",
  de: "Aus",
  fr: "Composé de",
  es: "Fabricado con",
  it: "Realizzato in",
  nl: "Gemaakt van",
  zh: "材质：",
  ru: "Материал:",
};

/**
 * What a claim's sentence becomes when nothing of it is left without the claim: a plain fact, the
 * product's materials, else its name without the claim. A claim finding always offers words to
 * use (a title, say, cannot simply lose its text).
 */
function plainFact(input: EvaluateInput, terms: readonly string[], lang: ClaimLang): string {
  const materials = input.profile.materials.value;
  if (materials.length > 0) {
    const list = materials.map((m) => `${m.share}% ${m.material}`).join(", ");
    return lang === "zh" ? `${MADE_OF.zh}${list}。` : `${MADE_OF[lang]} ${list}.`;
  }
  const p = input.product;
  const leaf = p.categoryName?.split(" > ").pop();
  const handle = p.handle.replace(/[-_]+/g, " ");
  for (const name of [p.title, p.productType, leaf, handle]) {
    // The name may make claims of its own ("OEKO-TEX Certified Towel"): none may come back.
    const clean = name ? rewriteWithout(name, [...terms, ...claimTermsIn(name)]) : "";
    if (clean) return clean.replace(/[.!?。]*$/, lang === "zh" ? "。" : ".");
  }
  return `${handle.charAt(0).toUpperCase()}${handle.slice(1)}.`;
}

/** A sentence without its unbacked label mention ("OEKO-TEX Certified" goes as a whole). */
function labelRewrite(input: EvaluateInput, sentence: string, term: string): string {
  const phrase = labelPhrase(term, sentence);
  return rewriteWithout(sentence, [phrase]) || plainFact(input, [phrase], "en");
}

function claimFindings(
  input: EvaluateInput,
  valid: Certificate[],
  validTypes: Set<CertificateType>,
  out: ComplianceFinding[],
) {
  const { parts } = productText(input.product);
  if (!mayClaim(parts)) return;
  const severity = input.today >= ECGT_APPLIES_FROM ? "blocker" : "warning";
  const excellent = EXCELLENCE_LABELS.some((t) => validTypes.has(t));
  const hits = findClaims(parts).filter((h) => h.group === "offset" || !excellent);
  const fact = FACT_ORDER.map((t) => valid.find((c) => c.type === t)).find(Boolean);

  // One finding per rule, place and sentence; the rewrite drops every claim in the sentence.
  const bySentence = new Map<string, ClaimHit[]>();
  for (const h of hits) {
    const key = `${h.part.where}\u0000${h.sentence}`;
    const list = bySentence.get(key);
    if (list) list.push(h);
    else bySentence.set(key, [h]);
  }
  for (const group of bySentence.values()) {
    const first = group[0];
    if (!first) continue;
    const terms = group.map((h) => h.term);
    const kept = rewriteWithout(first.sentence, terms);
    const seen = new Set<string>();
    for (const h of group) {
      const rule = claimRule[h.group];
      if (seen.has(rule)) continue;
      seen.add(rule);
      let s = kept || plainFact(input, terms, first.lang);
      if (fact && h.group !== "offset") {
        const statement = `${CERTIFIED_FACT[fact.type] ?? fact.type} (${fact.number})`;
        s = kept ? `${kept.replace(/[.!?。]$/, "")}. ${statement}.` : `${statement}.`;
      }
      out.push(
        makeFinding(
          rule,
          "EU",
          truncate(`${h.part.where}: “${h.sentence}”`),
          { term: h.term, where: h.part.where, lang: h.lang, from: ECGT_APPLIES_FROM },
          { severity, suggestion: s },
        ),
      );
    }
  }

  const seenLabels = new Set<string>();
  for (const h of findLabelMentions(parts)) {
    if (validTypes.has(h.certificate)) continue;
    const key = `${h.certificate}\u0000${h.part.where}`;
    if (seenLabels.has(key)) continue;
    seenLabels.add(key);
    out.push(
      makeFinding(
        "claim-label-unbacked",
        "EU",
        truncate(`${h.part.where}: “${h.sentence}”`),
        {
          label: h.label,
          certificate: h.certificate,
          where: h.part.where,
          from: ECGT_APPLIES_FROM,
        },
        { severity, suggestion: labelRewrite(input, h.sentence, h.term) },
      ),
    );
  }
}

function markFindings(
  input: EvaluateInput,
  { markets, eaeu }: MarketSets,
  hasEu: boolean,
  validTypes: Set<CertificateType>,
  out: ComplianceFinding[],
) {
  const { product, profile } = input;
  for (const req of MARK_REQUIREMENTS) {
    const targets =
      req.market === "EU"
        ? hasEu
          ? ["EU"]
          : []
        : req.market === "EAEU"
          ? eaeu
          : markets.has(req.market)
            ? [req.market]
            : [];
    if (targets.length === 0) continue;
    const flags = applying(profile, req.appliesWhen);
    if (flags.length === 0 || req.accepts.some((t) => validTypes.has(t))) continue;
    for (const market of targets) {
      out.push(
        makeFinding(req.rule, market, flagEvidence(product, profile, flags), {
          mark: req.mark,
          kinds: flags.join(", "),
          market,
        }),
      );
    }
  }
}

interface MarketSets {
  given: string[];
  markets: Set<string>;
  euMarkets: string[];
  sorted: string[];
  eaeu: string[];
}
let lastMarkets: MarketSets | null = null;

/** The markets as sets and sorted lists; a catalogue pass gives the same list every time. */
function marketSets(given: readonly string[]): MarketSets {
  const last = lastMarkets;
  if (last && last.given.length === given.length && last.given.every((m, i) => m === given[i]))
    return last;
  const markets = new Set(given.map((m) => m.toUpperCase()));
  const sets: MarketSets = {
    given: [...given],
    markets,
    euMarkets: [...markets].filter(isEuMarket).sort(),
    sorted: [...markets].sort(),
    eaeu: [...markets].filter((m) => EAEU_MARKETS.has(m)),
  };
  lastMarkets = sets;
  return sets;
}

export function evaluateCompliance(input: EvaluateInput): ComplianceFinding[] {
  const { product, profile, certificates, today } = input;
  const sets = marketSets(input.markets);
  const markets = sets.markets;
  const euMarkets = sets.euMarkets;
  const hasEu = euMarkets.length > 0;
  const out: ComplianceFinding[] = [];

  const mine = certificates.filter((c) => coversProduct(c, product));
  const valid = mine.filter((c) => isValidOn(c, today));
  const validTypes = new Set(valid.map((c) => c.type));

  certificateFindings(mine, today, out);
  eprFindings(input, markets, out);
  if (hasEu) {
    gpsrFindings(input, euMarkets, out);
    claimFindings(input, valid, validTypes, out);
  }
  markFindings(input, sets, hasEu, validTypes, out);

  if (markets.has("FR") && profile.physical.value) {
    out.push(makeFinding("label-fr-triman", "FR", "sold to FR with packaging", {}));
  }
  const prop65 = profile.prop65.value;
  const warning = prop65 ? prop65ShortWarning(prop65) : null;
  if (markets.has("US") && warning && prop65) {
    out.push(
      makeFinding("label-prop65", "US", `prop65: ${prop65.chemicals.join(", ")}`, {
        text: warning,
      }),
    );
  }
  if (looksRestricted(product)) {
    const evidence = truncate(product.categoryName ?? product.title, 80);
    for (const market of sets.sorted) {
      out.push(makeFinding("restricted-goods", market, evidence, { evidence, market }));
    }
  }
  return out;
}
