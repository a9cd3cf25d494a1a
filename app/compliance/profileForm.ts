/**
 * The product page's profile form, the pure part: the merchant's answers from the submitted
 * fields, and the message each field error shows. Saving confirms every value the form shows (an
 * unticked kind is a confirmed "no"); a value left empty goes back to inferred; answers the form
 * does not show are kept. The values' formats are checked by profileAnswersSchema afterwards.
 */
import type { MessageKey } from "../i18n/en";
import { BULK_FLAGS, PARTY_FIELDS } from "./bulk";
import type { MerchantProfile, Party, Prop65Flag } from "./types";

/** The product kinds the merchant can confirm; each one decides which rules apply. */
export const PROFILE_FLAGS = BULK_FLAGS;
export const PROP65_ENDPOINTS = ["cancer", "reproductive", "both"] as const;

type Form = Record<string, FormDataEntryValue | undefined>;
const text = (form: Form, name: string): string => String(form[name] ?? "").trim();
/** `12,5` as well as `12.5`; blank is NaN, which the schema refuses with the field's error. */
const num = (s: string): number => (s ? Number(s.replace(",", ".")) : Number.NaN);

/** A party from the form: all four fields, none (stays inferred), or the schema's field errors. */
function partyOf(form: Form, prefix: string): Party | undefined {
  const values = Object.fromEntries(PARTY_FIELDS.map((f) => [f, text(form, `${prefix}.${f}`)]));
  const v = values as Record<(typeof PARTY_FIELDS)[number], string>;
  if (PARTY_FIELDS.every((f) => !v[f])) return undefined;
  return { ...v, country: v.country.toUpperCase() };
}

/**
 * Rows `<list>.<i>.<a>` / `<list>.<i>.<b>` in form order, blank rows dropped; `rows` keeps each
 * kept row's index on the form so a field error lands on the row the merchant typed.
 */
function rowsOf(form: Form, list: string, a: string, b: string) {
  const re = new RegExp(`^${list}\\.(\\d{1,2})\\.(${a}|${b})$`);
  const indices = [
    ...new Set(
      Object.keys(form).flatMap((k) => (re.exec(k)?.[1] ? [Number(k.split(".")[1])] : [])),
    ),
  ].sort((x, y) => x - y);
  const kept = indices
    .map((i) => ({ i, a: text(form, `${list}.${i}.${a}`), b: text(form, `${list}.${i}.${b}`) }))
    .filter((r) => r.a || r.b);
  return { kept, rows: kept.map((r) => r.i) };
}

export interface ProfileForm {
  answers: MerchantProfile;
  /** A schema error's path (`materials.0.share`) as the form field's name (`materials.2.share`). */
  fieldOf: (path: string) => string;
}

export function answersFromForm(form: Form, stored: MerchantProfile): ProfileForm {
  const answers: MerchantProfile = { ...stored };
  const put = <K extends keyof MerchantProfile>(key: K, value: MerchantProfile[K] | undefined) => {
    if (value === undefined) delete answers[key];
    else answers[key] = value;
  };
  for (const f of PROFILE_FLAGS) answers[f] = form[`flag.${f}`] === "on";
  put("countryOfOrigin", text(form, "countryOfOrigin").toUpperCase() || undefined);
  put("hsCode", text(form, "hsCode").replace(/[\s.]/g, "") || undefined);
  put("manufacturer", partyOf(form, "manufacturer"));
  put("euResponsiblePerson", partyOf(form, "euResponsiblePerson"));

  const materials = rowsOf(form, "materials", "material", "share");
  put(
    "materials",
    materials.kept.length
      ? materials.kept.map((r) => ({ material: r.a.toLowerCase(), share: num(r.b) }))
      : undefined,
  );
  const recycled = text(form, "recycledContentPct").replace(/%$/, "").trim();
  put("recycledContentPct", recycled ? num(recycled) : undefined);
  const packaging = rowsOf(form, "packaging", "material", "grams");
  put(
    "packaging",
    packaging.kept.length
      ? packaging.kept.map((r) => ({ material: r.a.toLowerCase(), grams: num(r.b) }))
      : undefined,
  );

  // Unticked is the merchant's "no listed chemical": a confirmed null, like an unticked kind.
  const prop65: Prop65Flag | null =
    form["prop65.on"] === "on"
      ? {
          chemicals: text(form, "prop65.chemicals")
            .split(/[,;\n]+/)
            .map((c) => c.trim())
            .filter(Boolean),
          endpoint: text(form, "prop65.endpoint") as Prop65Flag["endpoint"],
        }
      : null;
  answers.prop65 = prop65;

  const safety: Record<string, string> = {};
  for (const key of Object.keys(form)) {
    const lang = /^safetyInfo\.(.+)$/.exec(key)?.[1];
    const body = text(form, key);
    if (lang && body) safety[lang] = body;
  }
  put("safetyInfo", Object.keys(safety).length ? safety : undefined);

  const fieldOf = (path: string): string => {
    const m = /^(materials|packaging)\.(\d+)(\..*)?$/.exec(path);
    if (!m?.[1] || !m[2]) return path;
    const rows = m[1] === "materials" ? materials.rows : packaging.rows;
    return `${m[1]}.${rows[Number(m[2])] ?? m[2]}${m[3] ?? ""}`;
  };
  return { answers, fieldOf };
}

/** The message for a field error of the profile form, by the field it names. */
export function profileErrorKey(field: string): MessageKey {
  if (field === "countryOfOrigin" || field.endsWith(".country"))
    return "compliance.reg.error.country";
  if (field === "hsCode") return "compliance.profile.error.hs";
  if (field === "form") return "compliance.error.gone";
  if (/^(manufacturer|euResponsiblePerson)\./.test(field))
    return "compliance.profile.error.required";
  if (field === "materials") return "compliance.profile.error.sharesSum";
  if (/^(materials|packaging)\.\d+\.material$/.test(field))
    return "compliance.profile.error.material";
  if (/^materials\.\d+\.share$/.test(field)) return "compliance.profile.error.share";
  if (/^packaging\.\d+\.grams$/.test(field)) return "compliance.profile.error.grams";
  if (field === "recycledContentPct") return "compliance.profile.error.percent";
  if (field.startsWith("prop65.chemicals")) return "compliance.profile.error.chemicals";
  if (field.startsWith("safetyInfo")) return "compliance.profile.error.safetyInfo";
  return "compliance.error.invalid";
}
