/**
 * Writes compliance data to the shop: the app's metafield and metaobject definitions (once,
 * idempotently) and each product's storefront label set, through `metafieldsSet` in batches of
 * 25 (Shopify's limit per call). The Admin client paces the calls by the shop's cost bucket and
 * retries throttling and server errors; this module only decides what to send.
 */
import type { AdminClient } from "../../graphql/admin-client";
import {
  MetafieldDefinitionCreate,
  type MetafieldDefinitionCreateResult,
} from "../../graphql/MetafieldDefinitionCreate";
import {
  MetafieldDefinitionList,
  type MetafieldDefinitionListResult,
} from "../../graphql/MetafieldDefinitionList";
import { MetafieldsSet, type MetafieldsSetResult } from "../../graphql/MetafieldsSet";
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
import {
  COMPLIANCE_NAMESPACE,
  LABELS_KEY,
  METAFIELD_DEFINITIONS,
  METAOBJECT_DEFINITIONS,
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
      const errors = result.metafieldDefinitionCreate.userErrors.filter((e) => e.code !== "TAKEN");
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
      const errors = updated.metaobjectDefinitionUpdate.userErrors.filter(
        (e) => e.code !== "OBJECT_FIELD_TAKEN",
      );
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
    const errors = result.metaobjectDefinitionCreate.userErrors.filter((e) => e.code !== "TAKEN");
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
}

export interface PublishReport {
  written: number;
  unchanged: number;
  failed: { productId: string; message: string }[];
}

/**
 * Writes each product's label set, skipping those whose stored text (`current`, from the mirror)
 * is already identical. `metafieldsSet` is atomic per call, so when Shopify refuses an element
 * the call is repeated without it: one bad product never holds back the other 24.
 */
export async function publishLabels(
  client: AdminClient,
  entries: readonly LabelEntry[],
  current: ReadonlyMap<string, string | null> = new Map(),
): Promise<PublishReport> {
  const report: PublishReport = { written: 0, unchanged: 0, failed: [] };
  const pending: { productId: string; value: string }[] = [];
  for (const entry of entries) {
    const value = stableStringify(entry.labels);
    if (current.get(entry.productId) === value) report.unchanged += 1;
    else pending.push({ productId: entry.productId, value });
  }
  for (let at = 0; at < pending.length; at += METAFIELDS_PER_CALL) {
    let batch = pending.slice(at, at + METAFIELDS_PER_CALL);
    while (batch.length) {
      const result = await client.request<MetafieldsSetResult>(MetafieldsSet, {
        metafields: batch.map((b) => ({
          ownerId: b.productId,
          namespace: COMPLIANCE_NAMESPACE,
          key: LABELS_KEY,
          type: "json",
          value: b.value,
        })),
      });
      const errors = result.metafieldsSet.userErrors;
      if (!errors.length) {
        report.written += batch.length;
        break;
      }
      const bad = new Set<number>();
      for (const e of errors) {
        const index = e.elementIndex ?? Number(e.field?.[1]);
        if (!Number.isInteger(index) || index < 0 || index >= batch.length) {
          // An error that names no element (e.g. the whole call) cannot be narrowed down.
          throw new PublishError(`Shopify refused the labels: ${e.message}`);
        }
        if (!bad.has(index))
          report.failed.push({ productId: batch[index]!.productId, message: e.message });
        bad.add(index);
      }
      batch = batch.filter((_, i) => !bad.has(i));
    }
  }
  return report;
}
