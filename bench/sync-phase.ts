/**
 * One measured phase of `npm run bench -- sync`, in its own process so its peak memory is its
 * own. Prints one JSON line: {rows, seconds, cpuSeconds, peakRssMB}.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import Database from "libsql";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createDb } from "../app/db.server";
import { sqlitePath } from "../app/db/url";
import { mapBulkLine } from "../app/sync/ingest/bulk-lines";
import { ingestJsonl } from "../app/sync/ingest/ingest.server";
import { TABLES, type MirrorTable } from "../app/sync/mirror/rows";
import { openMirrorWriter } from "../app/sync/mirror/writer.server";
import { startRun } from "../app/sync/runs.server";

const [phase, url, file, sampleArg] = process.argv.slice(2) as [string, string, string, string?];
const SHOP = "bench.myshopify.com";
/** Rows per plain INSERT in the raw baseline: the driver's fastest measured here (+35% over one). */
const ROWS_PER_STATEMENT = 64;

/** The file's rows, mapped exactly as the ingest maps them (for the baselines). */
async function loadRows(limit = Infinity) {
  const rows: { table: MirrorTable; row: object }[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    const mapped = mapBulkLine(JSON.parse(line) as Record<string, unknown>);
    if (!("skip" in mapped)) rows.push(mapped);
    if (rows.length >= limit) break;
  }
  return rows;
}

function grouped(rows: { table: MirrorTable; row: object }[]) {
  const by = new Map<MirrorTable, object[]>();
  for (const r of rows) (by.get(r.table) ?? by.set(r.table, []).get(r.table)!).push(r.row);
  return by;
}

async function measure(work: () => Promise<number>) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { rows, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

let result: { rows: number; seconds: number; cpuSeconds: number };
if (phase === "ingest") {
  // The real code path: stream, parse, map, batch, upsert, checkpoint.
  const db = createDb(url);
  const writer = await openMirrorWriter(url, SHOP);
  const runId = await startRun(db, SHOP, { resource: "products", kind: "bench", sourceUrl: file });
  // Closing is timed too: it folds what is left in the WAL back into the database file.
  result = await measure(async () => {
    const readerThread = process.env.BENCH_READER_THREAD
      ? process.env.BENCH_READER_THREAD === "1"
      : undefined;
    const report = await ingestJsonl({ db, writer, shop: SHOP, runId, file, readerThread });
    await writer.close();
    return report.rowsWritten;
  });
  await db.$disconnect();
} else if (phase === "raw-sqlite") {
  // The physical limit: the same rows, already parsed and mapped, inserted by the native driver in
  // one transaction with plain INSERTs prepared once, ROWS_PER_STATEMENT rows per call (the fastest
  // way measured here), without the conflict handling, parsing, checkpoints or second thread the
  // sync has.
  const by = grouped(await loadRows());
  const database = new Database(sqlitePath(url));
  database.pragma("synchronous = NORMAL");
  result = await measure(async () => {
    let n = 0;
    database.exec("BEGIN IMMEDIATE");
    for (const [table, list] of by) {
      const spec = TABLES[table];
      const columns = ["shop", ...spec.columns];
      // The shop is the same in every row: bound once per call as ?1, as the ingest does (each
      // bound value costs the driver ~0.3 µs), so the baseline keeps every trick the ingest has.
      const perRow = spec.columns.length;
      const insert = (rows: number) => {
        const tuples: string[] = [];
        for (let r = 0; r < rows; r++)
          tuples.push(`(?1, ${spec.columns.map((_, c) => `?${2 + r * perRow + c}`).join(", ")})`);
        return database.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`,
        );
      };
      const many = insert(ROWS_PER_STATEMENT);
      const one = insert(1);
      // Values laid straight into one reused argument array (no per-row arrays or spreads): the
      // cheapest way to hand rows to the driver, so the baseline is the driver's real limit.
      const names = spec.columns as readonly string[];
      const lay = (row: object, out: unknown[], at: number) => {
        const r = row as Record<string, unknown>;
        for (let c = 0; c < names.length; c++) {
          const v = r[names[c]!];
          out[at + c] = typeof v === "boolean" ? Number(v) : (v ?? null);
        }
      };
      const args: unknown[] = new Array(1 + perRow * ROWS_PER_STATEMENT);
      const single: unknown[] = new Array(1 + perRow);
      args[0] = single[0] = SHOP;
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= list.length; i += ROWS_PER_STATEMENT) {
        for (let k = 0; k < ROWS_PER_STATEMENT; k++) lay(list[i + k]!, args, 1 + k * perRow);
        many.run(args);
      }
      for (; i < list.length; i++) {
        lay(list[i]!, single, 1);
        one.run(single);
      }
      n += list.length;
    }
    database.exec("COMMIT");
    database.close(); // timed, as the ingest's close is
    return n;
  });
} else if (phase === "raw-postgres") {
  // The physical limit on PostgreSQL: COPY of the same rows.
  const by = grouped(await loadRows());
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  result = await measure(async () => {
    let n = 0;
    await client.query("BEGIN");
    for (const [table, list] of by) {
      const spec = TABLES[table];
      const columns = ["shop", ...spec.columns];
      const stream = client.query(
        copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`),
      );
      const esc = (v: unknown) =>
        v == null
          ? "\\N"
          : String(v)
              .replace(/\\/g, "\\\\")
              .replace(/\t/g, "\\t")
              .replace(/\n/g, "\\n")
              .replace(/\r/g, "\\r");
      const dates = new Set<string>(spec.dates);
      for (const row of list) {
        const r = row as Record<string, unknown>;
        const values = [
          SHOP,
          ...spec.columns.map((c) =>
            dates.has(c) && r[c] ? new Date(String(r[c])).toISOString().slice(0, 23) : r[c],
          ),
        ];
        if (!stream.write(values.map(esc).join("\t") + "\n"))
          await new Promise((res) => stream.once("drain", res));
        n += 1;
      }
      await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
    }
    await client.query("COMMIT");
    return n;
  });
  await client.end();
} else if (phase === "prisma-createmany") {
  // What most apps do: Prisma createMany in chunks of 1000, on a sample of the same rows (the
  // file's first rows, every table in the mix the file has).
  const sample = Number(sampleArg ?? 20_000);
  const by = grouped(await loadRows(sample));
  const db = createDb(url);
  const delegates = db as unknown as Record<
    string,
    { createMany(args: { data: object[] }): Promise<unknown> }
  >;
  const data = [...by].map(([table, list]) => {
    const dates = new Set<string>(TABLES[table].dates);
    return {
      delegate: delegates[table.charAt(0).toLowerCase() + table.slice(1)]!,
      rows: list.map((row) => {
        const r: Record<string, unknown> = { shop: SHOP, ...row };
        for (const d of dates) r[d] = r[d] ? new Date(String(r[d])) : null;
        return r;
      }),
    };
  });
  // Connected before timing, as the ingest's writer and database are: only the inserts are timed.
  await db.$connect();
  result = await measure(async () => {
    let n = 0;
    for (const { delegate, rows } of data) {
      for (let i = 0; i < rows.length; i += 1000)
        await delegate.createMany({ data: rows.slice(i, i + 1000) });
      n += rows.length;
    }
    return n;
  });
  await db.$disconnect();
} else {
  throw new Error(`unknown phase ${phase}`);
}
const peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ...result, peakRssMB: Math.round(peakRssMB) }) + "\n");
