import { BlockStack, Card, Divider, Text } from "@shopify/polaris";
import { KINDS, SEVERITIES } from "../../../components/ComplianceBits";
import { useT } from "../../../i18n/i18n";
import { FindingView } from "./FindingView";
import type { ProductData } from "./types";

/** The findings by kind, blockers first, then by market; "no findings" when there are none. */
export function FindingGroups({ data }: { data: ProductData }) {
  const t = useT();
  const r = data.result;
  return (
    <>
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
    </>
  );
}
