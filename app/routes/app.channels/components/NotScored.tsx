import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState } from "@shopify/polaris";
import { useT } from "../../../i18n/i18n";
import type { action } from "../route";

/** Nothing scored yet: says why, and offers to score now. */
export function NotScored() {
  const t = useT();
  const score = useFetcher<typeof action>();
  return (
    <Card>
      <EmptyState
        heading={t("channels.emptyHeading")}
        image=""
        action={{
          content: t("channels.scoreNow"),
          loading: score.state !== "idle",
          onAction: () => score.submit({ intent: "score" }, { method: "post" }),
        }}
      >
        <BlockStack gap="200">
          <p>{t("channels.emptyBody")}</p>
          <p>{t("channels.scoreAfterSync")}</p>
          {score.data?.ok ? <Banner tone="info">{t("channels.scoreQueued")}</Banner> : null}
          {score.data && !score.data.ok ? (
            <Banner tone="critical">{t("channels.scoreFailed")}</Banner>
          ) : null}
        </BlockStack>
      </EmptyState>
    </Card>
  );
}
