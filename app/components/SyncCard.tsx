import { useFetcher, type FetcherWithComponents } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
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

type SyncFetcher = FetcherWithComponents<SerializeFrom<typeof syncAction>>;
type SyncResource = SerializeFrom<typeof syncLoader>["resources"][number];

/**
 * The Sync section (Overview and Settings): per resource its count, last sync and state; a
 * progress bar with rows/s while a sync runs (polled every 2 s); a failure in words with Retry.
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
            <Button
              submit
              loading={resync.state !== "idle" && resync.formData?.get("intent") === "resync"}
              disabled={running}
            >
              {t("sync.resync")}
            </Button>
          </resync.Form>
        </InlineStack>
        <Text as="p" tone="subdued">
          {t("sync.help")}
        </Text>
        {status.data ? <SyncAccess access={status.data.access} /> : null}
        {resync.data?.ok ? (
          <Banner tone="info">
            {t(resync.data.intent === "retry" ? "sync.retryQueued" : "sync.queued")}
          </Banner>
        ) : null}
        {resync.data && !resync.data.ok ? (
          <Banner tone="critical">{t(`sync.error.${resync.data.error}`)}</Banner>
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
                    rows: r.run.rowsWritten,
                    rate: (r.run.rowsPerSec ?? 0).toLocaleString(locale),
                  })}
                </Text>
              </BlockStack>
            ) : null}
            {r.run?.status === "completed" ? (
              <Text as="p" tone="subdued">
                {t("sync.last", { when: when(r.run.finishedAt ?? r.run.startedAt) })}
                {r.run.rowsPerSec
                  ? ` · ${t("sync.rate", { rows: r.run.rowsWritten, rate: r.run.rowsPerSec.toLocaleString(locale) })}`
                  : ""}
              </Text>
            ) : null}
            {r.run?.status === "failed" ? (
              <SyncFailure resource={r.resource} run={r.run} fetcher={resync} disabled={running} />
            ) : null}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

/**
 * Whether background work can reach the store: a dead refresh token pauses every job for the
 * shop until the merchant opens the app, and the card says so above everything else.
 */
export function SyncAccess({ access }: { access: SerializeFrom<typeof syncLoader>["access"] }) {
  const t = useT();
  const locale = useLocale();
  if (access.status === "reauth")
    return (
      <Banner tone="critical" title={t("sync.reauth.title")}>
        {t("sync.reauth.body", {
          when: access.since ? new Date(access.since).toLocaleString(locale) : "—",
        })}
      </Banner>
    );
  if (access.status === "legacy") return <Banner tone="info">{t("sync.legacyToken")}</Banner>;
  return null;
}

/**
 * A failed run: what happened in the admin's language, what Retry will do, the technical message
 * (already cleaned on the server) folded away, and Retry for this run's resource only.
 */
export function SyncFailure({
  resource,
  run,
  fetcher,
  disabled,
}: {
  resource: SyncResource["resource"];
  run: Pick<NonNullable<SyncResource["run"]>, "id" | "failure" | "retry">;
  fetcher: SyncFetcher;
  disabled: boolean;
}) {
  const t = useT();
  const retrying = fetcher.state !== "idle" && fetcher.formData?.get("runId") === run.id;
  return (
    <Banner
      tone="critical"
      title={t("sync.failureTitle", { resource: t(`sync.resource.${resource}`) })}
    >
      <BlockStack gap="200">
        <Text as="p">
          {t(`sync.failure.${run.failure?.reason ?? "unknown"}`)}
          {run.retry
            ? ` ${t(run.retry === "continue" ? "sync.retryContinue" : "sync.retryRestart")}`
            : ""}
        </Text>
        {run.failure?.detail ? (
          <details>
            <summary>{t("sync.details")}</summary>
            <Text as="p" variant="bodySm" tone="subdued" breakWord>
              <code>{run.failure.detail}</code>
            </Text>
          </details>
        ) : null}
        {run.retry ? (
          <fetcher.Form method="post" action="/app/sync">
            <input type="hidden" name="intent" value="retry" />
            <input type="hidden" name="runId" value={run.id} />
            <input type="hidden" name="resource" value={resource} />
            <Button submit loading={retrying} disabled={disabled}>
              {t("sync.retry")}
            </Button>
          </fetcher.Form>
        ) : null}
      </BlockStack>
    </Banner>
  );
}
