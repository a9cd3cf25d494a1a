import { IndexTable, BlockStack, Link, Text } from "@shopify/polaris";
import { CertificateStatusBadge } from "../../components/ComplianceBits";
import { useT } from "../../i18n/i18n";
import { numberOf } from "./certificateIds";
import type { Cert, Data } from "./route";

/** What a certificate covers, in words: products by title (the first three), collections by name. */
function ScopeText({ cert, data }: { cert: Cert; data: Data }) {
  const t = useT();
  const s = cert.scope;
  if (s.kind === "all") return <>{t("compliance.cert.scope.all")}</>;
  if (s.kind === "collections") {
    const names = s.collectionIds.map(
      (id) => data.collections.find((c) => c.value === id)?.label ?? numberOf(id),
    );
    return <>{t("compliance.cert.scope.collectionsList", { names: names.join(", ") })}</>;
  }
  const names = s.productIds.slice(0, 3).map((id) => data.titles[id] ?? numberOf(id));
  const more = s.productIds.length - names.length;
  return (
    <>
      {t("compliance.cert.scope.productsList", {
        names: names.join(", ") + (more > 0 ? ` +${more}` : ""),
      })}
    </>
  );
}

/** A certificate's row in the vault's table, before the edit and delete buttons. */
export function CertificateCells({ cert: c, data }: { cert: Cert; data: Data }) {
  const t = useT();
  return (
    <>
      <IndexTable.Cell>
        <Text as="span" fontWeight="semibold">
          {t(`compliance.certType.${c.type}`)}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050">
          <span data-testid="certificate-number">{c.number}</span>
          <Text as="span" tone="subdued" variant="bodySm">
            {c.issuer || "—"}
            {c.documentUrl ? (
              <>
                {" · "}
                <Link url={c.documentUrl} target="_blank">
                  {t("compliance.cert.document")}
                </Link>
              </>
            ) : null}
          </Text>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <div style={{ maxWidth: 260, whiteSpace: "normal" }}>
          <ScopeText cert={c} data={data} />
        </div>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {c.validFrom} – {c.validTo ?? t("compliance.cert.noExpiry")}
      </IndexTable.Cell>
      <IndexTable.Cell>
        <span data-testid="certificate-status" data-status={c.status}>
          <CertificateStatusBadge status={c.status} />
        </span>
      </IndexTable.Cell>
    </>
  );
}
