import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  Divider,
  EmptyState,
  FormLayout,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { applyRewrite } from "../../compliance/apply-rewrite.server";
import {
  acceptedRewrites,
  acceptRewrite,
  productProfile,
  showFindings,
  type ShownFinding,
} from "../../compliance/queries.server";
import { getComplianceResult } from "../../compliance/results.server";
import { answersFromForm, PROFILE_FLAGS, profileErrorKey } from "../../compliance/profileForm";
import { fieldErrorsOf, profileFormSchema } from "../../compliance/schemas.server";
import type { Party } from "../../compliance/types";
import { clearProfileAnswers, saveProfileAnswers } from "../../compliance/vault.server";
import { db } from "../../db.server";
import { resolveLocale, translate, useLocale, useT } from "../../i18n/i18n";
import { logger } from "../../logger.server";
import { getShopSettings } from "../../shop/settings.server";
import { KINDS, marketName, SeverityBadge, SEVERITIES } from "../../components/ComplianceBits";
import {
  MaterialsFields,
  PackagingFields,
  Prop65Fields,
  RecycledField,
  SafetyInfoFields,
  SourceBadge,
} from "./ProfileValues";
import { RouteError } from "../../components/RouteError";
import { getJobQueue } from "../../background.server";
import { onVaultChange, queueEvaluation } from "../../compliance/jobs.server";
import { productHeader } from "../../sync/read.server";

const params = z.object({ id: z.string().regex(/^\d{1,20}$/) });
const gidOf = (id: string) => `gid://shopify/Product/${id}`;

const FLAGS = PROFILE_FLAGS;
type Flag = (typeof FLAGS)[number];
const PARTY_FIELDS = ["name", "postalAddress", "country", "electronicAddress"] as const;

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
  const [result, profile, accepted] = await Promise.all([
    getComplianceResult(database, shop, id),
    productProfile(database, shop, id),
    acceptedRewrites(database, shop, id),
  ]);
  const p = profile?.profile;
  return {
    found: true as const,
    number: parsed.data.id,
    product,
    result: result
      ? {
          evaluatedAt: result.evaluatedAt,
          packsVersion: result.packsVersion,
          markets: result.markets,
          gate: result.gate,
          blockers: result.blockers,
          warnings: result.warnings,
          infos: result.infos,
          findings: showFindings(result.findings, locale),
        }
      : null,
    accepted: accepted.map((a) => ({
      rule: a.rule,
      evidence: a.evidence,
      acceptedAt: a.acceptedAt,
    })),
    profile: p
      ? {
          flags: FLAGS.map((f) => ({ flag: f, value: p[f].value, source: p[f].source })),
          countryOfOrigin: p.countryOfOrigin,
          hsCode: p.hsCode,
          manufacturer: p.manufacturer,
          euResponsiblePerson: p.euResponsiblePerson,
          materials: p.materials,
          recycledContentPct: p.recycledContentPct,
          packaging: p.packaging,
          prop65: p.prop65,
          safetyInfo: p.safetyInfo,
          confirmed: Object.keys(profile.answers).length,
        }
      : null,
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
      const message =
        done.reason === "gone"
          ? translate(locale, "compliance.error.gone")
          : done.reason === "rejected"
            ? translate(locale, "compliance.rewrite.rejected", { message: done.message })
            : translate(locale, `compliance.rewrite.${done.reason}`);
      return { ok: false as const, fieldErrors: { form: message } };
    }
    if (form.intent === "reset-profile") {
      await clearProfileAnswers(database, shop, id, { onChange: onVaultChange(getJobQueue()) });
      return { ok: true as const, intent: "reset-profile" as const, fieldErrors: {} };
    }
    if (form.intent !== "profile") return gone;
    // Saving the form confirms every value it shows; answers it does not show are kept.
    const stored = (await productProfile(database, shop, id))?.answers ?? {};
    const { answers, fieldOf } = answersFromForm(form, stored);
    const check = profileFormSchema.safeParse(answers);
    if (!check.success)
      return {
        ok: false as const,
        fieldErrors: profileErrors(fieldErrorsOf(check.error), fieldOf, locale),
      };
    const saved = await saveProfileAnswers(database, shop, id, answers, {
      onChange: onVaultChange(getJobQueue()),
    });
    if (!saved.ok)
      return { ok: false as const, fieldErrors: profileErrors(saved.fieldErrors, fieldOf, locale) };
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

