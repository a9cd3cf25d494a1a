/**
 * The product compliance page's edits that need more than one service call: saving the profile
 * form (read the stored answers, merge the form, validate, save) and saying why a rewrite was
 * refused. Messages are in the admin's language because the page shows them as they are.
 */
import type { Db } from "../db.server";
import { translate, type Locale } from "../i18n/i18n";
import type { ApplyRewriteOutcome } from "./apply-rewrite.server";
import { answersFromForm, profileErrorKey } from "./profileForm";
import { productProfile } from "./queries.server";
import { fieldErrorsOf, profileFormSchema } from "./schemas.server";
import { saveProfileAnswers, type VaultOptions } from "./vault.server";

/** Why "Apply the rewrite" wrote nothing, in the admin's language. */
export function rewriteRefusalMessage(
  done: Extract<ApplyRewriteOutcome, { ok: false }>,
  locale: Locale,
): string {
  return done.reason === "gone"
    ? translate(locale, "compliance.error.gone")
    : done.reason === "rejected"
      ? translate(locale, "compliance.rewrite.rejected", { message: done.message })
      : translate(locale, `compliance.rewrite.${done.reason}`);
}

/** Field errors in the admin's language, on the form's field names. */
function profileErrors(
  errors: Record<string, string>,
  fieldOf: (path: string) => string,
  locale: Locale,
) {
  const out: Record<string, string> = {};
  for (const key of Object.keys(errors))
    out[fieldOf(key)] ??= translate(locale, profileErrorKey(key));
  return out;
}

/**
 * Saves the profile form of a product. Saving the form confirms every value it shows; answers it
 * does not show are kept.
 */
export async function saveProfileForm(
  db: Db,
  shop: string,
  productId: string,
  form: Record<string, FormDataEntryValue | undefined>,
  locale: Locale,
  options: VaultOptions,
): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string> }> {
  const stored = (await productProfile(db, shop, productId))?.answers ?? {};
  const { answers, fieldOf } = answersFromForm(form, stored);
  const check = profileFormSchema.safeParse(answers);
  if (!check.success)
    return { ok: false, fieldErrors: profileErrors(fieldErrorsOf(check.error), fieldOf, locale) };
  const saved = await saveProfileAnswers(db, shop, productId, answers, options);
  if (!saved.ok)
    return { ok: false, fieldErrors: profileErrors(saved.fieldErrors, fieldOf, locale) };
  return { ok: true };
}
