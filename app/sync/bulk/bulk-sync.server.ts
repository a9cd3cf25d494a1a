import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../db.server";
import type { AdminClient } from "../../graphql/admin-client";
import {
  BulkOperationRunQuery,
  type BulkOperationRunQueryResult,
} from "../../graphql/BulkOperationRunQuery";
import {
  BulkOperationStatus,
  type BulkOperationState,
  type BulkOperationStatusResult,
} from "../../graphql/BulkOperationStatus";
import { BulkProducts } from "../../graphql/BulkProducts";
import { logger } from "../../logger.server";
import { ingestJsonl, type IngestReport } from "../ingest/ingest.server";
import { openMirrorWriter } from "../mirror/writer.server";
import { finishRun, startRun } from "../runs.server";
import { downloadFile } from "./download.server";

/** The bulk query behind each mirrored resource. */
export const BULK_QUERIES = { products: BulkProducts } as const;
export type BulkResource = keyof typeof BULK_QUERIES;

export class BulkSyncError extends Error {
  override name = "BulkSyncError";
}

/**
 * After a full products sync, rows the sync did not write (older than its start) are gone from
 * Shopify: a delete webhook was missed. Webhooks applied during the sync are newer and stay.
 */
async function sweepUnseen(db: Db, shop: string, since: Date): Promise<number> {
  // An undefined bound would make Prisma drop the filter and delete everything: refuse instead.
  if (!(since instanceof Date) || Number.isNaN(since.getTime()))
    throw new Error("sweep needs the run's start time");
  const where = { shop, syncedAt: { lt: since } };
  const results = await db.$transaction([
    db.product.deleteMany({ where }),
    db.variant.deleteMany({ where }),
    db.productMedia.deleteMany({ where }),
    db.metafield.deleteMany({ where }),
  ]);
  return results.reduce((n, r) => n + r.count, 0);
}

/** Asks Shopify to run the resource's bulk query and records the run. */
export async function startBulkSync(options: {
  db: Db;
  client: AdminClient;
  shop: string;
  resource: BulkResource;
}) {
  const { db, client, shop, resource } = options;
  const data = await client.request<BulkOperationRunQueryResult>(BulkOperationRunQuery, {
    query: BULK_QUERIES[resource].document,
  });
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  if (!bulkOperation || userErrors.length) {
    throw new BulkSyncError(
      `Shopify did not start the ${resource} sync: ${userErrors.map((e) => e.message).join("; ") || "no operation returned"}`,
    );
  }
  const runId = await startRun(db, shop, {
    resource,
    kind: "bulk",
    bulkOperationId: bulkOperation.id,
  });
  logger.info(
    { shop, op: "bulk.start", resource, runId, bulkOperationId: bulkOperation.id },
    "bulk sync started",
  );
  return { runId, bulkOperationId: bulkOperation.id };
}

/** Polls the operation until it ends: the fallback for a finish webhook that does not come. */
export async function awaitBulkOperation(
  client: AdminClient,
  id: string,
  options: { pollMs?: number; timeoutMs?: number; signal?: AbortSignal } = {},
) {
  const deadline = Date.now() + (options.timeoutMs ?? 6 * 60 * 60 * 1000);
  for (;;) {
    const { node } = await client.request<BulkOperationStatusResult>(BulkOperationStatus, { id });
    if (!node) throw new BulkSyncError(`Bulk operation ${id} was not found`);
    if (!["CREATED", "RUNNING", "CANCELING"].includes(node.status)) return node;
    if (Date.now() > deadline)
      throw new BulkSyncError(
        `Bulk operation ${id} is still ${node.status} after waiting; it will be picked up by the next reconcile`,
      );
    options.signal?.throwIfAborted();
    await new Promise((r) => setTimeout(r, options.pollMs ?? 2000));
  }
}

/**
 * Finishes a bulk sync: waits for the operation, downloads its file, ingests it (resumably),
 * records the outcome. Safe to call again for the same run after a crash: the ingest continues
 * from its checkpoint.
 */
export async function completeBulkSync(options: {
  db: Db;
  client: AdminClient;
  shop: string;
  runId: string;
  databaseUrl: string;
  workDir: string;
  fetch?: typeof fetch;
  pollMs?: number;
  onProgress?: (report: IngestReport) => void | Promise<void>;
  signal?: AbortSignal;
}): Promise<{ operation: BulkOperationState; report: IngestReport | null }> {
  const { db, client, shop, runId } = options;
  const run = await db.syncRun.findFirst({
    where: { id: runId, shop },
    select: { bulkOperationId: true, startedAt: true },
  });
  if (!run?.bulkOperationId) throw new BulkSyncError(`Sync run ${runId} has no bulk operation`);
  try {
    const operation = await awaitBulkOperation(client, run.bulkOperationId, {
      pollMs: options.pollMs,
      signal: options.signal,
    });
    if (operation.status !== "COMPLETED") {
      throw new BulkSyncError(
        `Shopify's bulk operation ended ${operation.status}${operation.errorCode ? ` (${operation.errorCode})` : ""}. Start the sync again.`,
      );
    }
    if (!operation.url) {
      await finishRun(db, shop, runId, "completed"); // nothing to mirror: the store has no such rows
      return { operation, report: null };
    }
    mkdirSync(options.workDir, { recursive: true });
    const file = path.join(options.workDir, `${runId}.jsonl`);
    const expectedBytes = operation.fileSize == null ? null : Number(operation.fileSize);
    await db.syncRun.updateMany({
      where: { id: runId, shop },
      data: {
        sourceUrl: operation.url,
        bytesTotal: expectedBytes == null ? null : BigInt(expectedBytes),
      },
    });
    await downloadFile(operation.url, file, {
      expectedBytes,
      fetch: options.fetch,
      signal: options.signal,
    });
    const writer = await openMirrorWriter(options.databaseUrl, shop);
    try {
      const report = await ingestJsonl({
        db,
        writer,
        shop,
        runId,
        file,
        onProgress: options.onProgress,
        signal: options.signal,
      });
      const swept = await sweepUnseen(db, shop, run.startedAt);
      if (swept)
        logger.info({ shop, op: "bulk.sweep", runId, swept }, "removed rows Shopify no longer has");
      await finishRun(db, shop, runId, "completed");
      rmSync(file, { force: true });
      logger.info(
        { shop, op: "bulk.complete", runId, counts: report.counts, problems: report.problemCount },
        "bulk sync ingested",
      );
      return { operation, report };
    } finally {
      await writer.close();
    }
  } catch (error) {
    await finishRun(db, shop, runId, "failed", (error as Error).message);
    logger.error(
      { shop, op: "bulk.complete", runId, err: (error as Error).message },
      "bulk sync failed",
    );
    throw error;
  }
}
