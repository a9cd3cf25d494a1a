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
  Checkbox,
  EmptyState,
  IndexTable,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Pagination,
  Select,
  Tabs,
  Text,
} from "@shopify/polaris";
import { requireAdmin } from "../admin.server";
import {
  channelSummary,
  collectionOptions,
  describeRules,
  filterFromParams,
  rankedParams,
  rankedProducts,
  ruleCounts,
  ruleTitle,
} from "../channels/queries.server";
import { CHANNEL_IDS, isChannelId, type Band, type ChannelId } from "../channels/types";
import { db } from "../db.server";
import { useLocale, useT, resolveLocale } from "../i18n/i18n";
import { logger } from "../logger.server";
import { getShopSettings } from "../shop/settings.server";
import { BarChart } from "../components/BarChart";
import { BAND_COLOR, BandBadge, productPath } from "../components/ChannelBits";
import { getJobQueue } from "../background.server";
import { RouteError } from "../components/RouteError";
import { rescoreAllJob } from "../channels/jobs.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  // An unknown channel in a hand-edited link is said in words, not a 400 page.
  const badChannel = search.channel && !isChannelId(search.channel) ? search.channel : null;
  const params = rankedParams.parse(badChannel ? { ...search, channel: undefined } : search);
  const database = db();
  const [summary, settings] = await Promise.all([
    channelSummary(database, shop),
    getShopSettings(database, shop),
  ]);
  const locale = resolveLocale(request, settings.language);
  if (summary.every((s) => s.products === 0)) {
    return { scored: false as const, summary, badChannel };
  }
  const filter = filterFromParams(params);
  const [page, rules, collections] = await Promise.all([
    rankedProducts(database, shop, filter, params.page),
    ruleCounts(database, shop, params.channel),
    collectionOptions(database, shop),
  ]);
  // What to fix: blockers and warnings only; info findings cost no points.
  const actionable = rules.filter((r) => r.severity !== "info").slice(0, 10);
  const texts = await describeRules(
    database,
    shop,
    params.channel,
    actionable.map((r) => r.rule),
    locale,
  );
  return {
    scored: true as const,
    summary,
    badChannel,
    params,
    page,
    topRules: actionable.map((r, i) => ({ ...r, ...texts[i]! })),
    // Every rule that fired on the channel, for the rule filter.
    ruleOptions: rules.map((r) => ({ value: r.rule, label: ruleTitle(params.channel, r.rule) })),
    collections: collections.map((c) => ({
      value: c.id.split("/").pop() ?? c.id,
      label: c.title,
    })),
  };
};

/** "Score now": queues a full rescore of the shop (deduped while one is waiting or running). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  try {
    await getJobQueue().enqueue(
      rescoreAllJob,
      shop,
      { reason: "score-now" },
      { jobId: `channels-rescore-all:${shop}` },
    );
    return { ok: true as const };
  } catch (error) {
    logger.error(
      { shop, op: "channels.score-now", err: (error as Error).message },
      "could not queue scoring",
    );
    return { ok: false as const };
  }
};

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Scored = Extract<Data, { scored: true }>;

export default function Channels() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Page title={t("channels.title")} subtitle={t("channels.subtitle")}>
      <BlockStack gap="400">
        {data.badChannel ? (
          <Banner tone="warning">{t("channels.badChannel", { channel: data.badChannel })}</Banner>
        ) : null}
        {data.scored ? <ScoredView data={data} /> : <NotScored />}
      </BlockStack>
    </Page>
  );
}

function NotScored() {
  const t = useT();
  const score = useFetcher<typeof action>();
  return (
    <Card>
      <EmptyState
        heading={t("channels.emptyHeading")}
        image=""
        action={{
          content: t("channels.scoreNow"),
          loading: score.state !== "idle",
          onAction: () => score.submit({ intent: "score" }, { method: "post" }),
        }}
      >
        <BlockStack gap="200">
          <p>{t("channels.emptyBody")}</p>
          <p>{t("channels.scoreAfterSync")}</p>
          {score.data?.ok ? <Banner tone="info">{t("channels.scoreQueued")}</Banner> : null}
          {score.data && !score.data.ok ? (
            <Banner tone="critical">{t("channels.scoreFailed")}</Banner>
          ) : null}
        </BlockStack>
      </EmptyState>
    </Card>
  );
}

function ChannelChart({ summary }: { summary: Data["summary"] }) {
  const t = useT();
  const locale = useLocale();
  const max = Math.max(1, ...summary.map((s) => s.products));
  return (
    <BarChart
      testId="channels-chart"
      title={t("channels.chartTitle")}
      max={max}
      groups={summary.map((s) => ({
        label: t(`channel.${s.channel}`),
        bars: [
          {
            name: "bands",
            total: s.products.toLocaleString(locale),
            segments: (["excellent", "good", "poor"] as const).map((band) => ({
              label: t(`band.${band}`),
              value: s.bands[band],
              color: BAND_COLOR[band],
            })),
          },
          {
            name: "eligible",
            total: t("channels.chartTotal", {
              eligible: s.eligible.toLocaleString(locale),
              products: s.products.toLocaleString(locale),
            }),
            segments: [
              {
                label: t("channels.eligible"),
                value: s.eligible,
                color: "var(--p-color-bg-fill-emphasis)",
              },
              {
                label: t("channels.notEligible"),
                value: s.products - s.eligible,
                color: "var(--p-color-bg-fill-tertiary)",
              },
            ],
          },
        ],
      }))}
    />
  );
}

function ScoredView({ data }: { data: Scored }) {
  const t = useT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { params, page } = data;
  const channel = params.channel;
  const current = data.summary.find((s) => s.channel === channel);

  /** Changes some filters and goes back to page 1 (a filter change makes the old page meaningless). */
  const go = (next: Record<string, string | null>, keepPage = false) => {
    const p = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if (!keepPage) p.delete("page");
    navigate(`?${p.toString()}`, { preventScrollReset: true });
  };
  const filtersOn = Boolean(params.band || params.blockers || params.rule || params.collection);
  const exportQuery = new URLSearchParams(search);
  exportQuery.delete("page");
  exportQuery.set("channel", channel);

  return (
    <>
      <Card>
        <ChannelChart summary={data.summary} />
      </Card>
      <Card padding="0">
        <Tabs
          tabs={CHANNEL_IDS.map((id) => ({
            id: `channel-${id}`,
            content: t(`channel.${id}`),
            accessibilityLabel: t(`channel.${id}`),
          }))}
          selected={CHANNEL_IDS.indexOf(channel)}
          onSelect={(i) => go({ channel: CHANNEL_IDS[i] ?? "amazon", rule: null })}
        />
      </Card>
      {/* What to fix sits above the list, which gets the full width its columns need. */}
      <InlineGrid columns={{ xs: 1, md: ["oneThird", "twoThirds"] }} gap="400" alignItems="start">
        {current ? <ChannelFigures summary={current} /> : <span />}
        <TopRules data={data} channel={channel} />
      </InlineGrid>
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
    </>
  );
}

