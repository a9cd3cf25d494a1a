import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../db.server";
import type { AdminClient } from "../../graphql/admin-client";
import { payloadOf } from "../../graphql/client.server";
import {
  BulkOperationRunQuery,
  type BulkOperationRunQueryResult,
} from "../../graphql/BulkOperationRunQuery";
import {
  BulkOperationStatus,
  type BulkOperationState,
  type BulkOperationStatusResult,
} from "../../graphql/BulkOperationStatus";
import { BulkCollections } from "../../graphql/BulkCollections";
import { BulkInventory } from "../../graphql/BulkInventory";
import {
  BulkOperationsInFlight,
  type BulkOperationsInFlightResult,
} from "../../graphql/BulkOperationsInFlight";
import { BulkOrders } from "../../graphql/BulkOrders";
import { BulkProducts } from "../../graphql/BulkProducts";
import { LocationList, type LocationListResult } from "../../graphql/LocationList";
import { logger } from "../../logger.server";
import { ingestJsonl, type IngestReport } from "../ingest/ingest.server";
import { removeDeletedAgain } from "../mirror/deleted.server";
import { openMirrorWriter } from "../mirror/writer.server";
import { finishRun, startRun } from "../runs.server";
import { downloadFile } from "./download.server";

/** The bulk query behind each mirrored resource, in the order a full sync runs them. */
export const BULK_QUERIES = {
  products: BulkProducts,
  collections: BulkCollections,
  inventory: BulkInventory,
  orders: BulkOrders,
} as const;
export type BulkResource = keyof typeof BULK_QUERIES;
export const BULK_RESOURCES = Object.keys(BULK_QUERIES) as BulkResource[];

/** The resource a full sync does after this one (Shopify runs one bulk query per shop at a time). */
export function nextResource(resource: string): BulkResource | null {
  const i = BULK_RESOURCES.indexOf(resource as BulkResource);
  return i >= 0 && i + 1 < BULK_RESOURCES.length ? BULK_RESOURCES[i + 1]! : null;
}

export class BulkSyncError extends Error {
  override name = "BulkSyncError";
}

/**
 * After a full sync of a resource, its rows the sync did not write (older than the sync's start)
 * are gone from Shopify: a delete webhook was missed. Rows written by webhooks during the sync
 * are newer and stay. Orders are never swept: without read_all_orders Shopify returns only the
 * last 60 days, and older orders still count for attribution.
 */
const SWEPT: Record<
  BulkResource,
  readonly (
    | "product"
    | "variant"
    | "productMedia"
    | "metafield"
    | "collection"
    | "collectionProduct"
    | "inventoryLevel"
    | "location"
  )[]
> = {
  products: ["product", "variant", "productMedia", "metafield"],
  collections: ["collection", "collectionProduct"],
  inventory: ["inventoryLevel", "location"],
  orders: [],
};

async function sweepUnseen(
  db: Db,
  shop: string,
  resource: BulkResource,
  since: Date,
): Promise<number> {
  // An undefined bound would make Prisma drop the filter and delete everything: refuse instead.
  if (!(since instanceof Date) || Number.isNaN(since.getTime()))
    throw new Error("sweep needs the run's start time");
  const where = { where: { shop, syncedAt: { lt: since } } };
  type Deleter = { deleteMany(args: typeof where): Promise<{ count: number }> };
  let swept = 0;
  for (const model of SWEPT[resource])
    swept += (await (db[model] as unknown as Deleter).deleteMany(where)).count;
  return swept;
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
  const { bulkOperation, userErrors } = payloadOf(
    BulkOperationRunQuery,
    data.bulkOperationRunQuery,
  );
  if (!bulkOperation || userErrors.length) {
    const adopted = userErrors.some((e) => e.code === "OPERATION_IN_PROGRESS")
      ? await adoptInFlight(db, client, shop, resource)
      : null;
    if (adopted) return adopted;
    throw new BulkSyncError(
      `Shopify did not start the ${resource} sync: ${userErrors.map((e) => e.message).join("; ") || "no operation returned"}`,
    );
  }
  const runId = await startRun(db, shop, {
    resource,
    kind: "bulk",
    bulkOperationId: bulkOperation.id,
  });
  if (resource === "inventory") await syncLocations(db, client, shop);
  logger.info(
    { shop, op: "bulk.start", resource, runId, bulkOperationId: bulkOperation.id },
    "bulk sync started",
  );
  return { runId, bulkOperationId: bulkOperation.id };
}

/** The same query text, comments (the documents' graphql tag) and layout aside. */
const sameQuery = (a: string, b: string) => {
  const plain = (q: string) =>
    q
      .replace(/#[^\n]*/g, "")
      .replace(/\s+/g, " ")
      .trim();
  return plain(a) === plain(b);
};

/**
 * Shopify refused the start because a bulk query is already running in the shop. When it is this
 * resource's own query and no run records it (a process died between starting it and recording
 * it), it becomes this run instead of blocking the sync until it ends; when a run already records
 * it, that run is the answer. Anything else (another app's query cannot be seen; ours for another
 * resource) stays refused, and the job's retry tries again later.
 */
async function adoptInFlight(
  db: Db,
  client: AdminClient,
  shop: string,
  resource: BulkResource,
): Promise<{ runId: string; bulkOperationId: string } | null> {
  const { bulkOperations } =
    await client.request<BulkOperationsInFlightResult>(BulkOperationsInFlight);
  const ours = bulkOperations.nodes.find((op) =>
    sameQuery(op.query, BULK_QUERIES[resource].document),
  );
  if (!ours) return null;
  const known = await db.syncRun.findFirst({
    where: { shop, bulkOperationId: ours.id },
    select: { id: true, status: true },
  });
  if (known && known.status !== "running") return null;
  const runId =
    known?.id ?? (await startRun(db, shop, { resource, kind: "bulk", bulkOperationId: ours.id }));
  if (resource === "inventory") await syncLocations(db, client, shop);
  logger.info(
    { shop, op: "bulk.adopt", resource, runId, bulkOperationId: ours.id },
    "bulk sync continues an operation already running in Shopify",
  );
  return { runId, bulkOperationId: ours.id };
}

/** Locations are few: one query, written before the inventory levels that point at them. */
async function syncLocations(db: Db, client: AdminClient, shop: string) {
  const { locations } = await client.request<LocationListResult>(LocationList);
  for (const l of locations.nodes) {
    const data = {
      name: l.name,
      countryCode: l.address?.countryCode ?? null,
      isActive: l.isActive,
      syncedAt: new Date(),
    };
    await db.location.upsert({
      where: { shop_id: { shop, id: l.id } },
      create: { shop, id: l.id, ...data },
      update: data,
    });
  }
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
    select: { bulkOperationId: true, startedAt: true, resource: true },
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
      // The store has none of these rows any more: whatever the mirror still holds is gone.
      await sweepUnseen(db, shop, run.resource as BulkResource, run.startedAt);
      await finishRun(db, shop, runId, "completed");
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
      const swept = await sweepUnseen(db, shop, run.resource as BulkResource, run.startedAt);
      if (swept)
        logger.info({ shop, op: "bulk.sweep", runId, swept }, "removed rows Shopify no longer has");
      // The file is a snapshot: a product or collection deleted (by webhook) since stays deleted.
      const again = await removeDeletedAgain(db, shop);
      if (again)
        logger.info({ shop, op: "bulk.deleted", runId, again }, "kept deleted rows deleted");
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
