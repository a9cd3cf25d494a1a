import { useFetcher } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { marketName } from "../../../components/ComplianceBits";
import { useLocale, useT } from "../../../i18n/i18n";
import type { OverviewAction, OverviewData } from "./types";

/** The markets the checks are for, and the merchant's own list. */
export function Markets({ data }: { data: OverviewData }) {
  const t = useT();
  const locale = useLocale();
  const save = useFetcher<OverviewAction>();
  const [value, setValue] = useState((data.markets.override ?? data.markets.synced).join(", "));
  const error =
    save.data && !save.data.ok && "markets" in save.data.fieldErrors
      ? t("compliance.markets.invalid")
      : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.markets.title")}
        </Text>
        <InlineStack gap="100">
          {data.markets.active.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("compliance.markets.none")}
            </Text>
          ) : (
            data.markets.active.map((m) => (
              <span key={m} data-testid="compliance-market">
                <Badge>{marketName(m, locale)}</Badge>
              </span>
            ))
          )}
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {data.markets.override
            ? t("compliance.markets.fromOverride", {
                synced: data.markets.synced.join(", ") || "—",
              })
            : t("compliance.markets.fromSync")}
        </Text>
        <save.Form method="post">
          <input type="hidden" name="intent" value="markets" />
          <BlockStack gap="200">
            <TextField
              label={t("compliance.markets.edit")}
              name="markets"
              value={value}
              onChange={setValue}
              autoComplete="off"
              helpText={t("compliance.markets.help")}
              error={error}
            />
            <InlineStack gap="200">
              <Button submit loading={save.state !== "idle"}>
                {t("compliance.markets.save")}
              </Button>
              {data.markets.override ? (
                <Button
                  variant="plain"
                  onClick={() => save.submit({ intent: "markets-reset" }, { method: "post" })}
                >
                  {t("compliance.markets.reset")}
                </Button>
              ) : null}
            </InlineStack>
            {save.data?.ok ? <Banner tone="success">{t("compliance.markets.saved")}</Banner> : null}
          </BlockStack>
        </save.Form>
      </BlockStack>
    </Card>
  );
}
