/**
 * Writes compliance data to the shop: the app's metafield and metaobject definitions (once,
 * idempotently), each product's storefront label set and confirmed profile, through
 * `metafieldsSet` in calls of at most 25 metafields (Shopify's limit per call), and the shop's EPR
 * registrations. The Admin client paces the calls by the shop's cost bucket and retries
 * throttling and server errors; this module only decides what to send.
 */
import type { AdminClient } from "../../graphql/admin-client";
import { payloadOf } from "../../graphql/client.server";
import {
  MetafieldDefinitionCreate,
  type MetafieldDefinitionCreateResult,
} from "../../graphql/MetafieldDefinitionCreate";
import {
  MetafieldDefinitionList,
  type MetafieldDefinitionListResult,
} from "../../graphql/MetafieldDefinitionList";
import { MetafieldsDelete, type MetafieldsDeleteResult } from "../../graphql/MetafieldsDelete";
import { MetafieldsSet, type MetafieldsSetResult } from "../../graphql/MetafieldsSet";
import { ShopRegistrations, type ShopRegistrationsResult } from "../../graphql/ShopRegistrations";
import {
  MetaobjectDefinitionByType,
  type MetaobjectDefinitionByTypeResult,
} from "../../graphql/MetaobjectDefinitionByType";
import {
  MetaobjectDefinitionUpdate,
  type MetaobjectDefinitionUpdateResult,
} from "../../graphql/MetaobjectDefinitionUpdate";
import {
  MetaobjectDefinitionCreate,
  type MetaobjectDefinitionCreateResult,
} from "../../graphql/MetaobjectDefinitionCreate";
import { stableStringify } from "../labels";
import type { Registration } from "../types";
import {
  COMPLIANCE_NAMESPACE,
  LABELS_KEY,
  METAFIELD_DEFINITIONS,
  METAOBJECT_DEFINITIONS,
  PROFILE_KEY,
  REGISTRATIONS_KEY,
} from "./definitions";

export const METAFIELDS_PER_CALL = 25;

export class PublishError extends Error {
  override name = "PublishError";
}

/**
 * Creates whichever of the app's definitions the shop lacks; safe to run on every install and
 * before every publish. A definition someone else created in the meantime (TAKEN) counts as there.
 */
export async function ensureComplianceDefinitions(client: AdminClient): Promise<string[]> {
  const created: string[] = [];
  for (const ownerType of new Set(METAFIELD_DEFINITIONS.map((d) => d.ownerType))) {
    const existing = await client.request<MetafieldDefinitionListResult>(MetafieldDefinitionList, {
      ownerType,
      namespace: COMPLIANCE_NAMESPACE,
    });
    const have = new Set(existing.metafieldDefinitions.nodes.map((n) => n.key));
    for (const spec of METAFIELD_DEFINITIONS.filter(
      (d) => d.ownerType === ownerType && !have.has(d.key),
    )) {
      const result = await client.request<MetafieldDefinitionCreateResult>(
        MetafieldDefinitionCreate,
        {
          definition: {
            ownerType: spec.ownerType,
            namespace: spec.namespace,
            key: spec.key,
            type: spec.type,
            name: spec.name,
            description: spec.description,
            access: { storefront: spec.storefront },
          },
        },
      );
      const errors = payloadOf(
        MetafieldDefinitionCreate,
        result.metafieldDefinitionCreate,
      ).userErrors.filter((e) => e.code !== "TAKEN");
      if (errors.length)
        throw new PublishError(
          `Shopify refused the ${spec.name} metafield definition: ${errors.map((e) => e.message).join("; ")}`,
        );
      created.push(`${spec.ownerType}:${spec.key}`);
    }
  }
  for (const spec of METAOBJECT_DEFINITIONS) {
    const found = await client.request<MetaobjectDefinitionByTypeResult>(
      MetaobjectDefinitionByType,
      { type: spec.type },
    );
    const existing = found.metaobjectDefinitionByType;
    if (existing) {
      // Created by an older Seaworthy: add the fields it lacks (existing ones are left as they are).
      const have = new Set(existing.fieldDefinitions.map((f) => f.key));
      const missing = spec.fields.filter((f) => !have.has(f.key));
      if (!missing.length) continue;
      const updated = await client.request<MetaobjectDefinitionUpdateResult>(
        MetaobjectDefinitionUpdate,
        { id: existing.id, definition: { fieldDefinitions: missing.map((f) => ({ create: f })) } },
      );
      const errors = payloadOf(
        MetaobjectDefinitionUpdate,
        updated.metaobjectDefinitionUpdate,
      ).userErrors.filter((e) => e.code !== "OBJECT_FIELD_TAKEN");
      if (errors.length)
        throw new PublishError(
          `Shopify refused the new fields of the ${spec.name} metaobject definition: ${errors.map((e) => e.message).join("; ")}`,
        );
      created.push(...missing.map((f) => `metaobject:${spec.type}.${f.key}`));
      continue;
    }
    const result = await client.request<MetaobjectDefinitionCreateResult>(
      MetaobjectDefinitionCreate,
      {
        definition: {
          type: spec.type,
          name: spec.name,
          description: spec.description,
          displayNameKey: spec.displayNameKey,
          fieldDefinitions: spec.fields,
        },
      },
    );
    const errors = payloadOf(
      MetaobjectDefinitionCreate,
      result.metaobjectDefinitionCreate,
    ).userErrors.filter((e) => e.code !== "TAKEN");
    if (errors.length)
      throw new PublishError(
        `Shopify refused the ${spec.name} metaobject definition: ${errors.map((e) => e.message).join("; ")}`,
      );
    created.push(`metaobject:${spec.type}`);
  }
  return created;
}

