import type { Db } from "../db.server";

export type RunStatus = "running" | "completed" | "failed";

/** Starts a sync run (a bulk operation, a file import or a reconcile) for one resource. */
export async function startRun(
  db: Db,
  shop: string,
  data: {
    resource: string;
    kind: string;
    sourceUrl?: string | null;
    bulkOperationId?: string | null;
    bytesTotal?: number | null;
  },
) {
  const run = await db.syncRun.create({
    data: {
      shop,
      resource: data.resource,
      kind: data.kind,
      status: "running",
      sourceUrl: data.sourceUrl ?? null,
      bulkOperationId: data.bulkOperationId ?? null,
      bytesTotal: data.bytesTotal == null ? null : BigInt(data.bytesTotal),
    },
    select: { id: true },
  });
  return run.id;
}

/**
 * The unfinished run for the same source, if a previous process died or stopped with a resumable
 * error: running it again continues from its checkpoint instead of starting over.
 */
export async function findResumableRun(db: Db, shop: string, resource: string, sourceUrl: string) {
  return db.syncRun.findFirst({
    where: { shop, resource, sourceUrl, status: { in: ["running", "failed"] }, finishedAt: null },
    orderBy: { startedAt: "desc" },
    select: { id: true, bytesDone: true, linesDone: true },
  });
}

export async function finishRun(
  db: Db,
  shop: string,
  runId: string,
  status: RunStatus,
  error?: string,
) {
  await db.syncRun.updateMany({
    where: { id: runId, shop },
    data: { status, error: error ?? null, finishedAt: status === "completed" ? new Date() : null },
  });
}
