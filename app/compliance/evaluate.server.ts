/**
 * The compliance pass: for each product of the mirror, infer its profile, merge what the merchant
 * confirmed, evaluate it for the shop's markets, and store the findings and the channel gate. The
 * engine is pure (./evaluate.ts); this file is the I/O around it. A full pass runs on threads
 * when the shop is large (../jobs/shares.server.ts).
 */
import { rawDb, selectRows, type RawDb } from "../db/raw.server";
import { FACTS_PAGE, loadProductFacts, productFactsPages } from "../facts/products.server";
import {
  pagesOnThreads,
  passThreads,
  shareCuts,
  sharesOf,
  type ShareBounds,
} from "../jobs/shares.server";
import { threadAvailable } from "../jobs/threads.server";
import { channelGate } from "./gate";
import { loadAnswers, loadVault, rangeOf, type Vault } from "./inputs.server";
import { isEuMarket } from "./packs/markets";
import { PACKS_VERSION } from "./packs/version";
import { inferProfile, mergeProfile } from "./profile";
import { evaluateCompliance } from "./evaluate";
import {
  deleteProductResult,
  gatesOf,
  layResults,
  saveLaidResults,
  saveResults,
  sweepResults,
  writeSnapshot,
  type LaidResults,
  type ProductResult,
  type SnapshotCount,
} from "./results.server";
import type { MerchantProfile, ProductFacts } from "./types";

/** The calendar day (UTC) the evidence is judged on. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export interface PassContext extends Vault {
  markets: readonly string[];
  today: string;
}

/**
 * One product's result. The gate keeps only EPR findings: a missing registration is what makes an
 * EU marketplace refuse a listing, while other blockers are the merchant's to fix on the page.
 */
export function evaluateOne(
  product: ProductFacts,
  answers: MerchantProfile | undefined,
  ctx: PassContext,
): ProductResult {
  const profile = mergeProfile(inferProfile(product), answers);
  const findings = evaluateCompliance({
    product,
    profile,
    registrations: ctx.registrations,
    certificates: ctx.certificates,
    markets: ctx.markets,
    today: ctx.today,
  });
  const eu = ctx.markets.filter(isEuMarket);
  const gate = eu.length
    ? Object.entries(
        channelGate(
          findings.filter((f) => f.kind === "epr"),
          eu,
        ),
      )
        .filter(([, g]) => g.blocks)
        .map(([market]) => market)
    : [];
  return { productId: product.id, findings, markets: [...ctx.markets].sort(), gate };
}

const sameGate = (a: readonly string[] | undefined, b: readonly string[]) =>
  (a ?? []).join(" ") === b.join(" ");

export interface PassOptions {
  channels: RawDb;
  shop: string;
  markets: readonly string[];
  /** When the pass runs (default now): `today` for the evidence, and the rows' evaluatedAt. */
  now?: Date;
}

/**
 * Re-evaluates these products in one transaction; a product the mirror no longer has loses its
 * result. Answers the products whose gate changed (their channel scores need the new gate).
 */
export async function evaluateProducts(
  options: PassOptions & { productIds: readonly string[] },
): Promise<{ evaluated: number; removed: number; gateChanged: string[] }> {
  const { channels, shop } = options;
  const now = options.now ?? new Date();
  const ctx: PassContext = {
    ...(await loadVault(channels, shop)),
    markets: options.markets,
    today: isoDay(now),
  };
  const results: ProductResult[] = [];
  const gateChanged: string[] = [];
  let removed = 0;
  for (const productId of new Set(options.productIds)) {
    const facts = await loadProductFacts(channels, shop, productId, { now });
    if (!facts) {
      removed += await deleteProductResult(channels, shop, productId);
      continue;
    }
    const range = { from: productId, to: productId };
    const result = evaluateOne(
      facts,
      (await loadAnswers(channels, shop, range)).get(productId),
      ctx,
    );
    const before = (await gatesOf(channels, shop, range)).get(productId);
    if (!sameGate(before, result.gate)) gateChanged.push(productId);
    results.push(result);
  }
  await saveResults(channels, shop, results, { packsVersion: PACKS_VERSION, evaluatedAt: now });
  return { evaluated: results.length, removed, gateChanged };
}

/** Counts per market and severity; an `EU` finding counts for each EU market evaluated. */
export class SnapshotCounter {
  private readonly counts = new Map<string, SnapshotCount>();
  constructor(private readonly markets: readonly string[]) {}

  add(result: ProductResult): void {
    const seen = new Set<string>();
    const eu = this.markets.filter(isEuMarket);
    for (const f of result.findings) {
      for (const market of f.market === "EU" ? (eu.length ? eu : ["EU"]) : [f.market]) {
        const key = `${market}|${f.severity}`;
        let c = this.counts.get(key);
        if (!c)
          this.counts.set(key, (c = { market, severity: f.severity, findings: 0, products: 0 }));
        c.findings += 1;
        if (!seen.has(key)) c.products += 1;
        seen.add(key);
      }
    }
  }

  /** Adds counts made elsewhere (another page's counter): products are in one page only. */
  merge(counts: readonly SnapshotCount[]): void {
    for (const c of counts) {
      const key = `${c.market}|${c.severity}`;
      const mine = this.counts.get(key);
      if (!mine) this.counts.set(key, { ...c });
      else {
        mine.findings += c.findings;
        mine.products += c.products;
      }
    }
  }

  list(): SnapshotCount[] {
    return [...this.counts.values()].sort(
      (a, b) => a.market.localeCompare(b.market) || a.severity.localeCompare(b.severity),
    );
  }
}

