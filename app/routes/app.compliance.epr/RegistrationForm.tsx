import { useFetcher, useSearchParams } from "@remix-run/react";
import {
  Banner,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { validateRegistration } from "../../compliance/registrations";
import type { EprStream } from "../../compliance/types";
import { marketName } from "../../components/ComplianceBits";
import { useLocale, useT } from "../../i18n/i18n";
import type { action, Data, Registration } from "./route";

/** Adds a registration, or edits the one picked in the table. */
export function RegistrationForm({
  data,
  editing,
  onDone,
}: {
  data: Data;
  editing: Registration | null;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const save = useFetcher<typeof action>();
  // A one-click fix from a finding arrives with ?country=DE&stream=packaging.
  const [country, setCountry] = useState(
    editing?.country ??
      search.get("country")?.toUpperCase() ??
      data.expected.find((e) => !e.held)?.country ??
      data.countries[0] ??
      "DE",
  );
  const [stream, setStream] = useState<string>(
    editing?.stream ??
      search.get("stream") ??
      data.expected.find((e) => !e.held)?.stream ??
      "packaging",
  );
  const [number, setNumber] = useState(editing?.number ?? "");
  const [role, setRole] = useState<string>(editing?.role ?? "");
  const [notes, setNotes] = useState(editing?.notes ?? "");
  const errors: Record<string, string> = save.data && !save.data.ok ? save.data.fieldErrors : {};
  const saved = save.data?.ok && save.data.intent === "save";
  useEffect(() => {
    if (saved && !editing) setNumber("");
    if (saved && editing) onDone();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a save lands
  }, [save.data]);
  const expected = validateRegistration({
    country,
    stream: stream as EprStream,
    number: "",
  }).expected;
  const countries = data.countries.includes(country)
    ? data.countries
    : [...data.countries, country];
  return (
    <Card>
      <save.Form method="post">
        <input type="hidden" name="intent" value="save" />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <FormLayout>
          <Text as="h2" variant="headingMd">
            {editing ? t("compliance.reg.editTitle") : t("compliance.reg.addTitle")}
          </Text>
          {errors.form ? <Banner tone="critical">{errors.form}</Banner> : null}
          <Select
            label={t("compliance.col.market")}
            name="country"
            value={country}
            options={countries
              .map((c) => ({ value: c, label: marketName(c, locale) }))
              .sort((a, b) => a.label.localeCompare(b.label, locale))}
            onChange={setCountry}
            error={errors.country}
          />
          <Select
            label={t("compliance.reg.stream")}
            name="stream"
            value={stream}
            options={data.streams.map((s) => ({ value: s, label: t(`compliance.stream.${s}`) }))}
            onChange={setStream}
            error={errors.stream}
          />
          <TextField
            label={t("compliance.reg.number")}
            name="number"
            value={number}
            onChange={setNumber}
            autoComplete="off"
            helpText={t("compliance.reg.format", { expected })}
            error={errors.number}
          />
          <Select
            label={t("compliance.reg.role")}
            name="role"
            value={role}
            options={[
              { value: "", label: t("compliance.role.none") },
              ...data.roles.map((r) => ({ value: r, label: t(`compliance.role.${r}`) })),
            ]}
            onChange={setRole}
          />
          <TextField
            label={t("compliance.reg.notes")}
            name="notes"
            value={notes}
            onChange={setNotes}
            autoComplete="off"
            multiline={2}
          />
          {saved ? (
            <Banner tone="success">
              <span data-testid="registration-saved">{t("compliance.reg.saved")}</span>
            </Banner>
          ) : null}
          <InlineStack gap="200">
            <Button submit variant="primary" loading={save.state !== "idle"}>
              {t("compliance.save")}
            </Button>
            {editing ? <Button onClick={onDone}>{t("compliance.cancel")}</Button> : null}
          </InlineStack>
        </FormLayout>
      </save.Form>
    </Card>
  );
}
