import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { getJobQueue } from "../../background.server";
import { bulkFilterOf, bulkPage, submitBulkForm } from "../../compliance/bulk-page.server";
import { queueBulkEdit } from "../../compliance/jobs.server";
import { RouteError } from "../../components/RouteError";
import { db } from "../../db.server";
import { resolveLocale, useT } from "../../i18n/i18n";
import { getShopSettings } from "../../shop/settings.server";
import { BulkEdits } from "./components/BulkEdits";
import { Filters } from "./components/Filters";
import { Products } from "./components/Products";

const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

/**
 * /app/compliance/bulk — confirm product facts for many products at once: filter the catalogue,
 * tick products or take every product that matches, choose the fields to set, preview, apply.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const search = new URL(request.url).searchParams;
  const filter = bulkFilterOf((k) => search.get(k));
  const page = pageParam.parse(search.get("page") ?? 1);
  return bulkPage(db(), shop, filter, page, (language) => resolveLocale(request, language));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const database = db();
  const locale = resolveLocale(request, (await getShopSettings(database, shop)).language);
  const data = await request.formData();
  const ids = data.getAll("ids").map(String);
  const form = {
    intent: data.get("intent") === "apply" ? ("apply" as const) : ("preview" as const),
    selection: {
      filter: bulkFilterOf((k) => data.get(`filter.${k}`)),
      ...(data.get("scope") === "ids" ? { ids } : {}),
    },
    fields: Object.fromEntries(data),
  };
  // The queue is reached only when an edit starts, inside the service's error handling.
  return submitBulkForm(database, shop, locale, form, (s, editId) =>
    queueBulkEdit(getJobQueue())(s, editId),
  );
};

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

export function ErrorBoundary() {
  return <RouteError title="compliance.bulk.title" />;
}
