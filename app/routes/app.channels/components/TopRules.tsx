import { useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineGrid, InlineStack, Link, Text } from "@shopify/polaris";
import type { ChannelId } from "../../../channels/types";
import { useT } from "../../../i18n/i18n";
import type { Scored } from "../types";

/** What to fix on the channel: the rules that cost the most products, each linking to its list. */
export function TopRules({ data, channel }: { data: Scored; channel: ChannelId }) {
  const t = useT();
  const [search] = useSearchParams();
  const filtered = (rule: string) => {
    const p = new URLSearchParams(search);
    p.set("channel", channel);
    p.set("rule", rule);
    p.delete("page");
    return `?${p.toString()}`;
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("channels.rules.title", { channel: t(`channel.${channel}`) })}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("channels.rules.help")}
        </Text>
        {data.topRules.length === 0 ? (
          <Text as="p">{t("channels.rules.none")}</Text>
        ) : (
          <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
            {data.topRules.map((r) => (
              <BlockStack key={r.rule} gap="100">
                <InlineStack gap="200" blockAlign="center" wrap={false}>
                  {/* The badge keeps its width; a long rule name wraps instead. */}
                  <div style={{ flexShrink: 0 }}>
                    <Badge tone={r.severity === "blocker" ? "critical" : "warning"}>
                      {r.severity === "blocker"
                        ? t("channels.rules.blocker")
                        : t("channels.rules.warning")}
                    </Badge>
                  </div>
                  <Text as="span" fontWeight="semibold">
                    <span data-testid="top-rule">{r.title}</span>
                  </Text>
                </InlineStack>
                {r.example ? (
                  <Text as="p" tone="subdued" variant="bodySm">
                    {t("channels.rules.example", { message: r.example })}
                  </Text>
                ) : null}
                {r.fix ? (
                  <Text as="p" variant="bodySm">
                    <Text as="span" fontWeight="semibold" variant="bodySm">
                      {t("product.fix")}:
                    </Text>{" "}
                    <span data-testid="top-rule-fix">{r.fix}</span>
                  </Text>
                ) : null}
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" tone="subdued" variant="bodySm">
                    {t("channels.rules.products", { count: r.products })}
                  </Text>
                  <Link url={filtered(r.rule)}>{t("channels.rules.show")}</Link>
                </InlineStack>
              </BlockStack>
            ))}
          </InlineGrid>
        )}
      </BlockStack>
    </Card>
  );
}
