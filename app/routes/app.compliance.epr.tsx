import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  FormLayout,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requireAdmin } from "../admin.server";
import { EPR_OBLIGATIONS } from "../compliance/packs/epr";
import { EU_MARKETS } from "../compliance/packs/markets";
import { marketsState, registrationErrors } from "../compliance/queries.server";
import { validateRegistration } from "../compliance/registrations";
import { EPR_STREAMS, REGISTRATION_ROLES } from "../compliance/schemas.server";
import type { EprStream } from "../compliance/types";
import {
  deleteRegistration,
  listRegistrations,
  saveRegistration,
} from "../compliance/vault.server";
import { db } from "../db.server";
import { resolveLocale, translate, useLocale, useT } from "../i18n/i18n";
import { logger } from "../logger.server";
import { getShopSettings } from "../shop/settings.server";
import { marketName } from "../components/ComplianceBits";
import { RouteError } from "../components/RouteError";
import { getJobQueue } from "../background.server";
import { onVaultChange } from "../compliance/jobs.server";

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

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Registration = Data["registrations"][number];

export default function Registrations() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const remove = useFetcher<typeof action>();
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
            <Card padding="0">
              <IndexTable
                resourceName={{
                  singular: t("compliance.reg.one"),
                  plural: t("compliance.reg.title"),
                }}
                itemCount={data.registrations.length}
                selectable={false}
                emptyState={
                  <BlockStack gap="200" inlineAlign="center">
                    <Text as="p" tone="subdued" alignment="center">
                      <span data-testid="registrations-empty">{t("compliance.reg.empty")}</span>
                    </Text>
                  </BlockStack>
                }
                headings={[
                  { title: t("compliance.col.market") },
                  { title: t("compliance.reg.stream") },
                  { title: t("compliance.reg.number") },
                  { title: t("compliance.reg.role") },
                  { title: "" },
                ]}
              >
                {data.registrations.map((r, i) => (
                  <IndexTable.Row id={r.id} key={r.id} position={i}>
                    <IndexTable.Cell>{marketName(r.country, locale)}</IndexTable.Cell>
                    <IndexTable.Cell>{t(`compliance.stream.${r.stream}`)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        <span data-testid="registration-number">{r.number}</span>
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {r.role ? t(`compliance.role.${r.role}`) : "—"}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <ButtonGroup>
                        <Button variant="plain" onClick={() => setEditing(r)}>
                          {t("compliance.edit")}
                        </Button>
                        <Button
                          variant="plain"
                          tone="critical"
                          onClick={() => {
                            if (window.confirm(t("compliance.reg.confirmDelete")))
                              remove.submit({ intent: "delete", id: r.id }, { method: "post" });
                          }}
                        >
                          {t("compliance.delete")}
                        </Button>
                      </ButtonGroup>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </Card>
            {remove.data && !remove.data.ok ? (
              <Banner tone="critical">{remove.data.fieldErrors.form}</Banner>
            ) : null}
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

function Expected({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  if (data.expected.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.reg.expectedTitle")}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("compliance.reg.expectedHelp")}
        </Text>
        {data.expected.map((e) => (
          <InlineStack
            key={`${e.country}-${e.stream}`}
            align="space-between"
            blockAlign="center"
            gap="200"
            wrap={false}
          >
            <Text as="span">
              <Text as="span" fontWeight="semibold">
                {marketName(e.country, locale)} · {t(`compliance.stream.${e.stream}`)}
              </Text>{" "}
              <Text as="span" tone="subdued" variant="bodySm">
                {e.register}
              </Text>
            </Text>
            <div style={{ flexShrink: 0 }}>
              {e.held ? (
                <Badge tone="success">{t("compliance.reg.held")}</Badge>
              ) : (
                <InlineStack gap="200" blockAlign="center" wrap={false}>
                  <Badge tone="attention">{t("compliance.reg.missing")}</Badge>
                  <Button
                    variant="plain"
                    onClick={() =>
                      navigate(`?country=${e.country}&stream=${e.stream}`, {
                        preventScrollReset: true,
                      })
                    }
                  >
                    {t("compliance.reg.add")}
                  </Button>
                </InlineStack>
              )}
            </div>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

function RegistrationForm({
  data,
  editing,
  onDone,
}: {
  data: Data;
  editing: Registration | null;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const save = useFetcher<typeof action>();
  // A one-click fix from a finding arrives with ?country=DE&stream=packaging.
  const [country, setCountry] = useState(
    editing?.country ??
      search.get("country")?.toUpperCase() ??
      data.expected.find((e) => !e.held)?.country ??
      data.countries[0] ??
      "DE",
  );
  const [stream, setStream] = useState<string>(
    editing?.stream ??
      search.get("stream") ??
      data.expected.find((e) => !e.held)?.stream ??
      "packaging",
  );
  const [number, setNumber] = useState(editing?.number ?? "");
  const [role, setRole] = useState<string>(editing?.role ?? "");
  const [notes, setNotes] = useState(editing?.notes ?? "");
  const errors: Record<string, string> = save.data && !save.data.ok ? save.data.fieldErrors : {};
  const saved = save.data?.ok && save.data.intent === "save";
  useEffect(() => {
    if (saved && !editing) setNumber("");
    if (saved && editing) onDone();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a save lands
  }, [save.data]);
  const expected = validateRegistration({
    country,
    stream: stream as EprStream,
    number: "",
  }).expected;
  const countries = data.countries.includes(country)
    ? data.countries
    : [...data.countries, country];
  return (
    <Card>
      <save.Form method="post">
        <input type="hidden" name="intent" value="save" />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <FormLayout>
          <Text as="h2" variant="headingMd">
            {editing ? t("compliance.reg.editTitle") : t("compliance.reg.addTitle")}
          </Text>
          {errors.form ? <Banner tone="critical">{errors.form}</Banner> : null}
          <Select
            label={t("compliance.col.market")}
            name="country"
            value={country}
            options={countries
              .map((c) => ({ value: c, label: marketName(c, locale) }))
              .sort((a, b) => a.label.localeCompare(b.label, locale))}
            onChange={setCountry}
            error={errors.country}
          />
          <Select
            label={t("compliance.reg.stream")}
            name="stream"
            value={stream}
            options={data.streams.map((s) => ({ value: s, label: t(`compliance.stream.${s}`) }))}
            onChange={setStream}
            error={errors.stream}
          />
          <TextField
            label={t("compliance.reg.number")}
            name="number"
            value={number}
            onChange={setNumber}
            autoComplete="off"
            helpText={t("compliance.reg.format", { expected })}
            error={errors.number}
          />
          <Select
            label={t("compliance.reg.role")}
            name="role"
            value={role}
            options={[
              { value: "", label: t("compliance.role.none") },
              ...data.roles.map((r) => ({ value: r, label: t(`compliance.role.${r}`) })),
            ]}
            onChange={setRole}
          />
          <TextField
            label={t("compliance.reg.notes")}
            name="notes"
            value={notes}
            onChange={setNotes}
            autoComplete="off"
            multiline={2}
          />
          {saved ? (
            <Banner tone="success">
              <span data-testid="registration-saved">{t("compliance.reg.saved")}</span>
            </Banner>
          ) : null}
          <InlineStack gap="200">
            <Button submit variant="primary" loading={save.state !== "idle"}>
              {t("compliance.save")}
            </Button>
            {editing ? <Button onClick={onDone}>{t("compliance.cancel")}</Button> : null}
          </InlineStack>
        </FormLayout>
      </save.Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <RouteError title="compliance.reg.title" />;
}
