import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "../app/db/migrate.server";

export const TEST_DIR = path.resolve(".tmp/test");
export const BASE_DB = path.join(TEST_DIR, "base.sqlite");

/** One migrated SQLite database per run; every test file gets its own copy (test/setup-file.ts). */
export default async function setup() {
  rmSync(TEST_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DIR, { recursive: true });
  await migrate(`file:${BASE_DB}`);
  return () => rmSync(TEST_DIR, { recursive: true, force: true });
}
