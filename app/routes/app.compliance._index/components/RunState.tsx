import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useLocale, useT } from "../../../i18n/i18n";
import type { OverviewAction, OverviewData } from "./types";

/** The last check and publish, with the buttons that queue the next ones. */
export function RunState({ data }: { data: OverviewData }) {
  const t = useT();
  const locale = useLocale();
  const check = useFetcher<OverviewAction>();
  const publish = useFetcher<OverviewAction>();
  const s = data.state;
  const when = (d: Date | string | null) => (d ? new Date(d).toLocaleString(locale) : "—");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.state.title")}
        </Text>
        <BlockStack gap="100">
          <Text as="p">
            <span data-testid="compliance-evaluated">
              {t("compliance.state.evaluated", {
                evaluated: s.evaluated.toLocaleString(locale),
                products: s.products,
              })}
            </span>
          </Text>
          <Text as="p" tone="subdued" variant="bodySm">
            {t("compliance.state.lastCheck", {
              when: when(s.lastEvaluatedAt),
              version: s.packsVersion,
            })}
          </Text>
          {s.outdated > 0 ? (
            <Text as="p" tone="caution" variant="bodySm">
              {t("compliance.state.outdated", { count: s.outdated })}
            </Text>
          ) : null}
          <Text as="p" tone="subdued" variant="bodySm">
            {s.labels > 0
              ? t("compliance.state.lastPublish", {
                  when: when(s.lastPublishedAt),
                  labels: s.labels,
                })
              : t("compliance.state.neverPublished")}
          </Text>
        </BlockStack>
        <InlineStack gap="200">
          <Button
            variant="primary"
            loading={check.state !== "idle"}
            onClick={() => check.submit({ intent: "check" }, { method: "post" })}
          >
            {t("compliance.checkNow")}
          </Button>
          <Button
            loading={publish.state !== "idle"}
            onClick={() => publish.submit({ intent: "publish" }, { method: "post" })}
          >
            {t("compliance.publish")}
          </Button>
        </InlineStack>
        {check.data?.ok ? <Banner tone="info">{t("compliance.checkQueued")}</Banner> : null}
        {publish.data?.ok ? <Banner tone="info">{t("compliance.publishQueued")}</Banner> : null}
        {check.data?.ok === false || publish.data?.ok === false ? (
          <Banner tone="critical">{t("compliance.queueFailed")}</Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
