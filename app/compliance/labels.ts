/**
 * The label set the storefront theme blocks show for a product: badges (valid certificates only),
 * the GPSR block, EPR numbers with French Triman/Info-tri guidance, and the Prop 65 warning.
 * Deterministic: same inputs -> byte-identical JSON (`labelsJson`), so an unchanged label is
 * never rewritten; a badge disappears the day after its certificate's validTo.
 */
import { coversProduct, isValidOn } from "./certificates";
import { EPR_OBLIGATIONS } from "./packs/epr";
import { PACKS_VERSION } from "./packs/version";
import { isEuMarket, languagesFor } from "./packs/markets";
import { prop65ShortWarning } from "./prop65";
import { validateRegistration } from "./registrations";
import { RuleFinding } from "./render";
import type { CertificateType, EvaluateInput, Party } from "./types";

export interface Badge {
  type: CertificateType;
  number: string;
  issuer: string;
  validTo: string | null;
  /** The certificate's linked document (http or https only), for the storefront to link to. */
  documentUrl?: string;
}

export interface GpsrBlock {
  manufacturer: Party | null;
  responsiblePerson: Party | null;
  /** Warnings per language, only the languages of the EU markets sold to (plus English). */
  warnings: Record<string, string>;
}

export interface EprNumber {
  country: string;
  stream: string;
  register: string;
  number: string;
}

export interface ProductLabels {
  productId: string;
  packsVersion: string;
  badges: Badge[];
  gpsr: GpsrBlock | null;
  epr: EprNumber[];
  /** France: Triman + Info-tri guidance for the packaging. */
  france: { triman: true; infoTri: string } | null;
  prop65: string | null;
}

/** Kinds of badge a storefront shows (marks like CE or FCC are evidence, not badges). */
export const BADGE_TYPES: ReadonlySet<CertificateType> = new Set<CertificateType>([
  "GOTS",
  "OEKO_TEX",
  "FSC",
  "EU_ECOLABEL",
  "NORDIC_SWAN",
  "BLUE_ANGEL",
  "FAIRTRADE",
  "B_CORP",
  "ENERGY_STAR",
  "CRADLE_TO_CRADLE",
]);

const INFO_TRI =
  "Show the Triman logo with the Info-tri sorting instructions for each packaging element on the product or its packaging.";

/** Only web links reach the storefront's href (never `javascript:` or a file gid). */
function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\/[^\s]+$/i.test(url);
}

export function computeLabels(input: EvaluateInput): ProductLabels {
  const { product, profile, registrations, certificates, today } = input;
  const markets = new Set(input.markets.map((m) => m.toUpperCase()));

  const badges: Badge[] = certificates
    .filter((c) => BADGE_TYPES.has(c.type) && coversProduct(c, product) && isValidOn(c, today))
    .map((c) => ({
      type: c.type,
      number: c.number,
      issuer: c.issuer,
      validTo: c.validTo,
      ...(isWebUrl(c.document.url) ? { documentUrl: c.document.url } : {}),
    }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.number.localeCompare(b.number));

  const euMarkets = [...markets].filter(isEuMarket);
  let gpsr: GpsrBlock | null = null;
  if (euMarkets.length > 0) {
    const wanted = new Set(["en", ...euMarkets.flatMap((m) => languagesFor(m))]);
    const info = profile.safetyInfo.value;
    const warnings: Record<string, string> = {};
    for (const lang of Object.keys(info).sort()) {
      const text = info[lang]?.trim();
      if (text && wanted.has(lang)) warnings[lang] = text;
    }
    gpsr = {
      manufacturer: profile.manufacturer.value,
      responsiblePerson: profile.euResponsiblePerson.value,
      warnings,
    };
  }

  const epr: EprNumber[] = [];
  for (const ob of EPR_OBLIGATIONS) {
    if (!markets.has(ob.country)) continue;
    if (!ob.appliesWhen.some((f) => profile[f].value)) continue;
    const reg = registrations.find((r) => r.country === ob.country && r.stream === ob.stream);
    if (!reg) continue;
    // A LUCID number held in another role than producer does not count (epr-de-packaging-role).
    if (ob.rule === "epr-de-packaging" && reg.role && reg.role !== "producer") continue;
    const check = validateRegistration(reg);
    if (check.ok) {
      epr.push({
        country: ob.country,
        stream: ob.stream,
        register: ob.register,
        number: check.normalized,
      });
    }
  }

  const prop65 =
    markets.has("US") && profile.prop65.value ? prop65ShortWarning(profile.prop65.value) : null;

  return {
    productId: product.id,
    packsVersion: PACKS_VERSION,
    badges,
    gpsr,
    epr,
    france:
      markets.has("FR") && profile.physical.value ? { triman: true, infoTri: INFO_TRI } : null,
    prop65,
  };
}

/** JSON with object keys sorted at every level: equal labels give equal strings. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value instanceof RuleFinding) return stableStringify(value.toJSON());
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(",")}}`;
}

export function labelsJson(labels: ProductLabels): string {
  return stableStringify(labels);
}
