import { Badge } from "@shopify/polaris";
import type { Band } from "../channels/types";
import { useT } from "../i18n/i18n";

/** One colour per band, the same in every chart and badge (Polaris tokens, so themes apply). */
export const BAND_COLOR: Record<Band, string> = {
  excellent: "var(--p-color-bg-fill-success)",
  good: "var(--p-color-bg-fill-warning)",
  poor: "var(--p-color-bg-fill-critical)",
};

const BAND_TONE = { excellent: "success", good: "warning", poor: "critical" } as const;

export function BandBadge({ band }: { band: Band }) {
  const t = useT();
  return <Badge tone={BAND_TONE[band]}>{t(`band.${band}`)}</Badge>;
}

/** The product page of a product gid (`gid://shopify/Product/123` → `/app/products/123`). */
export function productPath(gid: string): string {
  return `/app/products/${gid.split("/").pop() ?? ""}`;
}
