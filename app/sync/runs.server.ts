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

/** The latest run per resource, for the Sync section of the admin. */
export async function latestRuns(db: Db, shop: string) {
  const runs = await db.syncRun.findMany({
    where: { shop },
    orderBy: { startedAt: "desc" },
    take: 50,
    select: {
      id: true,
      resource: true,
      kind: true,
      status: true,
      bytesDone: true,
      bytesTotal: true,
      linesDone: true,
      rowsWritten: true,
      error: true,
      startedAt: true,
      finishedAt: true,
      updatedAt: true,
    },
  });
  const latest = new Map<string, (typeof runs)[number]>();
  for (const run of runs) if (!latest.has(run.resource)) latest.set(run.resource, run);
  return [...latest.values()];
}
