import os from "node:os";
import { Worker } from "node:worker_threads";
import { gatesOf } from "../compliance/results.server";
import { rangeOf } from "../compliance/inputs.server";
import { threadAvailable, threadExecArgv } from "../jobs/threads.server";
import { channelsDb, selectRows, type ChannelsDb } from "./connection.server";
import { FACTS_PAGE, loadShopFacts, productFactsPages } from "./facts.server";
import { applyComplianceGate } from "./gate";
import { scoreProduct } from "./score";
import { layScores, type LaidScores } from "./store.server";

/**
 * A full pass's loading and scoring, spread over threads. The shop's products are cut into
 * contiguous id ranges ("shares"), one per thread; each thread opens its own connection, reads
 * its share a page at a time, scores it and lays the rows out (./store.server.ts `layScores`),
 * and hands each page to the calling thread, which writes it (one writer, as SQLite wants).
 * Scoring is CPU-bound and pure, so on two cores two threads score about twice as fast, and the
 * web process's event loop, where jobs run inline by default, stays free while a pass runs.
 *
 * Rows cross threads as strings and numbers, never as the facts themselves: cloning a product's
 * facts (~2.4 KB, measured) costs as much as scoring it.
 */

/** One thread's part of a pass: products with `after < id <= until`. */
export interface Share {
  url: string;
  shop: string;
  /** The sales window's end and the day certificates must be valid on (ISO); default now. */
  now?: string;
  pageSize?: number;
  /** Exclusive lower bound; "" or absent for the first share. */
  after?: string;
  /** Inclusive upper bound; absent for the last share. */
  until?: string;
}

export interface ScoredPage {
  /** Products in the page. */
  products: number;
  laid: LaidScores;
}

export type ShareMessage = ({ type: "page" } & ScoredPage) | { type: "end" };

/** A share on this thread: each page loaded, scored, gated by compliance and laid out. */
export async function* scoreShare(
  share: Share,
  db: ChannelsDb = channelsDb(share.url),
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

/**
 * The ids that cut the shop's `total` products into `parts` shares of nearly equal size: share
 * k holds `cuts[k-1] < id <= cuts[k]` (the first starts at the beginning, the last runs to the
 * end). Fewer cuts when there are fewer products than parts.
 */
export async function shareCuts(
  db: ChannelsDb,
  shop: string,
  total: number,
  parts: number,
): Promise<string[]> {
  const cuts: string[] = [];
  for (let k = 1; k < parts; k++) {
    const offset = Math.floor((k * total) / parts) - 1;
    if (offset < 0) continue;
    const [row] = await selectRows(
      db,
      `SELECT "id" FROM "Product" WHERE "shop" = ? ORDER BY "id" LIMIT 1 OFFSET ?`,
      [shop, offset],
    );
    const id = row ? String(row.id) : undefined;
    if (id !== undefined && id !== cuts[cuts.length - 1]) cuts.push(id);
  }
  return cuts;
}

/** The shares between consecutive cuts. */
export function sharesOf(base: Omit<Share, "after" | "until">, cuts: readonly string[]): Share[] {
  const shares: Share[] = [];
  for (let k = 0; k <= cuts.length; k++)
    shares.push({ ...base, after: k === 0 ? undefined : cuts[k - 1], until: cuts[k] });
  return shares;
}

const WORKER_FILE = "./pass.worker.ts";
const entry = () => new URL(WORKER_FILE, import.meta.url);

/** Whether this process can start scoring threads (running from source, tsx resolvable). */
export function scoringThreadsAvailable(): boolean {
  return threadAvailable(entry());
}

/**
 * Threads for a pass over `total` products: one per core (at most 4), and none (this thread)
 * when the shop is too small for a thread's start-up (~0.3 s) to pay off, when threads cannot
 * start, or when the database is not a file or server both threads can open.
 */
export function passThreads(total: number, pageSize = FACTS_PAGE): number {
  const configured = Number(process.env.SEAWORTHY_SCORE_THREADS);
  const cores =
    Number.isInteger(configured) && configured > 0 ? configured : os.availableParallelism();
  if (total < 4 * pageSize || !scoringThreadsAvailable()) return 0;
  return Math.max(1, Math.min(cores, 4));
}

export class ScoringThreadError extends Error {
  override name = "ScoringThreadError";
}

/** Pages a thread may run ahead of the writer: bounds memory however slow the database is. */
export const PASS_WINDOW = 2;

/**
 * Every product of the shop scored, a page at a time, in no particular order across shares.
 * With `threads` > 0 each share runs on its own thread; with 0, all on this thread. Leaving the
 * loop early (a failed save, an abort) stops the threads; a thread's failure rejects the loop.
 */
export async function* scoredPages(options: {
  db: ChannelsDb;
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
  const shares = sharesOf(base, await shareCuts(db, shop, options.total, options.threads));
  const queue: { worker: Worker; page: ScoredPage }[] = [];
  let running = shares.length;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const workers = shares.map((share, k) => {
    const worker = new Worker(entry(), {
      workerData: share,
      execArgv: threadExecArgv() ?? process.execArgv,
    });
    let ended = false;
    worker.on("message", (m: ShareMessage) => {
      if (m.type === "end") {
        ended = true;
        running -= 1;
      } else queue.push({ worker, page: { products: m.products, laid: m.laid } });
      notify();
    });
    worker.on("error", (error) => {
      failure ??= new ScoringThreadError(
        `Scoring thread ${k + 1} of ${shares.length} failed: ${error.message}`,
        { cause: error },
      );
      notify();
    });
    worker.on("exit", (code) => {
      if (!ended)
        failure ??= new ScoringThreadError(
          `Scoring thread ${k + 1} of ${shares.length} stopped (exit code ${code}) before its last page`,
        );
      notify();
    });
    return worker;
  });
  try {
    for (;;) {
      // A failed thread fails the pass at once; what was saved stays, the next pass redoes it.
      if (failure) throw failure;
      const next = queue.shift();
      if (next) {
        yield next.page;
        next.worker.postMessage("saved");
      } else if (running === 0) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
