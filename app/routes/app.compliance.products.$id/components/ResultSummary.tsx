import { Badge, Banner, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { marketName } from "../../../components/ComplianceBits";
import { useLocale, useT } from "../../../i18n/i18n";
import type { ProductData } from "./types";

/** The last check's counts and markets, or that the product was never checked. */
export function ResultSummary({ result: r }: { result: ProductData["result"] }) {
  const t = useT();
  const locale = useLocale();
  return !r ? (
    <Banner tone="info">{t("compliance.product.notChecked")}</Banner>
  ) : (
    <Card>
      <BlockStack gap="200">
        <InlineStack gap="300" blockAlign="center">
          <Badge tone={r.blockers ? "critical" : "success"}>
            {t("compliance.product.blockers", { count: r.blockers })}
          </Badge>
          <Badge tone={r.warnings ? "warning" : undefined}>
            {t("compliance.product.warnings", { count: r.warnings })}
          </Badge>
          <Badge>{t("compliance.product.notes", { count: r.infos })}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("compliance.product.checked", {
            when: new Date(r.evaluatedAt).toLocaleString(locale),
            markets: r.markets.map((m) => marketName(m, locale)).join(", ") || "—",
            version: r.packsVersion,
          })}
        </Text>
        {r.gate.length ? (
          <Banner tone="critical">
            {t("compliance.product.gate", {
              markets: r.gate.map((m) => marketName(m, locale)).join(", "),
            })}
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
