/**
 * What a certificate looks like as an `$app:certificate` metaobject, and what a publish must do
 * to bring Shopify in line with the vault. Pure: no I/O.
 * - The handle comes from the certificate id alone, so it never changes when the certificate is
 *   edited, and an upsert finds the same metaobject every time.
 * - An expired certificate backs nothing: it is not published, and its metaobject is deleted.
 */
import { certificateStatus, type CertificateStatus } from "../certificates";
import type { Certificate } from "../types";

export const HANDLE_PREFIX = "seaworthy-cert-";

export function certificateHandle(certificateId: string): string {
  return HANDLE_PREFIX + certificateId.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** The certificate id a handle was made from (ids are cuids: lower-case letters and digits). */
export function certificateIdOf(handle: string): string | null {
  return handle.startsWith(HANDLE_PREFIX) ? handle.slice(HANDLE_PREFIX.length) || null : null;
}

export type MetaobjectFields = Record<string, string>;

/** Every field, with "" for an empty one (so an upsert clears a value that was removed). */
export function certificateFields(cert: Certificate, status: CertificateStatus): MetaobjectFields {
  return {
    kind: cert.type,
    number: cert.number,
    issuer: cert.issuer,
    scope: JSON.stringify(cert.scope),
    valid_from: cert.validFrom,
    valid_to: cert.validTo ?? "",
    document_url: cert.document.url ?? "",
    document: cert.document.fileRef ?? "",
    status,
  };
}

export interface HeldMetaobject {
  id: string;
  handle: string;
  fields: MetaobjectFields;
}

export interface CertificatePlan {
  upsert: { certificateId: string; handle: string; fields: MetaobjectFields }[];
  remove: HeldMetaobject[];
  unchanged: number;
}

const same = (a: MetaobjectFields, b: MetaobjectFields) =>
  Object.keys({ ...a, ...b }).every((k) => (a[k] ?? "") === (b[k] ?? ""));

/**
 * Compares the vault with what the shop holds: certificates that are not expired and differ (or
 * are missing) are upserted; metaobjects of ours whose certificate is gone or expired are removed.
 * Metaobjects with handles we did not make are left alone.
 */
export function planCertificates(
  certificates: readonly Certificate[],
  held: readonly HeldMetaobject[],
  today: string,
): CertificatePlan {
  const byHandle = new Map(held.map((h) => [h.handle, h]));
  const wanted = new Set<string>();
  const plan: CertificatePlan = { upsert: [], remove: [], unchanged: 0 };
  for (const cert of certificates) {
    const status = certificateStatus(cert, today);
    if (status === "expired") continue;
    const handle = certificateHandle(cert.id);
    wanted.add(handle);
    const fields = certificateFields(cert, status);
    const current = byHandle.get(handle);
    if (current && same(current.fields, fields)) plan.unchanged += 1;
    else plan.upsert.push({ certificateId: cert.id, handle, fields });
  }
  for (const h of held) if (certificateIdOf(h.handle) && !wanted.has(h.handle)) plan.remove.push(h);
  return plan;
}