/** Field errors in the admin's language, on the form's field names. */
function profileErrors(
  errors: Record<string, string>,
  fieldOf: (path: string) => string,
  locale: "en" | "zh-CN",
) {
  const out: Record<string, string> = {};
  for (const key of Object.keys(errors))
    out[fieldOf(key)] ??= translate(locale, profileErrorKey(key));
  return out;
}

type Data = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { found: true }>;

export default function ProductCompliance() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
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
  const r = data.result;
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
        {!r ? (
          <Banner tone="info">{t("compliance.product.notChecked")}</Banner>
        ) : (
          <Card>
            <BlockStack gap="200">
              <InlineStack gap="300" blockAlign="center">
                <Badge tone={r.blockers ? "critical" : "success"}>
                  {t("compliance.product.blockers", { count: r.blockers })}
                </Badge>
                <Badge tone={r.warnings ? "warning" : undefined}>
                  {t("compliance.product.warnings", { count: r.warnings })}
                </Badge>
                <Badge>{t("compliance.product.notes", { count: r.infos })}</Badge>
              </InlineStack>
              <Text as="p" tone="subdued" variant="bodySm">
                {t("compliance.product.checked", {
                  when: new Date(r.evaluatedAt).toLocaleString(locale),
                  markets: r.markets.map((m) => marketName(m, locale)).join(", ") || "—",
                  version: r.packsVersion,
                })}
              </Text>
              {r.gate.length ? (
                <Banner tone="critical">
                  {t("compliance.product.gate", {
                    markets: r.gate.map((m) => marketName(m, locale)).join(", "),
                  })}
                </Banner>
              ) : null}
            </BlockStack>
          </Card>
        )}
        {r && r.findings.length === 0 ? (
          <Card>
            <Text as="p">{t("compliance.product.noFindings")}</Text>
          </Card>
        ) : null}
        {r
          ? KINDS.map((kind) => {
              const group = r.findings
                .filter((f) => f.kind === kind)
                .sort(
                  (a, b) =>
                    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
                    a.market.localeCompare(b.market),
                );
              if (group.length === 0) return null;
              return (
                <Card key={kind}>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      {t(`compliance.kind.${kind}`)} ({group.length})
                    </Text>
                    {group.map((f, i) => (
                      <BlockStack key={`${f.rule}-${f.market}-${i}`} gap="300">
                        {i > 0 ? <Divider /> : null}
                        <FindingView finding={f} data={data} />
                      </BlockStack>
                    ))}
                  </BlockStack>
                </Card>
              );
            })
          : null}
        <ProfileCard data={data} />
      </BlockStack>
    </Page>
  );
}

function FindingView({ finding: f, data }: { finding: ShownFinding; data: Data }) {
  const t = useT();
  const locale = useLocale();
  const q = new URLSearchParams({ product: data.number });
  return (
    <div data-testid="compliance-finding" data-rule={f.rule} data-market={f.market}>
      <BlockStack gap="150">
        <InlineStack gap="200" blockAlign="center" wrap={false}>
          <div style={{ flexShrink: 0 }}>
            <SeverityBadge severity={f.severity} />
          </div>
          <div style={{ flexShrink: 0 }}>
            <Badge>{marketName(f.market, locale)}</Badge>
          </div>
          <Text as="p" fontWeight="semibold">
            <span data-testid="compliance-finding-message">{f.message}</span>
          </Text>
        </InlineStack>
        {f.fix ? (
          <Text as="p">
            <Text as="span" fontWeight="semibold">
              {t("product.fix")}:
            </Text>{" "}
            {f.fix}
          </Text>
        ) : null}
        {f.evidence ? (
          <Text as="p" tone="subdued" variant="bodySm" breakWord>
            {t("product.evidence")}: {f.evidence}
          </Text>
        ) : null}
        {f.action?.kind === "rewrite" ? <Rewrite finding={f} data={data} /> : null}
        <InlineStack gap="300" blockAlign="center">
          {f.action?.kind === "registration" || f.action?.kind === "editRegistration" ? (
            <Button
              url={`/app/compliance/epr?${new URLSearchParams({
                country: f.action.country,
                stream: f.action.stream,
                product: data.number,
              }).toString()}`}
            >
              {t(`compliance.fix.${f.action.kind}`, {
                stream: t(`compliance.stream.${f.action.stream}`),
                market: marketName(f.action.country, locale),
              })}
            </Button>
          ) : null}
          {f.action?.kind === "safetyInfo" ? (
            <Button
              url={`?${new URLSearchParams({ safety: f.action.language }).toString()}#profile-safety`}
            >
              {t("compliance.fix.safetyInfo", {
                language:
                  new Intl.DisplayNames([locale], { type: "language" }).of(f.action.language) ??
                  f.action.language,
              })}
            </Button>
          ) : null}
          {f.action?.kind === "certificate" ? (
            <Button
              url={`/app/compliance/vault?${new URLSearchParams({ type: f.action.type, ...Object.fromEntries(q) }).toString()}`}
            >
              {t("compliance.fix.certificate")}
            </Button>
          ) : null}
          {f.action?.kind === "profile" ? (
            <Button url="#profile">{t("compliance.fix.profile")}</Button>
          ) : null}
          {f.sources.length ? (
            <Text as="span" tone="subdued" variant="bodySm">
              {t("compliance.product.sources")}{" "}
              {f.sources.map((s, i) => (
                <span key={s.url}>
                  {i > 0 ? " · " : ""}
                  {/^https?:/.test(s.url) ? (
                    <Link url={s.url} target="_blank" monochrome>
                      {s.title}
                    </Link>
                  ) : (
                    s.title
                  )}
                </span>
              ))}
            </Text>
          ) : null}
        </InlineStack>
      </BlockStack>
    </div>
  );
}

