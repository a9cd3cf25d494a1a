/**
 * Which certificates count for a product on a given day. A certificate counts while
 * validFrom <= today <= validTo (inclusive; no validTo = until withdrawn) and its scope covers
 * the product (all products, the product's id, or one of its collections).
 */
export {
  certificateStatus,
  certificatesFor,
  coversProduct,
  daysBetween,
  EXPIRY_WARNING_DAYS,
  isValidOn,
  validCertificatesFor,
  type CertificateStatus,
} from "../facts/certificates";
