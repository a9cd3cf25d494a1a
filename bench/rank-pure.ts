/**
 * Pure channel-fit benchmark: scoreProduct over N generated products x 8 channels, no I/O.
 * `tsx bench/rank-pure.ts [N]` prints {"products":N,"fullPassMs":…,"cpuMs":…} (medians of 3
 * passes; cpuMs is the process's CPU time, which a busy machine distorts less than wall time).
 */
import { scoreProduct } from "../app/channels/score";
import { generateStore } from "../simulator/catalog/generate";
import { productFactsFromStore, shopFactsFromStore } from "./facts-from-store";

export function rankPure(
  products: number,
  runs = 3,
): { products: number; fullPassMs: number; cpuMs: number } {
  const store = generateStore({ seed: 1, products });
  const shop = shopFactsFromStore(store);
  const facts = productFactsFromStore(store);
  const times: number[] = [];
  const cpu: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const p of facts) sink += scoreProduct(p, shop).length;
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  if (sink !== products * 8 * runs)
    throw new Error("scoreProduct did not return 8 channels per product");
  const median = (xs: number[]) =>
    Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
  // cpuMs (this process, all threads incl. GC) is less at the mercy of a loaded machine.
  return { products, fullPassMs: median(times), cpuMs: median(cpu) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(rankPure(n)));
}
