import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, InlineGrid, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { marketCodesOf, saveComplianceMarkets } from "../../compliance/markets.server";
import { findingsFilter } from "../../compliance/queries.server";
import { complianceOverview } from "../../compliance/read/overview.server";
import { db } from "../../db.server";
import { resolveLocale, useT } from "../../i18n/i18n";
import { getJobQueue } from "../../background.server";
import { logger } from "../../logger.server";
import { getShopSettings } from "../../shop/settings.server";
import { marketName } from "../../components/ComplianceBits";
import { RouteError } from "../../components/RouteError";
import { evaluateAllJob, publishLabelsJob } from "../../compliance/jobs.server";
import { Audit } from "./components/Audit";
import { Blocked } from "./components/Blocked";
import { Expiring } from "./components/Expiring";
import { Markets } from "./components/Markets";
import { MarketTable } from "./components/MarketTable";
import { MatchingList } from "./components/MatchingList";
import { OverTime } from "./components/OverTime";
import { RunState } from "./components/RunState";

/** /app/compliance — the shop's compliance at a glance; `?market=&severity=&kind=` lists products. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const filter = findingsFilter.parse(search);
  const database = db();
  const [settings, overview] = await Promise.all([
    getShopSettings(database, shop),
    complianceOverview(database, shop, filter),
  ]);
  return { locale: resolveLocale(request, settings.language), ...overview };
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
      const codes = parsed.data.intent === "markets" ? marketCodesOf(parsed.data.markets) : null;
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

/** Errors as words inside the admin frame, never a stack trace. */
export function ErrorBoundary() {
  return <RouteError title="compliance.title" />;
}
