/**
 * Finding environmental claims in product text and rewriting the sentence without them.
 * All regexes are compiled once at module load; each text part is scanned once.
 */
import {
  CLAIM_TERMS,
  CONNECTORS,
  LABEL_MENTIONS,
  type ClaimGroup,
  type ClaimLang,
} from "./packs/claims";
import { sentenceAround, type TextPart } from "./text";
import type { CertificateType } from "./types";

export interface ClaimHit {
  group: ClaimGroup;
  lang: ClaimLang;
  /** The matched words as written. */
  term: string;
  part: TextPart;
  sentence: string;
}

export interface LabelHit {
  certificate: CertificateType;
  label: string;
  term: string;
  part: TextPart;
  sentence: string;
}

const START = "(?<![\\p{L}\\p{N}])";
const END = "(?![\\p{L}\\p{N}])";

/**
 * Named groups `<group>_<lang>` so one pass tells which vocabulary matched. The word-start
 * lookbehind comes first, once, so positions inside words are rejected before any alternative
 * is tried; Chinese (no word boundaries) gets its own regex.
 */
function compileClaims(cjk: boolean): RegExp {
  const alternatives: string[] = [];
  for (const group of Object.keys(CLAIM_TERMS) as ClaimGroup[]) {
    for (const [lang, terms] of Object.entries(CLAIM_TERMS[group])) {
      if (!terms || terms.length === 0 || (lang === "zh") !== cjk) continue;
      alternatives.push(`(?<${group}_${lang}>(?:${terms.join("|")})${cjk ? "" : END})`);
    }
  }
  return new RegExp(`${cjk ? "" : START}(?:${alternatives.join("|")})`, "gu");
}

const CLAIM_REGEXES = [compileClaims(false), compileClaims(true)] as const;

/**
 * Cheap gates before the full vocabularies: every claim term (label mention) contains one of
 * these fragments. Plain (non-unicode, no lookaround) so V8 scans them fast; most text never
 * passes. `ANY_GATE` is both at once, so text without either is scanned only once.
 */
const CLAIM_ANCHORS =
  "eco-|eco |ecofriendly|ecolog|ecológ|écolog|ecocompat|ecosostenib|ecoamigable|friendly|environment|planet|sustainabl|green|umwelt|klima|naturfreundlich|ökolog|nachhaltig|grün|respectueu|responsable|vert|respetuos|amigable|sostenib|verde|compatibil|ambiente|vriendelijk|groen|环保|生态|可持续|降解|碳|中和|эко|биоразлаг|нейтральн|biodegrad|abbaubar|biodégrad|afbreekba|neutr|net zero|net-zero|carbon|climat|impatto";
const LABEL_ANCHORS =
  "gots|organic|bio|coton|algodón|cotone|katoen|有机|oeko|öko|fsc|ecolabel|etiqueta|umweltzeichen|nordic|svanen|angel|engel|fair|corp|energy star|cradle|c2c";
const CLAIM_GATE = new RegExp(CLAIM_ANCHORS);
const LABEL_GATE = new RegExp(LABEL_ANCHORS);
const ANY_GATE = new RegExp(`${CLAIM_ANCHORS}|${LABEL_ANCHORS}`);

/** True when a part may hold a claim or a label mention; callers skip the rest otherwise. */
export function mayClaim(parts: readonly TextPart[]): boolean {
  return parts.some((p) => ANY_GATE.test(p.lower));
}

const LABEL_REGEX = new RegExp(
  LABEL_MENTIONS.map((m, i) => `(?<l${i}>${m.pattern})`).join("|"),
  "gu",
);

/** Indices from a match on `lower` map to `text` only when lower-casing kept the length. */
function textOf(part: TextPart): string {
  return part.lower.length === part.text.length ? part.text : part.lower;
}

export function findClaims(parts: readonly TextPart[]): ClaimHit[] {
  const hits: ClaimHit[] = [];
  for (const part of parts) {
    if (!CLAIM_GATE.test(part.lower)) continue;
    for (const regex of CLAIM_REGEXES) {
      for (const m of part.lower.matchAll(regex)) {
        const groups = m.groups ?? {};
        const key = Object.keys(groups).find((k) => groups[k] !== undefined);
        if (!key) continue;
        const [group, lang] = key.split("_") as [ClaimGroup, ClaimLang];
        const start = m.index;
        const end = start + m[0].length;
        const source = textOf(part);
        hits.push({
          group,
          lang,
          term: source.slice(start, end),
          part,
          sentence: sentenceAround(source, start, end),
        });
      }
    }
  }
  return hits;
}

export function findLabelMentions(parts: readonly TextPart[]): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const part of parts) {
    if (!LABEL_GATE.test(part.lower)) continue;
    for (const m of part.lower.matchAll(LABEL_REGEX)) {
      const groups = m.groups ?? {};
      const key = Object.keys(groups).find((k) => groups[k] !== undefined);
      const mention = key ? LABEL_MENTIONS[Number(key.slice(1))] : undefined;
      if (!mention) continue;
      const source = textOf(part);
      const start = m.index;
      const end = start + m[0].length;
      hits.push({
        certificate: mention.certificate,
        label: mention.label,
        term: source.slice(start, end),
        part,
        sentence: sentenceAround(source, start, end),
      });
    }
  }
  return hits;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const CERTIFIED_WORD =
  "(?:certified|zertifiziert|certifiée?s?|certificad[oa]s?|certificat[oa]|gecertificeerd|сертифицирован[оаы]?)";
