/**
 * California Prop 65 short-form warning (27 CCR § 25603(b) as amended, effective 1 Jan 2025,
 * mandatory 1 Jan 2028). Sourced: the warning must now name at least one chemical per endpoint
 * (§ 25601(b)). The exact sentence wording follows the amended regulation as we read it; the
 * regulation text itself was not in the search corpus, so it is marked secondary in the pack.
 */
import type { Prop65Flag } from "./types";

const SITE = "See www.P65Warnings.ca.gov.";

export function prop65ShortWarning(flag: Prop65Flag): string | null {
  const chemicals = flag.chemicals.map((c) => c.trim()).filter(Boolean);
  if (chemicals.length === 0) return null;
  const names = chemicals.join(" and ");
  switch (flag.endpoint) {
    case "cancer":
      return `⚠ WARNING: Cancer risk from exposure to ${names}. ${SITE}`;
    case "reproductive":
      return `⚠ WARNING: Risk of reproductive harm from exposure to ${names}. ${SITE}`;
    case "both":
      return `⚠ WARNING: Risk of cancer and reproductive harm from exposure to ${names}. ${SITE}`;
  }
}
