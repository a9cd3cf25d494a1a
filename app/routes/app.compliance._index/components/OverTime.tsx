import { BlockStack, Text } from "@shopify/polaris";
import { ColumnChart } from "../../../components/ColumnChart";
import { SEVERITIES, SEVERITY_COLOR } from "../../../components/ComplianceBits";
import { useLocale, useT } from "../../../i18n/i18n";
import type { OverviewData } from "./types";

/** The last `n` UTC calendar days, oldest first. */
function lastDays(n: number): string[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) =>
    new Date(now - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

/** The findings per severity over the last 30 days. */
export function OverTime({ data }: { data: OverviewData }) {
  const t = useT();
  const locale = useLocale();
  return data.overTime.length === 0 ? (
    <Text as="p" tone="subdued">
      {t("compliance.chart.empty")}
    </Text>
  ) : (
    <BlockStack gap="200">
      <ColumnChart
        testId="compliance-chart"
        locale={locale}
        title={t("compliance.chart.title")}
        legend={SEVERITIES.map((s) => ({ label: t(`severity.${s}`), color: SEVERITY_COLOR[s] }))}
        columns={lastDays(30).map((day) => {
          const d = data.overTime.find((o) => o.day === day);
          // A day without a check has no column (not a zero: nothing was counted).
          return { label: day.slice(5), values: d ? [d.blocker, d.warning, d.info] : null };
        })}
      />
      <Text as="p" tone="subdued" variant="bodySm">
        {t("compliance.chart.help")}
      </Text>
    </BlockStack>
  );
}
