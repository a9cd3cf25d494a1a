import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  Link as RemixLink,
  useFetcher,
  useLoaderData,
  useNavigate,
  useSearchParams,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  EmptyState,
  IndexTable,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Pagination,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { requireAdmin } from "../admin.server";
import { saveComplianceMarkets } from "../compliance/markets.server";
import {
  certificatesWithStatus,
  countsOverTime,
  evaluationState,
  findingsFilter,
  latestCounts,
  marketsState,
  mostBlocked,
  productsWithFindings,
} from "../compliance/queries.server";
import { db } from "../db.server";
import { resolveLocale, useLocale, useT } from "../i18n/i18n";
import { getJobQueue } from "../background.server";
import { logger } from "../logger.server";
import { getShopSettings } from "../shop/settings.server";
import { ColumnChart } from "../components/ColumnChart";
import {
  CertificateStatusBadge,
  KINDS,
  SEVERITIES,
  compliancePath,
  marketName,
  SEVERITY_COLOR,
} from "../components/ComplianceBits";
import { RouteError } from "../components/RouteError";
import { evaluateAllJob, publishLabelsJob } from "../compliance/jobs.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const filter = findingsFilter.parse(search);
  const database = db();
  const [settings, markets, counts, overTime, state, blocked, certificates] = await Promise.all([
    getShopSettings(database, shop),
    marketsState(database, shop),
    latestCounts(database, shop),
    countsOverTime(database, shop),
    evaluationState(database, shop),
    mostBlocked(database, shop),
    certificatesWithStatus(database, shop),
  ]);
  const filtering = Boolean(filter.market || filter.severity || filter.kind);
  return {
    locale: resolveLocale(request, settings.language),
    markets,
    counts,
    overTime,
    state,
    blocked,
    certificates: certificates
      .filter((c) => c.status === "expiring" || c.status === "expired")
      .map((c) => ({
        id: c.id,
        type: c.type,
        number: c.number,
        issuer: c.issuer,
        validTo: c.validTo,
        status: c.status,
      })),
    filter,
    list: filtering ? await productsWithFindings(database, shop, filter) : null,
  };
};

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("check") }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("markets"), markets: z.string().max(2000).default("") }),
  z.object({ intent: z.literal("markets-reset") }),
]);

/** Check now, Publish labels, and the markets the checks are for. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false as const, intent: "unknown", fieldErrors: {} };
  const { intent } = parsed.data;
  try {
    const queue = getJobQueue();
    if (intent === "publish") {
      await queue.enqueue(
        publishLabelsJob,
        shop,
        { reason: "publish-now" },
        { jobId: "publish-labels:now" },
      );
      return { ok: true as const, intent, fieldErrors: {} };
    }
    if (intent === "markets" || intent === "markets-reset") {
      const codes =
        parsed.data.intent === "markets"
          ? parsed.data.markets
              .split(/[\s,;]+/)
              .map((c) => c.trim())
              .filter(Boolean)
          : null;
      const saved = await saveComplianceMarkets(db(), shop, codes);
      if (!saved.ok) return { ok: false as const, intent, fieldErrors: saved.fieldErrors };
    }
    // Every product is judged for the markets, so a new list means a new full pass.
    await queue.enqueue(
      evaluateAllJob,
      shop,
      { reason: intent === "check" ? "check-now" : "markets" },
      { jobId: "evaluate-all:check-now" },
    );
    return { ok: true as const, intent, fieldErrors: {} };
  } catch (error) {
    logger.error(
      { shop, op: `compliance.${intent}`, err: (error as Error).message },
      "compliance action failed",
    );
    return { ok: false as const, intent, fieldErrors: { form: "failed" } };
  }
};

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** The markets checked, then any other market the last counts name (EU, evidence). */
const marketOptions = (data: Data): string[] => [
  ...new Set([...data.markets.active, ...(data.counts?.markets ?? []).map((m) => m.market)]),
];

export default function ComplianceOverview() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const evaluated = data.state.evaluated > 0;
  return (
    <Page
      title={t("compliance.title")}
      subtitle={t("compliance.subtitle")}
      secondaryActions={[
        { content: t("compliance.nav.registrations"), url: "/app/compliance/epr" },
        { content: t("compliance.nav.certificates"), url: "/app/compliance/vault" },
        { content: t("compliance.nav.bulk"), url: "/app/compliance/bulk" },
      ]}
    >
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400" alignItems="start">
          <RunState data={data} />
          <Markets data={data} />
        </InlineGrid>
        {!evaluated ? (
          <Card>
            <EmptyState heading={t("compliance.emptyHeading")} image="">
              <p>
                {t("compliance.emptyBody", {
                  markets:
                    data.markets.active.map((m) => marketName(m, data.locale)).join(", ") || "—",
                })}
              </p>
            </EmptyState>
          </Card>
        ) : (
          <>
            <MarketTable data={data} />
            {data.list ? <MatchingList data={data} /> : null}
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400" alignItems="start">
              <Card>
                <OverTime data={data} />
              </Card>
              <Blocked data={data} />
            </InlineGrid>
          </>
        )}
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400" alignItems="start">
          <Expiring data={data} />
          <Audit data={data} />
        </InlineGrid>
      </BlockStack>
    </Page>
  );
}

