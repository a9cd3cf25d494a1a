/**
 * `npx seaworthy <command>`: Seaworthy's tools that need no Shopify install.
 *
 *   seaworthy import <file> --shop <domain> [--json] [--database <url>]
 */
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { createDb } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import { databaseKind } from "../app/db/url";
import { importFile } from "../app/sync/import/import-file.server";
import { openMirrorWriter } from "../app/sync/mirror/writer.server";

const USAGE = `usage: seaworthy import <file.csv|file.jsonl|products.json> --shop <shop.myshopify.com> [--json] [--database <url>]`;

async function importCommand(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      shop: { type: "string" },
      json: { type: "boolean", default: false },
      database: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || !values.shop) {
    console.error(USAGE);
    return 2;
  }
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(values.shop)) {
    console.error(
      `--shop must be a shop's myshopify.com domain, like my-shop.myshopify.com (got "${values.shop}")`,
    );
    return 2;
  }
  const url = values.database ?? process.env.DATABASE_URL ?? "file:./data/dev.sqlite";
  if (databaseKind(url) === "sqlite") mkdirSync("data", { recursive: true });
  await migrate(url);
  const db = createDb(url);
  const writer = await openMirrorWriter(url, values.shop);
  try {
    const result = await importFile({ db, writer, shop: values.shop, file });
    if (values.json) {
      console.log(
        JSON.stringify({ counts: result.counts, skipped: result.skipped, errors: result.errors }),
      );
    } else {
      console.log(`Imported ${file} (${result.format}) into ${values.shop}:`);
      for (const [key, n] of Object.entries(result.counts)) console.log(`  ${key.padEnd(18)} ${n}`);
      if (result.resumedFromLine)
        console.log(`  (continued an interrupted import from line ${result.resumedFromLine + 1})`);
      for (const e of result.errors.slice(0, 20)) console.log(`  line ${e.line}: ${e.reason}`);
      if (result.errors.length > 20)
        console.log(`  … and ${result.errors.length - 20} more problems (use --json for all)`);
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

const [command, ...rest] = process.argv.slice(2);
const code = command === "import" ? await importCommand(rest) : (console.error(USAGE), 2);
process.exit(code);
