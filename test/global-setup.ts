import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createClient } from "@libsql/client";
import { migrate } from "../app/db/migrate.server";

declare module "vitest" {
  export interface ProvidedContext {
    testDbDir: string;
  }
}

/**
 * One migrated SQLite database per run, in a folder of its own (so two runs never share or
 * delete each other's files); every test file gets its own copy (test/setup-file.ts).
 */
export default async function setup(project: TestProject) {
  mkdirSync(".tmp", { recursive: true });
  const dir = mkdtempSync(path.resolve(".tmp", "test-"));
  const base = `file:${path.join(dir, "base.sqlite")}`;
  await migrate(base);
  // Tests copy this one file; fold the write-ahead log into it first so a copy holds everything.
  const client = createClient({ url: base });
  await client.execute("PRAGMA busy_timeout = 15000");
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
  project.provide("testDbDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
