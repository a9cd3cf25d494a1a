/**
 * The refresh of a few changed products, in the one order that gives right answers: each
 * product's facts are loaded once, compliance judges them (its gate is what blocks a channel),
 * then the channels score the same facts behind that gate, and both results are stored. Before,
 * a product change queued the compliance check and the re-score side by side: the re-score could
 * read the gate of the previous evaluation, and each loaded the facts again.
 *
 * It lives in channels/ because channel fit may read compliance; compliance never reads channels.
 */
import { evaluateOne, isoDay, type PassContext } from "../compliance/evaluate.server";
import { loadAnswers, loadVault } from "../compliance/inputs.server";
import { PACKS_VERSION } from "../compliance/packs/version";
import { deleteProductResult, saveResults, type ProductResult } from "../compliance/results.server";
import type { RawDb } from "../db/raw.server";
import { loadProductFacts, loadShopFacts, salesKnownFor } from "../facts/products.server";
import { applyComplianceGate } from "./gate";
import { scoreProduct } from "./score";
import { deleteProductScores, saveScores, type ProductScores } from "./store.server";

export interface RefreshOptions {
  raw: RawDb;
  shop: string;
  productIds: readonly string[];
  /** The markets compliance judges for (compliance/markets.server.ts). */
  markets: readonly string[];
  now?: Date;
}

export interface RefreshReport {
  /** Products judged and scored. */
  refreshed: number;
  /** Products gone from the mirror, whose results and scores were dropped. */
  removed: number;
}

export async function refreshProducts(options: RefreshOptions): Promise<RefreshReport> {
  const { raw, shop } = options;
  const now = options.now ?? new Date();
  const vault = await loadVault(raw, shop);
  const ctx: PassContext = { ...vault, markets: options.markets, today: isoDay(now) };
  const shopFacts = await loadShopFacts(raw, shop);
  const salesKnown = await salesKnownFor(raw, shop);
  const results: ProductResult[] = [];
  const scores: ProductScores[] = [];
  let removed = 0;
  for (const productId of new Set(options.productIds)) {
    const facts = await loadProductFacts(raw, shop, productId, {
      now,
      salesKnown,
      certificates: vault.certificates,
    });
    if (!facts) {
      await deleteProductResult(raw, shop, productId);
      await deleteProductScores(raw, shop, productId);
      removed++;
      continue;
    }
    const range = { from: productId, to: productId };
    const result = evaluateOne(facts, (await loadAnswers(raw, shop, range)).get(productId), ctx);
    results.push(result);
    scores.push({
      productId,
      scores: applyComplianceGate(scoreProduct(facts, shopFacts), result.gate),
    });
  }
  await saveResults(raw, shop, results, { packsVersion: PACKS_VERSION, evaluatedAt: now });
  await saveScores(raw, shop, scores, { scoredAt: now });
  return { refreshed: results.length, removed };
}
