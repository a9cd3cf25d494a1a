import { useSearchParams } from "@remix-run/react";
import {
  Badge,
  Card,
  IndexTable,
  InlineStack,
  Link,
  Pagination,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { compliancePath } from "../../../components/ComplianceBits";
import { useT } from "../../../i18n/i18n";
import type { Data } from "../types";
import { BulkEditor } from "./BulkEditor";

/** The matching products to tick, and the editor for the ticked ones (or all that match). */
export function Products({ data }: { data: Data }) {
  const t = useT();
  const [params] = useSearchParams();
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(data.rows);
  const pageUrl = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  // "All N matching" covers every page; otherwise the ticked products of this page.
  const scope = allResourcesSelected || selectedResources.length === 0 ? "all" : "ids";
  const count = scope === "all" ? data.total : selectedResources.length;
  return (
    <>
      <Card padding="0">
        <IndexTable
          resourceName={{
            singular: t("compliance.bulk.product"),
            plural: t("compliance.bulk.products"),
          }}
          itemCount={data.rows.length}
          selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
          onSelectionChange={handleSelectionChange}
          hasMoreItems={data.total > data.rows.length}
          paginatedSelectAllText={t("compliance.bulk.allSelected", {
            count: data.total,
          })}
          paginatedSelectAllActionText={t("compliance.bulk.selectAll", {
            count: data.total,
          })}
          emptyState={
            <Text as="p" tone="subdued" alignment="center">
              {t("compliance.bulk.noProducts")}
            </Text>
          }
          headings={[
            { title: t("compliance.bulk.col.product") },
            { title: t("compliance.bulk.filter.vendor") },
            { title: t("compliance.bulk.filter.productType") },
            { title: t("compliance.bulk.col.findings") },
            { title: t("compliance.bulk.col.facts") },
          ]}
        >
          {data.rows.map((r, i) => (
            <IndexTable.Row
              id={r.id}
              key={r.id}
              position={i}
              selected={allResourcesSelected || selectedResources.includes(r.id)}
            >
              <IndexTable.Cell>
                {/* Cells do not wrap: a full 200-character title pushed the other columns out of sight. */}
                <Link url={compliancePath(r.id)} removeUnderline>
                  {r.title.length > 70 ? `${r.title.slice(0, 70)}…` : r.title}
                </Link>
              </IndexTable.Cell>
              <IndexTable.Cell>{r.vendor ?? "—"}</IndexTable.Cell>
              <IndexTable.Cell>{r.productType ?? "—"}</IndexTable.Cell>
              <IndexTable.Cell>
                <InlineStack gap="100">
                  {r.blockers ? (
                    <Badge tone="critical">
                      {t("compliance.product.blockers", { count: r.blockers })}
                    </Badge>
                  ) : null}
                  {r.warnings ? (
                    <Badge tone="warning">
                      {t("compliance.product.warnings", { count: r.warnings })}
                    </Badge>
                  ) : null}
                </InlineStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={r.confirmed ? "success" : undefined}>
                  {t(r.confirmed ? "compliance.profile.confirmed" : "compliance.profile.inferred")}
                </Badge>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
        {data.pageCount > 1 ? (
          <InlineStack align="center">
            <Pagination
              hasPrevious={data.page > 1}
              previousURL={pageUrl(data.page - 1)}
              hasNext={data.page < data.pageCount}
              nextURL={pageUrl(data.page + 1)}
              label={`${data.page} / ${data.pageCount}`}
            />
          </InlineStack>
        ) : null}
      </Card>
      <BulkEditor
        filter={data.filter}
        scope={scope}
        ids={scope === "ids" ? selectedResources : []}
        count={count}
        onApplied={clearSelection}
      />
    </>
  );
}
