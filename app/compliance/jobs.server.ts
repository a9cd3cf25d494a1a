/**
 * Compliance jobs: keep ComplianceResult in step with the mirror and the vault (one product after
 * its webhook, every product after a full sync, a pack change or a vault change, and once a day
 * because evidence expires), and publish the storefront labels daily (with the confirmed profiles
 * and the EPR registrations, which Shopify keeps as app-owned metafields).
 */
import { z } from "zod";
import { rawDb, type RawDb } from "../db/raw.server";
import { afterEvaluation } from "./after-evaluation";
import { db, type Db } from "../db.server";
import { defineJob, queueOf, type JobQueue } from "../jobs/types";
import { logger } from "../logger.server";
import { adminClientForShop } from "../sync/admin-for-shop.server";
import { failBulkEdit, runBulkEdit } from "./bulk.server";
import { evaluateAll, evaluateProducts } from "./evaluate.server";
import { complianceMarkets } from "./markets.server";
import { PACKS_VERSION } from "./packs/version";
import { publishAllLabels } from "./publish-job.server";
import { complianceStaleReason } from "./results.server";
import type { VaultChange } from "./vault.server";
import { databaseUrl } from "../db/url";

/** Once a day: a certificate that expired yesterday must lose its badge and its evidence today. */
export const COMPLIANCE_DAILY_MS = 24 * 3600 * 1000;

export const evaluateProductJob = defineJob({
  name: "compliance.evaluate-product",
  schema: z.object({ productIds: z.array(z.string().min(1)).min(1).max(1000) }),
  attempts: 3,
  concurrency: 4,
  async run({ productIds }, ctx) {
    const result = await evaluateProducts({
      channels: rawDb(databaseUrl()),
      shop: ctx.shop,
      markets: await complianceMarkets(db(), ctx.shop),
      productIds,
    });
    await afterEvaluation(queueOf(ctx), {
      shop: ctx.shop,
      changed: result.gateChanged,
      total: result.gateChanged.length,
    });
    ctx.log("products evaluated", result);
  },
});

export const evaluateAllJob = defineJob({
  name: "compliance.evaluate-all",
  schema: z.object({
    reason: z.string().optional(),
    /**
     * "all": channel fit is re-scored in full after this pass (certificates feed its facts too),
     * once and in that order; otherwise only the products whose gate moved are.
     */
    rescore: z.enum(["all"]).optional(),
  }),
  attempts: 3,
  backoffMs: 10_000,
  // A full pass keeps a core busy; two at once across all shops is plenty (as channel fit).
  concurrency: 2,
  async run({ reason, rescore }, ctx) {
    const result = await evaluateAll({
      channels: rawDb(databaseUrl()),
      shop: ctx.shop,
      markets: await complianceMarkets(db(), ctx.shop),
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p),
    });
    await afterEvaluation(queueOf(ctx), {
      shop: ctx.shop,
      changed: result.gateChanged,
      total: result.gateChanges,
      all: rescore === "all",
      ...(reason ? { reason } : {}),
    });
    ctx.log("all products evaluated", {
      evaluated: result.evaluated,
      swept: result.swept,
      gateChanges: result.gateChanges,
      reason,
      packs: PACKS_VERSION,
    });
  },
});

export const publishLabelsJob = defineJob({
  name: "compliance.publish-labels",
  schema: z.object({ reason: z.string().optional() }),
  attempts: 3,
  backoffMs: 30_000,
  concurrency: 2,
  async run({ reason }, ctx) {
    const report = await publishAllLabels({
      channels: rawDb(databaseUrl()),
      client: await adminClientForShop(db(), ctx.shop),
      shop: ctx.shop,
      markets: await complianceMarkets(db(), ctx.shop),
      signal: ctx.signal,
    });
    ctx.log("labels published", {
      reason,
      written: report.written,
      unchanged: report.unchanged,
      failed: report.failed.length,
      profiles: { ...report.profiles, failed: report.profiles.failed.length },
      registrations: report.registrations,
      definitionsCreated: report.definitionsCreated,
    });
    for (const f of report.failed.slice(0, 20))
      logger.error(
        { shop: ctx.shop, op: "compliance.publish-labels", productId: f.productId, err: f.message },
        "Shopify refused a product's labels",
      );
    for (const f of report.profiles.failed.slice(0, 20))
      logger.error(
        {
          shop: ctx.shop,
          op: "compliance.publish-profiles",
          productId: f.productId,
          err: f.message,
        },
        "Shopify refused a product's compliance profile",
      );
  },
});

/** Labels follow a minute after a change, so a burst of edits is published once (see below). */
async function publishSoon(
  q: Pick<JobQueue, "enqueue">,
  shop: string,
  reason: string,
): Promise<void> {
  await q.enqueue(
    publishLabelsJob,
    shop,
    { reason },
    { jobId: "publish-labels:vault", delayMs: 60_000 },
  );
}

const BULK_ATTEMPTS = 3;

/**
 * A bulk edit of product facts (bulk.server.ts), then what a single product's save sets off: the
 * products are checked again (one by one up to 1000, else a full pass) and labels published.
 */
