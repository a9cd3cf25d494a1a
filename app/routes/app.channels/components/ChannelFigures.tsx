import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { useLocale, useT } from "../../../i18n/i18n";
import type { Data } from "../types";

/** The selected channel's headline figures and when it was last scored. */
export function ChannelFigures({ summary }: { summary: Data["summary"][number] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t(`channel.${summary.channel}`)}
        </Text>
        <InlineGrid columns={3} gap="200">
          <Figure
            label={t("channels.summary.products")}
            value={summary.products.toLocaleString(locale)}
          />
          <Figure
            label={t("channels.summary.eligible")}
            value={summary.eligible.toLocaleString(locale)}
          />
          <Figure
            label={t("channels.summary.average")}
            value={
              summary.averageScore === null ? "—" : summary.averageScore.toLocaleString(locale)
            }
          />
        </InlineGrid>
        {summary.lastScoredAt ? (
          <Text as="p" tone="subdued" variant="bodySm">
            {t("channels.summary.scored", {
              when: new Date(summary.lastScoredAt).toLocaleString(locale),
              version: summary.packVersion ?? "—",
            })}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="050">
      <Text as="p" tone="subdued" variant="bodySm">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}
