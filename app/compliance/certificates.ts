/**
 * Which certificates count for a product on a given day. A certificate counts while
 * validFrom <= today <= validTo (inclusive; no validTo = until withdrawn) and its scope covers
 * the product (all products, the product's id, or one of its collections).
 */
import type { Certificate, CertificateType, ProductFacts } from "./types";

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