/** One thread's part of a full pass: products with `after < id <= until`. */
export interface EvaluationShare extends ShareBounds {
  url: string;
  shop: string;
  markets: readonly string[];
  /** When the pass runs (ISO): `today` for the evidence, and the rows' evaluatedAt. */
  now: string;
  pageSize?: number;
}

/** A page of a full pass, evaluated and laid out, with what the pass reports of it. */
export interface EvaluatedPage {
  products: number;
  laid: LaidResults;
  counts: SnapshotCount[];
  gateChanges: number;
  /** The first 1000 products of the page whose gate changed. */
  gateChanged: string[];
}

/** A share on this thread: each page loaded, evaluated against the shop's vault, laid out. */
export async function* evaluateShare(
  share: EvaluationShare,
  db: RawDb = rawDb(share.url),
): AsyncGenerator<EvaluatedPage> {
  const now = new Date(share.now);
  const ctx: PassContext = {
    ...(await loadVault(db, share.shop)),
    markets: share.markets,
    today: isoDay(now),
  };
  for await (const page of productFactsPages(db, share.shop, {
    now,
    pageSize: share.pageSize,
    after: share.after,
    until: share.until,
  })) {
    const range = rangeOf(page.map((p) => p.id));
    const answers = await loadAnswers(db, share.shop, range);
    const before = await gatesOf(db, share.shop, range);
    const counter = new SnapshotCounter(share.markets);
    const gateChanged: string[] = [];
    let gateChanges = 0;
    const results = page.map((facts) => {
      const r = evaluateOne(facts, answers.get(facts.id), ctx);
      counter.add(r);
      if (!sameGate(before.get(r.productId), r.gate)) {
        gateChanges += 1;
        if (gateChanged.length < 1000) gateChanged.push(r.productId);
      }
      return r;
    });
    yield {
      products: page.length,
      laid: layResults(db.kind, share.shop, results, {
        packsVersion: PACKS_VERSION,
        evaluatedAt: now,
      }),
      counts: counter.list(),
      gateChanges,
      gateChanged,
    };
  }
}

const WORKER_FILE = "./evaluate.worker.ts";
const entry = () => new URL(WORKER_FILE, import.meta.url);

/** Whether this process can start evaluation threads (running from source, tsx resolvable). */
export function evaluationThreadsAvailable(): boolean {
  return threadAvailable(entry());
}

/** Threads for a full pass over `total` products (../jobs/shares.server.ts `passThreads`). */
export function evaluationThreads(total: number, pageSize = FACTS_PAGE): number {
  return passThreads(total, pageSize, entry());
}

export class EvaluationThreadError extends Error {
  override name = "EvaluationThreadError";
}

/**
 * Every product of the shop evaluated, a page at a time, in no particular order across shares.
 * With `threads` > 0 each share runs on its own thread; with 0, all on this thread.
 */
export async function* evaluatedPages(options: {
  db: RawDb;
  shop: string;
  markets: readonly string[];
  total: number;
  now: Date;
  pageSize?: number;
  threads: number;
}): AsyncGenerator<EvaluatedPage> {
  const { db, shop } = options;
  const base: EvaluationShare = {
    url: db.url,
    shop,
    markets: [...options.markets],
    now: options.now.toISOString(),
    pageSize: options.pageSize,
  };
  if (options.threads <= 0) {
    yield* evaluateShare(base, db);
    return;
  }
  yield* pagesOnThreads<EvaluatedPage>({
    entry: entry(),
    shares: sharesOf(base, await shareCuts(db, shop, options.total, options.threads)),
    name: (k, n) => `Compliance thread ${k} of ${n}`,
    error: (message, cause) => new EvaluationThreadError(message, { cause }),
  });
}

/**
 * Evaluates every product of the shop page by page (each page saved in one transaction; on
 * threads when the shop is large, ./evaluate.worker.ts), sweeps the results of products that are
 * gone and writes the day's snapshot. Answers how many products changed gate, and the first 1000
 * of them.
 */
export async function evaluateAll(
  options: PassOptions & {
    signal?: AbortSignal;
    onProgress?: (p: { done: number; total: number }) => void | Promise<void>;
    pageSize?: number;
    /** Evaluation threads (default: `evaluationThreads`); 0 evaluates on this thread. */
    threads?: number;
  },
): Promise<{
  evaluated: number;
  swept: number;
  gateChanges: number;
  gateChanged: string[];
  snapshot: SnapshotCount[];
}> {
  const { channels, shop } = options;
  const now = options.now ?? new Date();
  const [count] = await selectRows(
    channels,
    `SELECT COUNT(*) AS "n" FROM "Product" WHERE "shop" = ?`,
    [shop],
  );
  const total = Number(count?.n ?? 0);
  const counter = new SnapshotCounter(options.markets);
  const gateChanged: string[] = [];
  let gateChanges = 0;
  let done = 0;
  for await (const page of evaluatedPages({
    db: channels,
    shop,
    markets: options.markets,
    total,
    now,
    pageSize: options.pageSize,
    threads: options.threads ?? evaluationThreads(total, options.pageSize),
  })) {
    // Stopping between pages leaves whole pages saved; the next pass redoes the rest.
    options.signal?.throwIfAborted();
    await saveLaidResults(channels, page.laid);
    counter.merge(page.counts);
    gateChanges += page.gateChanges;
    for (const id of page.gateChanged) if (gateChanged.length < 1000) gateChanged.push(id);
    done += page.products;
    await options.onProgress?.({ done, total });
  }
  const swept = await sweepResults(channels, shop, now);
  const snapshot = counter.list();
  await writeSnapshot(channels, shop, isoDay(now), snapshot);
  return { evaluated: done, swept, gateChanges, gateChanged, snapshot };
}
