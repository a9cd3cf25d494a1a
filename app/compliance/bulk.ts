/**
 * Bulk edits of product facts, the pure part: which fields a bulk edit can set, the patch it
 * applies to each product's confirmed answers, and the form a merchant fills in. Every field the
 * patch sets becomes confirmed (the merchant said so); a field it resets goes back to inferred;
 * every other answer the product had is kept.
 */
import type { MaterialShare, MerchantProfile, Party, ProfileValues, Prop65Flag } from "./types";

/** The product kinds a bulk edit can confirm (as on the product page). */
export const BULK_FLAGS = [
  "physical",
  "electrical",
  "radio",
  "mainsPowered",
  "batteryIncluded",
  "textile",
  "footwear",
  "toy",
  "forChildren",
  "cosmetic",
  "foodContact",
  "furniture",
  "sportsLeisure",
  "diyGarden",
  "ppe",
] as const satisfies readonly (keyof ProfileValues)[];
export type BulkFlag = (typeof BULK_FLAGS)[number];

export const BULK_VALUES = [
  "materials",
  "recycledContentPct",
  "countryOfOrigin",
  "hsCode",
  "manufacturer",
  "euResponsiblePerson",
  "safetyInfo",
  "prop65",
] as const satisfies readonly (keyof ProfileValues)[];

export const BULK_FIELDS = [...BULK_FLAGS, ...BULK_VALUES] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

export const PARTY_FIELDS = ["name", "postalAddress", "country", "electronicAddress"] as const;

/** `set`: values to confirm; `reset`: fields to send back to inferred. */
export interface ProfilePatch {
  set: MerchantProfile;
  reset: BulkField[];
}

/**
 * One product's answers after the patch. Warnings are per language, so setting the French text
 * keeps the German one.
 */
export function applyProfilePatch(answers: MerchantProfile, patch: ProfilePatch): MerchantProfile {
  const out: MerchantProfile = { ...answers };
  for (const field of patch.reset) delete out[field];
  for (const key of Object.keys(patch.set) as (keyof ProfileValues)[]) {
    if (patch.set[key] === undefined) continue;
    if (key === "safetyInfo")
      out.safetyInfo = {
        ...(patch.reset.includes("safetyInfo") ? {} : (out.safetyInfo ?? {})),
        ...patch.set.safetyInfo,
      };
    else (out as Record<string, unknown>)[key] = patch.set[key];
  }
  return out;
}

/** The fields a patch touches, in form order (for the preview and the edit's history). */
export function patchFields(patch: ProfilePatch): BulkField[] {
  return BULK_FIELDS.filter((f) => patch.set[f] !== undefined || patch.reset.includes(f));
}

const MATERIAL_PART = /^(\d{1,3}(?:[.,]\d+)?)\s*%\s*(.+)$/;

/**
 * `80% cotton, 20% polyester` (or `;`/new lines between parts) as shares; null when a part has
 * no percentage or the shares add up to more than 100.
 */
export function parseMaterials(text: string): MaterialShare[] | null {
  const parts = text
    .split(/[;\n]+|(?<!\d),|,(?!\d)/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const out: MaterialShare[] = [];
  for (const part of parts) {
    const m = MATERIAL_PART.exec(part);
    if (!m?.[1] || !m[2]) return null;
    const share = Number(m[1].replace(",", "."));
    if (!(share > 0 && share <= 100)) return null;
    out.push({ material: m[2].trim().toLowerCase(), share });
  }
  return out.reduce((sum, m) => sum + m.share, 0) <= 100.001 ? out : null;
}

/** What to do with a field: flags are confirmed yes or no; values are set; either can reset. */
export type FieldMode = "keep" | "yes" | "no" | "set" | "reset";

type Form = Record<string, FormDataEntryValue | undefined>;
const text = (form: Form, name: string): string => String(form[name] ?? "").trim();

function partyOf(form: Form, prefix: string): Party | null {
  const v = Object.fromEntries(
    PARTY_FIELDS.map((f) => [f, text(form, `${prefix}.${f}`)]),
  ) as Record<(typeof PARTY_FIELDS)[number], string>;
  return PARTY_FIELDS.every((f) => v[f]) ? { ...v, country: v.country.toUpperCase() } : null;
}

/**
 * The bulk-edit form as a patch: `mode.<field>` says what to do with each field (left out means
 * keep), and the value fields say what to set. Field errors name the form field at fault; the
 * values' formats (country, HS code) are checked by the schema afterwards.
 */
export function patchFromForm(
  form: Form,
): { ok: true; patch: ProfilePatch } | { ok: false; fieldErrors: Record<string, string> } {
  const set: MerchantProfile = {};
  const reset: BulkField[] = [];
  const errors: Record<string, string> = {};
  for (const field of BULK_FIELDS) {
    const mode = text(form, `mode.${field}`) || "keep";
    if (mode === "reset") reset.push(field);
    else if ((BULK_FLAGS as readonly string[]).includes(field)) {
      if (mode === "yes" || mode === "no") set[field as BulkFlag] = mode === "yes";
    } else if (mode === "set") {
      if (field === "materials") {
        const materials = parseMaterials(text(form, "materials"));
        if (materials) set.materials = materials;
        else errors.materials = "materials";
      } else if (field === "recycledContentPct") {
        const pct = text(form, field).replace(/%$/, "").trim().replace(",", ".");
        if (pct) set.recycledContentPct = Number(pct);
        else errors.recycledContentPct = "recycled";
      } else if (field === "prop65") {
        const chemicals = text(form, "prop65.chemicals")
          .split(/[,;\n]+/)
          .map((c) => c.trim())
          .filter(Boolean);
        const endpoint = text(form, "prop65.endpoint") || "cancer";
        if (chemicals.length)
          set.prop65 = { chemicals, endpoint: endpoint as Prop65Flag["endpoint"] };
        else errors.prop65 = "prop65";
      } else if (field === "countryOfOrigin") set.countryOfOrigin = text(form, field).toUpperCase();
      else if (field === "hsCode") set.hsCode = text(form, field).replace(/[\s.]/g, "");
      else if (field === "manufacturer" || field === "euResponsiblePerson") {
        const party = partyOf(form, field);
        if (party) set[field] = party;
        else errors[field] = "party";
      } else if (field === "safetyInfo") {
        const lang = text(form, "safetyInfo.lang");
        const body = text(form, "safetyInfo.text");
        if (body) set.safetyInfo = { [lang]: body };
        else errors.safetyInfo = "safetyInfo";
      }
    }
  }
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  if (Object.keys(set).length === 0 && reset.length === 0)
    return { ok: false, fieldErrors: { form: "nothing" } };
  return { ok: true, patch: { set, reset } };
}
