/**
 * How the capabilities react to the mirror (app/sync/events.ts), wired by the composition root.
 * Sync may not import the engines that read its mirror; this module, beside the root, may.
 */
import {
  refreshProductsJob,
  rescoreAllJob,
  rescoreIfStale,
  rescoreProductJob,
} from "./channels/jobs.server";
import { deleteProductScores } from "./channels/store.server";
import { evaluateAllJob, evaluateIfStale } from "./compliance/jobs.server";
import { listCertificateMetaobjects } from "./compliance/publish/certificates.server";
import { deleteProductResult } from "./compliance/results.server";
import { db } from "./db.server";
import { rawDb } from "./db/raw.server";
import { databaseUrl } from "./db/url";
import { logger } from "./logger.server";
import type { MirrorReaction } from "./sync/events";
import { mirrorCertificateMetaobjects } from "./sync/mirror/metaobjects.server";

export const reactToMirror: MirrorReaction = async (queue, shop, event) => {
  switch (event.kind) {
    case "products-changed":
      // Compliance, then channel fit behind its gate, from one load of the facts.
      await queue.enqueue(
        refreshProductsJob,
        shop,
        { productIds: event.productIds },
        { jobId: `refresh:${event.eventId}` },
      );
      return;
    case "stock-or-sales-changed":
      // Nothing compliance reads: channel fit alone.
      await queue.enqueue(
        rescoreProductJob,
        shop,
        { productIds: event.productIds },
        { jobId: `rescore:${event.eventId}` },
      );
      return;
    case "product-deleted":
      await deleteProductScores(rawDb(databaseUrl()), shop, event.productId);
      await deleteProductResult(rawDb(databaseUrl()), shop, event.productId);
      return;
    case "bulk-synced":
      // Products: one compliance pass, then one re-score after it. Collections feed compliance
      // (certificate scopes), whose gate changes re-score what they touch. Stock and sales feed
      // channel fit only.
      if (event.resource === "products" || event.resource === "collections")
        await queue.enqueue(
          evaluateAllJob,
          shop,
          {
            reason: `${event.resource} sync`,
            ...(event.resource === "products" ? { rescore: "all" as const } : {}),
          },
          { jobId: `evaluate-all:${event.runId}` },
        );
      else
        await queue.enqueue(
          rescoreAllJob,
          shop,
          { reason: `${event.resource} sync` },
          { jobId: `rescore-all:${event.runId}` },
        );
      return;
    case "reconciled":
      try {
        await mirrorCertificateMetaobjects(
          db(),
          shop,
          await listCertificateMetaobjects(event.client),
        );
      } catch (error) {
        // A shop that never published certificates has no such type yet: nothing to mirror.
        logger.info(
          { shop, op: "sync.reconcile", err: (error as Error).message },
          "certificate metaobjects not refreshed",
        );
      }
      // Rule packs changed since the results were saved (or nothing was ever judged).
      await rescoreIfStale(queue, shop);
      await evaluateIfStale(queue, shop);
      return;
  }
};
