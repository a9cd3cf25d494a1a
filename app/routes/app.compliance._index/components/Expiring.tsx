import { BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { CertificateStatusBadge } from "../../../components/ComplianceBits";
import { useT } from "../../../i18n/i18n";
import type { OverviewData } from "./types";

/** Certificates that expire soon or have expired. */
export function Expiring({ data }: { data: OverviewData }) {
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
