/**
 * Certificates as evidence: what a certificate is, which products it covers and on which days it
 * counts, and how a stored row reads back. Both engines use this (compliance judges claims and
 * marks by it; channel fit reads the valid types as `ProductFacts.certificates`); the vault
 * that edits certificates is compliance's.
 *
 * A certificate counts while validFrom <= today <= validTo (inclusive; no validTo = until
 * withdrawn) and its scope covers the product (all products, the product's id, or one of its
 * collections).
 */
import { z } from "zod";
import type { ProductFacts } from "./types";

export const CERTIFICATE_TYPES = [
  "CE",
  "UKCA",
  "UL",
  "FCC",
  "CPC",
  "EAC",
  "CHESTNY_ZNAK",
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
] as const;

/** `CE` is the EU Declaration of Conformity behind the CE mark; `CPC` the Children's Product Certificate. */
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

export type CertificateScope =
  | { kind: "all" }
  | { kind: "products"; productIds: string[] }
  | { kind: "collections"; collectionIds: string[] };

export interface Certificate {
  id: string;
  type: CertificateType;
  number: string;
  issuer: string;
  scope: CertificateScope;
  validFrom: string;
  /** Null when the document carries no expiry (e.g. a DoC); it stays valid until withdrawn. */
  validTo: string | null;
  document: { url?: string; fileRef?: string };
}

/**
 * A stored scope as it reads back (the vault's input schema, compliance/schemas.server.ts, is the
 * strict one that guards writes); an unreadable one covers nothing.
 */
const storedScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("products"), productIds: z.array(z.string()) }),
  z.object({ kind: z.literal("collections"), collectionIds: z.array(z.string()) }),
]);

export interface CertificateRow {
  id: string;
  kind: string;
  number: string;
  issuer: string;
  scope: string;
  validFrom: string;
  validTo: string | null;
  documentUrl: string | null;
  documentFileId?: string | null;
}

/**
 * A stored row as the engine's Certificate. A scope that no longer parses (hand-edited data)
 * covers nothing rather than everything: a badge must never rest on unreadable evidence.
 */
export function certificateOf(row: CertificateRow): Certificate {
  let scope: Certificate["scope"] = { kind: "products", productIds: [] };
  try {
    const parsed = storedScope.safeParse(JSON.parse(row.scope));
    if (parsed.success) scope = parsed.data;
  } catch {
    // unreadable JSON: keep the empty scope
  }
  return {
    id: row.id,
    type: row.kind as CertificateType,
    number: row.number,
    issuer: row.issuer,
    scope,
    validFrom: row.validFrom,
    validTo: row.validTo,
    document: {
      ...(row.documentUrl ? { url: row.documentUrl } : {}),
      ...(row.documentFileId ? { fileRef: row.documentFileId } : {}),
    },
  };
}

export const EXPIRY_WARNING_DAYS = 30;

export type CertificateStatus = "valid" | "expiring" | "expired" | "not_yet_valid";

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function certificateStatus(cert: Certificate, today: string): CertificateStatus {
  if (cert.validFrom > today) return "not_yet_valid";
  if (cert.validTo === null) return "valid";
  if (cert.validTo < today) return "expired";
  return daysBetween(today, cert.validTo) <= EXPIRY_WARNING_DAYS ? "expiring" : "valid";
}

export function isValidOn(cert: Certificate, today: string): boolean {
  const status = certificateStatus(cert, today);
  return status === "valid" || status === "expiring";
}

export function coversProduct(
  cert: Certificate,
  product: Pick<ProductFacts, "id" | "collections">,
): boolean {
  switch (cert.scope.kind) {
    case "all":
      return true;
    case "products":
      return cert.scope.productIds.includes(product.id);
    case "collections": {
      const ids = cert.scope.collectionIds;
      return product.collections.some((c) => ids.includes(c));
    }
  }
}

/** Certificates whose scope covers the product, whatever their dates. */
export function certificatesFor(
  product: Pick<ProductFacts, "id" | "collections">,
  certificates: readonly Certificate[],
): Certificate[] {
  return certificates.filter((c) => coversProduct(c, product));
}

/**
 * The certificate types valid today for this product, sorted and unique: what channel fit reads
 * as `ProductFacts.certificates`.
 */
export function validCertificatesFor(
  product: Pick<ProductFacts, "id" | "collections">,
  certificates: readonly Certificate[],
  today: string,
): CertificateType[] {
  const types = new Set<CertificateType>();
  for (const c of certificates) {
    if (coversProduct(c, product) && isValidOn(c, today)) types.add(c.type);
  }
  return [...types].sort();
}
