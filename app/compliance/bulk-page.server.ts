/**
 * The bulk edit page's data and form (/app/compliance/bulk): the route authenticates and reads
 * the request; this lists the selection, previews or starts an edit, and words the field errors.
 */
import { rawDb } from "../db/raw.server";
import { databaseUrl } from "../db/url";
import type { Db } from "../db.server";
import type { MessageKey } from "../i18n/en";
import { translate, type Locale } from "../i18n/i18n";
import { logger } from "../logger.server";
import { getShopSettings } from "../shop/settings.server";
import { patchFields, patchFromForm } from "./bulk";
import {
  countSelection,
  filterChoices,
  listSelection,
  parseBulkInput,
  recentBulkEdits,
  startBulkEdit,
} from "./bulk.server";
import { bulkFilterSchema, type BulkFilter } from "./schemas.server";

export const BULK_PAGE_SIZE = 50;
const FILTER_KEYS = ["q", "vendor", "productType", "collectionId", "findings"] as const;
/** The selection is read through the raw connection (it joins the mirror with the scores). */
const channels = () => rawDb(databaseUrl());

/** A filter from the address (or a form's `filter.*` fields); anything unreadable is dropped. */
export function bulkFilterOf(get: (key: string) => unknown): BulkFilter {
  const out: BulkFilter = {};
  for (const key of FILTER_KEYS) {
    const one = bulkFilterSchema.shape[key].safeParse(get(key) ?? undefined);
    if (one.success && one.data !== undefined) Object.assign(out, { [key]: one.data });
  }
  return out;
}

/**
 * One page of the products the filter matches, the filter's choices and the recent edits.
 * `localeOf` turns the shop's language setting into the admin's locale (it needs the request).
 */
export async function bulkPage(
  database: Db,
  shop: string,
  filter: BulkFilter,
  page: number,
  localeOf: (language: string) => Locale,
) {
  const [settings, choices, total, rows, edits] = await Promise.all([
    getShopSettings(database, shop),
    filterChoices(database, shop),
    countSelection(channels(), shop, { filter }),
    listSelection(channels(), shop, filter, page, BULK_PAGE_SIZE),
    recentBulkEdits(database, shop),
  ]);
  return {
    locale: localeOf(settings.language),
    filter,
    page,
    pageCount: Math.max(1, Math.ceil(total / BULK_PAGE_SIZE)),
    total,
    rows,
    choices,
    edits: edits.map((e) => ({
      id: e.id,
      status: e.status,
      total: e.total,
      done: e.done,
      fields: patchFields(e.patch),
      createdAt: e.createdAt,
      finishedAt: e.finishedAt,
    })),
  };
}

/** Field errors of the services, in the admin's language, on the form's field names. */
export function bulkErrors(errors: Record<string, string>, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [raw, code] of Object.entries(errors)) {
    const field = raw.replace(/^set\./, "").split(".")[0] ?? raw;
    let key: MessageKey = "compliance.error.invalid";
    if (raw === "selection")
      key = code === "empty" ? "compliance.bulk.error.empty" : "compliance.error.gone";
    else if (raw === "form" || code === "nothing") key = "compliance.bulk.error.nothing";
    else if (code === "materials") key = "compliance.bulk.error.materials";
    else if (code === "party") key = "compliance.profile.error.required";
    else if (code === "safetyInfo") key = "compliance.bulk.error.safetyInfo";
    else if (code === "prop65" || field === "prop65") key = "compliance.profile.error.chemicals";
    else if (code === "recycled" || field === "recycledContentPct")
      key = "compliance.profile.error.percent";
    else if (field === "countryOfOrigin" || raw.endsWith(".country"))
      key = "compliance.reg.error.country";
    else if (field === "hsCode") key = "compliance.profile.error.hs";
    else if (field === "safetyInfo") key = "compliance.bulk.error.lang";
    out[field === "form" ? "form" : field] ??= translate(locale, key);
  }
  return out;
}

export interface BulkForm {
  intent: "preview" | "apply";
  /** Every product the filter matches, or only the ticked `ids` among them. */
  selection: { filter: BulkFilter; ids?: string[] };
  /** The form's fields as posted (`mode.<field>` and the values). */
  fields: Record<string, FormDataEntryValue>;
}

/**
 * Previews (how many products, which fields) or starts the bulk edit the form describes.
 * `enqueue` queues the edit's job; it is only reached when an edit starts.
 */
export async function submitBulkForm(
  database: Db,
  shop: string,
  locale: Locale,
  { intent, selection, fields }: BulkForm,
  enqueue: (shop: string, editId: string) => Promise<void>,
) {
  const form = patchFromForm(fields);
  if (!form.ok)
    return { ok: false as const, intent, fieldErrors: bulkErrors(form.fieldErrors, locale) };
  const input = { selection, patch: form.patch };
  try {
    if (intent === "preview") {
      const parsed = parseBulkInput(input);
      if (!parsed.ok)
        return { ok: false as const, intent, fieldErrors: bulkErrors(parsed.fieldErrors, locale) };
      const count = await countSelection(channels(), shop, parsed.value.selection);
      if (count === 0)
        return {
          ok: false as const,
          intent,
          fieldErrors: bulkErrors({ selection: "empty" }, locale),
        };
      return {
        ok: true as const,
        intent,
        count,
        fields: patchFields(parsed.value.patch),
        fieldErrors: {},
      };
    }
    const started = await startBulkEdit(database, channels(), shop, input, { enqueue });
    if (!started.ok)
      return { ok: false as const, intent, fieldErrors: bulkErrors(started.fieldErrors, locale) };
    return {
      ok: true as const,
      intent,
      count: started.value.total,
      fields: patchFields(form.patch),
      fieldErrors: {},
    };
  } catch (error) {
    logger.error(
      { shop, op: `compliance.bulk.${intent}`, err: (error as Error).message },
      "could not run the bulk edit of product facts",
    );
    return { ok: false as const, intent, fieldErrors: { form: translate(locale, "error.title") } };
  }
}
