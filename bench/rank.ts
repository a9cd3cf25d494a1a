/**
 * `npm run bench -- rank [--products N] [--json]`: channel fit over a generated store.
 *
 * The store (simulator/catalog/generate.ts, seed 1: the demo's catalogue with its flaws, markets,
 * stock and orders) goes into a scratch SQLite mirror through the real bulk sync against the
 * in-process simulator. A child process then measures, so its peak memory is its own:
 *   loadMs          reading every product's facts from the mirror (keyset pages, as the job does)
 *   fullPassMs      scoring all N products × 8 channels from facts in memory, on the threads a
 *                   full pass uses (each thread holds its own share), median of 5
 *   fullPassOneThreadMs  the same on this one thread
 *   storeMs         saving all N × 8 scores (page-sized transactions, as the job does)
 *   singleProductMs the rescore-product path for one product (load + score + save), median of ~200
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { rescoreProducts } from "../app/channels/jobs.server";
import { rawDb, closeRawDb, selectRows } from "../app/db/raw.server";
import { FACTS_PAGE, loadShopFacts, productFactsPages } from "../app/facts/products.server";
import { scoreProduct } from "../app/channels/index";
import { passThreads } from "../app/channels/pass.server";
import { saveScores } from "../app/channels/store.server";
import type { ProductFacts } from "../app/channels/types";
import { createDb } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import { createAdminClient } from "../app/graphql/admin-client";
import { ShopProfile, type ShopProfileResult } from "../app/graphql/ShopProfile";
import { logger } from "../app/logger.server";
import { refreshShopProfile } from "../app/shop/install.server";
import { BULK_RESOURCES, completeBulkSync, startBulkSync } from "../app/sync/bulk/bulk-sync.server";
import { startSimulator } from "../simulator";
import { generateStore } from "../simulator/catalog/generate";
import { mirrorSources, threadedPasses, WARM_UP } from "./pass-threads";

const SHOP = "bench-rank.myshopify.com";
/** Timed passes per figure (after a warm-up slice); the figure is their median. */
const RUNS = 5;
const TOKEN = "shpat_bench_rank";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Generates the store and syncs all four resources into the mirror, as an install would. */
async function prepare(url: string, products: number, log: (m: string) => void) {
  let t = performance.now();
  const store = generateStore({ seed: 1, products, shopDomain: SHOP });
  log(
    `  generated ${products} products, ${store.orders.length} orders in ${Math.round(performance.now() - t)} ms`,
  );
  const sim = await startSimulator({
    store,
    accessToken: TOKEN,
    apiSecret: "bench",
    webhookSubscriptions: [],
  });
  const db = createDb(url);
  try {
    const client = createAdminClient({ shop: SHOP, accessToken: TOKEN, endpoint: sim.graphqlUrl });
    await db.shop.create({ data: { shop: SHOP, locales: [], markets: [], settings: {} } });
    await refreshShopProfile(db, SHOP, (marketsAfter) =>
      client.request<ShopProfileResult>(ShopProfile, { marketsAfter }),
    );
    const workDir = path.join(path.dirname(url.replace(/^file:/, "")), "work");
    for (const resource of BULK_RESOURCES) {
      t = performance.now();
      const { runId } = await startBulkSync({ db, client, shop: SHOP, resource });
      const { report } = await completeBulkSync({
        db,
        client,
        shop: SHOP,
        runId,
        databaseUrl: url,
        workDir,
        pollMs: 50,
      });
      log(
        `  synced ${resource}: ${report?.rowsWritten ?? 0} rows in ${Math.round(performance.now() - t)} ms`,
      );
    }
  } finally {
    await db.$disconnect();
    await sim.close();
  }
}