function RunState({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  const check = useFetcher<typeof action>();
  const publish = useFetcher<typeof action>();
  const s = data.state;
  const when = (d: Date | string | null) => (d ? new Date(d).toLocaleString(locale) : "—");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.state.title")}
        </Text>
        <BlockStack gap="100">
          <Text as="p">
            <span data-testid="compliance-evaluated">
              {t("compliance.state.evaluated", {
                evaluated: s.evaluated.toLocaleString(locale),
                products: s.products,
              })}
            </span>
          </Text>
          <Text as="p" tone="subdued" variant="bodySm">
            {t("compliance.state.lastCheck", {
              when: when(s.lastEvaluatedAt),
              version: s.packsVersion,
            })}
          </Text>
          {s.outdated > 0 ? (
            <Text as="p" tone="caution" variant="bodySm">
              {t("compliance.state.outdated", { count: s.outdated })}
            </Text>
          ) : null}
          <Text as="p" tone="subdued" variant="bodySm">
            {s.labels > 0
              ? t("compliance.state.lastPublish", {
                  when: when(s.lastPublishedAt),
                  labels: s.labels,
                })
              : t("compliance.state.neverPublished")}
          </Text>
        </BlockStack>
        <InlineStack gap="200">
          <Button
            variant="primary"
            loading={check.state !== "idle"}
            onClick={() => check.submit({ intent: "check" }, { method: "post" })}
          >
            {t("compliance.checkNow")}
          </Button>
          <Button
            loading={publish.state !== "idle"}
            onClick={() => publish.submit({ intent: "publish" }, { method: "post" })}
          >
            {t("compliance.publish")}
          </Button>
        </InlineStack>
        {check.data?.ok ? <Banner tone="info">{t("compliance.checkQueued")}</Banner> : null}
        {publish.data?.ok ? <Banner tone="info">{t("compliance.publishQueued")}</Banner> : null}
        {check.data?.ok === false || publish.data?.ok === false ? (
          <Banner tone="critical">{t("compliance.queueFailed")}</Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Markets({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  const save = useFetcher<typeof action>();
  const [value, setValue] = useState((data.markets.override ?? data.markets.synced).join(", "));
  const error =
    save.data && !save.data.ok && "markets" in save.data.fieldErrors
      ? t("compliance.markets.invalid")
      : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.markets.title")}
        </Text>
        <InlineStack gap="100">
          {data.markets.active.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("compliance.markets.none")}
            </Text>
          ) : (
            data.markets.active.map((m) => (
              <span key={m} data-testid="compliance-market">
                <Badge>{marketName(m, locale)}</Badge>
              </span>
            ))
          )}
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {data.markets.override
            ? t("compliance.markets.fromOverride", {
                synced: data.markets.synced.join(", ") || "—",
              })
            : t("compliance.markets.fromSync")}
        </Text>
        <save.Form method="post">
          <input type="hidden" name="intent" value="markets" />
          <BlockStack gap="200">
            <TextField
              label={t("compliance.markets.edit")}
              name="markets"
              value={value}
              onChange={setValue}
              autoComplete="off"
              helpText={t("compliance.markets.help")}
              error={error}
            />
            <InlineStack gap="200">
              <Button submit loading={save.state !== "idle"}>
                {t("compliance.markets.save")}
              </Button>
              {data.markets.override ? (
                <Button
                  variant="plain"
                  onClick={() => save.submit({ intent: "markets-reset" }, { method: "post" })}
                >
                  {t("compliance.markets.reset")}
                </Button>
              ) : null}
            </InlineStack>
            {save.data?.ok ? <Banner tone="success">{t("compliance.markets.saved")}</Banner> : null}
          </BlockStack>
        </save.Form>
      </BlockStack>
    </Card>
  );
}

function MarketTable({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  const link = (market: string, severity: string, n: { findings: number; products: number }) =>
    n.findings === 0 ? (
      <Text as="span" tone="subdued">
        0
      </Text>
    ) : (
      <RemixLink
        to={`?market=${market}&severity=${severity}`}
        preventScrollReset
        data-testid={`count-${market}-${severity}`}
      >
        {t("compliance.counts.cell", {
          findings: n.findings.toLocaleString(locale),
          products: n.products,
        })}
      </RemixLink>
    );
  if (!data.counts) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("compliance.counts.title")}
          </Text>
          <Text as="span" tone="subdued" variant="bodySm">
            {t("compliance.counts.asOf", { day: data.counts.day })}
          </Text>
        </InlineStack>
        <div data-testid="compliance-counts">
          <DataTable
            columnContentTypes={["text", "text", "text", "text"]}
            headings={[
              t("compliance.col.market"),
              t("severity.blocker"),
              t("severity.warning"),
              t("severity.info"),
            ]}
            rows={data.counts.markets.map((m) => [
              <Text key="m" as="span" fontWeight="semibold">
                {marketName(m.market, locale)}
              </Text>,
              link(m.market, "blocker", m.blocker),
              link(m.market, "warning", m.warning),
              link(m.market, "info", m.info),
            ])}
          />
        </div>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("compliance.counts.help")}
        </Text>
      </BlockStack>
    </Card>
  );
}

