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
 * The sentence without the claimed words (and a connector or intensifier that only served them).
 * Empty when nothing worth keeping is left: then the advice is to delete the sentence.
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
    .replace(/^[\s,;:–—-]+/, "")
    .trim();
  const words = out.match(/[\p{L}\p{N}]+/gu) ?? [];
  const cjk = /[\u4e00-\u9fff]/.test(out);
  if ((!cjk && words.length <= 2) || (cjk && out.replace(/[。！？\s]/g, "").length < 2)) return "";
  if (COPULA_END.test(out)) return "";
  return out.charAt(0).toUpperCase() + out.slice(1);
}
