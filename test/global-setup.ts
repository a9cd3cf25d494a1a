import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
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
  await migrate(`file:${path.join(dir, "base.sqlite")}`);
  project.provide("testDbDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