function MatchingList({ data }: { data: Data }) {
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

/** The last `n` UTC calendar days, oldest first. */
function lastDays(n: number): string[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) =>
    new Date(now - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

function OverTime({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  return data.overTime.length === 0 ? (
    <Text as="p" tone="subdued">
      {t("compliance.chart.empty")}
    </Text>
  ) : (
    <BlockStack gap="200">
      <ColumnChart
        testId="compliance-chart"
        locale={locale}
        title={t("compliance.chart.title")}
        legend={SEVERITIES.map((s) => ({ label: t(`severity.${s}`), color: SEVERITY_COLOR[s] }))}
        columns={lastDays(30).map((day) => {
          const d = data.overTime.find((o) => o.day === day);
          // A day without a check has no column (not a zero: nothing was counted).
          return { label: day.slice(5), values: d ? [d.blocker, d.warning, d.info] : null };
        })}
      />
      <Text as="p" tone="subdued" variant="bodySm">
        {t("compliance.chart.help")}
      </Text>
    </BlockStack>
  );
}

function Blocked({ data }: { data: Data }) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.blocked.title")}
        </Text>
        {data.blocked.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("compliance.blocked.none")}
          </Text>
        ) : (
          <BlockStack gap="200">
            {data.blocked.map((p) => (
              <InlineStack key={p.productId} align="space-between" gap="200" wrap={false}>
                <RemixLink to={compliancePath(p.productId)} data-testid="blocked-product">
                  {p.title.length > 60 ? `${p.title.slice(0, 60)}…` : p.title}
                </RemixLink>
                <div style={{ flexShrink: 0 }}>
                  <Badge tone="critical">
                    {t("compliance.blocked.count", { count: p.blockers })}
                  </Badge>
                </div>
              </InlineStack>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

function Expiring({ data }: { data: Data }) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("compliance.expiring.title")}
          </Text>
          <Link url="/app/compliance/vault">{t("compliance.nav.certificates")}</Link>
        </InlineStack>
        {data.certificates.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("compliance.expiring.none")}
          </Text>
        ) : (
          data.certificates.map((c) => (
            <InlineStack key={c.id} align="space-between" gap="200" blockAlign="center">
              <Text as="span">
                <Text as="span" fontWeight="semibold">
                  {t(`compliance.certType.${c.type}`)}
                </Text>{" "}
                {c.number}
                {c.issuer ? ` · ${c.issuer}` : ""}
              </Text>
              <InlineStack gap="200" blockAlign="center">
                <Text as="span" tone="subdued" variant="bodySm">
                  {t("compliance.cert.until", { day: c.validTo ?? "—" })}
                </Text>
                <CertificateStatusBadge status={c.status} />
              </InlineStack>
            </InlineStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

function Audit({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  // The market with the most blockers first (the counts' order), then the other markets checked.
  const options = [
    ...new Set([...(data.counts?.markets ?? []).map((m) => m.market), ...data.markets.active]),
  ].filter((m) => m !== "ALL");
  const [market, setMarket] = useState(options[0] ?? "");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("compliance.audit.title")}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("compliance.audit.help")}
        </Text>
        <Select
          label={t("compliance.col.market")}
          value={market}
          options={[
            ...options.map((m) => ({ value: m, label: marketName(m, locale) })),
            { value: "", label: t("compliance.audit.allMarkets") },
          ]}
          onChange={setMarket}
        />
        <InlineStack gap="300">
          {/* Plain links: a download and a page to print, not pages the router could render. */}
          <a
            className="Polaris-Link"
            href={`/app/compliance/export?market=${market}&locale=${locale}`}
            download
            data-testid="audit-csv"
          >
            {t("compliance.audit.csv")}
          </a>
          <a
            className="Polaris-Link"
            href={`/app/compliance/report?market=${market}&locale=${locale}`}
            target="_blank"
            rel="noreferrer"
            data-testid="audit-report"
          >
            {t("compliance.audit.print")}
          </a>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

/** Errors as words inside the admin frame, never a stack trace. */
export function ErrorBoundary() {
  return <RouteError title="compliance.title" />;
}
