import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  IndexTable,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Pagination,
  Select,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { rawDb } from "../../db/raw.server";
import { patchFields, patchFromForm } from "../../compliance/bulk";
import {
  countSelection,
  filterChoices,
  listSelection,
  parseBulkInput,
  recentBulkEdits,
  startBulkEdit,
} from "../../compliance/bulk.server";
import { bulkFilterSchema, type BulkFilter } from "../../compliance/schemas.server";
import { compliancePath } from "../../components/ComplianceBits";
import { db } from "../../db.server";
import type { MessageKey } from "../../i18n/en";
import { resolveLocale, translate, useT, type Locale } from "../../i18n/i18n";
import { logger } from "../../logger.server";
import { getShopSettings } from "../../shop/settings.server";
import { BulkEditor } from "./BulkEditor";
import { BulkEdits } from "./BulkEdits";
import { RouteError } from "../../components/RouteError";
import { getJobQueue } from "../../background.server";
import { queueBulkEdit } from "../../compliance/jobs.server";
import { databaseUrl } from "../../db/url";

const PAGE_SIZE = 50;
const channels = () => rawDb(databaseUrl());
const FILTER_KEYS = ["q", "vendor", "productType", "collectionId", "findings"] as const;
const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

/** A filter from the address (or a form's `filter.*` fields); anything unreadable is dropped. */
function filterOf(get: (key: string) => unknown): BulkFilter {
  const out: BulkFilter = {};
  for (const key of FILTER_KEYS) {
    const one = bulkFilterSchema.shape[key].safeParse(get(key) ?? undefined);
    if (one.success && one.data !== undefined) Object.assign(out, { [key]: one.data });
  }
  return out;
}

/**
 * /app/compliance/bulk — confirm product facts for many products at once: filter the catalogue,
 * tick products or take every product that matches, choose the fields to set, preview, apply.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const search = new URL(request.url).searchParams;
  const filter = filterOf((k) => search.get(k));
  const page = pageParam.parse(search.get("page") ?? 1);
  const database = db();
  const [settings, choices, total, rows, edits] = await Promise.all([
    getShopSettings(database, shop),
    filterChoices(database, shop),
    countSelection(channels(), shop, { filter }),
    listSelection(channels(), shop, filter, page, PAGE_SIZE),
    recentBulkEdits(database, shop),
  ]);
  return {
    locale: resolveLocale(request, settings.language),
    filter,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    rows,
    choices,
    edits: edits.map((e) => ({
      id: e.id,
      status: e.status,
      total: e.total,
      done: e.done,
      fields: patchFields(e.patch),
      createdAt: e.createdAt,
      finishedAt: e.finishedAt,
    })),
  };
};

/** Field errors of the services, in the admin's language, on the form's field names. */
function bulkErrors(errors: Record<string, string>, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [raw, code] of Object.entries(errors)) {
    const field = raw.replace(/^set\./, "").split(".")[0] ?? raw;
    let key: MessageKey = "compliance.error.invalid";
    if (raw === "selection")
      key = code === "empty" ? "compliance.bulk.error.empty" : "compliance.error.gone";
    else if (raw === "form" || code === "nothing") key = "compliance.bulk.error.nothing";
    else if (code === "materials") key = "compliance.bulk.error.materials";
    else if (code === "party") key = "compliance.profile.error.required";
    else if (code === "safetyInfo") key = "compliance.bulk.error.safetyInfo";
    else if (code === "prop65" || field === "prop65") key = "compliance.profile.error.chemicals";
    else if (code === "recycled" || field === "recycledContentPct")
      key = "compliance.profile.error.percent";
    else if (field === "countryOfOrigin" || raw.endsWith(".country"))
      key = "compliance.reg.error.country";
    else if (field === "hsCode") key = "compliance.profile.error.hs";
    else if (field === "safetyInfo") key = "compliance.bulk.error.lang";
    out[field === "form" ? "form" : field] ??= translate(locale, key);
  }
  return out;
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const database = db();
  const locale = resolveLocale(request, (await getShopSettings(database, shop)).language);
  const data = await request.formData();
  const intent = data.get("intent") === "apply" ? ("apply" as const) : ("preview" as const);
  const ids = data.getAll("ids").map(String);
  const selection = {
    filter: filterOf((k) => data.get(`filter.${k}`)),
    ...(data.get("scope") === "ids" ? { ids } : {}),
  };
  const form = patchFromForm(Object.fromEntries(data));
  if (!form.ok)
    return { ok: false as const, intent, fieldErrors: bulkErrors(form.fieldErrors, locale) };
  const input = { selection, patch: form.patch };
  try {
    if (intent === "preview") {
      const parsed = parseBulkInput(input);
      if (!parsed.ok)
        return { ok: false as const, intent, fieldErrors: bulkErrors(parsed.fieldErrors, locale) };
      const count = await countSelection(channels(), shop, parsed.value.selection);
      if (count === 0)
        return {
          ok: false as const,
          intent,
          fieldErrors: bulkErrors({ selection: "empty" }, locale),
        };
      return {
        ok: true as const,
        intent,
        count,
        fields: patchFields(parsed.value.patch),
        fieldErrors: {},
      };
    }
    const started = await startBulkEdit(database, channels(), shop, input, {
      enqueue: queueBulkEdit(getJobQueue()),
    });
    if (!started.ok)
      return { ok: false as const, intent, fieldErrors: bulkErrors(started.fieldErrors, locale) };
    return {
      ok: true as const,
      intent,
      count: started.value.total,
      fields: patchFields(form.patch),
      fieldErrors: {},
    };
  } catch (error) {
    logger.error(
      { shop, op: `compliance.bulk.${intent}`, err: (error as Error).message },
      "could not run the bulk edit of product facts",
    );
    return { ok: false as const, intent, fieldErrors: { form: translate(locale, "error.title") } };
  }
};

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function BulkProductFacts() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Page
      title={t("compliance.bulk.title")}
      subtitle={t("compliance.bulk.subtitle")}
      backAction={{ content: t("compliance.title"), url: "/app/compliance" }}
    >
      <BlockStack gap="400">
        <Filters data={data} />
        <Products data={data} />
        <BulkEdits edits={data.edits} />
      </BlockStack>
    </Page>
  );
}

