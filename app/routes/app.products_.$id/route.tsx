import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  EmptyState,
  InlineGrid,
  InlineStack,
  Page,
  Text,
} from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { localizedFindings, productScores } from "../../channels/queries.server";
import { rankChannels } from "../../channels/score";
import { CHANNEL_IDS, type Severity } from "../../channels/types";
import { db } from "../../db.server";
import { resolveLocale, useLocale, useT } from "../../i18n/i18n";
import { getShopSettings } from "../../shop/settings.server";
import { BarChart } from "../../components/BarChart";
import { BAND_COLOR, BandBadge } from "../../components/ChannelBits";
import { RouteError } from "../../components/RouteError";

const params = z.object({ id: z.string().regex(/^\d{1,20}$/) });

/** /app/products/:id — one product's fit on every channel; id is the number at the end of its gid. */
export const loader = async ({ request, params: raw }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = params.safeParse(raw);
  if (!parsed.success) return { found: false as const };
  const database = db();
  const [data, settings] = await Promise.all([
    productScores(database, shop, `gid://shopify/Product/${parsed.data.id}`),
    getShopSettings(database, shop),
  ]);
  if (!data) return { found: false as const };
  const locale = resolveLocale(request, settings.language);
  return {
    found: true as const,
    product: data.product,
    // Best first: eligible channels, then the higher score.
    scores: rankChannels(data.scores).map((s) => ({
      ...s,
      findings: localizedFindings(s.findings, locale),
    })),
  };
};

const SEVERITIES: Severity[] = ["blocker", "warning", "info"];

export default function ProductFit() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const back = { content: t("product.back"), url: "/app/products" };
  if (!data.found) {
    return (
      <Page title={t("product.viewFit")} backAction={back}>
        <Card>
          <EmptyState heading={t("product.viewFit")} image="">
            <p data-testid="product-not-found">{t("product.notFound")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  const scored = new Set(data.scores.map((s) => s.channel));
  return (
    <Page
      title={data.product.title}
      subtitle={t("product.subtitle")}
      backAction={back}
      secondaryActions={[
        {
          content: t("compliance.product.link"),
          url: `/app/compliance/products/${data.product.id.split("/").pop() ?? ""}`,
        },
      ]}
      titleMetadata={
        <Badge tone={data.product.status === "ACTIVE" ? "success" : undefined}>
          {t(
            `status.${data.product.status === "DRAFT" || data.product.status === "ARCHIVED" ? data.product.status : "ACTIVE"}`,
          )}
        </Badge>
      }
    >
      <BlockStack gap="400">
        {data.scores.length === 0 ? (
          <Banner tone="info">{t("product.noScores")}</Banner>
        ) : (
          <Card>
            <BarChart
              testId="product-chart"
              title={t("product.chartTitle")}
              max={100}
              legend={(["excellent", "good", "poor"] as const).map((band) => ({
                label: t(`band.${band}`),
                color: BAND_COLOR[band],
              }))}
              groups={data.scores.map((s) => ({
                label: t(`channel.${s.channel}`),
                bars: [
                  {
                    name: "score",
                    total: String(s.score),
                    segments: [
                      { label: t(`band.${s.band}`), value: s.score, color: BAND_COLOR[s.band] },
                    ],
                  },
                ],
              }))}
            />
          </Card>
        )}
        <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="400">
          {data.scores.map((score, i) => (
            <ChannelCard
              key={score.channel}
              channel={score.channel}
              score={score}
              rank={i + 1}
              of={data.scores.length}
            />
          ))}
          {CHANNEL_IDS.filter((channel) => !scored.has(channel)).map((channel) => (
            <ChannelCard key={channel} channel={channel} />
          ))}
        </InlineGrid>
      </BlockStack>
    </Page>
  );
}

type Score = Extract<
  ReturnType<typeof useLoaderData<typeof loader>>,
  { found: true }
>["scores"][number];

function ChannelCard({
  channel,
  score,
  rank,
  of,
}: {
  channel: (typeof CHANNEL_IDS)[number];
  score?: Score;
  /** Its place among the scored channels, best first. */
  rank?: number;
  of?: number;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card>
      <div data-testid="product-channel" data-channel={channel} data-rank={rank}>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd">
              {rank ? `${t("product.rank", { rank, of: of ?? rank })} · ` : ""}
              {t(`channel.${channel}`)}
            </Text>
            {score ? <BandBadge band={score.band} /> : null}
          </InlineStack>
          {!score ? (
            <Text as="p" tone="subdued">
              {t("product.notScored")}
            </Text>
          ) : (
            <>
              <InlineStack gap="200" blockAlign="center">
                <Text as="p" variant="headingXl">
                  <span data-testid="product-channel-score">{score.score}</span>
                </Text>
                <Text as="span" tone="subdued">
                  / 100
                </Text>
                <Badge tone={score.eligible ? "success" : "critical"}>
                  {score.eligible ? t("channels.eligible") : t("channels.notEligible")}
                </Badge>
              </InlineStack>
              {score.findings.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("product.nothingToFix")}
                </Text>
              ) : (
                SEVERITIES.map((severity) => {
                  const group = score.findings.filter((f) => f.severity === severity);
                  if (group.length === 0) return null;
                  return (
                    <BlockStack key={severity} gap="200">
                      <Text
                        as="h3"
                        variant="headingSm"
                        tone={severity === "blocker" ? "critical" : undefined}
                      >
                        {t(`severity.${severity}`)} ({group.length})
                      </Text>
                      {group.map((f, i) => (
                        <BlockStack key={`${f.rule}-${i}`} gap="050">
                          <Text as="p" fontWeight="medium">
                            {f.message}
                          </Text>
                          {f.fix ? (
                            <Text as="p" variant="bodySm">
                              <Text as="span" fontWeight="semibold" variant="bodySm">
                                {t("product.fix")}:
                              </Text>{" "}
                              {f.fix}
                            </Text>
                          ) : null}
                          {f.evidence ? (
                            <Text as="p" variant="bodySm" tone="subdued" breakWord>
                              {t("product.evidence")}: {f.evidence}
                            </Text>
                          ) : null}
                          {f.penalty > 0 ? (
                            <Text as="p" variant="bodySm" tone="subdued">
                              {t("product.points", { points: f.penalty })}
                            </Text>
                          ) : null}
                        </BlockStack>
                      ))}
                    </BlockStack>
                  );
                })
              )}
              <Text as="p" variant="bodySm" tone="subdued">
                {t("product.scored", {
                  when: new Date(score.scoredAt).toLocaleString(locale),
                  version: score.packVersion,
                })}
              </Text>
            </>
          )}
        </BlockStack>
      </div>
    </Card>
  );
}

/** Errors as words inside the admin frame, never a stack trace. */
export function ErrorBoundary() {
  return (
    <RouteError title="product.viewFit" back={{ content: "product.back", url: "/app/products" }} />
  );
}
