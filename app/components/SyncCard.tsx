import { useFetcher } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { useLocale, useT } from "../i18n/i18n";
import type { loader as syncLoader, action as syncAction } from "../routes/app.sync";

/**
 * The Sync section (Overview and Settings): per resource its count, last sync and state; a
 * progress bar with rows/s while a sync runs (polled every 2 s); the error in words with Retry.
 */
export function SyncCard() {
  const t = useT();
  const locale = useLocale();
  const status = useFetcher<typeof syncLoader>();
  const resync = useFetcher<typeof syncAction>();
  const resources = status.data?.resources ?? [];
  const running = resources.some((r) => r.run?.status === "running");

  useEffect(() => {
    if (status.state === "idle" && !status.data) status.load("/app/sync");
  }, [status]);
  useEffect(() => {
    if (!running && resync.state === "idle" && !resync.data) return;
    const timer = setInterval(() => status.load("/app/sync"), 2000);
    return () => clearInterval(timer);
  }, [running, resync.state, resync.data, status]);

  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("sync.title")}
          </Text>
          <resync.Form method="post" action="/app/sync">
            <input type="hidden" name="intent" value="resync" />
            <Button submit loading={resync.state !== "idle"} disabled={running}>
              {t("sync.resync")}
            </Button>
          </resync.Form>
        </InlineStack>
        <Text as="p" tone="subdued">
          {t("sync.help")}
        </Text>
        {resync.data?.ok ? <Banner tone="info">{t("sync.queued")}</Banner> : null}
        {resync.data && !resync.data.ok ? (
          <Banner tone="critical">{resync.data.error}</Banner>
        ) : null}
        {resources.map((r) => (
          <BlockStack key={r.resource} gap="100">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="span" fontWeight="semibold">
                {t(`sync.resource.${r.resource}`)}:{" "}
                <span data-testid={`sync-count-${r.resource}`}>
                  {r.count.toLocaleString(locale)}
                </span>
              </Text>
              {r.run ? (
                <Badge
                  tone={
                    r.run.status === "completed"
                      ? "success"
                      : r.run.status === "failed"
                        ? "critical"
                        : "attention"
                  }
                >
                  {t(
                    `sync.state.${r.run.status === "completed" || r.run.status === "failed" ? r.run.status : "running"}`,
                  )}
                </Badge>
              ) : (
                <Text as="span" tone="subdued">
                  {t("sync.never")}
                </Text>
              )}
            </InlineStack>
            {r.run?.status === "running" ? (
              <BlockStack gap="100">
                <ProgressBar progress={Math.round((r.run.fraction ?? 0) * 100)} size="small" />
                <Text as="p" tone="subdued">
                  {t("sync.rate", {
                    rows: r.run.rowsWritten.toLocaleString(locale),
                    rate: (r.run.rowsPerSec ?? 0).toLocaleString(locale),
                  })}
                </Text>
              </BlockStack>
            ) : null}
            {r.run?.status === "completed" ? (
              <Text as="p" tone="subdued">
                {t("sync.last", { when: when(r.run.finishedAt ?? r.run.startedAt) })}
                {r.run.rowsPerSec
                  ? ` · ${t("sync.rate", { rows: r.run.rowsWritten.toLocaleString(locale), rate: r.run.rowsPerSec.toLocaleString(locale) })}`
                  : ""}
              </Text>
            ) : null}
            {r.run?.status === "failed" ? (
              <Banner
                tone="critical"
                action={{
                  content: t("sync.retry"),
                  onAction: () =>
                    resync.submit(
                      { intent: "resync", resource: "products" },
                      { method: "post", action: "/app/sync" },
                    ),
                }}
              >
                {t("sync.failedBody", { error: r.run.error ?? "—" })}
              </Banner>
            ) : null}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
