import { z } from "zod";
import { defineJob } from "../jobs/types";
import type { JobQueue } from "../jobs/types";
import { logger } from "../logger.server";
import { rawDb, selectRows, type RawDb } from "../db/raw.server";
import { loadProductFacts, loadShopFacts, salesKnownFor } from "../facts/products.server";
import { applyComplianceGate } from "./gate";
import { passThreads, scoredPages } from "./pass.server";
import { PACKS, PACKS_VERSION, scoreProduct } from "./index";
import { loadCertificates } from "../compliance/inputs.server";
import { gatesOf } from "../compliance/results.server";
import {
  deleteProductScores,
  saveLaidScores,
  saveScores,
  staleReason,
  sweepScores,
  type ProductScores,
} from "./store.server";
import { databaseUrl } from "../db/url";
import { complianceMarkets } from "../compliance/markets.server";
import { db, type Db } from "../db.server";
import { refreshProducts } from "./refresh.server";
import type { AfterEvaluation } from "../compliance/after-evaluation";

/**
 * Keeps the ChannelScore table in step with the mirror: one product after its webhook, or every
 * product after a full sync or a rule-pack change. Scoring is pure (./score.ts); this file is the
 * I/O around it.
 */

export { applyComplianceGate, EU_CHANNELS, GATE_RULE } from "./gate";

export interface RescoreOptions {
  /** The driver connection for the shop's row, the mirror's facts and the scores. */
  channels: RawDb;
  shop: string;
  /** The end of the 30-day sales window and the rows' scoredAt (default now). */
  now?: Date;
}

/**
 * Re-scores these products of the shop, in one transaction. A product the mirror no longer has
 * loses its scores (its delete webhook may have come before this job ran).
 */
export async function rescoreProducts(
  options: RescoreOptions & { productIds: readonly string[] },
): Promise<{ scored: number; removed: number }> {
  const { channels, shop } = options;
  const shopFacts = await loadShopFacts(channels, shop);
  const salesKnown = await salesKnownFor(channels, shop);
  const certificates = await loadCertificates(channels, shop);
  const batch: ProductScores[] = [];
  let removed = 0;
  for (const productId of new Set(options.productIds)) {
    const facts = await loadProductFacts(channels, shop, productId, {
      now: options.now,
      salesKnown,
      certificates,
    });
    if (facts) {
      const gate = await gatesOf(channels, shop, { from: productId, to: productId });
      batch.push({
        productId,
        scores: applyComplianceGate(scoreProduct(facts, shopFacts), gate.get(productId)),
      });
    } else removed += await deleteProductScores(channels, shop, productId);
  }
  await saveScores(channels, shop, batch, { scoredAt: options.now });
  return { scored: batch.length, removed };
}

/**
 * Re-scores every product of the shop page by page (each page saved in one transaction), then
 * sweeps the scores of products that are gone. Each row carries its channel pack's version, so a
 * later pack change is visible in the table.
 */
export async function rescoreAll(
  options: RescoreOptions & {
    signal?: AbortSignal;
    onProgress?: (p: { done: number; total: number }) => void | Promise<void>;
    pageSize?: number;
    /** Scoring threads (default: ./pass.server.ts `passThreads`); 0 scores on this thread. */
    threads?: number;
  },
): Promise<{ scored: number; swept: number }> {
  const { channels, shop } = options;
  // The sweep removes rows older than this; every row the pass writes is stamped with it or later.
  const startedAt = options.now ?? new Date();
  const [count] = await selectRows(
    channels,
    `SELECT COUNT(*) AS "n" FROM "Product" WHERE "shop" = ?`,
    [shop],
  );
  const total = Number(count?.n ?? 0);
  let done = 0;
  for await (const page of scoredPages({
    db: channels,
    shop,
    total,
    now: options.now,
    pageSize: options.pageSize,
    threads: options.threads ?? passThreads(total, options.pageSize),
  })) {
    // Stopping between pages leaves whole pages saved; the next pass redoes the rest.
    options.signal?.throwIfAborted();
    await saveLaidScores(channels, page.laid);
    done += page.products;
    await options.onProgress?.({ done, total });
  }
  const swept = await sweepScores(channels, shop, startedAt);
  return { scored: done, swept };
}

