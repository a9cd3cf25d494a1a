import { useFetcher } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { BULK_FLAGS, BULK_VALUES, PARTY_FIELDS, type BulkField } from "../../../compliance/bulk";
import { PROP65_ENDPOINTS } from "../../../compliance/profileForm";
import type { BulkFilter } from "../../../compliance/schemas.server";
import { useT } from "../../../i18n/i18n";
import type { action } from "../route";

/** Languages a warning is commonly needed in for the markets Seaworthy checks. */
const WARNING_LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pl", "sv", "da", "pt", "cs"];

type T = ReturnType<typeof useT>;

export function fieldLabel(t: T, field: BulkField): string {
  if ((BULK_FLAGS as readonly string[]).includes(field))
    return t(`compliance.flag.${field as (typeof BULK_FLAGS)[number]}`);
  if (field === "countryOfOrigin") return t("compliance.profile.origin");
  if (field === "hsCode") return t("compliance.profile.hs");
  if (field === "manufacturer") return t("compliance.profile.manufacturer");
  if (field === "euResponsiblePerson") return t("compliance.profile.euRp");
  if (field === "materials") return t("compliance.bulk.field.materials");
  if (field === "recycledContentPct") return t("compliance.profile.recycled");
  if (field === "prop65") return t("compliance.profile.prop65");
  return t("compliance.bulk.field.safetyInfo");
}

/**
 * The fields to set on the selected products. Every field starts at "keep"; only the ones the
 * merchant changes are sent. Apply is offered once a preview of the same choices has counted the
 * products it will change.
 */
