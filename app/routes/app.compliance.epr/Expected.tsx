import { useNavigate } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { marketName } from "../../components/ComplianceBits";
import { useLocale, useT } from "../../i18n/i18n";
import type { Data } from "./route";

/** What the registers expect for the markets checked, each held or missing with a way to add it. */
export function Expected({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  if (data.expected.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.reg.expectedTitle")}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("compliance.reg.expectedHelp")}
        </Text>
        {data.expected.map((e) => (
          <InlineStack
            key={`${e.country}-${e.stream}`}
            align="space-between"
            blockAlign="center"
            gap="200"
            wrap={false}
          >
            <Text as="span">
              <Text as="span" fontWeight="semibold">
                {marketName(e.country, locale)} · {t(`compliance.stream.${e.stream}`)}
              </Text>{" "}
              <Text as="span" tone="subdued" variant="bodySm">
                {e.register}
              </Text>
            </Text>
            <div style={{ flexShrink: 0 }}>
              {e.held ? (
                <Badge tone="success">{t("compliance.reg.held")}</Badge>
              ) : (
                <InlineStack gap="200" blockAlign="center" wrap={false}>
                  <Badge tone="attention">{t("compliance.reg.missing")}</Badge>
                  <Button
                    variant="plain"
                    onClick={() =>
                      navigate(`?country=${e.country}&stream=${e.stream}`, {
                        preventScrollReset: true,
                      })
                    }
                  >
                    {t("compliance.reg.add")}
                  </Button>
                </InlineStack>
              )}
            </div>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}
