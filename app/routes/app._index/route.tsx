import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Text,
} from "@shopify/polaris";
import { requireAdmin } from "../../admin.server";
import { db } from "../../db.server";
import { runOperation } from "../../graphql/client.server";
import { OverviewStats, type OverviewStatsResult } from "../../graphql/OverviewStats";
import { useT } from "../../i18n/i18n";
import { SyncCard } from "../../components/SyncCard";
import { shopRecord } from "../../shop/record.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, graphql } = await requireAdmin(request);
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  const [stats, profile] = await Promise.all([
    runOperation<OverviewStatsResult>(graphql, OverviewStats, {
      ordersQuery: `created_at:>=${since}`,
    }),
    shopRecord(db(), shop),
  ]);
  return {
    shop,
    name: profile?.name ?? shop,
    plan: profile?.plan ?? null,
    currencyCode: profile?.currencyCode ?? null,
    markets: profile?.markets ?? [],
    locales: profile?.locales ?? [],
    productsCount: stats.productsCount?.count ?? 0,
    activeProducts: stats.activeProductsCount?.count ?? 0,
    orders90: stats.ordersCount?.count ?? 0,
    recent: stats.products.nodes,
  };
};

function Figure({
  label,
  value,
  testId,
}: {
  label: string;
  value: string | number;
  testId: string;
}) {
  return (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="heading2xl">
        <span data-testid={testId}>{value}</span>
      </Text>
    </BlockStack>
  );
}

export default function Overview() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Page title={t("overview.title")} subtitle={data.name}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
                <Figure
                  label={t("overview.products")}
                  value={data.productsCount.toLocaleString()}
                  testId="products-count"
                />
                <Figure
                  label={t("overview.activeProducts")}
                  value={data.activeProducts.toLocaleString()}
                  testId="active-products"
                />
                <Figure
                  label={t("overview.orders90")}
                  value={data.orders90.toLocaleString()}
                  testId="orders-90"
                />
              </InlineGrid>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("overview.recentProducts")}
                </Text>
                <BlockStack gap="200">
                  {data.recent.map((p) => (
                    <InlineStack key={p.id} align="space-between" gap="200" wrap={false}>
                      <Box maxWidth="75%">
                        <Text as="span" truncate>
                          <span data-testid="recent-product">{p.title}</span>
                        </Text>
                      </Box>
                      <InlineStack gap="200">
                        <Text as="span" tone="subdued">
                          {p.totalInventory}
                        </Text>
                        <Badge tone={p.status === "ACTIVE" ? "success" : undefined}>
                          {t(`status.${p.status}`)}
                        </Badge>
                      </InlineStack>
                    </InlineStack>
                  ))}
                </BlockStack>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SyncCard />
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("overview.store")}
                </Text>
                <Text as="p">{data.name}</Text>
                <Text as="p" tone="subdued">
                  {t("overview.plan")}: {data.plan ?? "—"} · {t("overview.currency")}:{" "}
                  {data.currencyCode ?? "—"}
                </Text>
                <Text as="p" tone="subdued">
                  {t("overview.languages")}: {data.locales.map((l) => l.locale).join(", ") || "—"}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("overview.markets")}
                </Text>
                {data.markets.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {t("overview.marketsEmpty")}
                  </Text>
                ) : (
                  <BlockStack gap="150">
                    {data.markets.map((m) => (
                      <InlineStack
                        key={m.id}
                        align="space-between"
                        blockAlign="center"
                        gap="200"
                        wrap={false}
                      >
                        <Text as="span">
                          <span data-testid="market-name">{m.name}</span>{" "}
                          <Text as="span" tone="subdued">
                            ({m.countries.slice(0, 4).join(", ")}
                            {m.countries.length > 4 ? "…" : ""})
                          </Text>
                        </Text>
                        <Badge tone={m.active ? "success" : undefined}>
                          {m.active ? t("overview.marketActive") : t("overview.marketDraft")}
                        </Badge>
                      </InlineStack>
                    ))}
                  </BlockStack>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("overview.capabilities")}
                </Text>
                <List>
                  <List.Item>{t("overview.capability.sync")}</List.Item>
                  <List.Item>{t("overview.capability.channels")}</List.Item>
                  <List.Item>{t("overview.capability.compliance")}</List.Item>
                  <List.Item>{t("overview.capability.campaigns")}</List.Item>
                </List>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