export interface LabelEntry {
  productId: string;
  /** The label set the theme blocks show; an empty set withdraws every label. */
  labels: unknown;
  /**
   * What the merchant confirmed (a MerchantProfile) for `$app:compliance.profile`; with no answer
   * the product has no profile metafield (deleted if it had one). Left out: the profile is not
   * touched.
   */
  profile?: Readonly<Record<string, unknown>>;
}

type Failure = { productId: string; message: string };

export interface PublishReport {
  /** Label sets written and left as they were. */
  written: number;
  unchanged: number;
  failed: Failure[];
  /** The profile metafields of the entries that carry a `profile`. */
  profiles: { written: number; deleted: number; unchanged: number; failed: Failure[] };
}

export const emptyPublishReport = (): PublishReport => ({
  written: 0,
  unchanged: 0,
  failed: [],
  profiles: { written: 0, deleted: 0, unchanged: 0, failed: [] },
});

/** The profile metafield's text for these answers; "" when there is none (no metafield). */
export function profileValue(answers: Readonly<Record<string, unknown>>): string {
  return Object.values(answers).some((v) => v !== undefined) ? stableStringify(answers) : "";
}

interface MetafieldWrite {
  ownerId: string;
  key: string;
  value: string;
}

/** The element a user error names (`elementIndex`, else `field: ["metafields", "3", …]`). */
function elementOf(e: { field: string[] | null; elementIndex?: number | null }, size: number) {
  const index = e.elementIndex ?? Number(e.field?.[1]);
  return Number.isInteger(index) && index >= 0 && index < size ? index : null;
}

/**
 * `metafieldsSet` in calls of at most 25 metafields (counted as metafields, not products: a
 * product's labels and profile are two). A call is atomic, so when Shopify refuses an element
 * the call is repeated without it: one bad product never holds back the other 24.
 */
async function setMetafields(
  client: AdminClient,
  writes: readonly MetafieldWrite[],
): Promise<Map<MetafieldWrite, string>> {
  const failed = new Map<MetafieldWrite, string>();
  for (let at = 0; at < writes.length; at += METAFIELDS_PER_CALL) {
    let batch = writes.slice(at, at + METAFIELDS_PER_CALL);
    while (batch.length) {
      const result = await client.request<MetafieldsSetResult>(MetafieldsSet, {
        metafields: batch.map((b) => ({
          ownerId: b.ownerId,
          namespace: COMPLIANCE_NAMESPACE,
          key: b.key,
          type: "json",
          value: b.value,
        })),
      });
      const errors = payloadOf(MetafieldsSet, result.metafieldsSet).userErrors;
      if (!errors.length) break;
      const bad = new Set<number>();
      for (const e of errors) {
        const index = elementOf(e, batch.length);
        // An error that names no element (e.g. the whole call) cannot be narrowed down.
        if (index === null) throw new PublishError(`Shopify refused the metafields: ${e.message}`);
        if (!bad.has(index)) failed.set(batch[index]!, e.message);
        bad.add(index);
      }
      batch = batch.filter((_, i) => !bad.has(i));
    }
  }
  return failed;
}

