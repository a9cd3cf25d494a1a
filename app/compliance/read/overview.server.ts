/**
 * The compliance overview's read model (/app/compliance): what the page shows about the shop's
 * markets, its last counts and checks, its most blocked products, the certificates that need
 * attention, and, when the address filters findings, the matching products.
 */
import type { Db } from "../../db.server";
import {
  certificatesWithStatus,
  countsOverTime,
  evaluationState,
  latestCounts,
  marketsState,
  mostBlocked,
  productsWithFindings,
  type FindingsFilter,
} from "../queries.server";

/** The overview for one shop; `list` is null unless the filter names a market, severity or kind. */
export async function complianceOverview(db: Db, shop: string, filter: FindingsFilter) {
  const [markets, counts, overTime, state, blocked, certificates] = await Promise.all([
    marketsState(db, shop),
    latestCounts(db, shop),
    countsOverTime(db, shop),
    evaluationState(db, shop),
    mostBlocked(db, shop),
    certificatesWithStatus(db, shop),
  ]);
  const filtering = Boolean(filter.market || filter.severity || filter.kind);
  return {
    markets,
    counts,
    overTime,
    state,
    blocked,
    // Only what the "expiring" card shows: valid certificates need no attention here.
    certificates: certificates
      .filter((c) => c.status === "expiring" || c.status === "expired")
      .map((c) => ({
        id: c.id,
        type: c.type,
        number: c.number,
        issuer: c.issuer,
        validTo: c.validTo,
        status: c.status,
      })),
    filter,
    list: filtering ? await productsWithFindings(db, shop, filter) : null,
  };
}
