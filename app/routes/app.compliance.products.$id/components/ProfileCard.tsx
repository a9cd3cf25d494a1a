import { useFetcher } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineGrid,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import type { PROFILE_FLAGS } from "../../../compliance/profileForm";
import { useT } from "../../../i18n/i18n";
import { PartyFields } from "./PartyFields";
import {
  MaterialsFields,
  PackagingFields,
  Prop65Fields,
  RecycledField,
  SafetyInfoFields,
  SourceBadge,
} from "./ProfileValues";
import type { ProductAction, ProductData } from "./types";

type Flag = (typeof PROFILE_FLAGS)[number];

/** The product's compliance profile: every value, where it came from, and the form to confirm it. */
export function ProfileCard({ data }: { data: ProductData }) {
  const t = useT();
  const save = useFetcher<ProductAction>();
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
