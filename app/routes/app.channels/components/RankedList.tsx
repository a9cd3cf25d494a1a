import { Link as RemixLink, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  IndexTable,
  InlineGrid,
  InlineStack,
  Pagination,
  Select,
  Text,
} from "@shopify/polaris";
import type { Band } from "../../../channels/types";
import { BandBadge, productPath } from "../../../components/ChannelBits";
import { useT } from "../../../i18n/i18n";
import type { Scored } from "../types";

/** Sets some of the list's URL filters (null clears one); back to page 1 unless `keepPage`. */
export type Go = (next: Record<string, string | null>, keepPage?: boolean) => void;

/** The channel's products ranked by score, with the filters, the CSV export and the pages. */
export function RankedList({ data, go }: { data: Scored; go: Go }) {
  const t = useT();
  const [search] = useSearchParams();
  const { params, page } = data;
  const channel = params.channel;
  const filtersOn = Boolean(params.band || params.blockers || params.rule || params.collection);
  const exportQuery = new URLSearchParams(search);
  exportQuery.delete("page");
  exportQuery.set("channel", channel);

  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd">
              {t("channels.list.title", { channel: t(`channel.${channel}`) })}
            </Text>
            <InlineStack gap="300" blockAlign="center">
              {filtersOn ? (
                <Button
                  variant="plain"
                  onClick={() => go({ band: null, blockers: null, rule: null, collection: null })}
                >
                  {t("channels.filter.clear")}
                </Button>
              ) : null}
              {/* A plain link: the CSV is a download, not a page the router could render. */}
              <a
                className="Polaris-Link"
                href={`/app/channels/export?${exportQuery.toString()}`}
                download
                title={t("channels.exportHelp")}
                data-testid="export-csv"
              >
                {t("channels.export")}
              </a>
            </InlineStack>
          </InlineStack>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="300">
            <Select
              label={t("channels.filter.band")}
              value={params.band ?? ""}
              options={[
                { value: "", label: t("channels.filter.anyBand") },
                ...(["excellent", "good", "poor"] as const).map((b) => ({
                  value: b,
                  label: t(`band.${b}`),
                })),
              ]}
              onChange={(v) => go({ band: v || null })}
            />
            <Select
              label={t("channels.filter.collection")}
              value={params.collection ?? ""}
              options={[
                { value: "", label: t("channels.filter.anyCollection") },
                ...data.collections,
              ]}
              onChange={(v) => go({ collection: v || null })}
            />
            <Select
              label={t("channels.filter.rule")}
              value={params.rule ?? ""}
              options={[{ value: "", label: t("channels.filter.anyRule") }, ...data.ruleOptions]}
              onChange={(v) => go({ rule: v || null })}
            />
            <Select
              label={t("channels.filter.sort")}
              value={params.sort}
              options={[
                { value: "best", label: t("channels.sort.best") },
                { value: "worst", label: t("channels.sort.worst") },
              ]}
              onChange={(v) => go({ sort: v === "best" ? null : v })}
            />
          </InlineGrid>
          <Checkbox
            label={t("channels.filter.blockers")}
            checked={Boolean(params.blockers)}
            onChange={(on) => go({ blockers: on ? "1" : null })}
          />
          <Text as="p" tone="subdued">
            {t("channels.list.count", {
              total: page.total,
              page: page.total ? page.page : 0,
              pages: page.pageCount,
            })}
          </Text>
        </BlockStack>
      </Box>
      <IndexTable
        resourceName={{ singular: t("channels.col.product"), plural: t("products.title") }}
        itemCount={page.rows.length}
        selectable={false}
        emptyState={
          <Box padding="400">
            <Text as="p" alignment="center" tone="subdued">
              <span data-testid="channels-no-match">{t("channels.noMatch")}</span>
            </Text>
          </Box>
        }
        headings={[
          { title: t("channels.col.product") },
          { title: t("channels.col.score"), alignment: "end" },
          { title: t("channels.col.band") },
          { title: t("channels.col.eligible") },
          { title: t("channels.col.issues"), alignment: "end" },
        ]}
      >
        {page.rows.map((r, i) => (
          <IndexTable.Row id={r.productId} key={r.productId} position={i}>
            <IndexTable.Cell>
              <RemixLink to={productPath(r.productId)} style={{ color: "inherit" }}>
                <Text as="span" fontWeight="semibold">
                  <span data-testid="ranked-title">
                    {r.title.length > 70 ? `${r.title.slice(0, 70)}…` : r.title}
                  </span>
                </Text>
              </RemixLink>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric fontWeight="semibold">
                <span data-testid="ranked-score">{r.score}</span>
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <BandBadge band={r.band as Band} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              {r.eligible ? (
                <Badge tone="success">{t("channels.yes")}</Badge>
              ) : (
                <Badge tone="critical">{t("channels.no")}</Badge>
              )}
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {r.blockers} · {r.warnings}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
      {page.pageCount > 1 ? (
        <Box padding="300">
          <InlineStack align="center">
            <Pagination
              hasPrevious={page.page > 1}
              onPrevious={() => go({ page: String(page.page - 1) }, true)}
              hasNext={page.page < page.pageCount}
              onNext={() => go({ page: String(page.page + 1) }, true)}
              label={`${page.page} / ${page.pageCount}`}
            />
          </InlineStack>
        </Box>
      ) : null}
    </Card>
  );
}
