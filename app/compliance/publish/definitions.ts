/**
 * The custom data Seaworthy owns in a shop. Everything sits in the app-reserved namespace
 * (`$app:compliance`, which Shopify resolves to `app--<app id>--compliance`), so merchants and
 * other apps cannot overwrite it by accident, and the theme app extension reads it in Liquid as
 * `product.metafields.app--<id>--compliance.labels` (exposed through `access.storefront`).
 */

export const COMPLIANCE_NAMESPACE = "$app:compliance";

export interface MetafieldDefinitionSpec {
  ownerType: "PRODUCT" | "SHOP";
  namespace: string;
  key: string;
  type: string;
  name: string;
  description: string;
  /** PUBLIC_READ: the storefront (theme blocks) may read it. */
  storefront: "PUBLIC_READ" | "NONE";
}

export const LABELS_KEY = "labels";
/** The merchant's confirmed answers (a MerchantProfile, as stored in ComplianceProfile). */
export const PROFILE_KEY = "profile";
/** The shop's EPR registrations: [{ country, stream, number, role? }], never the notes. */
export const REGISTRATIONS_KEY = "registrations";

export const METAFIELD_DEFINITIONS: readonly MetafieldDefinitionSpec[] = [
  {
    ownerType: "PRODUCT",
    namespace: COMPLIANCE_NAMESPACE,
    key: LABELS_KEY,
    type: "json",
    name: "Compliance labels",
    description:
      "Badges backed by valid certificates, GPSR details, EPR numbers and warnings the storefront shows. Written by Seaworthy.",
    storefront: "PUBLIC_READ",
  },
  {
    ownerType: "PRODUCT",
    namespace: COMPLIANCE_NAMESPACE,
    key: PROFILE_KEY,
    type: "json",
    name: "Compliance profile",
    description:
      "The materials, packaging, product kind, manufacturer and safety information the merchant confirmed in Seaworthy (its guesses are not stored). Edited in Seaworthy.",
    storefront: "NONE",
  },
  {
    ownerType: "SHOP",
    namespace: COMPLIANCE_NAMESPACE,
    key: REGISTRATIONS_KEY,
    type: "json",
    name: "EPR registrations",
    description:
      "Extended producer responsibility numbers per country and stream (e.g. LUCID, WEEE, French IDU).",
    storefront: "PUBLIC_READ",
  },
];

export interface MetaobjectDefinitionSpec {
  type: string;
  name: string;
  description: string;
  displayNameKey: string;
  fields: { key: string; name: string; type: string; required: boolean }[];
}

export const CERTIFICATE_TYPE = "$app:certificate";

export const METAOBJECT_DEFINITIONS: readonly MetaobjectDefinitionSpec[] = [
  {
    type: CERTIFICATE_TYPE,
    name: "Certificate",
    description:
      "A certificate or declaration (CE DoC, UKCA, UL, FCC, CPC, EAC, GOTS, OEKO-TEX, FSC, …) and what it covers.",
    displayNameKey: "number",
    fields: [
      { key: "kind", name: "Kind", type: "single_line_text_field", required: true },
      { key: "number", name: "Number", type: "single_line_text_field", required: true },
      { key: "issuer", name: "Issuer", type: "single_line_text_field", required: false },
      { key: "scope", name: "Scope", type: "json", required: true },
      { key: "valid_from", name: "Valid from", type: "date", required: false },
      { key: "valid_to", name: "Valid to", type: "date", required: false },
      { key: "document_url", name: "Document", type: "url", required: false },
      { key: "document", name: "Document file", type: "file_reference", required: false },
      { key: "status", name: "Status", type: "single_line_text_field", required: false },
    ],
  },
];
