/**
 * Custom data in the simulated store: metafield definitions, metaobject definitions and
 * metaobjects, plus the rules Shopify applies to them that an app can trip over:
 * - `$app` namespaces and types resolve to the installed app's reserved prefix
 *   (`$app:compliance` → `app--<appId>--compliance`, a bare `$app` or an omitted namespace →
 *   `app--<appId>`), which is what reads and bulk exports then return;
 * - types are checked against Shopify's metafield type names and values against their type.
 * Plain data only, like the rest of the store.
 */
import type { Gid } from "./store";

/** The simulated app's numeric id: what `$app` resolves to and `currentAppInstallation` returns. */
export const SIM_APP_ID = 7070707;

export interface SimMetafieldDefinition {
  id: Gid;
  namespace: string;
  key: string;
  name: string;
  description: string | null;
  type: string;
  ownerType: string;
  access: { admin: string | null; storefront: string | null };
}

export interface SimMetaobjectFieldDefinition {
  key: string;
  name: string;
  type: string;
  required: boolean;
  description: string | null;
}

export interface SimMetaobjectDefinition {
  id: Gid;
  type: string;
  name: string;
  description: string | null;
  displayNameKey: string | null;
  fieldDefinitions: SimMetaobjectFieldDefinition[];
  access: { admin: string | null; storefront: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface SimMetaobject {
  id: Gid;
  type: string;
  handle: string;
  fields: { key: string; type: string; value: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface SimCustomData {
  metafieldDefinitions: SimMetafieldDefinition[];
  metaobjectDefinitions: SimMetaobjectDefinition[];
  metaobjects: SimMetaobject[];
}

export const emptyCustomData = (): SimCustomData => ({
  metafieldDefinitions: [],
  metaobjectDefinitions: [],
  metaobjects: [],
});

const APP_PREFIX = `app--${SIM_APP_ID}`;

/** `$app:x` → `app--<id>--x`; `$app` or no namespace → `app--<id>`; anything else unchanged. */
export function resolveAppNamespace(namespace: string | null | undefined): string {
  if (namespace == null || namespace === "" || namespace === "$app") return APP_PREFIX;
  if (namespace.startsWith("$app:")) return `${APP_PREFIX}--${namespace.slice(5)}`;
  return namespace;
}

/** Metaobject types take the same `$app:` prefix as namespaces. */
export function resolveAppType(type: string): string {
  return type.startsWith("$app:") ? `${APP_PREFIX}--${type.slice(5)}` : type;
}

/** Namespaces reserved for another app: an app may only write its own (`app--<its id>…`). */
export function isOtherAppsNamespace(namespace: string): boolean {
  return /^app--\d+/.test(namespace) && !namespace.startsWith(APP_PREFIX);
}

// Shopify's metafield type names (https://shopify.dev/docs/apps/build/custom-data/metafields/list-of-data-types).
const SCALAR_TYPES = new Set([
  "boolean",
  "color",
  "date",
  "date_time",
  "dimension",
  "id",
  "json",
  "money",
  "multi_line_text_field",
  "number_decimal",
  "number_integer",
  "rating",
  "rich_text_field",
  "single_line_text_field",
  "url",
  "link",
  "volume",
  "weight",
  "collection_reference",
  "customer_reference",
  "file_reference",
  "metaobject_reference",
  "mixed_reference",
  "page_reference",
  "product_reference",
  "variant_reference",
]);
const LISTABLE = new Set(
  [...SCALAR_TYPES].filter(
    (t) => !["boolean", "json", "money", "rich_text_field", "multi_line_text_field"].includes(t),
  ),
);

export function isKnownType(type: string): boolean {
  if (type.startsWith("list.")) return LISTABLE.has(type.slice(5));
  return SCALAR_TYPES.has(type);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a value does not fit its type, or null when it fits (the checks Shopify makes that matter here). */
export function valueProblem(type: string, value: string): string | null {
  if (type.startsWith("list.")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return "Value must be a JSON array.";
    }
    if (!Array.isArray(parsed)) return "Value must be a JSON array.";
    for (const item of parsed) {
      const problem = valueProblem(
        type.slice(5),
        typeof item === "string" ? item : JSON.stringify(item),
      );
      if (problem) return problem;
    }
    return null;
  }
  switch (type) {
    case "json":
    case "rating":
    case "weight":
    case "dimension":
    case "volume":
    case "money":
    case "link":
      try {
        JSON.parse(value);
        return null;
      } catch {
        return "Value is invalid JSON.";
      }
    case "boolean":
      return value === "true" || value === "false" ? null : "Value must be true or false.";
    case "number_integer":
      return /^-?\d+$/.test(value) ? null : "Value must be an integer.";
    case "number_decimal":
      return /^-?\d+(\.\d+)?$/.test(value) ? null : "Value must be a decimal number.";
    case "date":
      return DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "Value must be a date in the format YYYY-MM-DD.";
    case "date_time":
      return Number.isNaN(Date.parse(value)) ? "Value must be an ISO 8601 date and time." : null;
    case "url":
      return /^(https?|mailto|sms|tel):/.test(value)
        ? null
        : "Value must be a URL with a supported scheme.";
    case "single_line_text_field":
      return value.includes("\n") ? "Value must be a single line of text." : null;
    default:
      if (type.endsWith("_reference"))
        return /^gid:\/\/shopify\/[A-Za-z]+\/\d+$/.test(value)
          ? null
          : "Value must be a valid global id.";
      return null;
  }
}
