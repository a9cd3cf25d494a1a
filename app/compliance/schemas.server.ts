/**
 * The input schemas of the compliance vault: one zod schema per form, shared by the admin pages'
 * actions (and their field errors) and the services that save. Parsed values are already in the
 * engine's shapes (Registration, Certificate, MerchantProfile).
 */
import { z } from "zod";
import { BULK_FIELDS } from "./bulk";
import { CERTIFICATE_TYPES, type EprStream, type MerchantProfile } from "./types";

export const EPR_STREAMS = [
  "packaging",
  "weee",
  "batteries",
  "textiles",
  "toys",
  "furniture",
  "sports_leisure",
  "diy_garden",
] as const satisfies readonly EprStream[];
// Fails to compile when the engine gains a stream this list lacks.
const everyStream: Exclude<EprStream, (typeof EPR_STREAMS)[number]> extends never ? true : false =
  true;
void everyStream;

export const REGISTRATION_ROLES = [
  "producer",
  "authorised_representative",
  "third_party",
  "other",
] as const;

const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code, like DE");

/** A calendar day `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31")
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "Not a real date");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const registrationInputSchema = z.object({
  country,
  stream: z.enum(EPR_STREAMS),
  number: z.string().trim().min(1, "Enter the registration number").max(100),
  role: z.enum(REGISTRATION_ROLES).optional().nullable(),
  notes: optionalText(2000),
});
export type RegistrationInput = z.input<typeof registrationInputSchema>;

const gid = (type: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `Not a Shopify ${type} id`);

export const certificateScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("products"), productIds: z.array(gid("Product")).min(1).max(5000) }),
  z.object({
    kind: z.literal("collections"),
    collectionIds: z.array(gid("Collection")).min(1).max(500),
  }),
]);

export const certificateInputSchema = z
  .object({
    kind: z.enum(CERTIFICATE_TYPES),
    number: z.string().trim().min(1, "Enter the certificate number").max(200),
    issuer: z.string().trim().max(200).default(""),
    scope: certificateScopeSchema,
    validFrom: isoDay,
    validTo: isoDay.optional().nullable(),
    documentUrl: z
      .string()
      .trim()
      .url("Enter the document's full address (https://…)")
      .refine((u) => /^https?:\/\//i.test(u), "Enter the document's full address (https://…)")
      .optional()
      .nullable(),
    /** An uploaded document (fileCreate); left out on an update = keep the stored one. */
    documentFileId: z
      .string()
      .trim()
      .regex(/^gid:\/\/shopify\/(GenericFile|MediaImage)\/\d+$/, "Not a Shopify file id")
      .optional()
      .nullable(),
    documentName: z.string().trim().max(255).optional().nullable(),
    documentFileStatus: z.enum(["UPLOADED", "PROCESSING", "READY", "FAILED"]).optional().nullable(),
    metaobjectId: gid("Metaobject").optional().nullable(),
  })
  .refine((c) => !c.validTo || c.validTo >= c.validFrom, {
    message: "The certificate cannot end before it starts",
    path: ["validTo"],
  });
export type CertificateInput = z.input<typeof certificateInputSchema>;

const party = z.object({
  name: z.string().trim().min(1).max(200),
  postalAddress: z.string().trim().min(1).max(1000),
  country,
  electronicAddress: z.string().trim().min(3).max(300),
});

/**
 * What a merchant may confirm about a product: every key optional (left out = keep the inferred
 * value), unknown keys dropped. Mirrors ProfileValues field by field.
 */
export const profileAnswersSchema = z.object({
  materials: z
    .array(
      z.object({ material: z.string().trim().min(1).max(80), share: z.number().gt(0).max(100) }),
    )
    .max(20)
    .optional(),
  recycledContentPct: z.number().min(0).max(100).nullable().optional(),
  packaging: z
    .array(
      z.object({ material: z.string().trim().min(1).max(40), grams: z.number().min(0).max(1e6) }),
    )
    .max(20)
    .optional(),
  physical: z.boolean().optional(),
  batteryIncluded: z.boolean().optional(),
  electrical: z.boolean().optional(),
  radio: z.boolean().optional(),
  mainsPowered: z.boolean().optional(),
  textile: z.boolean().optional(),
  footwear: z.boolean().optional(),
  toy: z.boolean().optional(),
  cosmetic: z.boolean().optional(),
  foodContact: z.boolean().optional(),
  forChildren: z.boolean().optional(),
  furniture: z.boolean().optional(),
  sportsLeisure: z.boolean().optional(),
  diyGarden: z.boolean().optional(),
  ppe: z.boolean().optional(),
  countryOfOrigin: country.nullable().optional(),
  hsCode: z
    .string()
    .trim()
    .regex(/^\d{6,10}$/, "An HS code is 6 to 10 digits")
    .nullable()
    .optional(),
  manufacturer: party.nullable().optional(),
  euResponsiblePerson: party.nullable().optional(),
  safetyInfo: z
    .record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().trim().min(1).max(5000))
    .optional(),
  prop65: z
    .object({
      chemicals: z.array(z.string().trim().min(1).max(120)).min(1).max(50),
      endpoint: z.enum(["cancer", "reproductive", "both"]),
    })
    .nullable()
    .optional(),
}) satisfies z.ZodType<MerchantProfile>;
export type ProfileAnswersInput = z.input<typeof profileAnswersSchema>;

/**
 * What the product page's form may save: the answers, and the material shares of one composition
 * together at most 100 %. Only the form checks the sum: stored answers are read with the schema
 * above, so one odd sum already stored does not drop every other answer of the product.
 */
export const profileFormSchema = profileAnswersSchema.superRefine((p, ctx) => {
  const sum = (p.materials ?? []).reduce((total, m) => total + m.share, 0);
  if (sum > 100.001)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["materials"],
      message: "The shares add up to more than 100 %",
    });
});

/** A bulk edit's fields: values to confirm and fields to send back to inferred, at least one. */
export const profilePatchSchema = z
  .object({
    set: profileAnswersSchema,
    reset: z.array(z.enum(BULK_FIELDS)).max(BULK_FIELDS.length).default([]),
  })
  .refine((p) => Object.keys(p.set).length > 0 || p.reset.length > 0, {
    message: "Choose at least one field to change",
    path: ["form"],
  });

const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Which products a bulk edit (and the products list) covers; every field optional. */
export const bulkFilterSchema = z.object({
  q: z.preprocess(blankIsUnset, z.string().trim().max(200).optional()),
  vendor: z.preprocess(blankIsUnset, z.string().max(255).optional()),
  productType: z.preprocess(blankIsUnset, z.string().max(255).optional()),
  collectionId: z.preprocess(blankIsUnset, gid("Collection").optional()),
  findings: z.preprocess(blankIsUnset, z.enum(["any", "blocker", "none"]).optional()),
});
export type BulkFilter = z.infer<typeof bulkFilterSchema>;

/** Every product matching the filter, or only the `ids` ticked among them. */
export const bulkSelectionSchema = z.object({
  filter: bulkFilterSchema,
  ids: z.array(gid("Product")).min(1).max(250).optional(),
});
export type BulkSelection = z.infer<typeof bulkSelectionSchema>;

/** A service's answer to a form: the saved value, or messages per field for the page to show. */
export type SaveResult<T> =
  { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string> };

/** Flattens zod issues to the first message per field path (`scope.productIds`, `validTo`, …). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
