import { useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Checkbox,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { MARKET_LANGUAGES } from "../../../compliance/packs/markets";
import { PROP65_ENDPOINTS } from "../../../compliance/profileForm";
import type {
  MaterialShare,
  PackagingPart,
  Prop65Flag,
  Sourced,
  ValueSource,
} from "../../../compliance/types";
import type { MessageKey } from "../../../i18n/en";
import { useLocale, useT } from "../../../i18n/i18n";

/** Every official language of an EU market (any one satisfies GPSR there), English first. */
const LANGUAGES = [
  ...new Set(["en", ...Object.values(MARKET_LANGUAGES).flat().sort()]),
] as readonly string[];
const MAX_ROWS = 20;
type Errors = Record<string, string>;

export function SourceBadge({ source }: { source: ValueSource }) {
  const t = useT();
  return source === "merchant" ? (
    <Badge tone="success">{t("compliance.profile.confirmed")}</Badge>
  ) : (
    <Badge tone="attention">{t("compliance.profile.inferred")}</Badge>
  );
}

function Heading(props: { label: string; source: ValueSource; field: string; help?: string }) {
  return (
    <BlockStack gap="050">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {props.label}
        </Text>
        <span data-testid="profile-source" data-field={props.field} data-source={props.source}>
          <SourceBadge source={props.source} />
        </span>
      </InlineStack>
      {props.help ? (
        <Text as="p" tone="subdued" variant="bodySm">
          {props.help}
        </Text>
      ) : null}
    </BlockStack>
  );
}

/**
 * A list of two-field rows (`<list>.<i>.<name>|<amount>`). Rows left blank are dropped on save;
 * the action answers errors on the row's own field names.
 */
function Rows(props: {
  list: "materials" | "packaging";
  amount: "share" | "grams";
  labels: { name: MessageKey; amount: MessageKey; add: MessageKey };
  initial: { name: string; amount: number }[];
  errors: Errors;
}) {
  const t = useT();
  const { list, amount } = props;
  const [rows, setRows] = useState(() =>
    props.initial.map((r, i) => ({ id: i, name: r.name, amount: String(r.amount) })),
  );
  const [next, setNext] = useState(props.initial.length);
  const edit = (id: number, key: "name" | "amount") => (value: string) =>
    setRows((old) => old.map((r) => (r.id === id ? { ...r, [key]: value } : r)));
  return (
    <BlockStack gap="200">
      {props.errors[list] ? (
        <Text as="p" tone="critical">
          <span data-testid={`profile-error-${list}`}>{props.errors[list]}</span>
        </Text>
      ) : null}
      {rows.map((r, i) => (
        <InlineGrid key={r.id} columns={["twoThirds", "oneThird"]} gap="200">
          <TextField
            label={t(props.labels.name)}
            name={`${list}.${i}.material`}
            value={r.name}
            onChange={edit(r.id, "name")}
            autoComplete="off"
            error={props.errors[`${list}.${i}.material`]}
          />
          <TextField
            label={t(props.labels.amount)}
            name={`${list}.${i}.${amount}`}
            value={r.amount}
            onChange={edit(r.id, "amount")}
            type="number"
            min={0}
            max={amount === "share" ? 100 : undefined}
            autoComplete="off"
            error={props.errors[`${list}.${i}.${amount}`]}
            connectedRight={
              <Button onClick={() => setRows((old) => old.filter((x) => x.id !== r.id))}>
                {t("compliance.profile.remove")}
              </Button>
            }
          />
        </InlineGrid>
      ))}
      <InlineStack>
        <Button
          disabled={rows.length >= MAX_ROWS}
          onClick={() => {
            setRows((old) => [...old, { id: next, name: "", amount: "" }]);
            setNext((n) => n + 1);
          }}
        >
          {t(props.labels.add)}
        </Button>
      </InlineStack>
    </BlockStack>
  );
}

export function MaterialsFields(props: { value: Sourced<MaterialShare[]>; errors: Errors }) {
  const t = useT();
  return (
    <BlockStack gap="200">
      <Heading
        label={t("compliance.profile.materials")}
        source={props.value.source}
        field="materials"
        help={t("compliance.profile.materialsHelp")}
      />
      <Rows
        list="materials"
        amount="share"
        labels={{
          name: "compliance.profile.material",
          amount: "compliance.profile.share",
          add: "compliance.profile.addMaterial",
        }}
        initial={props.value.value.map((m) => ({ name: m.material, amount: m.share }))}
        errors={props.errors}
      />
    </BlockStack>
  );
}

export function RecycledField(props: { value: Sourced<number | null>; errors: Errors }) {
  const t = useT();
  const [v, setV] = useState(props.value.value === null ? "" : String(props.value.value));
  return (
    <TextField
      label={t("compliance.profile.recycled")}
      name="recycledContentPct"
      value={v}
      onChange={setV}
      type="number"
      min={0}
      max={100}
      suffix="%"
      autoComplete="off"
      helpText={t(
        props.value.source === "merchant"
          ? "compliance.profile.confirmed"
          : "compliance.profile.inferred",
      )}
      error={props.errors.recycledContentPct}
    />
  );
}

export function PackagingFields(props: { value: Sourced<PackagingPart[]>; errors: Errors }) {
  const t = useT();
  return (
    <BlockStack gap="200">
      <Heading
        label={t("compliance.profile.packaging")}
        source={props.value.source}
        field="packaging"
        help={t("compliance.profile.packagingHelp")}
      />
      <Rows
        list="packaging"
        amount="grams"
        labels={{
          name: "compliance.profile.packagingMaterial",
          amount: "compliance.profile.grams",
          add: "compliance.profile.addPackaging",
        }}
        initial={props.value.value.map((p) => ({ name: p.material, amount: p.grams }))}
        errors={props.errors}
      />
    </BlockStack>
  );
}

export function Prop65Fields(props: { value: Sourced<Prop65Flag | null>; errors: Errors }) {
  const t = useT();
  const flag = props.value.value;
  const [on, setOn] = useState(flag !== null);
  const [chemicals, setChemicals] = useState(flag?.chemicals.join(", ") ?? "");
  const [endpoint, setEndpoint] = useState<string>(flag?.endpoint ?? "cancer");
  return (
    <BlockStack gap="200">
      <Heading
        label={t("compliance.profile.prop65")}
        source={props.value.source}
        field="prop65"
        help={t("compliance.profile.prop65Help")}
      />
      <Checkbox
        label={t("compliance.profile.prop65On")}
        name="prop65.on"
        // Polaris renders value="" without it, and the action reads a ticked box as "on".
        value="on"
        checked={on}
        onChange={setOn}
      />
      {on ? (
        <InlineGrid columns={["twoThirds", "oneThird"]} gap="200">
          <TextField
            label={t("compliance.profile.prop65Chemicals")}
            name="prop65.chemicals"
            value={chemicals}
            onChange={setChemicals}
            autoComplete="off"
            helpText={t("compliance.profile.prop65ChemicalsHelp")}
            error={props.errors["prop65.chemicals"]}
          />
          <Select
            label={t("compliance.profile.prop65Endpoint")}
            name="prop65.endpoint"
            options={PROP65_ENDPOINTS.map((e) => ({
              value: e,
              label: t(`compliance.profile.prop65.${e}`),
            }))}
            value={endpoint}
            onChange={setEndpoint}
            error={props.errors["prop65.endpoint"]}
          />
        </InlineGrid>
      ) : null}
    </BlockStack>
  );
}

/**
 * Warnings per language. A finding's fix arrives with `?safety=<lang>`: that language's field is
 * added (empty) so the merchant can write it at once.
 */
export function SafetyInfoFields(props: {
  value: Sourced<Record<string, string>>;
  errors: Errors;
}) {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const asked = search.get("safety");
  const [texts, setTexts] = useState(() => Object.entries(props.value.value));
  useEffect(() => {
    if (asked && LANGUAGES.includes(asked))
      setTexts((old) => (old.some(([l]) => l === asked) ? old : [...old, [asked, ""]]));
  }, [asked]);
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const name = (lang: string) => `${names.of(lang) ?? lang} (${lang})`;
  const free = LANGUAGES.filter((l) => !texts.some(([have]) => have === l));
  const [adding, setAdding] = useState(free[0] ?? "");
  const chosen = free.includes(adding) ? adding : (free[0] ?? "");
  return (
    <div id="profile-safety">
      <BlockStack gap="200">
        <Heading
          label={t("compliance.profile.safetyInfo")}
          source={props.value.source}
          field="safetyInfo"
          help={t("compliance.profile.safetyHelp")}
        />
        {texts.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("compliance.profile.noSafetyInfo")}
          </Text>
        ) : null}
        {texts.map(([lang, body]) => (
          <TextField
            key={lang}
            label={name(lang)}
            name={`safetyInfo.${lang}`}
            value={body}
            onChange={(v) => setTexts((old) => old.map(([l, b]) => (l === lang ? [l, v] : [l, b])))}
            autoComplete="off"
            multiline={3}
            maxLength={5000}
            autoFocus={lang === asked}
            error={props.errors[`safetyInfo.${lang}`]}
            connectedRight={
              <Button onClick={() => setTexts((old) => old.filter(([l]) => l !== lang))}>
                {t("compliance.profile.remove")}
              </Button>
            }
          />
        ))}
        {free.length ? (
          <InlineStack gap="200" blockAlign="end">
            <Select
              label={t("compliance.bulk.field.language")}
              labelInline
              options={free.map((l) => ({ value: l, label: name(l) }))}
              value={chosen}
              onChange={setAdding}
            />
            <Button onClick={() => setTexts((old) => [...old, [chosen, ""]])}>
              {t("compliance.profile.addLanguage")}
            </Button>
          </InlineStack>
        ) : null}
      </BlockStack>
    </div>
  );
}
