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
import { openMirrorWriter, ROWS_PER_STATEMENT } from "../app/sync/mirror/writer.server";
import { startRun } from "../app/sync/runs.server";

const [phase, url, file, sampleArg] = process.argv.slice(2) as [string, string, string, string?];
const SHOP = "bench.myshopify.com";

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
  result = await measure(
    async () => (await ingestJsonl({ db, writer, shop: SHOP, runId, file })).rowsWritten,
  );
  await writer.close();
  await db.$disconnect();
} else if (phase === "raw-sqlite") {
  // The physical limit: the same rows, already parsed, inserted by the native driver in one
  // transaction with plain INSERTs prepared once, ROWS_PER_STATEMENT rows per call (the fastest
  // way measured here), without the conflict handling, parsing or checkpoints the sync needs.
  const by = grouped(await loadRows());
  const database = new Database(sqlitePath(url));
  database.pragma("synchronous = NORMAL");
  result = await measure(async () => {
    let n = 0;
    database.exec("BEGIN IMMEDIATE");
    for (const [table, list] of by) {
      const spec = TABLES[table];
      const columns = ["shop", ...spec.columns];
      const tuple = `(${columns.map(() => "?").join(", ")})`;
      const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
      const many = database.prepare(head + Array(ROWS_PER_STATEMENT).fill(tuple).join(", "));
      const one = database.prepare(head + tuple);
      const values = (row: object) => {
        const r = row as Record<string, unknown>;
        return [
          SHOP,
          ...spec.columns.map((c) => (typeof r[c] === "boolean" ? Number(r[c]) : (r[c] ?? null))),
        ];
      };
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= list.length; i += ROWS_PER_STATEMENT) {
        many.run(list.slice(i, i + ROWS_PER_STATEMENT).flatMap(values));
      }
      for (; i < list.length; i++) one.run(values(list[i]!));
      n += list.length;
    }
    database.exec("COMMIT");
    return n;
  });
  database.close();
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
