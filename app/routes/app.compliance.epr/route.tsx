import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { BlockStack, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { EPR_OBLIGATIONS } from "../../compliance/packs/epr";
import { EU_MARKETS } from "../../compliance/packs/markets";
import { marketsState, registrationErrors } from "../../compliance/queries.server";
import { EPR_STREAMS, REGISTRATION_ROLES } from "../../compliance/schemas.server";
import type { EprStream } from "../../compliance/types";
import {
  deleteRegistration,
  listRegistrations,
  saveRegistration,
} from "../../compliance/vault.server";
import { db } from "../../db.server";
import { resolveLocale, translate, useLocale, useT } from "../../i18n/i18n";
import { logger } from "../../logger.server";
import { getShopSettings } from "../../shop/settings.server";
import { marketName } from "../../components/ComplianceBits";
import { RecordTable } from "../../components/RecordTable";
import { RouteError } from "../../components/RouteError";
import { getJobQueue } from "../../background.server";
import { onVaultChange } from "../../compliance/jobs.server";
import { Expected } from "./Expected";
import { RegistrationForm } from "./RegistrationForm";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const database = db();
  const [registrations, markets] = await Promise.all([
    listRegistrations(database, shop),
    marketsState(database, shop),
  ]);
  // What the registers expect for the markets checked: each one held or missing.
  const expected = EPR_OBLIGATIONS.filter((o) => markets.active.includes(o.country)).map((o) => ({
    country: o.country,
    stream: o.stream,
    register: o.register,
    held: registrations.some((r) => r.country === o.country && r.stream === o.stream),
  }));
  return {
    registrations: registrations.map((r) => ({
      id: r.id,
      country: r.country,
      stream: r.stream,
      number: r.number,
      role: r.role ?? null,
      notes: r.notes,
      updatedAt: r.updatedAt,
    })),
    expected,
    countries: [...new Set([...EU_MARKETS, ...markets.active, "GB", "US"])],
    streams: EPR_STREAMS,
    roles: REGISTRATION_ROLES,
  };
};

const saveSchema = z.object({
  intent: z.literal("save"),
  id: z.string().max(100).optional(),
  country: z.string().max(10).default(""),
  stream: z.string().max(40).default(""),
  number: z.string().max(200).default(""),
  role: z.string().max(40).default(""),
  notes: z.string().max(2000).default(""),
});
const deleteSchema = z.object({ intent: z.literal("delete"), id: z.string().min(1).max(100) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const settings = await getShopSettings(db(), shop);
  const locale = resolveLocale(request, settings.language);
  const form = Object.fromEntries(await request.formData());
  const del = deleteSchema.safeParse(form);
  try {
    if (del.success) {
      const deleted = await deleteRegistration(db(), shop, del.data.id, {
        onChange: onVaultChange(getJobQueue()),
      });
      return deleted
        ? { ok: true as const, intent: "delete" as const }
        : {
            ok: false as const,
            intent: "delete" as const,
            fieldErrors: { form: translate(locale, "compliance.error.gone") },
          };
    }
    const parsed = saveSchema.safeParse(form);
    if (!parsed.success)
      return {
        ok: false as const,
        intent: "save" as const,
        fieldErrors: { form: translate(locale, "compliance.error.invalid") },
      };
    const { id, country, stream, number, role, notes } = parsed.data;
    const result = await saveRegistration(
      db(),
      shop,
      {
        country,
        // The service's schema refuses an unknown stream or role with a field error.
        stream: stream as EprStream,
        number,
        role: (role || null) as (typeof REGISTRATION_ROLES)[number] | null,
        notes: notes || null,
      },
      { onChange: onVaultChange(getJobQueue()), ...(id ? { id } : {}) },
    );
    if (!result.ok)
      return {
        ok: false as const,
        intent: "save" as const,
        fieldErrors: registrationErrors({ country, stream, number }, result.fieldErrors, locale),
      };
    return { ok: true as const, intent: "save" as const, number: result.value.number };
  } catch (error) {
    logger.error(
      { shop, op: "compliance.registration", err: (error as Error).message },
      "could not change a registration",
    );
    return {
      ok: false as const,
      intent: "save" as const,
      fieldErrors: { form: translate(locale, "error.title") },
    };
  }
};

export type Data = ReturnType<typeof useLoaderData<typeof loader>>;
export type Registration = Data["registrations"][number];

export default function Registrations() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const back = search.get("product");
  // A fix for a held registration (a wrong number or role) arrives with its country and stream.
  const [editing, setEditing] = useState<Registration | null>(
    () =>
      data.registrations.find(
        (r) =>
          r.country === search.get("country")?.toUpperCase() && r.stream === search.get("stream"),
      ) ?? null,
  );
  return (
    <Page
      title={t("compliance.reg.title")}
      subtitle={t("compliance.reg.subtitle")}
      backAction={{
        content: t("compliance.title"),
        url: back ? `/app/compliance/products/${back}` : "/app/compliance",
      }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <RecordTable
              resourceName={{
                singular: t("compliance.reg.one"),
                plural: t("compliance.reg.title"),
              }}
              emptyState={
                <BlockStack gap="200" inlineAlign="center">
                  <Text as="p" tone="subdued" alignment="center">
                    <span data-testid="registrations-empty">{t("compliance.reg.empty")}</span>
                  </Text>
                </BlockStack>
              }
              headings={[
                t("compliance.col.market"),
                t("compliance.reg.stream"),
                t("compliance.reg.number"),
                t("compliance.reg.role"),
              ]}
              items={data.registrations}
              cells={(r) => (
                <>
                  <IndexTable.Cell>{marketName(r.country, locale)}</IndexTable.Cell>
                  <IndexTable.Cell>{t(`compliance.stream.${r.stream}`)}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" fontWeight="semibold">
                      <span data-testid="registration-number">{r.number}</span>
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{r.role ? t(`compliance.role.${r.role}`) : "—"}</IndexTable.Cell>
                </>
              )}
              onEdit={setEditing}
              confirmDelete={t("compliance.reg.confirmDelete")}
            />
            <Expected data={data} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <RegistrationForm
            key={editing?.id ?? `new-${search.get("country") ?? ""}-${search.get("stream") ?? ""}`}
            data={data}
            editing={editing}
            onDone={() => setEditing(null)}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <RouteError title="compliance.reg.title" />;
}
