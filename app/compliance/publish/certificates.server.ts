/**
 * Publishes the vault's certificates to the shop as `$app:certificate` metaobjects and mirrors
 * what Shopify then holds:
 *   list the metaobjects → plan (certificate-fields.ts) → upsert / delete in batches → list again
 *   → mirror (sync/mirror/metaobjects.server.ts) and note each certificate's metaobject id.
 * `metaobjectUpsert` takes one object per call; the Admin client paces the calls by the shop's
 * cost bucket and retries throttling, and the batches keep a long run checkpointed in the mirror.
 * A certificate Shopify refuses is reported and does not hold back the others.
 */
import type { Db } from "../../db.server";
import type { AdminClient } from "../../graphql/admin-client";
import { payloadOf } from "../../graphql/client.server";
import { fileUrl } from "../../graphql/FileStatus";
import { MetaobjectDelete, type MetaobjectDeleteResult } from "../../graphql/MetaobjectDelete";
import { MetaobjectList, type MetaobjectListResult } from "../../graphql/MetaobjectList";
import { MetaobjectUpsert, type MetaobjectUpsertResult } from "../../graphql/MetaobjectUpsert";
import {
  mirrorCertificateMetaobjects,
  type ListedMetaobject,
} from "../../sync/mirror/metaobjects.server";
import { fileStatuses } from "../documents/upload.server";
import { listCertificates, type StoredCertificate } from "../vault.server";
import { certificateIdOf, planCertificates } from "./certificate-fields";
import { CERTIFICATE_TYPE } from "./definitions";

export const CERTIFICATES_PER_BATCH = 10;

export interface CertificatePublishReport {
  upserted: number;
  deleted: number;
  unchanged: number;
  failed: { certificateId: string; message: string }[];
}

/** Every `$app:certificate` metaobject the shop holds, page by page. */
export async function listCertificateMetaobjects(
  client: Pick<AdminClient, "request">,
): Promise<ListedMetaobject[]> {
  const out: ListedMetaobject[] = [];
  let after: string | null = null;
  do {
    const page: MetaobjectListResult = await client.request<MetaobjectListResult>(MetaobjectList, {
      type: CERTIFICATE_TYPE,
      first: 100,
      after,
    });
    for (const node of page.metaobjects.nodes)
      out.push({
        id: node.id,
        handle: node.handle,
        updatedAt: node.updatedAt,
        certificateId: certificateIdOf(node.handle),
        fields: Object.fromEntries(node.fields.map((f) => [f.key, f.value ?? ""])),
      });
    after = page.metaobjects.pageInfo.hasNextPage ? page.metaobjects.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/**
 * Certificates saved while Shopify was still processing their document get its URL now (a READY
 * file), or lose the reference when Shopify gave up on it (FAILED).
 */
async function settleDocuments(
  db: Db,
  client: Pick<AdminClient, "request">,
  shop: string,
  certificates: StoredCertificate[],
): Promise<void> {
  const pending = certificates.filter(
    (c) => c.document.fileRef && c.documentFileStatus !== "READY",
  );
  if (!pending.length) return;
  const statuses = await fileStatuses(
    client,
    pending.map((c) => c.document.fileRef!),
  );
  for (const c of pending) {
    const node = statuses.get(c.document.fileRef!);
    if (!node || (node.fileStatus !== "READY" && node.fileStatus !== "FAILED")) continue;
    const ready = node.fileStatus === "READY";
    const url = ready ? fileUrl(node) : null;
    await db.complianceCertificate.updateMany({
      where: { id: c.id, shop },
      data: ready
        ? { documentFileStatus: "READY", documentUrl: url }
        : { documentFileStatus: "FAILED", documentFileId: null },
    });
    c.document = ready ? { ...c.document, ...(url ? { url } : {}) } : { url: c.document.url };
  }
}

export async function publishCertificates(options: {
  db: Db;
  client: Pick<AdminClient, "request">;
  shop: string;
  today: string;
  batchSize?: number;
  signal?: AbortSignal;
}): Promise<CertificatePublishReport> {
  const { db, client, shop } = options;
  const certificates = await listCertificates(db, shop);
  await settleDocuments(db, client, shop, certificates);
  const held = await listCertificateMetaobjects(client);
  const plan = planCertificates(certificates, held, options.today);
  const report: CertificatePublishReport = {
    upserted: 0,
    deleted: 0,
    unchanged: plan.unchanged,
    failed: [],
  };
  const size = options.batchSize ?? CERTIFICATES_PER_BATCH;
  type Step =
    | { kind: "upsert"; item: (typeof plan.upsert)[number] }
    | { kind: "delete"; item: ListedMetaobject };
  const steps: Step[] = [
    ...plan.upsert.map((item) => ({ kind: "upsert" as const, item })),
    ...plan.remove.map((item) => ({ kind: "delete" as const, item: item as ListedMetaobject })),
  ];
  for (let at = 0; at < steps.length; at += size) {
    options.signal?.throwIfAborted();
    for (const step of steps.slice(at, at + size)) {
      if (step.kind === "upsert") {
        const { certificateId, handle, fields } = step.item;
        const result = await client.request<MetaobjectUpsertResult>(MetaobjectUpsert, {
          handle: { type: CERTIFICATE_TYPE, handle },
          metaobject: { fields: Object.entries(fields).map(([key, value]) => ({ key, value })) },
        });
        const { userErrors: errors, metaobject } = payloadOf(
          MetaobjectUpsert,
          result.metaobjectUpsert,
        );
        if (errors.length || !metaobject) {
          report.failed.push({
            certificateId,
            message: errors.map((e) => e.message).join("; ") || "Shopify saved nothing",
          });
          continue;
        }
        await db.complianceCertificate.updateMany({
          where: { id: certificateId, shop },
          data: { metaobjectId: metaobject.id },
        });
        report.upserted += 1;
      } else {
        const result = await client.request<MetaobjectDeleteResult>(MetaobjectDelete, {
          id: step.item.id,
        });
        const errors = payloadOf(MetaobjectDelete, result.metaobjectDelete).userErrors.filter(
          (e) => e.code !== "RECORD_NOT_FOUND",
        );
        const certificateId = step.item.certificateId ?? step.item.handle;
        if (errors.length) {
          report.failed.push({ certificateId, message: errors.map((e) => e.message).join("; ") });
          continue;
        }
        // An expired certificate stays in the vault but no longer has a metaobject.
        await db.complianceCertificate.updateMany({
          where: { id: certificateId, shop },
          data: { metaobjectId: null },
        });
        report.deleted += 1;
      }
    }
  }
  // What Shopify holds now, read back rather than assumed.
  await mirrorCertificateMetaobjects(db, shop, await listCertificateMetaobjects(client));
  return report;
}