function Filters({ data }: { data: Data }) {
  const t = useT();
  const [q, setQ] = useState(data.filter.q ?? "");
  const [vendor, setVendor] = useState(data.filter.vendor ?? "");
  const [productType, setProductType] = useState(data.filter.productType ?? "");
  const [collectionId, setCollectionId] = useState(data.filter.collectionId ?? "");
  const [findings, setFindings] = useState<string>(data.filter.findings ?? "");
  const any = { label: t("compliance.bulk.filter.any"), value: "" };
  return (
    <Card>
      <Form method="get">
        <BlockStack gap="300">
          <InlineGrid columns={{ xs: 1, md: 5 }} gap="300">
            <TextField
              label={t("compliance.bulk.filter.q")}
              name="q"
              value={q}
              onChange={setQ}
              autoComplete="off"
            />
            <Select
              label={t("compliance.bulk.filter.vendor")}
              name="vendor"
              options={[any, ...data.choices.vendors.map((v) => ({ label: v, value: v }))]}
              value={vendor}
              onChange={setVendor}
            />
            <Select
              label={t("compliance.bulk.filter.productType")}
              name="productType"
              options={[any, ...data.choices.productTypes.map((v) => ({ label: v, value: v }))]}
              value={productType}
              onChange={setProductType}
            />
            <Select
              label={t("compliance.bulk.filter.collection")}
              name="collectionId"
              options={[
                any,
                ...data.choices.collections.map((c) => ({ label: c.title, value: c.id })),
              ]}
              value={collectionId}
              onChange={setCollectionId}
            />
            <Select
              label={t("compliance.bulk.filter.findings")}
              name="findings"
              options={[
                any,
                { label: t("compliance.bulk.filter.findings.any"), value: "any" },
                { label: t("compliance.bulk.filter.findings.blocker"), value: "blocker" },
                { label: t("compliance.bulk.filter.findings.none"), value: "none" },
              ]}
              value={findings}
              onChange={setFindings}
            />
          </InlineGrid>
          <InlineStack gap="200">
            <Button submit>{t("compliance.bulk.filter.apply")}</Button>
            <Button url="/app/compliance/bulk" variant="plain">
              {t("compliance.bulk.filter.clear")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

function Products({ data }: { data: Data }) {
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

export function ErrorBoundary() {
  return <RouteError title="compliance.bulk.title" />;
}