/** The measured part, in a process of its own. Prints one JSON line. */
async function measure(url: string) {
  const channels = rawDb(url);
  const db = createDb(url);
  const shop = await loadShopFacts(channels, SHOP);

  // The pass as the job runs it: one share per thread, each holding its share's facts (loaded by
  // the thread itself with the pass's loader), all scoring at once. It runs first, while this
  // thread's heap is as small as the job's writer thread keeps it: a heap holding every
  // product's facts here has the garbage collector's helpers compete with the scoring threads
  // for the cores (measured: two threads then barely beat one).
  const [count] = await selectRows(
    channels,
    `SELECT COUNT(*) AS "n" FROM "Product" WHERE "shop" = ?`,
    [SHOP],
  );
  const total = Number(count?.n ?? 0);
  const threads = Math.max(1, passThreads(total));
  const threaded = await threadedPasses(
    await mirrorSources({ work: "rank" }, url, SHOP, total, threads),
    RUNS,
  );

  let t = performance.now();
  const facts: ProductFacts[] = [];
  for await (const page of productFactsPages(channels, SHOP)) facts.push(...page);
  const loadMs = performance.now() - t;

  // Scores are counted, not kept: the job saves each page's scores and drops them, and holding
  // 800k scores with their findings would turn this into a measurement of the garbage collector.
  const passes: number[] = [];
  let channelScores = 0;
  for (const f of facts.slice(0, WARM_UP)) scoreProduct(f, shop);
  for (let r = 0; r < RUNS; r++) {
    channelScores = 0;
    t = performance.now();
    for (const f of facts) channelScores += scoreProduct(f, shop).length;
    passes.push(performance.now() - t);
  }

  if (threaded.made !== channelScores)
    throw new Error(`threads scored ${threaded.made}, one thread ${channelScores}`);

  // Saving, page by page in one transaction each as rescore-all does; only the saves are timed.
  let storeMs = 0;
  const scoredAt = new Date();
  for (let i = 0; i < facts.length; i += FACTS_PAGE) {
    const page = facts
      .slice(i, i + FACTS_PAGE)
      .map((f) => ({ productId: f.id, scores: scoreProduct(f, shop) }));
    t = performance.now();
    await saveScores(channels, SHOP, page, { scoredAt });
    storeMs += performance.now() - t;
  }

  // The job's own function on one product id at a time, from products picked evenly at random.
  const ids = await selectRows(
    channels,
    `SELECT "id" FROM "Product" WHERE "shop" = ? ORDER BY "id"`,
    [SHOP],
  );
  let seed = 42;
  // Park–Miller: deterministic, and the products stay below 2^53.
  const pick = () => ((seed = (seed * 48271) % 2147483647), String(ids[seed % ids.length]!.id));
  for (let i = 0; i < 20; i++)
    await rescoreProducts({ channels, shop: SHOP, productIds: [pick()] });
  const singles: number[] = [];
  for (let i = 0; i < 200; i++) {
    const id = pick();
    t = performance.now();
    await rescoreProducts({ channels, shop: SHOP, productIds: [id] });
    singles.push(performance.now() - t);
  }
  await db.$disconnect();
  await closeRawDb(url);
  console.log(
    JSON.stringify({
      fullPassMs: round(median(threaded.passesMs), 1),
      threads,
      fullPassOneThreadMs: round(median(passes), 1),
      singleProductMs: round(median(singles), 3),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      loadMs: Math.round(loadMs),
      storeMs: Math.round(storeMs),
      products: facts.length,
      channelScores,
      fullPassRunsMs: threaded.passesMs.map((p) => round(p, 1)),
      fullPassOneThreadRunsMs: passes.map((p) => round(p, 1)),
      singleProductP90Ms: round(
        [...singles].sort((a, b) => a - b)[Math.floor(singles.length * 0.9)]!,
        3,
      ),
    }),
  );
}

function child(url: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "bench/rank.ts", "--measure", url], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    let out = "";
    proc.stdout.on("data", (d) => (out += d));
    proc.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>)
        : reject(new Error(`rank measurement failed (${code})`)),
    );
  });
}

export async function benchRank(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      products: { type: "string", default: "100000" },
      json: { type: "boolean", default: false },
      measure: { type: "string" },
      mirror: { type: "string" },
    },
  });
  // The sync's info lines would land on stdout between the figures (and in --json output).
  logger.level = process.env.LOG_LEVEL ?? "warn";
  if (values.measure) return measure(values.measure);
  const products = Number(values.products);
  if (!Number.isInteger(products) || products < 1)
    throw new Error("--products must be a positive integer");
  const log = (msg: string) => !values.json && console.error(msg);
  // --mirror FILE keeps the synced mirror there (and reuses it when it exists), for repeat runs.
  const kept = values.mirror ? path.resolve(values.mirror) : undefined;
  const dir = kept ? undefined : mkdtempSync(path.join(os.tmpdir(), "sw-rank-"));
  try {
    const url = `file:${kept ?? path.join(dir!, "rank.sqlite")}`;
    if (kept && existsSync(kept)) log(`reusing the mirror at ${kept}`);
    else {
      await migrate(url);
      log(`preparing a mirror of ${products} generated products …`);
      await prepare(url, products, log);
    }
    const result = await child(url);
    if (values.json) console.log(JSON.stringify(result));
    else {
      console.log(
        `channel fit over ${result.products} products × 8 channels:\n` +
          `  full pass (score only, in memory): ${result.fullPassMs} ms on ${result.threads} thread(s) (runs: ${String(result.fullPassRunsMs)})\n` +
          `  full pass on one thread:           ${result.fullPassOneThreadMs} ms (runs: ${String(result.fullPassOneThreadRunsMs)})\n` +
          `  load facts from SQLite:            ${result.loadMs} ms\n` +
          `  store ${result.channelScores} scores:            ${result.storeMs} ms\n` +
          `  one product (load + score + save): ${result.singleProductMs} ms median, ${result.singleProductP90Ms} ms p90\n` +
          `  peak RSS (measuring process):      ${result.peakRssMB} MB`,
      );
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly as the measuring child.
if (process.argv[1]?.endsWith("rank.ts") && process.argv.includes("--measure"))
  await benchRank(process.argv.slice(2));
