import type { Db } from "../db.server";
import { describeFailure, type SyncFailure } from "./failure.server";
import { retryPlan, type RetryPlan } from "./retry.server";

export interface ResourceStatus {
  resource: "products" | "collections" | "inventory" | "orders";
  count: number;
  detail: Record<string, number>;
  run: {
    id: string;
    status: string;
    kind: string;
    startedAt: string;
    finishedAt: string | null;
    rowsWritten: number;
    /** 0–1 while a download-backed ingest runs and its size is known. */
    fraction: number | null;
    rowsPerSec: number | null;
    /** A failed run: why, in a reason the card words, and the technical message made safe. */
    failure: SyncFailure | null;
    /** What Retry does with a failed run; null when it has none (e.g. a file import). */
    retry: RetryPlan | null;
  } | null;
}

/**
 * What the Sync section shows: mirror counts per resource and the latest run of each, for one
 * shop. A run's raw error stays on the server: the card gets describeFailure's version.
 */
export async function syncStatus(
  db: Db,
  shop: string,
  now = new Date(),
): Promise<ResourceStatus[]> {
  const where = { where: { shop } };
  const [products, variants, images, collections, levels, locations, orders, lines, runs] =
    await Promise.all([
      db.product.count(where),
      db.variant.count(where),
      db.productMedia.count(where),
      db.collection.count(where),
      db.inventoryLevel.count(where),
      db.location.count(where),
      db.order.count(where),
      db.orderLine.count(where),
      db.syncRun.findMany({
        where: { shop },
        orderBy: { startedAt: "desc" },
        take: 20,
        select: {
          id: true,
          resource: true,
          kind: true,
          status: true,
          startedAt: true,
          finishedAt: true,
          updatedAt: true,
          rowsWritten: true,
          bytesDone: true,
          bytesTotal: true,
          bulkOperationId: true,
          error: true,
        },
      }),
    ]);
  const latest = (resource: string) => {
    const run = runs.find((r) => r.resource === resource);
    if (!run) return null;
    const seconds = ((run.finishedAt ?? run.updatedAt).getTime() - run.startedAt.getTime()) / 1000;
    return {
      id: run.id,
      status: run.status,
      kind: run.kind,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      rowsWritten: run.rowsWritten,
      fraction:
        run.bytesTotal && run.bytesTotal > 0n
          ? Math.min(1, Number(run.bytesDone) / Number(run.bytesTotal))
          : null,
      rowsPerSec: seconds > 0 && run.rowsWritten > 0 ? Math.round(run.rowsWritten / seconds) : null,
      failure: run.status === "failed" ? describeFailure(run.error) : null,
      retry: retryPlan(run, now),
    };
  };
  return [
    {
      resource: "products",
      count: products,
      detail: { variants, images },
      run: latest("products"),
    },
    { resource: "collections", count: collections, detail: {}, run: latest("collections") },
    { resource: "inventory", count: levels, detail: { locations }, run: latest("inventory") },
    { resource: "orders", count: orders, detail: { lines }, run: latest("orders") },
  ];
}

export interface AccessStatus {
  /** "reauth": the refresh token is dead and background work is paused until the app is opened. */
  status: "ok" | "reauth" | "legacy";
  /** When the access was lost (ISO), for "reauth". */
  since: string | null;
}

/** Whether background work can reach Shopify for this shop (never the token or its reason text). */
export async function accessStatus(db: Db, shop: string): Promise<AccessStatus> {
  const [state, legacy] = await Promise.all([
    db.shopToken.findUnique({ where: { shop }, select: { status: true, failedAt: true } }),
    db.session.count({ where: { shop, isOnline: false, expires: null } }),
  ]);
  if (state?.status === "reauth")
    return { status: "reauth", since: state.failedAt?.toISOString() ?? null };
  return { status: legacy > 0 ? "legacy" : "ok", since: null };
}
