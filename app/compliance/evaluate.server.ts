/**
 * The compliance pass: for each product of the mirror, infer its profile, merge what the merchant
 * confirmed, evaluate it for the shop's markets, and store the findings and the channel gate. The
 * engine is pure (./evaluate.ts); this file is the I/O around it.
 */
import { selectRows, type ChannelsDb } from "../channels/connection.server";
import { loadProductFacts, productFactsPages } from "../channels/facts.server";
import { channelGate } from "./gate";
import { loadAnswers, loadVault, rangeOf, type Vault } from "./inputs.server";
import { isEuMarket } from "./packs/markets";
import { PACKS_VERSION } from "./packs/version";
import { inferProfile, mergeProfile } from "./profile";
import { evaluateCompliance } from "./evaluate";
import {
  deleteProductResult,
  gatesOf,
  saveResults,
  sweepResults,
  writeSnapshot,
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
  channels: ChannelsDb;
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

  list(): SnapshotCount[] {
    return [...this.counts.values()].sort(
      (a, b) => a.market.localeCompare(b.market) || a.severity.localeCompare(b.severity),
    );
  }
}

/**
 * Evaluates every product of the shop page by page (each page saved in one transaction), sweeps
 * the results of products that are gone and writes the day's snapshot. Answers how many products
 * changed gate, and the first 1000 of them.
 */
export async function evaluateAll(
  options: PassOptions & {
    signal?: AbortSignal;
    onProgress?: (p: { done: number; total: number }) => void | Promise<void>;
    pageSize?: number;
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
  const ctx: PassContext = {
    ...(await loadVault(channels, shop)),
    markets: options.markets,
    today: isoDay(now),
  };
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
  for await (const page of productFactsPages(channels, shop, {
    now,
    pageSize: options.pageSize,
  })) {
    // Stopping between pages leaves whole pages saved; the next pass redoes the rest.
    options.signal?.throwIfAborted();
    const range = rangeOf(page.map((p) => p.id));
    const answers = await loadAnswers(channels, shop, range);
    const before = await gatesOf(channels, shop, range);
    const results = page.map((facts) => evaluateOne(facts, answers.get(facts.id), ctx));
    for (const r of results) {
      counter.add(r);
      if (!sameGate(before.get(r.productId), r.gate)) {
        gateChanges += 1;
        if (gateChanged.length < 1000) gateChanged.push(r.productId);
      }
    }
    await saveResults(channels, shop, results, { packsVersion: PACKS_VERSION, evaluatedAt: now });
    done += page.length;
    await options.onProgress?.({ done, total });
  }
  const swept = await sweepResults(channels, shop, now);
  const snapshot = counter.list();
  await writeSnapshot(channels, shop, ctx.today, snapshot);
  return { evaluated: done, swept, gateChanges, gateChanged, snapshot };
}
