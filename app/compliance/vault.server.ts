/**
 * The compliance vault: what the merchant tells Seaworthy (EPR registrations, certificates and
 * confirmed product facts). Thin services for the admin pages: every query carries the shop in its
 * `where` (an id from another shop finds nothing), every input goes through its zod schema, and a
 * save answers with the saved value or field errors. After a change the shop's products are
 * re-evaluated (see `VaultChange` and jobs.server.ts).
 */
import type { Db } from "../db.server";
import { validateRegistration } from "./registrations";
import {
  certificateInputSchema,
  fieldErrorsOf,
  profileAnswersSchema,
  registrationInputSchema,
  type CertificateInput,
  type ProfileAnswersInput,
  type RegistrationInput,
  type SaveResult,
} from "./schemas.server";
import type { Certificate, EprStream, MerchantProfile, Registration } from "./types";
import { certificateOf, type CertificateRow } from "../facts/certificates";

/** What changed, so the caller (jobs.server.ts) knows what to re-evaluate. */
export type VaultChange =
  { kind: "registrations" } | { kind: "certificates" } | { kind: "profile"; productId: string };

export interface VaultOptions {
  /**
   * Called after every successful change; the caller decides what follows (the routes queue the
   * re-evaluation through compliance/jobs.server.ts `onVaultChange`).
   */
  onChange: (shop: string, change: VaultChange) => Promise<void>;
}

async function changed(shop: string, change: VaultChange, options: VaultOptions) {
  await options.onChange(shop, change);
}

// ---- EPR registrations -------------------------------------------------------------------------