function ChannelFigures({ summary }: { summary: Data["summary"][number] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t(`channel.${summary.channel}`)}
        </Text>
        <InlineGrid columns={3} gap="200">
          <Figure
            label={t("channels.summary.products")}
            value={summary.products.toLocaleString(locale)}
          />
          <Figure
            label={t("channels.summary.eligible")}
            value={summary.eligible.toLocaleString(locale)}
          />
          <Figure
            label={t("channels.summary.average")}
            value={
              summary.averageScore === null ? "—" : summary.averageScore.toLocaleString(locale)
            }
          />
        </InlineGrid>
        {summary.lastScoredAt ? (
          <Text as="p" tone="subdued" variant="bodySm">
            {t("channels.summary.scored", {
              when: new Date(summary.lastScoredAt).toLocaleString(locale),
              version: summary.packVersion ?? "—",
            })}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="050">
      <Text as="p" tone="subdued" variant="bodySm">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}

function TopRules({ data, channel }: { data: Scored; channel: ChannelId }) {
  const t = useT();
  const [search] = useSearchParams();
  const filtered = (rule: string) => {
    const p = new URLSearchParams(search);
    p.set("channel", channel);
    p.set("rule", rule);
    p.delete("page");
    return `?${p.toString()}`;
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("channels.rules.title", { channel: t(`channel.${channel}`) })}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("channels.rules.help")}
        </Text>
        {data.topRules.length === 0 ? (
          <Text as="p">{t("channels.rules.none")}</Text>
        ) : (
          <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
            {data.topRules.map((r) => (
              <BlockStack key={r.rule} gap="100">
                <InlineStack gap="200" blockAlign="center" wrap={false}>
                  {/* The badge keeps its width; a long rule name wraps instead. */}
                  <div style={{ flexShrink: 0 }}>
                    <Badge tone={r.severity === "blocker" ? "critical" : "warning"}>
                      {r.severity === "blocker"
                        ? t("channels.rules.blocker")
                        : t("channels.rules.warning")}
                    </Badge>
                  </div>
                  <Text as="span" fontWeight="semibold">
                    <span data-testid="top-rule">{r.title}</span>
                  </Text>
                </InlineStack>
                {r.example ? (
                  <Text as="p" tone="subdued" variant="bodySm">
                    {t("channels.rules.example", { message: r.example })}
                  </Text>
                ) : null}
                {r.fix ? (
                  <Text as="p" variant="bodySm">
                    <Text as="span" fontWeight="semibold" variant="bodySm">
                      {t("product.fix")}:
                    </Text>{" "}
                    <span data-testid="top-rule-fix">{r.fix}</span>
                  </Text>
                ) : null}
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" tone="subdued" variant="bodySm">
                    {t("channels.rules.products", { count: r.products })}
                  </Text>
                  <Link url={filtered(r.rule)}>{t("channels.rules.show")}</Link>
                </InlineStack>
              </BlockStack>
            ))}
          </InlineGrid>
        )}
      </BlockStack>
    </Card>
  );
}

/** Errors as words inside the admin frame, never a stack trace. */
export function ErrorBoundary() {
  return <RouteError title="channels.title" />;
}
