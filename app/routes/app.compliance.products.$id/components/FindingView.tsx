import { Badge, BlockStack, Button, InlineStack, Link, Text } from "@shopify/polaris";
import type { ShownFinding } from "../../../compliance/queries.server";
import { marketName, SeverityBadge } from "../../../components/ComplianceBits";
import { useLocale, useT } from "../../../i18n/i18n";
import { Rewrite } from "./Rewrite";
import type { ProductData } from "./types";

/** One finding: what, where, the fix, the evidence and the buttons that fix it. */
export function FindingView({ finding: f, data }: { finding: ShownFinding; data: ProductData }) {
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
