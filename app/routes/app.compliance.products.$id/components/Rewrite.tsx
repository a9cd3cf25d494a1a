import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import type { ShownFinding } from "../../../compliance/queries.server";
import { useLocale, useT } from "../../../i18n/i18n";
import type { ProductAction, ProductData } from "./types";

/** A claim's suggested rewrite: apply it in Shopify, or accept it and copy it by hand. */
export function Rewrite({ finding: f, data }: { finding: ShownFinding; data: ProductData }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<ProductAction>();
  const accepted = data.accepted.find((a) => a.rule === f.rule && a.evidence === f.evidence);
  const [copied, setCopied] = useState(false);
  const text = f.suggestion ?? "";
  return (
    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
      <BlockStack gap="200">
        <Text as="p" variant="bodySm" fontWeight="semibold">
          {text ? t("compliance.rewrite.title") : t("compliance.rewrite.delete")}
        </Text>
        {text ? (
          <Text as="p">
            <span data-testid="compliance-suggestion">{text}</span>
          </Text>
        ) : null}
        {accepted ? (
          <BlockStack gap="200">
            <Text as="p" tone="success" variant="bodySm">
              <span data-testid="rewrite-accepted">
                {t("compliance.rewrite.accepted", {
                  when: new Date(accepted.acceptedAt).toLocaleDateString(locale),
                })}
              </span>
            </Text>
            <Text as="p" variant="bodySm">
              {t("compliance.rewrite.copyHelp")}
            </Text>
            {text ? (
              <InlineStack>
                <Button
                  onClick={() => {
                    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
                  }}
                >
                  {copied ? t("compliance.rewrite.copied") : t("compliance.rewrite.copy")}
                </Button>
              </InlineStack>
            ) : null}
          </BlockStack>
        ) : (
          <InlineStack gap="200" blockAlign="center">
            {text && /^(title|description): “[\s\S]*”$/.test(f.evidence) ? (
              <Button
                variant="primary"
                loading={fetcher.state !== "idle"}
                onClick={() =>
                  fetcher.submit(
                    { intent: "apply", rule: f.rule, evidence: f.evidence },
                    { method: "post" },
                  )
                }
              >
                {t("compliance.rewrite.apply")}
              </Button>
            ) : null}
            <Button
              loading={fetcher.state !== "idle"}
              onClick={() =>
                fetcher.submit(
                  { intent: "accept", rule: f.rule, evidence: f.evidence },
                  { method: "post" },
                )
              }
            >
              {t("compliance.rewrite.accept")}
            </Button>
            <Text as="span" tone="subdued" variant="bodySm">
              {t("compliance.rewrite.acceptHelp")}
            </Text>
          </InlineStack>
        )}
        {fetcher.data && !fetcher.data.ok ? (
          <Banner tone="critical">{fetcher.data.fieldErrors.form}</Banner>
        ) : null}
      </BlockStack>
    </Box>
  );
}
