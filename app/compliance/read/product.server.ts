/**
 * The product compliance page's read model (/app/compliance/products/:id): the product's last
 * result with its findings in the admin's language, the rewrites accepted, and its profile with
 * where each value came from.
 */
import type { Db } from "../../db.server";
import type { Locale } from "../../i18n/i18n";
import { PROFILE_FLAGS } from "../profileForm";
import { acceptedRewrites, productProfile, showFindings } from "../queries.server";
import { getComplianceResult } from "../results.server";

/** The page's view of one product of the shop (`productId` is a product gid). */
export async function productComplianceView(
  db: Db,
  shop: string,
  productId: string,
  locale: Locale,
) {
  const [result, profile, accepted] = await Promise.all([
    getComplianceResult(db, shop, productId),
    productProfile(db, shop, productId),
    acceptedRewrites(db, shop, productId),
  ]);
  const p = profile?.profile;
  return {
    result: result
      ? {
          evaluatedAt: result.evaluatedAt,
          packsVersion: result.packsVersion,
          markets: result.markets,
          gate: result.gate,
          blockers: result.blockers,
          warnings: result.warnings,
          infos: result.infos,
          findings: showFindings(result.findings, locale),
        }
      : null,
    accepted: accepted.map((a) => ({
      rule: a.rule,
      evidence: a.evidence,
      acceptedAt: a.acceptedAt,
    })),
    profile: p
      ? {
          flags: PROFILE_FLAGS.map((f) => ({ flag: f, value: p[f].value, source: p[f].source })),
          countryOfOrigin: p.countryOfOrigin,
          hsCode: p.hsCode,
          manufacturer: p.manufacturer,
          euResponsiblePerson: p.euResponsiblePerson,
          materials: p.materials,
          recycledContentPct: p.recycledContentPct,
          packaging: p.packaging,
          prop65: p.prop65,
          safetyInfo: p.safetyInfo,
          // How many values the merchant confirmed: "reset" only makes sense when there are some.
          confirmed: Object.keys(profile.answers).length,
        }
      : null,
  };
}
