import { Form } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Select,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../../i18n/i18n";
import type { Data } from "../types";

/** The catalogue filter: a GET form, so the filter lives in the address. */
export function Filters({ data }: { data: Data }) {
  const t = useT();
  const [q, setQ] = useState(data.filter.q ?? "");
  const [vendor, setVendor] = useState(data.filter.vendor ?? "");
  const [productType, setProductType] = useState(data.filter.productType ?? "");
  const [collectionId, setCollectionId] = useState(data.filter.collectionId ?? "");
  const [findings, setFindings] = useState<string>(data.filter.findings ?? "");
  const any = { label: t("compliance.bulk.filter.any"), value: "" };
  return (
    <Card>
      <Form method="get">
        <BlockStack gap="300">
          <InlineGrid columns={{ xs: 1, md: 5 }} gap="300">
            <TextField
              label={t("compliance.bulk.filter.q")}
              name="q"
              value={q}
              onChange={setQ}
              autoComplete="off"
            />
            <Select
              label={t("compliance.bulk.filter.vendor")}
              name="vendor"
              options={[any, ...data.choices.vendors.map((v) => ({ label: v, value: v }))]}
              value={vendor}
              onChange={setVendor}
            />
            <Select
              label={t("compliance.bulk.filter.productType")}
              name="productType"
              options={[any, ...data.choices.productTypes.map((v) => ({ label: v, value: v }))]}
              value={productType}
              onChange={setProductType}
            />
            <Select
              label={t("compliance.bulk.filter.collection")}
              name="collectionId"
              options={[
                any,
                ...data.choices.collections.map((c) => ({ label: c.title, value: c.id })),
              ]}
              value={collectionId}
              onChange={setCollectionId}
            />
            <Select
              label={t("compliance.bulk.filter.findings")}
              name="findings"
              options={[
                any,
                { label: t("compliance.bulk.filter.findings.any"), value: "any" },
                { label: t("compliance.bulk.filter.findings.blocker"), value: "blocker" },
                { label: t("compliance.bulk.filter.findings.none"), value: "none" },
              ]}
              value={findings}
              onChange={setFindings}
            />
          </InlineGrid>
          <InlineStack gap="200">
            <Button submit>{t("compliance.bulk.filter.apply")}</Button>
            <Button url="/app/compliance/bulk" variant="plain">
              {t("compliance.bulk.filter.clear")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