export const rescoreProductJob = defineJob({
  name: "channels.rescore-product",
  schema: z.object({ productIds: z.array(z.string().min(1)).min(1).max(1000) }),
  attempts: 3,
  concurrency: 4,
  async run({ productIds }, ctx) {
    const result = await rescoreProducts({
      channels: rawDb(databaseUrl()),
      shop: ctx.shop,
      productIds,
    });
    ctx.log("products re-scored", result);
  },
});

/**
 * A product changed (created or updated): compliance first, then channel fit, from one load of
 * its facts (./refresh.server.ts). Stock and sales changes need only the re-score above.
 */
export const refreshProductsJob = defineJob({
  name: "channels.refresh-products",
  schema: z.object({ productIds: z.array(z.string().min(1)).min(1).max(1000) }),
  attempts: 3,
  concurrency: 4,
  async run({ productIds }, ctx) {
    const result = await refreshProducts({
      raw: rawDb(databaseUrl()),
      shop: ctx.shop,
      productIds,
      markets: await complianceMarkets(db(), ctx.shop),
    });
    ctx.log("products refreshed", result);
  },
});

export const rescoreAllJob = defineJob({
  name: "channels.rescore-all",
  schema: z.object({ reason: z.string().optional() }),
  attempts: 3,
  backoffMs: 10_000,
  // A full pass keeps a core busy for seconds; two at once across all shops is plenty.
  concurrency: 2,
  async run({ reason }, ctx) {
    const result = await rescoreAll({
      channels: rawDb(databaseUrl()),
      shop: ctx.shop,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p),
    });
    ctx.log("all products re-scored", { ...result, reason, packs: PACKS_VERSION });
  },
});

export const CHANNEL_JOBS = [refreshProductsJob, rescoreProductJob, rescoreAllJob];

/**
 * Queues a full pass when the shop's scores are stale: judged by other rule packs than the ones
 * this code carries (a deploy changed them), or never computed although the mirror has products.
 * The job id names the packs, so every process noticing the same change queues one pass.
 */
export async function rescoreIfStale(
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  channels: RawDb = rawDb(databaseUrl()),
): Promise<string | null> {
  const reason = await staleReason(
    channels,
    shop,
    PACKS.map((p) => p.version),
  );
  if (reason)
    await queue.enqueue(
      rescoreAllJob,
      shop,
      { reason },
      { jobId: `rescore-all:${reason}:${PACKS_VERSION}` },
    );
  return reason;
}

/** At runner start: every installed shop's scores are checked against the current packs. */
export async function rescoreStaleShops(db: Db, queue: JobQueue): Promise<number> {
  const shops = await db.shop.findMany({ where: { uninstalledAt: null }, select: { shop: true } });
  let queued = 0;
  for (const { shop } of shops) {
    try {
      if (await rescoreIfStale(queue, shop)) queued += 1;
    } catch (error) {
      logger.error(
        { shop, op: "channels.stale-check", err: (error as Error).message },
        "could not check the shop's channel scores",
      );
    }
  }
  return queued;
}

/**
 * What follows a compliance pass (plugged in by app/background.server.ts): the products whose
 * gate moved are re-scored, all of them when too many for one job or when the pass asks for it.
 */
export const rescoreAfterEvaluation: AfterEvaluation = async (queue, outcome) => {
  const { shop, changed, total } = outcome;
  if (outcome.all)
    await queue.enqueue(rescoreAllJob, shop, { reason: outcome.reason ?? "compliance pass" });
  else if (total === 0) return;
  else if (total > changed.length || total > 1000)
    await queue.enqueue(rescoreAllJob, shop, { reason: "compliance gate" });
  else await queue.enqueue(rescoreProductJob, shop, { productIds: [...changed] });
};