function Rewrite({ finding: f, data }: { finding: ShownFinding; data: Data }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<typeof action>();
  const accepted = data.accepted.find((a) => a.rule === f.rule && a.evidence === f.evidence);
  const [copied, setCopied] = useState(false);
  const text = f.suggestion ?? "";
  return (
    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
      <BlockStack gap="200">
        <Text as="p" variant="bodySm" fontWeight="semibold">
          {text ? t("compliance.rewrite.title") : t("compliance.rewrite.delete")}
        </Text>
        {text ? (
          <Text as="p">
            <span data-testid="compliance-suggestion">{text}</span>
          </Text>
        ) : null}
        {accepted ? (
          <BlockStack gap="200">
            <Text as="p" tone="success" variant="bodySm">
              <span data-testid="rewrite-accepted">
                {t("compliance.rewrite.accepted", {
                  when: new Date(accepted.acceptedAt).toLocaleDateString(locale),
                })}
              </span>
            </Text>
            <Text as="p" variant="bodySm">
              {t("compliance.rewrite.copyHelp")}
            </Text>
            {text ? (
              <InlineStack>
                <Button
                  onClick={() => {
                    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
                  }}
                >
                  {copied ? t("compliance.rewrite.copied") : t("compliance.rewrite.copy")}
                </Button>
              </InlineStack>
            ) : null}
          </BlockStack>
        ) : (
          <InlineStack gap="200" blockAlign="center">
            {text && /^(title|description): “[\s\S]*”$/.test(f.evidence) ? (
              <Button
                variant="primary"
                loading={fetcher.state !== "idle"}
                onClick={() =>
                  fetcher.submit(
                    { intent: "apply", rule: f.rule, evidence: f.evidence },
                    { method: "post" },
                  )
                }
              >
                {t("compliance.rewrite.apply")}
              </Button>
            ) : null}
            <Button
              loading={fetcher.state !== "idle"}
              onClick={() =>
                fetcher.submit(
                  { intent: "accept", rule: f.rule, evidence: f.evidence },
                  { method: "post" },
                )
              }
            >
              {t("compliance.rewrite.accept")}
            </Button>
            <Text as="span" tone="subdued" variant="bodySm">
              {t("compliance.rewrite.acceptHelp")}
            </Text>
          </InlineStack>
        )}
        {fetcher.data && !fetcher.data.ok ? (
          <Banner tone="critical">{fetcher.data.fieldErrors.form}</Banner>
        ) : null}
      </BlockStack>
    </Box>
  );
}

function PartyFields({
  prefix,
  label,
  party,
  errors,
}: {
  prefix: "manufacturer" | "euResponsiblePerson";
  label: string;
  party: { value: Party | null; source: "merchant" | "inferred" };
  errors: Record<string, string>;
}) {
  const t = useT();
  const [v, setV] = useState<Record<string, string>>({
    name: party.value?.name ?? "",
    postalAddress: party.value?.postalAddress ?? "",
    country: party.value?.country ?? "",
    electronicAddress: party.value?.electronicAddress ?? "",
  });
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {label}
        </Text>
        {party.value === null && party.source === "inferred" ? (
          <Badge tone="critical">{t("compliance.profile.notSet")}</Badge>
        ) : (
          <SourceBadge source={party.source} />
        )}
      </InlineStack>
      <FormLayout.Group>
        {PARTY_FIELDS.map((f) => (
          <TextField
            key={f}
            label={t(`compliance.party.${f}`)}
            name={`${prefix}.${f}`}
            value={v[f] ?? ""}
            onChange={(x) => setV((old) => ({ ...old, [f]: x }))}
            autoComplete="off"
            multiline={f === "postalAddress" ? 2 : undefined}
            error={errors[`${prefix}.${f}`]}
          />
        ))}
      </FormLayout.Group>
    </BlockStack>
  );
}

