import { Link as RemixLink, useNavigate, useSearchParams } from "@remix-run/react";
import {
  BlockStack,
  Box,
  Button,
  Card,
  IndexTable,
  InlineGrid,
  InlineStack,
  Pagination,
  Select,
  Text,
} from "@shopify/polaris";
import { KINDS, SEVERITIES, compliancePath, marketName } from "../../../components/ComplianceBits";
import { useLocale, useT } from "../../../i18n/i18n";
import type { OverviewData } from "./types";

/** The markets checked, then any other market the last counts name (EU, evidence). */
const marketOptions = (data: OverviewData): string[] => [
  ...new Set([...data.markets.active, ...(data.counts?.markets ?? []).map((m) => m.market)]),
];

/** The products with findings the address's filter matches, a page at a time. */
export function MatchingList({ data }: { data: OverviewData }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const list = data.list!;
  const { filter } = data;
  const go = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if (!("page" in next)) p.delete("page");
    navigate(`?${p.toString()}`, { preventScrollReset: true });
  };
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("compliance.list.title")}
            </Text>
            <Button variant="plain" onClick={() => navigate("?", { preventScrollReset: true })}>
              {t("compliance.list.close")}
            </Button>
          </InlineStack>
          <InlineGrid columns={{ xs: 1, sm: 3 }} gap="300">
            <Select
              label={t("compliance.col.market")}
              value={filter.market ?? ""}
              options={[
                { value: "", label: t("compliance.filter.anyMarket") },
                ...marketOptions(data).map((m) => ({ value: m, label: marketName(m, locale) })),
              ]}
              onChange={(v) => go({ market: v || null })}
            />
            <Select
              label={t("compliance.filter.severity")}
              value={filter.severity ?? ""}
              options={[
                { value: "", label: t("compliance.filter.anySeverity") },
                ...SEVERITIES.map((s) => ({ value: s, label: t(`compliance.sev.${s}`) })),
              ]}
              onChange={(v) => go({ severity: v || null })}
            />
            <Select
              label={t("compliance.filter.kind")}
              value={filter.kind ?? ""}
              options={[
                { value: "", label: t("compliance.filter.anyKind") },
                ...KINDS.map((k) => ({ value: k, label: t(`compliance.kind.${k}`) })),
              ]}
              onChange={(v) => go({ kind: v || null })}
            />
          </InlineGrid>
          <Text as="p" tone="subdued">
            <span data-testid="compliance-list-count">
              {t("compliance.list.count", { total: list.total })}
            </span>
          </Text>
        </BlockStack>
      </Box>
      <IndexTable
        resourceName={{ singular: t("channels.col.product"), plural: t("products.title") }}
        itemCount={list.rows.length}
        selectable={false}
        headings={[
          { title: t("channels.col.product") },
          { title: t("compliance.col.matching"), alignment: "end" },
          { title: t("severity.blocker"), alignment: "end" },
          { title: t("severity.warning"), alignment: "end" },
        ]}
      >
        {list.rows.map((r, i) => (
          <IndexTable.Row id={r.productId} key={r.productId} position={i}>
            <IndexTable.Cell>
              <RemixLink to={compliancePath(r.productId)} style={{ color: "inherit" }}>
                <Text as="span" fontWeight="semibold">
                  <span data-testid="compliance-list-title">{r.title}</span>
                </Text>
              </RemixLink>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {r.matching}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {r.blockers}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {r.warnings}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
      {list.pageCount > 1 ? (
        <Box padding="300">
          <InlineStack align="center">
            <Pagination
              hasPrevious={list.page > 1}
              onPrevious={() => go({ page: String(list.page - 1) })}
              hasNext={list.page < list.pageCount}
              onNext={() => go({ page: String(list.page + 1) })}
              label={`${list.page} / ${list.pageCount}`}
            />
          </InlineStack>
        </Box>
      ) : null}
    </Card>
  );
}
