import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { scratchDatabase, TEST_DATABASE_URL } from "../../test/helpers/postgres";
import { migrate } from "./migrate.server";

/** The models of a schema file, without comments, generator and datasource blocks. */
export function modelsOf(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\/.*$/gm, "")
    .replace(/(generator|datasource)\s+\w+\s*\{[^}]*\}/g, "")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}

/** What Prisma says the schema should create, as SQL (the same command that wrote the migrations). */
function expectedSql(provider: "sqlite" | "postgres", url: string): string {
  return execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      `prisma/${provider}/schema.prisma`,
      "--script",
    ],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
}

describe("schema drift", () => {
  it("keeps the SQLite and PostgreSQL schemas' models identical", () => {
    expect(modelsOf("prisma/postgres/schema.prisma")).toBe(modelsOf("prisma/sqlite/schema.prisma"));
  });

  it("every model carries the shop (tenant isolation and shop/redact depend on it)", () => {
    const models = modelsOf("prisma/sqlite/schema.prisma").match(/model \w+ \{[^}]*\}/g) ?? [];
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) expect(model, model.split("\n")[0]).toMatch(/\n shop +String/);
  });

  it("SQLite: the migrations build exactly the database the schema describes", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sw-drift-"));
    const migrated = `file:${path.join(dir, "migrated.sqlite")}`;
    const direct = `file:${path.join(dir, "direct.sqlite")}`;
    await migrate(migrated);
    const fromSchema = createClient({ url: direct });
    await fromSchema.executeMultiple(expectedSql("sqlite", direct));
    const describe = async (url: string) => {
      const client = createClient({ url });
      const rows = (
        await client.execute(
          `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '_prisma%' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
      ).rows.map((r) => `${r.type} ${r.name}: ${String(r.sql).replace(/\s+/g, " ")}`);
      client.close();
      return rows;
    };
    fromSchema.close();
    expect(await describe(migrated)).toEqual(await describe(direct));
  }, 60_000);

  it.runIf(TEST_DATABASE_URL)(
    "PostgreSQL: the migrations build exactly the database the schema describes",
    async () => {
      const migrated = await scratchDatabase("sw_drift_m");
      const direct = await scratchDatabase("sw_drift_d");
      try {
        await migrate(migrated.url);
        const c = new pg.Client({ connectionString: direct.url });
        await c.connect();
        await c.query(expectedSql("postgres", direct.url));
        await c.end();
        const shape = async (url: string) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          const columns = await client.query(
            `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema='public' AND table_name NOT LIKE '_prisma%' ORDER BY table_name, column_name`,
          );
          const indexes = await client.query(
            `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname='public' AND tablename NOT LIKE '_prisma%' ORDER BY indexname`,
          );
          await client.end();
          return { columns: columns.rows, indexes: indexes.rows };
        };
        expect(await shape(migrated.url)).toEqual(await shape(direct.url));
      } finally {
        await migrated.drop();
        await direct.drop();
      }
    },
    60_000,
  );
});
