/**
 * `npx seaworthy <command>`: Seaworthy's tools that need no Shopify install.
 *
 *   seaworthy import <file> --shop <domain> [--json] [--database <url>]
 *   seaworthy audit <file> [--markets US,DE,FR] [--format json|csv|table] [--today YYYY-MM-DD]
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  auditCsv,
  auditFile,
  auditJson,
  auditTable,
  parseMarkets,
} from "../app/channels/audit.server";
import { createDb } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import { databaseKind } from "../app/db/url";
import { importFile } from "../app/sync/import/import-file.server";
import { openMirrorWriter } from "../app/sync/mirror/writer.server";
import { databaseUrl } from "../app/db/url";

const USAGE = `usage: seaworthy import <file.csv|file.jsonl|products.json> --shop <shop.myshopify.com> [--json] [--database <url>]
       seaworthy audit <file.csv|file.jsonl|products.json> [--markets US,DE,FR] [--format json|csv|table] [--today YYYY-MM-DD]`;

async function importCommand(argv: string[]) {
  let values: { shop?: string; json: boolean; database?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        shop: { type: "string" },
        json: { type: "boolean", default: false },
        database: { type: "string" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0];
  if (!file || !values.shop || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(values.shop)) {
    console.error(
      `--shop must be a shop's myshopify.com domain, like my-shop.myshopify.com (got "${values.shop}")`,
    );
    return 2;
  }
  const url = values.database ?? databaseUrl();
  if (databaseKind(url) === "sqlite") mkdirSync("data", { recursive: true });
  // The package's own migrations, whichever folder the merchant runs `npx seaworthy` from.
  await migrate(url, fileURLToPath(new URL("..", import.meta.url)));
  const db = createDb(url);
  const writer = await openMirrorWriter(url, values.shop);
  try {
    const result = await importFile({ db, writer, shop: values.shop, file });
    if (values.json) {
      console.log(
        JSON.stringify({
          counts: result.counts,
          skipped: result.skipped,
          errors: result.errors,
          errorCount: result.errorCount,
        }),
      );
    } else {
      console.log(`Imported ${file} (${result.format}) into ${values.shop}:`);
      for (const [key, n] of Object.entries(result.counts)) console.log(`  ${key.padEnd(18)} ${n}`);
      if (result.resumedFromLine)
        console.log(`  (continued an interrupted import from line ${result.resumedFromLine + 1})`);
      for (const e of result.errors.slice(0, 20)) console.log(`  line ${e.line}: ${e.reason}`);
      const unlisted = result.errorCount - Math.min(20, result.errors.length);
      if (unlisted > 0)
        console.log(
          `  … and ${unlisted} more problems${result.errors.length > 20 ? " (--json lists the first " + result.errors.length + ")" : ""}`,
        );
      for (const s of result.skipped.slice(0, 10))
        console.log(
          `  skipped${s.line ? ` line ${s.line}` : ""}: ${s.reason}${s.count ? ` ×${s.count}` : ""}`,
        );
    }
    return 0;
  } catch (error) {
    const message = (error as Error).message;
    console.error(values.json ? JSON.stringify({ error: message }) : `import failed: ${message}`);
    return 1;
  } finally {
    await writer.close();
    await db.$disconnect();
  }
}

const FORMATS = ["json", "csv", "table"] as const;

/** Scores every product of a file for every channel; exit 2 for bad arguments, 1 for a bad file. */
async function auditCommand(argv: string[]) {
  let values: { markets: string; format: string; today?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        markets: { type: "string", default: "US" },
        format: { type: "string", default: "table" },
        // The day compliance evidence and dated rules are judged on (reproducible reports).
        today: { type: "string" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    console.error(`--format must be json, csv or table (got "${values.format}")`);
    return 2;
  }
  if (
    values.today !== undefined &&
    !(
      /^\d{4}-\d{2}-\d{2}$/.test(values.today) &&
      new Date(`${values.today}T00:00:00Z`).toISOString().startsWith(values.today)
    )
  ) {
    console.error(`--today must be a date like 2026-12-01 (got "${values.today}")`);
    return 2;
  }
  let markets: string[];
  try {
    markets = parseMarkets(values.markets);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  try {
    const result = await auditFile({ file, markets, today: values.today });
    for (const p of result.problems)
      console.error(
        `${file}${p.line ? `:${p.line}` : ""}: ${p.reason}${p.count ? ` (×${p.count})` : ""} — skipped, the rest audited`,
      );
    if (result.products.length === 0 && result.problems.length > 0) {
      console.error(`audit failed: no product in ${file} could be read`);
      return 1;
    }
    const out =
      format === "json"
        ? JSON.stringify(auditJson(result), null, 2) + "\n"
        : format === "csv"
          ? auditCsv(result)
          : auditTable(result);
    // process.exit() below would cut a large output short on a pipe: wait until it is flushed.
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(out, (error) => (error ? reject(error) : resolve())),
    );
    return 0;
  } catch (error) {
    console.error(`audit failed: ${(error as Error).message}`);
    return 1;
  }
}

const [command, ...rest] = process.argv.slice(2);
const code =
  command === "import"
    ? await importCommand(rest)
    : command === "audit"
      ? await auditCommand(rest)
      : (console.error(USAGE), 2);
process.exit(code);