export const bulkProfileJob = defineJob({
  name: "compliance.bulk-profile",
  schema: z.object({ editId: z.string().min(1).max(100) }),
  attempts: BULK_ATTEMPTS,
  backoffMs: 10_000,
  concurrency: 2,
  async run({ editId }, ctx) {
    const database = db();
    try {
      const result = await runBulkEdit({
        db: database,
        channels: rawDb(databaseUrl()),
        shop: ctx.shop,
        editId,
        signal: ctx.signal,
        onProgress: (p) => ctx.progress(p),
      });
      ctx.log("bulk profile edit applied", { editId, ...result, productIds: undefined });
      if (result.written === 0) return;
      const q = queueOf(ctx);
      if (result.productIds)
        await q.enqueue(evaluateProductJob, ctx.shop, { productIds: result.productIds });
      else await q.enqueue(evaluateAllJob, ctx.shop, { reason: "bulk profile edit" });
      await publishSoon(q, ctx.shop, "bulk profile edit");
    } catch (error) {
      // Stopped for a shutdown: the edit keeps its cursor and the job resumes from it.
      if (!ctx.signal.aborted && ctx.attempt >= BULK_ATTEMPTS)
        await failBulkEdit(database, ctx.shop, editId, (error as Error).message);
      throw error;
    }
  },
});

export const COMPLIANCE_JOBS = [
  evaluateProductJob,
  evaluateAllJob,
  publishLabelsJob,
  bulkProfileJob,
];

/**
 * After the merchant changed the vault. Registrations and certificates touch every product (and
 * certificates feed channel fit's facts, so channels are re-scored too); answers touch one. Labels
 * follow a minute later, so a burst of edits is published once (a publish already queued or
 * running absorbs the next request; the daily run catches anything it missed).
 */
/** Queues a bulk edit's job (what startBulkEdit's caller hands it). */
export const queueBulkEdit =
  (q: Pick<JobQueue, "enqueue">) =>
  async (shop: string, editId: string): Promise<void> => {
    await q.enqueue(bulkProfileJob, shop, { editId }, { jobId: `bulk-profile:${editId}` });
  };

/** Queues the evaluation of a few products (after a rewrite was applied in Shopify). */
export const queueEvaluation =
  (q: Pick<JobQueue, "enqueue">) =>
  async (shop: string, productIds: string[]): Promise<void> => {
    await q.enqueue(evaluateProductJob, shop, { productIds });
  };

/** The vault's change handler for a queue (the routes hand it to the vault's save functions). */
export const onVaultChange =
  (q: Pick<JobQueue, "enqueue">) =>
  (shop: string, change: VaultChange): Promise<void> =>
    afterVaultChange(q, shop, change);

export async function afterVaultChange(
  q: Pick<JobQueue, "enqueue">,
  shop: string,
  change: VaultChange,
): Promise<void> {
  if (change.kind === "profile")
    await q.enqueue(evaluateProductJob, shop, { productIds: [change.productId] });
  // Certificates feed channel fit's facts as well: one compliance pass, then one re-score after
  // it (never both at once, where the re-score would read the gate the pass is replacing).
  else if (change.kind === "certificates")
    await q.enqueue(evaluateAllJob, shop, { reason: change.kind, rescore: "all" });
  else await q.enqueue(evaluateAllJob, shop, { reason: change.kind });
  await publishSoon(q, shop, change.kind);
}

/** Queues a full pass when results were judged by other packs, or never computed. */
export async function evaluateIfStale(
  q: Pick<JobQueue, "enqueue">,
  shop: string,
  channels: RawDb = rawDb(databaseUrl()),
): Promise<string | null> {
  const reason = await complianceStaleReason(channels, shop, PACKS_VERSION);
  if (reason)
    await q.enqueue(
      evaluateAllJob,
      shop,
      { reason },
      { jobId: `evaluate-all:${reason}:${PACKS_VERSION}` },
    );
  return reason;
}

/** The daily evaluation (snapshot, expiring evidence) and label publish of a shop. */
export async function scheduleCompliance(q: JobQueue, shop: string): Promise<void> {
  await q.schedule(evaluateAllJob, shop, { reason: "daily" }, COMPLIANCE_DAILY_MS, {
    key: "compliance-evaluate",
  });
  await q.schedule(publishLabelsJob, shop, { reason: "daily" }, COMPLIANCE_DAILY_MS, {
    key: "compliance-publish",
  });
}

/** At uninstall: no token any more, so the daily runs could only fail. */
export async function unscheduleCompliance(q: JobQueue, shop: string): Promise<void> {
  await q.unschedule(evaluateAllJob, shop, { key: "compliance-evaluate" });
  await q.unschedule(publishLabelsJob, shop, { key: "compliance-publish" });
}

/** At runner start: every installed shop's results are checked against the current packs. */
export async function evaluateStaleShops(database: Db, q: JobQueue): Promise<number> {
  const shops = await database.shop.findMany({
    where: { uninstalledAt: null },
    select: { shop: true },
  });
  let queued = 0;
  for (const { shop } of shops) {
    try {
      if (await evaluateIfStale(q, shop)) queued += 1;
    } catch (error) {
      logger.error(
        { shop, op: "compliance.stale-check", err: (error as Error).message },
        "could not check the shop's compliance results",
      );
    }
  }
  return queued;
}

/** Compliance's repeating work, for the sync's start and stop of a shop (see sync/start.server.ts). */
export const COMPLIANCE_SCHEDULES = { start: scheduleCompliance, stop: unscheduleCompliance };