function ProfileCard({ data }: { data: Data }) {
  const t = useT();
  const save = useFetcher<typeof action>();
  const p = data.profile;
  const [flags, setFlags] = useState<Record<string, boolean>>(
    Object.fromEntries((p?.flags ?? []).map((f) => [f.flag, f.value])),
  );
  const [origin, setOrigin] = useState(p?.countryOfOrigin.value ?? "");
  const [hs, setHs] = useState(p?.hsCode.value ?? "");
  if (!p) return null;
  const errors: Record<string, string> = save.data && !save.data.ok ? save.data.fieldErrors : {};
  return (
    <div id="profile">
      <Card>
        <save.Form method="post">
          <input type="hidden" name="intent" value="profile" />
          <BlockStack gap="400">
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                {t("compliance.profile.title")}
              </Text>
              <Text as="p" tone="subdued" variant="bodySm">
                {t("compliance.profile.help")}
              </Text>
            </BlockStack>
            {errors.form ? <Banner tone="critical">{errors.form}</Banner> : null}
            <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="200">
              {p.flags.map((f) => (
                <InlineStack key={f.flag} gap="150" blockAlign="center" wrap={false}>
                  <Checkbox
                    label={t(`compliance.flag.${f.flag as Flag}`)}
                    name={`flag.${f.flag}`}
                    // Polaris renders value="" without it, and the action reads a ticked box as "on".
                    value="on"
                    checked={flags[f.flag] ?? false}
                    onChange={(on) => setFlags((old) => ({ ...old, [f.flag]: on }))}
                  />
                  <span data-testid="profile-source" data-flag={f.flag} data-source={f.source}>
                    <SourceBadge source={f.source} />
                  </span>
                </InlineStack>
              ))}
            </InlineGrid>
            <FormLayout>
              <FormLayout.Group>
                <TextField
                  label={t("compliance.profile.origin")}
                  name="countryOfOrigin"
                  value={origin}
                  onChange={setOrigin}
                  autoComplete="off"
                  maxLength={2}
                  helpText={t(
                    p.countryOfOrigin.source === "merchant"
                      ? "compliance.profile.confirmed"
                      : "compliance.profile.inferred",
                  )}
                  error={errors.countryOfOrigin}
                />
                <TextField
                  label={t("compliance.profile.hs")}
                  name="hsCode"
                  value={hs}
                  onChange={setHs}
                  autoComplete="off"
                  helpText={t(
                    p.hsCode.source === "merchant"
                      ? "compliance.profile.confirmed"
                      : "compliance.profile.inferred",
                  )}
                  error={errors.hsCode}
                />
                <RecycledField value={p.recycledContentPct} errors={errors} />
              </FormLayout.Group>
              <MaterialsFields value={p.materials} errors={errors} />
              <PackagingFields value={p.packaging} errors={errors} />
              <PartyFields
                prefix="manufacturer"
                label={t("compliance.profile.manufacturer")}
                party={p.manufacturer}
                errors={errors}
              />
              <PartyFields
                prefix="euResponsiblePerson"
                label={t("compliance.profile.euRp")}
                party={p.euResponsiblePerson}
                errors={errors}
              />
              <SafetyInfoFields value={p.safetyInfo} errors={errors} />
              <Prop65Fields value={p.prop65} errors={errors} />
            </FormLayout>
            {save.data?.ok ? (
              <Banner tone="success">
                <span data-testid="profile-saved">
                  {save.data.intent === "reset-profile"
                    ? t("compliance.profile.resetDone")
                    : t("compliance.profile.saved")}
                </span>
              </Banner>
            ) : null}
            <InlineStack gap="200">
              <Button submit variant="primary" loading={save.state !== "idle"}>
                {t("compliance.profile.save")}
              </Button>
              {p.confirmed > 0 ? (
                <Button
                  onClick={() => save.submit({ intent: "reset-profile" }, { method: "post" })}
                >
                  {t("compliance.profile.reset")}
                </Button>
              ) : null}
            </InlineStack>
          </BlockStack>
        </save.Form>
      </Card>
    </div>
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
