import { gatesOf } from "../compliance/results.server";
import { rangeOf } from "../compliance/inputs.server";
import {
  pagesOnThreads,
  passThreads as sharedPassThreads,
  shareCuts,
  sharesOf,
  type ShareBounds,
} from "../jobs/shares.server";
import { threadAvailable } from "../jobs/threads.server";
import { rawDb, type RawDb } from "../db/raw.server";
import { FACTS_PAGE, loadShopFacts, productFactsPages } from "../facts/products.server";
import { applyComplianceGate } from "./gate";
import { scoreProduct } from "./score";
import { layScores, type LaidScores } from "./store.server";

/**
 * Channel fit's full pass, loading and scoring spread over threads (../jobs/shares.server.ts):
 * each thread scores its share of the products, applies the compliance gate and lays the rows
 * out (./store.server.ts `layScores`); the calling thread saves them.
 */

export { shareCuts, sharesOf };

/** One thread's part of a pass: products with `after < id <= until`. */
export interface Share extends ShareBounds {
  url: string;
  shop: string;
  /** The sales window's end and the day certificates must be valid on (ISO); default now. */
  now?: string;
  pageSize?: number;
}

export interface ScoredPage {
  /** Products in the page. */
  products: number;
  laid: LaidScores;
}

/** A share on this thread: each page loaded, scored, gated by compliance and laid out. */
export async function* scoreShare(
  share: Share,
  db: RawDb = rawDb(share.url),
): AsyncGenerator<ScoredPage> {
  const now = share.now === undefined ? undefined : new Date(share.now);
  const shopFacts = await loadShopFacts(db, share.shop);
  for await (const page of productFactsPages(db, share.shop, {
    now,
    pageSize: share.pageSize,
    after: share.after,
    until: share.until,
  })) {
    const gates = await gatesOf(db, share.shop, rangeOf(page.map((f) => f.id)));
    const batch = page.map((facts) => ({
      productId: facts.id,
      scores: applyComplianceGate(scoreProduct(facts, shopFacts), gates.get(facts.id)),
    }));
    yield {
      products: page.length,
      laid: layScores(db.kind, share.shop, batch, now ?? new Date()),
    };
  }
}

const WORKER_FILE = "./pass.worker.ts";
const entry = () => new URL(WORKER_FILE, import.meta.url);

/** Whether this process can start scoring threads (running from source, tsx resolvable). */
export function scoringThreadsAvailable(): boolean {
  return threadAvailable(entry());
}

/** Threads for a full pass over `total` products (../jobs/shares.server.ts `passThreads`). */
export function passThreads(total: number, pageSize = FACTS_PAGE): number {
  return sharedPassThreads(total, pageSize, entry());
}

export class ScoringThreadError extends Error {
  override name = "ScoringThreadError";
}

/**
 * Every product of the shop scored, a page at a time, in no particular order across shares.
 * With `threads` > 0 each share runs on its own thread; with 0, all on this thread. Leaving the
 * loop early (a failed save, an abort) stops the threads; a thread's failure rejects the loop.
 */
export async function* scoredPages(options: {
  db: RawDb;
  shop: string;
  total: number;
  now?: Date;
  pageSize?: number;
  threads: number;
}): AsyncGenerator<ScoredPage> {
  const { db, shop } = options;
  const base = {
    url: db.url,
    shop,
    now: options.now?.toISOString(),
    pageSize: options.pageSize,
  };
  if (options.threads <= 0) {
    yield* scoreShare(base, db);
    return;
  }
  yield* pagesOnThreads<ScoredPage>({
    entry: entry(),
    shares: sharesOf(base, await shareCuts(db, shop, options.total, options.threads)),
    name: (k, n) => `Scoring thread ${k} of ${n}`,
    error: (message, cause) => new ScoringThreadError(message, { cause }),
  });
}
