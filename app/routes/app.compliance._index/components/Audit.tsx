import { BlockStack, Card, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { marketName } from "../../../components/ComplianceBits";
import { useLocale, useT } from "../../../i18n/i18n";
import type { OverviewData } from "./types";

/** The audit export (CSV) and printable report for one market or all. */
export function Audit({ data }: { data: OverviewData }) {
  const t = useT();
  const locale = useLocale();
  // The market with the most blockers first (the counts' order), then the other markets checked.
  const options = [
    ...new Set([...(data.counts?.markets ?? []).map((m) => m.market), ...data.markets.active]),
  ].filter((m) => m !== "ALL");
  const [market, setMarket] = useState(options[0] ?? "");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.audit.title")}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("compliance.audit.help")}
        </Text>
        <Select
          label={t("compliance.col.market")}
          value={market}
          options={[
            ...options.map((m) => ({ value: m, label: marketName(m, locale) })),
            { value: "", label: t("compliance.audit.allMarkets") },
          ]}
          onChange={setMarket}
        />
        <InlineStack gap="300">
          {/* Plain links: a download and a page to print, not pages the router could render. */}
          <a
            className="Polaris-Link"
            href={`/app/compliance/export?market=${market}&locale=${locale}`}
            download
            data-testid="audit-csv"
          >
            {t("compliance.audit.csv")}
          </a>
          <a
            className="Polaris-Link"
            href={`/app/compliance/report?market=${market}&locale=${locale}`}
            target="_blank"
            rel="noreferrer"
            data-testid="audit-report"
          >
            {t("compliance.audit.print")}
          </a>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
