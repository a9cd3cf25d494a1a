/**
 * The engine's inputs besides the product facts (those come from app/channels/facts.server.ts):
 * the shop's registrations and certificates, and the merchant's answers for a page of products.
 * Through the driver, like the facts, because a full pass reads them next to 100k products.
 */
import { selectRows, type RawDb } from "../db/raw.server";
import type { Certificate, EprStream, MerchantProfile, Registration } from "./types";
import { loadCertificates } from "../facts/certificates.server";
import { answersOf } from "./vault.server";

export { loadCertificates };

export interface Vault {
  registrations: Registration[];
  certificates: Certificate[];
}

export async function loadRegistrations(db: RawDb, shop: string): Promise<Registration[]> {
  const rows = await selectRows(
    db,
    `SELECT "country", "stream", "number", "role" FROM "EprRegistration" WHERE "shop" = ? ORDER BY "country", "stream"`,
    [shop],
  );
  return rows.map((r) => ({
    country: String(r.country),
    stream: String(r.stream) as EprStream,
    number: String(r.number),
    ...(r.role ? { role: String(r.role) as NonNullable<Registration["role"]> } : {}),
  }));
}

export async function loadVault(db: RawDb, shop: string): Promise<Vault> {
  return {
    registrations: await loadRegistrations(db, shop),
    certificates: await loadCertificates(db, shop),
  };
}

/** The merchant's answers for the products with ids in [from, to] (a facts page's id range). */
export async function loadAnswers(
  db: RawDb,
  shop: string,
  range: { from: string; to: string },
): Promise<Map<string, MerchantProfile>> {
  const rows = await selectRows(
    db,
    `SELECT "productId", "answers" FROM "ComplianceProfile" WHERE "shop" = ? AND "productId" >= ? AND "productId" <= ?`,
    [shop, range.from, range.to],
  );
  return new Map(rows.map((r) => [String(r.productId), answersOf(String(r.answers))]));
}

/**
 * The id range of a page of products as the facts loader returns it: ordered by the database,
 * so its first and last id bound it in the database's own collation.
 */
export function rangeOf(ids: readonly string[]): { from: string; to: string } {
  return { from: ids[0] ?? "", to: ids[ids.length - 1] ?? "" };
}
