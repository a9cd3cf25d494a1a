import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { applyRewrite } from "../../compliance/apply-rewrite.server";
import { rewriteRefusalMessage, saveProfileForm } from "../../compliance/product-edits.server";
import { acceptRewrite } from "../../compliance/queries.server";
import { productComplianceView } from "../../compliance/read/product.server";
import { clearProfileAnswers } from "../../compliance/vault.server";
import { db } from "../../db.server";
import { resolveLocale, translate, useT } from "../../i18n/i18n";
import { logger } from "../../logger.server";
import { getShopSettings } from "../../shop/settings.server";
import { RouteError } from "../../components/RouteError";
import { getJobQueue } from "../../background.server";
import { onVaultChange, queueEvaluation } from "../../compliance/jobs.server";
import { productHeader } from "../../sync/read.server";
import { FindingGroups } from "./components/FindingGroups";
import { ProfileCard } from "./components/ProfileCard";
import { ResultSummary } from "./components/ResultSummary";

const params = z.object({ id: z.string().regex(/^\d{1,20}$/) });
const gidOf = (id: string) => `gid://shopify/Product/${id}`;

/** /app/compliance/products/:id — one product's findings, its one-click fixes and its profile. */
export const loader = async ({ request, params: raw }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = params.safeParse(raw);
  if (!parsed.success) return { found: false as const };
  const database = db();
  const id = gidOf(parsed.data.id);
  const product = await productHeader(database, shop, id);
  if (!product) return { found: false as const };
  const settings = await getShopSettings(database, shop);
  const locale = resolveLocale(request, settings.language);
  return {
    found: true as const,
    number: parsed.data.id,
    product,
    ...(await productComplianceView(database, shop, id, locale)),
  };
};

const accept = z.object({
  intent: z.enum(["accept", "apply"]),
  rule: z.string().min(1).max(100),
  evidence: z.string().max(2000),
});

export const action = async ({ request, params: raw }: ActionFunctionArgs) => {
  const { shop, graphql } = await requireAdmin(request);
  const database = db();
  const locale = resolveLocale(request, (await getShopSettings(database, shop)).language);
  const parsed = params.safeParse(raw);
  const gone = {
    ok: false as const,
    fieldErrors: { form: translate(locale, "compliance.error.gone") },
  };
  if (!parsed.success) return gone;
  const id = gidOf(parsed.data.id);
  const form = Object.fromEntries(await request.formData());
  try {
    if (form.intent === "accept") {
      const a = accept.safeParse(form);
      const done = a.success
        ? await acceptRewrite(database, shop, id, { rule: a.data.rule, evidence: a.data.evidence })
        : null;
      return done ? { ok: true as const, intent: "accept" as const, fieldErrors: {} } : gone;
    }
    if (form.intent === "apply") {
      const a = accept.safeParse(form);
      if (!a.success) return gone;
      const done = await applyRewrite({
        db: database,
        graphql,
        shop,
        productId: id,
        finding: { rule: a.data.rule, evidence: a.data.evidence },
        evaluate: queueEvaluation(getJobQueue()),
      });
      if (done.ok) return { ok: true as const, intent: "apply" as const, fieldErrors: {} };
      return { ok: false as const, fieldErrors: { form: rewriteRefusalMessage(done, locale) } };
    }
    if (form.intent === "reset-profile") {
      await clearProfileAnswers(database, shop, id, { onChange: onVaultChange(getJobQueue()) });
      return { ok: true as const, intent: "reset-profile" as const, fieldErrors: {} };
    }
    if (form.intent !== "profile") return gone;
    const saved = await saveProfileForm(database, shop, id, form, locale, {
      onChange: onVaultChange(getJobQueue()),
    });
    if (!saved.ok) return { ok: false as const, fieldErrors: saved.fieldErrors };
    return { ok: true as const, intent: "profile" as const, fieldErrors: {} };
  } catch (error) {
    logger.error(
      {
        shop,
        op: `compliance.product.${String(form.intent)}`,
        productId: id,
        err: (error as Error).message,
      },
      "could not save the product's compliance change",
    );
    return { ok: false as const, fieldErrors: { form: translate(locale, "error.title") } };
  }
};

export default function ProductCompliance() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const back = { content: t("compliance.title"), url: "/app/compliance" };
  if (!data.found) {
    return (
      <Page title={t("compliance.product.title")} backAction={back}>
        <Card>
          <EmptyState heading={t("compliance.product.title")} image="">
            <p data-testid="compliance-product-not-found">{t("product.notFound")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  return (
    <Page
      title={data.product.title}
      subtitle={t("compliance.product.subtitle")}
      backAction={back}
      secondaryActions={[
        { content: t("compliance.product.channelFit"), url: `/app/products/${data.number}` },
      ]}
    >
      <BlockStack gap="400">
        <ResultSummary result={data.result} />
        <FindingGroups data={data} />
        <ProfileCard data={data} />
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return (
    <RouteError
      title="compliance.product.title"
      back={{ content: "compliance.title", url: "/app/compliance" }}
    />
  );
}
