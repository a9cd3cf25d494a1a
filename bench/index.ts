/**
 * `npm run bench -- <name> [options]`. Benchmarks report ratios against baselines measured in the
 * same run on the same rows (these machines are shared and noisy; absolute numbers drift).
 *
 *   sync [--products N] [--runs R] [--json] [--postgres URL]
 *   rank [--products N] [--json]
 *   compliance [--products N] [--json]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrate } from "../app/db/migrate.server";
import { writeBulkProductsFile } from "./bulk-jsonl";

interface Phase {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
}

/**
 * The node flags `npm run worker` starts the worker process with (package.json), where a large
 * store's sync runs: the ingest phases run with them, the baselines with node's defaults.
 */
function workerNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.worker!.split(/\s+/);
  if (words[0] !== "node")
    throw new Error(`npm run worker does not start node: ${pkg.scripts.worker}`);
  return words.slice(1, words.indexOf("--import"));
}

function runPhase(phase: string, url: string, file: string, extra: string[] = []): Promise<Phase> {
  const flags = phase === "ingest" ? workerNodeFlags() : [];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...flags, "--import", "tsx", "bench/sync-phase.ts", phase, url, file, ...extra],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop()!) as Phase)
        : reject(new Error(`${phase} failed (${code})`)),
    );
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function scratchPostgres(base: string) {
  const name = `seaworthy_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function benchSync(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      products: { type: "string", default: "100000" },
      runs: { type: "string", default: "3" },
      json: { type: "boolean", default: false },
      postgres: { type: "string" },
      sample: { type: "string", default: "20000" },
      "skip-sqlite": { type: "boolean", default: false },
    },
  });
  const products = Number(values.products);
  const runs = Number(values.runs);
  const dir = mkdtempSync(path.join(os.tmpdir(), "sw-bench-"));
  const log = (msg: string) => !values.json && console.error(msg);
  try {
    const file = path.join(dir, "products.jsonl");
    log(`generating ${products} products × 5 variants × 3 images …`);
    await writeBulkProductsFile(file, { products, variants: 5, images: 3 });
    log(`  ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    const fresh = async (name: string) => {
      const url = `file:${path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.sqlite`)}`;
      await migrate(url);
      return url;
    };
    const ingest: Phase[] = [];
    const raw: Phase[] = [];
    const prisma: Phase[] = [];
    for (let r = 0; r < (values["skip-sqlite"] ? 0 : runs); r++) {
      ingest.push(await runPhase("ingest", await fresh("ingest"), file));
      raw.push(await runPhase("raw-sqlite", await fresh("raw"), file));
      prisma.push(
        await runPhase("prisma-createmany", await fresh("prisma"), file, [values.sample]),
      );
      log(
        `  run ${r + 1}: ingest ${Math.round(ingest[r]!.rows / ingest[r]!.seconds)} rows/s, raw ${Math.round(raw[r]!.rows / raw[r]!.seconds)} rows/s, prisma createMany ${Math.round(prisma[r]!.rows / prisma[r]!.seconds)} rows/s`,
      );
    }
    const rate = (p: Phase) => p.rows / p.seconds;
    const result: Record<string, number | string> = values["skip-sqlite"]
      ? { products }
      : {
          products,
          rows: ingest[0]!.rows,
          rowsPerSec: Math.round(median(ingest.map(rate))),
          rowsPerCpuSec: Math.round(median(ingest.map((p) => p.rows / p.cpuSeconds))),
          ratioToRaw: round(median(ingest.map((p, i) => rate(p) / rate(raw[i]!)))),
          ratioToPrismaCreateMany: round(
            median(ingest.map((p, i) => rate(p) / rate(prisma[i]!))),
            1,
          ),
          peakRssMB: Math.max(...ingest.map((p) => p.peakRssMB)),
          rawRowsPerSec: Math.round(median(raw.map(rate))),
          prismaCreateManyRowsPerSec: Math.round(median(prisma.map(rate))),
        };
    const pgBase = values.postgres ?? process.env.TEST_DATABASE_URL;
    if (pgBase) {
      const pgIngest: Phase[] = [];
      const pgCopy: Phase[] = [];
      for (let r = 0; r < runs; r++) {
        for (const [phase, list] of [
          ["ingest", pgIngest],
          ["raw-postgres", pgCopy],
        ] as const) {
          const db = await scratchPostgres(pgBase);
          try {
            await migrate(db.url);
            list.push(await runPhase(phase, db.url, file));
          } finally {
            await db.drop();
          }
        }
        log(
          `  postgres run ${r + 1}: ingest ${Math.round(rate(pgIngest[r]!))} rows/s, COPY ${Math.round(rate(pgCopy[r]!))} rows/s`,
        );
      }
      result.postgresRowsPerSec = Math.round(median(pgIngest.map(rate)));
      result.postgresRatioToCopy = round(
        median(pgIngest.map((p, i) => rate(p) / rate(pgCopy[i]!))),
      );
      result.postgresPeakRssMB = Math.max(...pgIngest.map((p) => p.peakRssMB));
    }
    console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The compliance pass as the evaluate-all job runs it per product (infer + merge + evaluate for
 * the markets + gate, `evaluateOne`), without the database: the generated store (seed 1, as
 * bench/compliance-pure.ts) mapped by facts-from-store, DE and FR registrations on file.
 *   fullPassMs           on the threads a full pass uses (app/jobs/shares.server.ts), each
 *                        thread generating the store and evaluating its slice; median of 5
 *   fullPassOneThreadMs  the same on this one thread; median of 5 (both after a warm-up slice)
 * peakRssMB is the process's maximum resident set, generation (in every thread) included.
 */
async function benchCompliance(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      products: { type: "string", default: "100000" },
      json: { type: "boolean", default: false },
    },
  });
  const [{ generateStore }, { productFactsFromStore }, { evaluateOne, evaluationThreads }] =
    await Promise.all([
      import("../simulator/catalog/generate"),
      import("./facts-from-store"),
      import("../app/compliance/evaluate.server"),
    ]);
  const { generatedSources, threadedPasses, WARM_UP } = await import("./pass-threads");
  const count = Number(values.products);
  const ctx = {
    registrations: [
      {
        country: "DE",
        stream: "packaging" as const,
        number: "DE1234567890123",
        role: "producer" as const,
      },
      { country: "FR", stream: "packaging" as const, number: "FR123456_01ABCD" },
    ],
    certificates: [],
    markets: ["US", "DE", "FR", "ES", "IT", "NL", "GB", "RU"],
    today: "2026-12-01",
  };
  // The threads first, while this thread's heap is as small as the job's writer thread keeps it:
  // a heap holding every product's facts here has the garbage collector's helpers compete with
  // the evaluating threads for the cores (measured: two threads then barely beat one).
  const threads = Math.max(1, evaluationThreads(count));
  const threaded = await threadedPasses(
    generatedSources({ work: "compliance", ctx }, count, threads),
    5,
  );

  const products = productFactsFromStore(generateStore({ seed: 1, products: count }));
  // Warm the regexes and the JIT on a slice (as compliance-pure), then time the full passes.
  for (const p of products.slice(0, WARM_UP)) evaluateOne(p, undefined, ctx);
  const passes: number[] = [];
  let findings = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    findings = 0;
    for (const p of products) findings += evaluateOne(p, undefined, ctx).findings.length;
    passes.push(performance.now() - start);
  }
  if (threaded.made !== findings)
    throw new Error(`threads found ${threaded.made} findings, one thread ${findings}`);
  const result = {
    fullPassMs: Math.round(median(threaded.passesMs)),
    threads,
    fullPassOneThreadMs: Math.round(median(passes)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    products: count,
    findings,
    fullPassRunsMs: threaded.passesMs.map(Math.round),
    fullPassOneThreadRunsMs: passes.map(Math.round),
  };
  if (values.json) console.log(JSON.stringify(result));
  else
    console.log(
      `compliance pass: ${count} products, ${findings} findings\n` +
        `  full pass: ${result.fullPassMs} ms on ${threads} thread(s) (runs: ${String(result.fullPassRunsMs)})\n` +
        `  one thread: ${result.fullPassOneThreadMs} ms (runs: ${String(result.fullPassOneThreadRunsMs)})\n` +
        `  peak RSS ${result.peakRssMB} MB\n${JSON.stringify(result)}`,
    );
}

const [name, ...rest] = process.argv.slice(2);
if (name === "sync") await benchSync(rest);
else if (name === "rank") await (await import("./rank")).benchRank(rest);
else if (name === "compliance") await benchCompliance(rest);
else {
  console.error(
    `usage: npm run bench -- sync [--products N] [--runs R] [--json] [--postgres URL]\n       npm run bench -- rank [--products N] [--json]\n       npm run bench -- compliance [--products N] [--json]`,
  );
  process.exit(2);
}
