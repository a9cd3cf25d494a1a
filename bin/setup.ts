/**
 * `npm run setup`: applies the database migrations for DATABASE_URL and fails loudly when the
 * database does not end up with every migration applied.
 */
import { mkdirSync } from "node:fs";
import { migrate } from "../app/db/migrate.server";
import { databaseKind } from "../app/db/url";
import { databaseUrl } from "../app/db/url";

const url = databaseUrl();
if (databaseKind(url) === "sqlite") mkdirSync("data", { recursive: true });

try {
  const report = await migrate(url);
  console.log(
    `setup: ${report.kind} database ready — ${report.applied.length} migration(s) applied now, ${report.alreadyApplied.length} already applied, ${report.total} in total.`,
  );
} catch (error) {
  console.error(`setup failed: ${(error as Error).message}`);
  process.exit(1);
}