export interface StoredRegistration extends Registration {
  id: string;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const REGISTRATION_SELECT = {
  id: true,
  country: true,
  stream: true,
  number: true,
  role: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
} as const;

type RegistrationRow = {
  id: string;
  country: string;
  stream: string;
  number: string;
  role: string | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function toRegistration(row: RegistrationRow): StoredRegistration {
  return {
    id: row.id,
    country: row.country,
    stream: row.stream as EprStream,
    number: row.number,
    ...(row.role ? { role: row.role as NonNullable<Registration["role"]> } : {}),
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listRegistrations(db: Db, shop: string): Promise<StoredRegistration[]> {
  const rows = await db.eprRegistration.findMany({
    where: { shop },
    select: REGISTRATION_SELECT,
    orderBy: [{ country: "asc" }, { stream: "asc" }],
  });
  return rows.map(toRegistration);
}

/**
 * Creates a registration, or updates the one with `id`. The number is normalised (prefixes such
 * as `LUCID:` and spaces dropped) and checked against the register's format; a country and stream
 * can hold one registration only.
 */
export async function saveRegistration(
  db: Db,
  shop: string,
  input: RegistrationInput,
  options: VaultOptions & { id?: string },
): Promise<SaveResult<StoredRegistration>> {
  const parsed = registrationInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { country, stream, role, notes } = parsed.data;
  const check = validateRegistration({ country, stream, number: parsed.data.number });
  if (!check.ok)
    return {
      ok: false,
      fieldErrors: {
        number:
          check.problem === "empty"
            ? "Enter the registration number"
            : `This is not a ${check.register} number: expected ${check.expected}`,
      },
    };
  const taken = await db.eprRegistration.findFirst({
    where: { shop, country, stream, ...(options.id ? { NOT: { id: options.id } } : {}) },
    select: { id: true },
  });
  if (taken)
    return {
      ok: false,
      fieldErrors: { stream: `There is already a ${check.register} registration for ${country}` },
    };
  const data = { country, stream, number: check.normalized, role: role ?? null, notes };
  let row: RegistrationRow;
  if (options.id) {
    const { count } = await db.eprRegistration.updateMany({
      where: { id: options.id, shop },
      data,
    });
    if (count === 0)
      return { ok: false, fieldErrors: { form: "This registration no longer exists" } };
    row = await db.eprRegistration.findFirstOrThrow({
      where: { id: options.id, shop },
      select: REGISTRATION_SELECT,
    });
  } else {
    row = await db.eprRegistration.create({ data: { shop, ...data }, select: REGISTRATION_SELECT });
  }
  await changed(shop, { kind: "registrations" }, options);
  return { ok: true, value: toRegistration(row) };
}

/** Deletes the shop's registration `id`; false when the shop has no such registration. */
export async function deleteRegistration(
  db: Db,
  shop: string,
  id: string,
  options: VaultOptions,
): Promise<boolean> {
  const { count } = await db.eprRegistration.deleteMany({ where: { id, shop } });
  if (count > 0) await changed(shop, { kind: "registrations" }, options);
  return count > 0;
}

// ---- certificates ------------------------------------------------------------------------------

export interface StoredCertificate extends Certificate {
  /** The uploaded document's name and Shopify fileStatus, when the document is a file. */
  documentName: string | null;
  documentFileStatus: string | null;
  metaobjectId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const CERTIFICATE_SELECT = {
  id: true,
  kind: true,
  number: true,
  issuer: true,
  scope: true,
  validFrom: true,
  validTo: true,
  documentUrl: true,
  documentFileId: true,
  documentName: true,
  documentFileStatus: true,
  metaobjectId: true,
  createdAt: true,
  updatedAt: true,
} as const;

type FullCertificateRow = CertificateRow & {
  documentName: string | null;
  documentFileStatus: string | null;
  metaobjectId: string | null;
  createdAt: Date;
  updatedAt: Date;
};
const toCertificate = (row: FullCertificateRow): StoredCertificate => ({
  ...certificateOf(row),
  documentName: row.documentName,
  documentFileStatus: row.documentFileStatus,
  metaobjectId: row.metaobjectId,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export async function listCertificates(db: Db, shop: string): Promise<StoredCertificate[]> {
  const rows = await db.complianceCertificate.findMany({
    where: { shop },
    select: CERTIFICATE_SELECT,
    orderBy: [{ kind: "asc" }, { validFrom: "asc" }, { id: "asc" }],
  });
  return rows.map(toCertificate);
}

export async function getCertificate(
  db: Db,
  shop: string,
  id: string,
): Promise<StoredCertificate | null> {
  const row = await db.complianceCertificate.findFirst({
    where: { id, shop },
    select: CERTIFICATE_SELECT,
  });
  return row ? toCertificate(row) : null;
}

/** On update, a field left out (undefined) is not written; on create it is null. */
function keepOrSet<K extends string>(
  key: K,
  value: string | null | undefined,
  updating: string | undefined,
): Partial<Record<K, string | null>> {
  if (value === undefined && updating) return {};
  return { [key]: value ?? null } as Partial<Record<K, string | null>>;
}

/**
 * Creates a certificate, or updates the one with `id`. The document fields (`documentUrl`,
 * `documentFileId`, …) left out of an update keep their stored values, so an edit that uploads
 * nothing keeps the uploaded document.
 */
export async function saveCertificate(
  db: Db,
  shop: string,
  input: CertificateInput,
  options: VaultOptions & { id?: string },
): Promise<SaveResult<StoredCertificate>> {
  const parsed = certificateInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const c = parsed.data;
  const data = {
    kind: c.kind,
    number: c.number,
    issuer: c.issuer,
    scope: JSON.stringify(c.scope),
    validFrom: c.validFrom,
    validTo: c.validTo ?? null,
    ...keepOrSet("documentUrl", c.documentUrl, options.id),
    ...keepOrSet("documentFileId", c.documentFileId, options.id),
    ...keepOrSet("documentName", c.documentName, options.id),
    ...keepOrSet("documentFileStatus", c.documentFileStatus, options.id),
    ...keepOrSet("metaobjectId", c.metaobjectId, options.id),
  };
  let row: FullCertificateRow;
  if (options.id) {
    const { count } = await db.complianceCertificate.updateMany({
      where: { id: options.id, shop },
      data,
    });
    if (count === 0)
      return { ok: false, fieldErrors: { form: "This certificate no longer exists" } };
    row = await db.complianceCertificate.findFirstOrThrow({
      where: { id: options.id, shop },
      select: CERTIFICATE_SELECT,
    });
  } else {
    row = await db.complianceCertificate.create({
      data: { shop, ...data },
      select: CERTIFICATE_SELECT,
    });
  }
  await changed(shop, { kind: "certificates" }, options);
  return { ok: true, value: toCertificate(row) };
}

export async function deleteCertificate(
  db: Db,
  shop: string,
  id: string,
  options: VaultOptions,
): Promise<boolean> {
  const { count } = await db.complianceCertificate.deleteMany({ where: { id, shop } });
  if (count > 0) await changed(shop, { kind: "certificates" }, options);
  return count > 0;
}

// ---- confirmed product facts -------------------------------------------------------------------

/** Stored answers as a MerchantProfile; unreadable or outdated keys are dropped, not trusted. */
export function answersOf(json: string): MerchantProfile {
  try {
    const parsed = profileAnswersSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as MerchantProfile) : {};
  } catch {
    return {};
  }
}

export async function getProfileAnswers(
  db: Db,
  shop: string,
  productId: string,
): Promise<{ answers: MerchantProfile; updatedAt: Date } | null> {
  const row = await db.complianceProfile.findUnique({
    where: { shop_productId: { shop, productId } },
    select: { answers: true, updatedAt: true },
  });
  return row ? { answers: answersOf(row.answers), updatedAt: row.updatedAt } : null;
}

/**
 * Replaces what the merchant confirmed for a product (keys left out go back to inferred). The
 * product must be in the shop's mirror, so answers never pile up for ids from elsewhere.
 */
export async function saveProfileAnswers(
  db: Db,
  shop: string,
  productId: string,
  input: ProfileAnswersInput,
  options: VaultOptions,
): Promise<SaveResult<MerchantProfile>> {
  const parsed = profileAnswersSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const product = await db.product.findUnique({
    where: { shop_id: { shop, id: productId } },
    select: { id: true },
  });
  if (!product) return { ok: false, fieldErrors: { form: "This product is not in the store" } };
  const answers = JSON.stringify(parsed.data);
  await db.complianceProfile.upsert({
    where: { shop_productId: { shop, productId } },
    create: { shop, productId, answers },
    update: { answers },
  });
  await changed(shop, { kind: "profile", productId }, options);
  return { ok: true, value: parsed.data as MerchantProfile };
}

/** Forgets every answer for the product: all values are inferred again. */
export async function clearProfileAnswers(
  db: Db,
  shop: string,
  productId: string,
  options: VaultOptions,
): Promise<boolean> {
  const { count } = await db.complianceProfile.deleteMany({ where: { shop, productId } });
  if (count > 0) await changed(shop, { kind: "profile", productId }, options);
  return count > 0;
}
