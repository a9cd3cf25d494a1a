import { selectRows, type RawDb } from "../db/raw.server";
import { certificateOf, type Certificate } from "./certificates";

/** Every certificate the shop holds, as evidence (expired ones included: callers judge dates). */
export async function loadCertificates(db: RawDb, shop: string): Promise<Certificate[]> {
  const rows = await selectRows(
    db,
    `SELECT "id", "kind", "number", "issuer", "scope", "validFrom", "validTo", "documentUrl" FROM "ComplianceCertificate" WHERE "shop" = ? ORDER BY "id"`,
    [shop],
  );
  return rows.map((r) =>
    certificateOf({
      id: String(r.id),
      kind: String(r.kind),
      number: String(r.number),
      issuer: String(r.issuer ?? ""),
      scope: String(r.scope),
      validFrom: String(r.validFrom),
      validTo: r.validTo == null ? null : String(r.validTo),
      documentUrl: r.documentUrl == null ? null : String(r.documentUrl),
    }),
  );
}
