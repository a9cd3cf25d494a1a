/**
 * Pure channel-fit benchmark: scoreProduct over N generated products x 8 channels, no I/O.
 * `tsx bench/rank-pure.ts [N]` prints {"products":N,"fullPassMs":…} (median of 3 passes).
 */
import { scoreProduct } from "../app/channels/score";
import { generateStore } from "../simulator/catalog/generate";
import { productFactsFromStore, shopFactsFromStore } from "./facts-from-store";

export function rankPure(products: number, runs = 3): { products: number; fullPassMs: number } {
  const store = generateStore({ seed: 1, products });
  const shop = shopFactsFromStore(store);
  const facts = productFactsFromStore(store);
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const p of facts) sink += scoreProduct(p, shop).length;
    times.push(performance.now() - t0);
  }
  if (sink !== products * 8 * runs)
    throw new Error("scoreProduct did not return 8 channels per product");
  times.sort((a, b) => a - b);
  return { products, fullPassMs: Math.round(times[Math.floor(times.length / 2)] ?? 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(rankPure(n)));
}
