import { useRevalidator } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";
import type { BulkField } from "../../../compliance/bulk";
import type { BulkStatus } from "../../../compliance/bulk.server";
import { useLocale, useT } from "../../../i18n/i18n";
import { fieldLabel } from "./BulkEditor";

interface Edit {
  id: string;
  status: BulkStatus;
  total: number;
  done: number;
  fields: BulkField[];
  createdAt: Date | string;
  finishedAt: Date | string | null;
}

const TONE = { queued: "info", running: "attention", done: "success", failed: "critical" } as const;

/** The latest bulk edits with the job's own counters; refreshed while one is under way. */
export function BulkEdits({ edits }: { edits: Edit[] }) {
  const t = useT();
  const locale = useLocale();
  const revalidator = useRevalidator();
  const busy = edits.some((e) => e.status === "queued" || e.status === "running");
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [busy, revalidator]);
  if (edits.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.bulk.history.title")}
        </Text>
        {edits.map((e) => (
          <BlockStack gap="100" key={e.id}>
            <InlineStack gap="200" blockAlign="center">
              <span data-testid="bulk-status" data-status={e.status}>
                <Badge tone={TONE[e.status]}>{t(`compliance.bulk.status.${e.status}`)}</Badge>
              </span>
              <Text as="span">
                {t("compliance.bulk.history.progress", {
                  done: e.done.toLocaleString(locale),
                  total: e.total,
                })}
              </Text>
              <Text as="span" tone="subdued" variant="bodySm">
                {new Date(e.createdAt).toLocaleString(locale)}
              </Text>
            </InlineStack>
            {e.status === "running" || e.status === "queued" ? (
              <ProgressBar
                progress={e.total ? Math.round((e.done / e.total) * 100) : 0}
                size="small"
              />
            ) : null}
            <Text as="p" tone="subdued" variant="bodySm">
              {e.fields.map((f) => fieldLabel(t, f)).join(", ")}
            </Text>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
