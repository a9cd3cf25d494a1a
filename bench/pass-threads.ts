/**
 * A full pass's pure work on several threads, as the jobs run it (app/jobs/shares.server.ts):
 * each thread holds its own share of the products' facts, then all work at once. The time from
 * "go" to the last thread done is the pass's time; loading is not in it (as in the
 * single-thread figure). Facts are loaded inside each thread, never cloned across: cloning a
 * product's facts costs about as much as scoring it.
 *
 *   rank:       scoreProduct, 8 channels per product (made = channel scores)
 *   compliance: evaluateOne for the bench's markets and registrations (made = findings)
 *
 *   mirror:    each thread reads its share from the SQLite mirror with the pass's own loader
 *   generated: each thread generates the store (seed 1) and takes its slice (bench/rank-pure.ts)
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { rawDb, closeRawDb } from "../app/db/raw.server";
import { loadShopFacts, productFactsPages } from "../app/facts/products.server";
import { shareCuts, sharesOf, type Share } from "../app/channels/pass.server";
import { scoreProduct } from "../app/channels/score";
import type { ProductFacts, ShopFacts } from "../app/channels/types";
import { evaluateOne, type PassContext } from "../app/compliance/evaluate.server";
import { threadExecArgv, threadFlags } from "../app/jobs/threads.server";
import { generateStore } from "../simulator/catalog/generate";
import { productFactsFromStore, shopFactsFromStore } from "./facts-from-store";

/** Products each pass warms up on before it is timed. */
export const WARM_UP = 2_000;

type Work = { work: "rank" } | { work: "compliance"; ctx: PassContext };

type Source = Work &
  (
    | { source: "mirror"; share: Share }
    | { source: "generated"; products: number; from: number; to: number }
  );

type FromThread = { type: "loaded"; products: number } | { type: "done"; made: number };

async function load(data: Source): Promise<{ shop: ShopFacts; facts: ProductFacts[] }> {
  if (data.source === "generated") {
    const store = generateStore({ seed: 1, products: data.products });
    return {
      shop: shopFactsFromStore(store),
      facts: productFactsFromStore(store).slice(data.from, data.to),
    };
  }
  const db = rawDb(data.share.url);
  const shop = await loadShopFacts(db, data.share.shop);
  const facts: ProductFacts[] = [];
  const { after, until } = data.share;
  for await (const page of productFactsPages(db, data.share.shop, { after, until }))
    facts.push(...page);
  await closeRawDb(data.share.url);
  return { shop, facts };
}

if (!isMainThread && (workerData as { benchPassThread?: boolean })?.benchPassThread) {
  const port = parentPort!;
  const source = workerData as Source;
  const { shop, facts } = await load(source);
  const pass =
    source.work === "rank"
      ? (list: ProductFacts[]) => {
          let made = 0;
          for (const f of list) made += scoreProduct(f, shop).length;
          return made;
        }
      : (list: ProductFacts[]) => {
          let made = 0;
          for (const f of list) made += evaluateOne(f, undefined, source.ctx).findings.length;
          return made;
        };
  // Warm the regexes and the JIT on a slice, as the single-thread figures do.
  pass(facts.slice(0, WARM_UP));
  port.on("message", (m: string) => {
    if (m === "stop") return port.close();
    port.postMessage({ type: "done", made: pass(facts) } satisfies FromThread);
  });
  port.postMessage({ type: "loaded", products: facts.length } satisfies FromThread);
}

/**
 * Starts one thread per source, waits until all hold their facts, then times `runs` passes
 * (all threads working at once). Returns each pass's wall time and what one pass made (channel
 * scores or findings).
 */
export async function threadedPasses(
  sources: Source[],
  runs: number,
): Promise<{ passesMs: number[]; products: number; made: number; loadMs: number }> {
  const t0 = performance.now();
  const workers = sources.map(
    (source) =>
      new Worker(new URL(import.meta.url), {
        workerData: { ...source, benchPassThread: true },
        execArgv: threadExecArgv() ?? threadFlags(),
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
    let made = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const done = workers.map(next);
      for (const w of workers) w.postMessage("go");
      const scored = await Promise.all(done);
      passesMs.push(performance.now() - t);
      made = scored.reduce((n, m) => n + (m.type === "done" ? m.made : 0), 0);
    }
    return { passesMs, products, made, loadMs };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The mirror's products cut into `threads` shares as the pass cuts them. */
export async function mirrorSources(
  work: Work,
  url: string,
  shop: string,
  total: number,
  threads: number,
): Promise<Source[]> {
  const cuts = await shareCuts(rawDb(url), shop, total, threads);
  return sharesOf({ url, shop }, cuts).map((share) => ({
    ...work,
    source: "mirror" as const,
    share,
  }));
}

/** A generated store of `products` cut into `threads` slices. */
export function generatedSources(work: Work, products: number, threads: number): Source[] {
  return Array.from({ length: threads }, (_, k) => ({
    ...work,
    source: "generated" as const,
    products,
    from: Math.floor((k * products) / threads),
    to: Math.floor(((k + 1) * products) / threads),
  }));
}
