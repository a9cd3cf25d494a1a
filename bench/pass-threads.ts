/**
 * The scorer on several threads, as a full pass runs it (app/channels/pass.server.ts): each
 * thread holds its own share of the products' facts, then all score at once. The time from "go"
 * to the last thread done is the pass's scoring time; loading is not in it (as in the
 * single-thread figure). Facts are loaded inside each thread, never cloned across: cloning a
 * product's facts costs about as much as scoring it.
 *
 *   mirror:    each thread reads its share from the SQLite mirror with the pass's own loader
 *   generated: each thread generates the store (seed 1) and takes its slice (bench/rank-pure.ts)
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { channelsDb, closeChannelsDb } from "../app/channels/connection.server";
import { loadShopFacts, productFactsPages } from "../app/channels/facts.server";
import { shareCuts, sharesOf, type Share } from "../app/channels/pass.server";
import { scoreProduct } from "../app/channels/score";
import type { ProductFacts, ShopFacts } from "../app/channels/types";
import { threadExecArgv } from "../app/jobs/threads.server";
import { generateStore } from "../simulator/catalog/generate";
import { productFactsFromStore, shopFactsFromStore } from "./facts-from-store";

type Source =
  | { source: "mirror"; share: Share }
  | { source: "generated"; products: number; from: number; to: number };

type FromThread = { type: "loaded"; products: number } | { type: "scored"; channelScores: number };

async function load(data: Source): Promise<{ shop: ShopFacts; facts: ProductFacts[] }> {
  if (data.source === "generated") {
    const store = generateStore({ seed: 1, products: data.products });
    return {
      shop: shopFactsFromStore(store),
      facts: productFactsFromStore(store).slice(data.from, data.to),
    };
  }
  const db = channelsDb(data.share.url);
  const shop = await loadShopFacts(db, data.share.shop);
  const facts: ProductFacts[] = [];
  const { after, until } = data.share;
  for await (const page of productFactsPages(db, data.share.shop, { after, until }))
    facts.push(...page);
  await closeChannelsDb(data.share.url);
  return { shop, facts };
}

if (!isMainThread && (workerData as { benchRankThread?: boolean })?.benchRankThread) {
  const port = parentPort!;
  const { shop, facts } = await load(workerData as Source);
  port.on("message", (m: string) => {
    if (m === "stop") return port.close();
    let channelScores = 0;
    for (const f of facts) channelScores += scoreProduct(f, shop).length;
    port.postMessage({ type: "scored", channelScores } satisfies FromThread);
  });
  port.postMessage({ type: "loaded", products: facts.length } satisfies FromThread);
}

/**
 * Starts one thread per source, waits until all hold their facts, then times `runs` passes
 * (all threads scoring at once). Returns each pass's wall time and the channel scores made.
 */
export async function threadedPasses(
  sources: Source[],
  runs: number,
): Promise<{ passesMs: number[]; products: number; channelScores: number; loadMs: number }> {
  const t0 = performance.now();
  const workers = sources.map(
    (source) =>
      new Worker(new URL(import.meta.url), {
        workerData: { ...source, benchRankThread: true },
        execArgv: threadExecArgv() ?? process.execArgv,
      }),
  );
  const next = (w: Worker) =>
    new Promise<FromThread>((resolve, reject) => {
      w.once("message", resolve);
      w.once("error", reject);
    });
  try {
    const loaded = await Promise.all(workers.map(next));
    const loadMs = performance.now() - t0;
    const products = loaded.reduce((n, m) => n + (m.type === "loaded" ? m.products : 0), 0);
    const passesMs: number[] = [];
    let channelScores = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const done = workers.map(next);
      for (const w of workers) w.postMessage("go");
      const scored = await Promise.all(done);
      passesMs.push(performance.now() - t);
      channelScores = scored.reduce((n, m) => n + (m.type === "scored" ? m.channelScores : 0), 0);
    }
    return { passesMs, products, channelScores, loadMs };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The mirror's products cut into `threads` shares as the pass cuts them. */
export async function mirrorSources(
  url: string,
  shop: string,
  total: number,
  threads: number,
): Promise<Source[]> {
  const cuts = await shareCuts(channelsDb(url), shop, total, threads);
  return sharesOf({ url, shop }, cuts).map((share) => ({ source: "mirror" as const, share }));
}

/** A generated store of `products` cut into `threads` slices. */
export function generatedSources(products: number, threads: number): Source[] {
  return Array.from({ length: threads }, (_, k) => ({
    source: "generated" as const,
    products,
    from: Math.floor((k * products) / threads),
    to: Math.floor(((k + 1) * products) / threads),
  }));
}
