import { Badge, BlockStack, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { Party } from "../../../compliance/types";
import { useT } from "../../../i18n/i18n";
import { SourceBadge } from "./ProfileValues";

const PARTY_FIELDS = ["name", "postalAddress", "country", "electronicAddress"] as const;

/** A manufacturer or EU responsible person, as `prefix.field` form fields. */
export function PartyFields({
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