export function BulkEditor(props: {
  filter: BulkFilter;
  scope: "all" | "ids";
  ids: string[];
  count: number;
  onApplied: () => void;
}) {
  const t = useT();
  const fetcher = useFetcher<typeof action>();
  const [values, setValues] = useState<Record<string, string>>({ "safetyInfo.lang": "en" });
  const [previewed, setPreviewed] = useState<string | null>(null);
  const set = (name: string) => (value: string) => setValues((old) => ({ ...old, [name]: value }));
  const mode = (field: BulkField) => values[`mode.${field}`] ?? "keep";
  const key = JSON.stringify([values, props.filter, props.scope, props.ids]);
  const result = fetcher.data;
  const errors: Record<string, string> = result && !result.ok ? result.fieldErrors : {};

  useEffect(() => {
    if (fetcher.state !== "idle" || !result) return;
    if (result.ok && result.intent === "preview") setPreviewed(key);
    if (result.ok && result.intent === "apply") {
      setPreviewed(null);
      props.onApplied();
    }
    // Only when an answer arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, fetcher.state]);

  const submit = (intent: "preview" | "apply") => {
    const form = new FormData();
    for (const [k, v] of Object.entries(values)) form.set(k, v);
    for (const [k, v] of Object.entries(props.filter)) if (v) form.set(`filter.${k}`, String(v));
    form.set("scope", props.scope);
    for (const id of props.ids) form.append("ids", id);
    form.set("intent", intent);
    fetcher.submit(form, { method: "post" });
  };

  const flagOptions = [
    { label: t("compliance.bulk.mode.keep"), value: "keep" },
    { label: t("compliance.bulk.mode.yes"), value: "yes" },
    { label: t("compliance.bulk.mode.no"), value: "no" },
    { label: t("compliance.bulk.mode.reset"), value: "reset" },
  ];
  const valueOptions = [
    { label: t("compliance.bulk.mode.keep"), value: "keep" },
    { label: t("compliance.bulk.mode.set"), value: "set" },
    { label: t("compliance.bulk.mode.reset"), value: "reset" },
  ];
  const text = (name: string, label: string, extra: { multiline?: number; help?: string } = {}) => (
    <TextField
      label={label}
      name={name}
      value={values[name] ?? ""}
      onChange={set(name)}
      autoComplete="off"
      multiline={extra.multiline}
      helpText={extra.help}
      error={errors[name]}
    />
  );

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("compliance.bulk.edit.title")}
          </Text>
          <Text as="p" tone="subdued">
            <span data-testid="bulk-scope">
              {props.scope === "all"
                ? t("compliance.bulk.scope.all", { count: props.count })
                : t("compliance.bulk.scope.ids", { count: props.count })}
            </span>
          </Text>
          <Text as="p" tone="subdued" variant="bodySm">
            {t("compliance.bulk.edit.help")}
          </Text>
        </BlockStack>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
          {BULK_FLAGS.map((f) => (
            <Select
              key={f}
              label={fieldLabel(t, f)}
              name={`mode.${f}`}
              options={flagOptions}
              value={mode(f)}
              onChange={set(`mode.${f}`)}
            />
          ))}
        </InlineGrid>
        <FormLayout>
          {BULK_VALUES.map((f) => (
            <BlockStack gap="200" key={f}>
              <Select
                label={fieldLabel(t, f)}
                name={`mode.${f}`}
                options={valueOptions}
                value={mode(f)}
                onChange={set(`mode.${f}`)}
                error={mode(f) === "set" ? undefined : errors[f]}
              />
              {mode(f) !== "set" ? null : f === "manufacturer" || f === "euResponsiblePerson" ? (
                <BlockStack gap="100">
                  {errors[f] ? (
                    <Text as="p" tone="critical">
                      {errors[f]}
                    </Text>
                  ) : null}
                  <InlineGrid columns={{ xs: 1, md: 2 }} gap="200">
                    {PARTY_FIELDS.map((p) => (
                      <div key={p}>{text(`${f}.${p}`, t(`compliance.party.${p}`))}</div>
                    ))}
                  </InlineGrid>
                </BlockStack>
              ) : f === "safetyInfo" ? (
                <InlineGrid columns={["oneThird", "twoThirds"]} gap="200">
                  <Select
                    label={t("compliance.bulk.field.language")}
                    name="safetyInfo.lang"
                    options={WARNING_LANGUAGES.map((l) => ({ label: l, value: l }))}
                    value={values["safetyInfo.lang"] ?? "en"}
                    onChange={set("safetyInfo.lang")}
                  />
                  <TextField
                    label={t("compliance.bulk.field.safetyInfo")}
                    name="safetyInfo.text"
                    value={values["safetyInfo.text"] ?? ""}
                    onChange={set("safetyInfo.text")}
                    autoComplete="off"
                    multiline={3}
                    error={errors.safetyInfo}
                  />
                </InlineGrid>
              ) : f === "prop65" ? (
                <InlineGrid columns={["twoThirds", "oneThird"]} gap="200">
                  <TextField
                    label={t("compliance.profile.prop65Chemicals")}
                    name="prop65.chemicals"
                    value={values["prop65.chemicals"] ?? ""}
                    onChange={set("prop65.chemicals")}
                    autoComplete="off"
                    helpText={t("compliance.profile.prop65ChemicalsHelp")}
                    error={errors.prop65}
                  />
                  <Select
                    label={t("compliance.profile.prop65Endpoint")}
                    name="prop65.endpoint"
                    options={PROP65_ENDPOINTS.map((e) => ({
                      value: e,
                      label: t(`compliance.profile.prop65.${e}`),
                    }))}
                    value={values["prop65.endpoint"] ?? "cancer"}
                    onChange={set("prop65.endpoint")}
                  />
                </InlineGrid>
              ) : f === "materials" ? (
                text("materials", t("compliance.bulk.field.materials"), {
                  help: t("compliance.bulk.field.materialsHelp"),
                })
              ) : (
                text(f, fieldLabel(t, f))
              )}
            </BlockStack>
          ))}
        </FormLayout>
        {errors.form || errors.selection ? (
          <Banner tone="critical">{errors.form ?? errors.selection}</Banner>
        ) : null}
        {result?.ok && result.intent === "preview" && previewed === key ? (
          <Banner tone="info" title={t("compliance.bulk.preview.title")}>
            <span data-testid="bulk-preview">
              {t("compliance.bulk.preview.body", {
                count: result.count,
                fields: result.fields.map((f) => fieldLabel(t, f)).join(", "),
              })}
            </span>
          </Banner>
        ) : null}
        {result?.ok && result.intent === "apply" ? (
          <Banner tone="success">{t("compliance.bulk.applied", { count: result.count })}</Banner>
        ) : null}
        <InlineStack gap="200">
          <Button
            onClick={() => submit("preview")}
            loading={fetcher.state !== "idle"}
            disabled={props.count === 0}
          >
            {t("compliance.bulk.preview")}
          </Button>
          <Button
            variant="primary"
            onClick={() => submit("apply")}
            loading={fetcher.state !== "idle"}
            disabled={previewed !== key || !result?.ok}
          >
            {result?.ok && result.intent === "preview" && previewed === key
              ? t("compliance.bulk.apply", { count: result.count })
              : t("compliance.bulk.applyNeedsPreview")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
