import { Badge } from "@shopify/polaris";
import type { Severity } from "../channels/types";
import type { ComplianceKind } from "../compliance/types";
import { translate, useT, type Locale } from "../i18n/i18n";

export const SEVERITIES = ["blocker", "warning", "info"] as const satisfies readonly Severity[];
export const KINDS = [
  "epr",
  "gpsr",
  "green_claim",
  "certification",
  "labeling",
  "restricted",
] as const satisfies readonly ComplianceKind[];

/** One colour per severity, the same in every compliance chart and badge (Polaris tokens). */
export const SEVERITY_COLOR: Record<Severity, string> = {
  blocker: "var(--p-color-bg-fill-critical)",
  warning: "var(--p-color-bg-fill-warning)",
  info: "var(--p-color-bg-fill-info)",
};

const SEVERITY_TONE = { blocker: "critical", warning: "warning", info: "info" } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useT();
  return <Badge tone={SEVERITY_TONE[severity]}>{t(`compliance.sev.${severity}`)}</Badge>;
}

export type CertificateState = "valid" | "expiring" | "expired" | "not_yet_valid";
const CERT_TONE = {
  valid: "success",
  expiring: "warning",
  expired: "critical",
  not_yet_valid: "info",
} as const;

export function CertificateStatusBadge({ status }: { status: CertificateState }) {
  const t = useT();
  return <Badge tone={CERT_TONE[status]}>{t(`compliance.cert.status.${status}`)}</Badge>;
}

/** The compliance page of a product gid (`gid://shopify/Product/123` → `/app/compliance/products/123`). */
export function compliancePath(gid: string): string {
  return `/app/compliance/products/${gid.split("/").pop() ?? ""}`;
}

/** A market's name in the admin's language; `EU` and `ALL` are the engine's own markets. */
export function marketName(market: string, locale: Locale): string {
  if (market === "EU") return translate(locale, "compliance.market.EU");
  if (market === "ALL") return translate(locale, "compliance.market.ALL");
  try {
    const name = new Intl.DisplayNames([locale], { type: "region" }).of(market);
    return name && name !== market ? `${name} (${market})` : market;
  } catch {
    return market;
  }
}