const LABEL_PHRASES = new Map<string, RegExp>();

/**
 * A label mention as the sentence words it: "OEKO-TEX Certified" or "certified organic" rather
 * than the bare name, so the rewrite does not leave a dangling "Certified" (a claim of its own).
 */
export function labelPhrase(term: string, sentence: string): string {
  let regex = LABEL_PHRASES.get(term);
  if (!regex) {
    const t = escape(term);
    regex = new RegExp(`${t}[\\s-]+${CERTIFIED_WORD}|${CERTIFIED_WORD}\\s+${t}`, "iu");
    if (LABEL_PHRASES.size >= 5_000) LABEL_PHRASES.clear();
    LABEL_PHRASES.set(term, regex);
  }
  return regex.exec(sentence)?.[0] ?? term;
}

/** Every claim and label phrase in a short text such as a product's name. */
export function claimTermsIn(text: string): string[] {
  const part: TextPart = { field: "title", where: "title", text, lower: text.toLowerCase() };
  if (!mayClaim([part])) return [];
  return [
    ...findClaims([part]).map((h) => h.term),
    ...findLabelMentions([part]).map((h) => labelPhrase(h.term, text)),
  ];
}
const CONNECTOR = `(?:${CONNECTORS.map(escape).join("|")})`;
const INTENSIFIER =
  "(?:(?:100\\s?%|truly|very|fully|completely|totally|super|sehr|besonders|très|vraiment|muy|totalmente|molto|davvero|zeer|echt|真正|完全)\\s*)?";
const COPULA_END = /(?:^|\s)(is|are|ist|sind|est|sont|es|son|è|sono|zijn|是|является)\s*[.!?。]?$/i;

/** The three (non-global, so stateless) rewrite regexes of a term, compiled once per term. */
const TERM_REGEXES = new Map<string, readonly [RegExp, RegExp, RegExp]>();
function termRegexes(term: string): readonly [RegExp, RegExp, RegExp] {
  let list = TERM_REGEXES.get(term);
  if (!list) {
    const t = escape(term);
    list = [
      new RegExp(`${INTENSIFIER}${t}\\s+${CONNECTOR}\\s+`, "iu"),
      new RegExp(`\\s*,?\\s+${CONNECTOR}\\s+${INTENSIFIER}${t}`, "iu"),
      new RegExp(`${INTENSIFIER}${t}`, "iu"),
    ];
    if (TERM_REGEXES.size >= 5_000) TERM_REGEXES.clear();
    TERM_REGEXES.set(term, list);
  }
  return list;
}

/**
 * Words that carry no content of their own: a remainder made only of these ("It is", "Our", "Sehr",
 * "Certified") says nothing once the claim is gone. Anything else is kept, however short: a title such as
 * "Biodegradable cardboard pots" must become "Cardboard pots", not nothing.
 */
const FUNCTION_WORDS = new Set(
  (
    "a an the and or so it its this that these those our we you your is are be was very really also too all now go " +
    "es ist sind unser unsere der die das ein eine und sehr auch " +
    "il elle est sont notre nos le la les un une et très aussi c ce " +
    "son nuestro nuestra nuestros el los las una y muy también " +
    "è sono il lo gli nostro nostra un una e molto anche " +
    "het zijn ons onze de een en zeer ook " +
    "это наш наша и очень " +
    // What is left of "OEKO-TEX Certified" without the label: a claim of its own, not a fact.
    "certified certification certificate approved by with zertifiziert zertifikat mit von " +
    "certifié certifiée certifiés certifiées par avec certificado certificada con por " +
    "certificato certificata con da gecertificeerd met door сертифицировано сертифицирован"
  ).split(" "),
);

/**
 * The sentence without the claimed words (and a connector or intensifier that only served them).
 * Empty when nothing worth keeping is left (only function words, or a dangling "… is"); the
 * evaluator then suggests a factual statement instead (evaluate.ts), never nothing.
 */
export function rewriteWithout(sentence: string, terms: readonly string[]): string {
  let out = sentence;
  for (const term of [...new Set(terms)].sort((a, b) => b.length - a.length)) {
    const [before, after, alone] = termRegexes(term);
    out = out.replace(before, "").replace(after, "").replace(alone, "");
  }
  out = out
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.!?;:。])/g, "$1")
    .replace(/,([.!?。])/g, "$1")
    .replace(/([,;:])(?:\s*[,;:])+/g, "$1")
    .replace(/^[\s,;:–—-]+/, "")
    .trim();
  const words = out.match(/[\p{L}\p{N}]+/gu) ?? [];
  const cjk = /[\u4e00-\u9fff]/.test(out);
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  if ((!cjk && content.length === 0) || (cjk && out.replace(/[。！？\s]/g, "").length < 2))
    return "";
  if (COPULA_END.test(out)) return "";
  return out.charAt(0).toUpperCase() + out.slice(1);
}
