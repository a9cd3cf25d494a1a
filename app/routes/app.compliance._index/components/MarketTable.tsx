import { Link as RemixLink } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { marketName } from "../../../components/ComplianceBits";
import { useLocale, useT } from "../../../i18n/i18n";
import type { OverviewData } from "./types";

/** The last counts per market and severity; each count links to its matching products. */
export function MarketTable({ data }: { data: OverviewData }) {
  const t = useT();
  const locale = useLocale();
  const link = (market: string, severity: string, n: { findings: number; products: number }) =>
    n.findings === 0 ? (
      <Text as="span" tone="subdued">
        0
      </Text>
    ) : (
      <RemixLink
        to={`?market=${market}&severity=${severity}`}
        preventScrollReset
        data-testid={`count-${market}-${severity}`}
      >
        {t("compliance.counts.cell", {
          findings: n.findings.toLocaleString(locale),
          products: n.products,
        })}
      </RemixLink>
    );
  if (!data.counts) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("compliance.counts.title")}
          </Text>
          <Text as="span" tone="subdued" variant="bodySm">
            {t("compliance.counts.asOf", { day: data.counts.day })}
          </Text>
        </InlineStack>
        <div data-testid="compliance-counts">
          <DataTable
            columnContentTypes={["text", "text", "text", "text"]}
            headings={[
              t("compliance.col.market"),
              t("severity.blocker"),
              t("severity.warning"),
              t("severity.info"),
            ]}
            rows={data.counts.markets.map((m) => [
              <Text key="m" as="span" fontWeight="semibold">
                {marketName(m.market, locale)}
              </Text>,
              link(m.market, "blocker", m.blocker),
              link(m.market, "warning", m.warning),
              link(m.market, "info", m.info),
            ])}
          />
        </div>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("compliance.counts.help")}
        </Text>
      </BlockStack>
    </Card>
  );
}
