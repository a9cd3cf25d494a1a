import { Link as RemixLink } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { compliancePath } from "../../../components/ComplianceBits";
import { useT } from "../../../i18n/i18n";
import type { OverviewData } from "./types";

/** The products with the most blockers. */
export function Blocked({ data }: { data: OverviewData }) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.blocked.title")}
        </Text>
        {data.blocked.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("compliance.blocked.none")}
          </Text>
        ) : (
          <BlockStack gap="200">
            {data.blocked.map((p) => (
              <InlineStack key={p.productId} align="space-between" gap="200" wrap={false}>
                <RemixLink to={compliancePath(p.productId)} data-testid="blocked-product">
                  {p.title.length > 60 ? `${p.title.slice(0, 60)}…` : p.title}
                </RemixLink>
                <div style={{ flexShrink: 0 }}>
                  <Badge tone="critical">
                    {t("compliance.blocked.count", { count: p.blockers })}
                  </Badge>
                </div>
              </InlineStack>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