/** `metafieldsDelete` in calls of 25, narrowed down like `setMetafields`; a missing one is fine. */
async function deleteMetafields(
  client: AdminClient,
  targets: readonly { ownerId: string; key: string }[],
): Promise<Map<{ ownerId: string; key: string }, string>> {
  const failed = new Map<{ ownerId: string; key: string }, string>();
  for (let at = 0; at < targets.length; at += METAFIELDS_PER_CALL) {
    let batch = targets.slice(at, at + METAFIELDS_PER_CALL);
    while (batch.length) {
      const result = await client.request<MetafieldsDeleteResult>(MetafieldsDelete, {
        metafields: batch.map((b) => ({
          ownerId: b.ownerId,
          namespace: COMPLIANCE_NAMESPACE,
          key: b.key,
        })),
      });
      const errors = payloadOf(MetafieldsDelete, result.metafieldsDelete).userErrors;
      if (!errors.length) break;
      const bad = new Set<number>();
      for (const e of errors) {
        const index = elementOf(e, batch.length);
        if (index === null) throw new PublishError(`Shopify refused a deletion: ${e.message}`);
        if (!bad.has(index)) failed.set(batch[index]!, e.message);
        bad.add(index);
      }
      batch = batch.filter((_, i) => !bad.has(i));
    }
  }
  return failed;
}

/**
 * Writes each product's label set and, for entries that carry one, its confirmed profile,
 * skipping what Shopify already holds (`current` and `currentProfiles`, see publish-job.server.ts;
 * a product missing from `currentProfiles` has no profile metafield). Both kinds share the
 * `metafieldsSet` calls; profiles whose answers were cleared are deleted.
 */
export async function publishLabels(
  client: AdminClient,
  entries: readonly LabelEntry[],
  current: ReadonlyMap<string, string | null> = new Map(),
  currentProfiles: ReadonlyMap<string, string> = new Map(),
): Promise<PublishReport> {
  const report = emptyPublishReport();
  const writes: MetafieldWrite[] = [];
  const deletes: { ownerId: string; key: string }[] = [];
  for (const entry of entries) {
    const value = stableStringify(entry.labels);
    if (current.get(entry.productId) === value) report.unchanged += 1;
    else writes.push({ ownerId: entry.productId, key: LABELS_KEY, value });
    if (!entry.profile) continue;
    const profile = profileValue(entry.profile);
    if ((currentProfiles.get(entry.productId) ?? "") === profile) report.profiles.unchanged += 1;
    else if (profile) writes.push({ ownerId: entry.productId, key: PROFILE_KEY, value: profile });
    else deletes.push({ ownerId: entry.productId, key: PROFILE_KEY });
  }
  const failedWrites = await setMetafields(client, writes);
  for (const w of writes) {
    const part = w.key === LABELS_KEY ? report : report.profiles;
    const message = failedWrites.get(w);
    if (message === undefined) part.written += 1;
    else part.failed.push({ productId: w.ownerId, message });
  }
  const failedDeletes = await deleteMetafields(client, deletes);
  for (const d of deletes) {
    const message = failedDeletes.get(d);
    if (message === undefined) report.profiles.deleted += 1;
    else report.profiles.failed.push({ productId: d.ownerId, message });
  }
  return report;
}

/**
 * The shop's EPR registrations in its `$app:compliance.registrations` metafield (country, stream,
 * number and role; the merchant's notes stay here), compared with what the shop holds now so an
 * unchanged list is not rewritten. No registration: the metafield is deleted.
 */
export async function publishRegistrations(
  client: AdminClient,
  registrations: readonly Registration[],
): Promise<"written" | "deleted" | "unchanged"> {
  const { shop } = await client.request<ShopRegistrationsResult>(ShopRegistrations);
  const value = registrations.length
    ? stableStringify(
        registrations.map((r) => ({
          country: r.country,
          stream: r.stream,
          number: r.number,
          ...(r.role ? { role: r.role } : {}),
        })),
      )
    : "";
  let held = "";
  try {
    // Compared as parsed JSON: Shopify may hand the text back formatted its own way.
    if (shop.registrations) held = stableStringify(JSON.parse(shop.registrations.value));
  } catch {
    held = shop.registrations?.value ?? "";
  }
  if (held === value) return "unchanged";
  const target = { ownerId: shop.id, key: REGISTRATIONS_KEY };
  const failed = value
    ? await setMetafields(client, [{ ...target, value }])
    : await deleteMetafields(client, [target]);
  for (const message of failed.values())
    throw new PublishError(`Shopify refused the EPR registrations: ${message}`);
  return value ? "written" : "deleted";
}
