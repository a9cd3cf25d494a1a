import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, Card, IndexTable, Page, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { runOperation } from "../../graphql/client.server";
import { ProductList, type ProductListResult } from "../../graphql/ProductList";
import { useT } from "../../i18n/i18n";
import { productPath } from "../../components/ChannelBits";

const params = z.object({
  q: z.string().trim().max(200).optional(),
  after: z.string().max(500).optional(),
});

/** Shopify's search syntax: quote the merchant's words so ":" or "*" are not operators. */
function searchQuery(q: string | undefined) {
  return q ? `title:*${q.replace(/["\\*:]/g, " ").trim()}*` : null;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { graphql } = await requireAdmin(request);
  const { q, after } = params.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await runOperation<ProductListResult>(graphql, ProductList, {
    first: 50,
    after: after ?? null,
    query: searchQuery(q),
  });
  return { q: q ?? "", products: data.products.nodes, pageInfo: data.products.pageInfo };
};

export default function Products() {
  const { q, products, pageInfo } = useLoaderData<typeof loader>();
  const t = useT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [query, setQuery] = useState(q);
  useEffect(() => setQuery(q), [q]);

  const go = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    navigate(`?${p.toString()}`);
  };

  return (
    <Page title={t("products.title")}>
      <Card padding="0">
        <div style={{ padding: "12px" }}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              go({ q: query || null, after: null });
            }}
          >
            <TextField
              label={t("products.search")}
              labelHidden
              value={query}
              onChange={setQuery}
              autoComplete="off"
              placeholder={t("products.search")}
              clearButton
              onClearButtonClick={() => go({ q: null, after: null })}
            />
          </form>
        </div>
        <IndexTable
          resourceName={{ singular: t("products.col.product"), plural: t("products.title") }}
          itemCount={products.length}
          selectable={false}
          emptyState={
            <Text as="p" alignment="center" tone="subdued">
              {t("products.empty")}
            </Text>
          }
          headings={[
            { title: t("products.col.product") },
            { title: t("products.col.status") },
            { title: t("products.col.category") },
            { title: t("products.col.vendor") },
            { title: t("products.col.variants"), alignment: "end" },
            { title: t("products.col.inventory"), alignment: "end" },
          ]}
          pagination={{
            hasNext: pageInfo.hasNextPage,
            onNext: () => go({ after: pageInfo.endCursor }),
          }}
        >
          {products.map((p, i) => (
            <IndexTable.Row id={p.id} key={p.id} position={i}>
              <IndexTable.Cell>
                {/* The title opens the product's channel fit; the mirror shares Shopify's ids. */}
                <Link to={productPath(p.id)} style={{ color: "inherit" }}>
                  <Text as="span" fontWeight="semibold">
                    <span data-testid="product-title">
                      {p.title.length > 90 ? `${p.title.slice(0, 90)}…` : p.title}
                    </span>
                  </Text>
                </Link>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={p.status === "ACTIVE" ? "success" : undefined}>
                  {t(`status.${p.status}`)}
                </Badge>
              </IndexTable.Cell>
              <IndexTable.Cell>{p.category?.name ?? t("products.uncategorised")}</IndexTable.Cell>
              <IndexTable.Cell>{p.vendor}</IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric>
                  {p.variantsCount?.count ?? 0}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric>
                  {p.totalInventory}
                </Text>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </Page>
  );
}
