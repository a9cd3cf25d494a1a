/**
 * Pure channel-fit benchmark: scoreProduct over N generated products x 8 channels, no I/O.
 * `tsx bench/rank-pure.ts [N] [--threads T]` prints {"products":N,"fullPassMs":…,"cpuMs":…}
 * (medians of 3 passes; cpuMs is the process's CPU time, which a busy machine distorts less
 * than wall time). With --threads, T threads each score a slice at once, as a full pass does
 * (app/channels/pass.server.ts), and cpuMs is that of all threads.
 */
import { generatedSources, threadedPasses } from "./pass-threads";
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

const median = (xs: number[]) =>
  Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);

const cpuMs = (c: NodeJS.CpuUsage) => Math.round((c.user + c.system) / 1000);

/** The same passes on `threads` threads (each generates the store and scores its slice). */
export async function rankPureThreads(products: number, threads: number, runs = 3) {
  const c0 = process.cpuUsage();
  const r = await threadedPasses(generatedSources({ work: "rank" }, products, threads), runs);
  if (r.made !== products * 8) throw new Error("the threads did not score 8 channels per product");
  return {
    products,
    threads,
    fullPassMs: median(r.passesMs),
    runsMs: r.passesMs.map(Math.round),
    // All threads' CPU, generation included: only a rough check of the wall figure.
    cpuMsAllIncludingGeneration: cpuMs(process.cpuUsage(c0)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--threads");
  const threads = at >= 0 ? Number(args.splice(at, 2)[1]) : 0;
  const n = Number(args[0] ?? 100_000);
  console.log(JSON.stringify(threads > 0 ? await rankPureThreads(n, threads) : rankPure(n)));
}
