import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { scratchDatabase, TEST_DATABASE_URL } from "../../test/helpers/postgres";
import { MigrationError, migrate, migrationState } from "./migrate.server";

function tempRoot() {
  const root = mkdtempSync(path.join(os.tmpdir(), "sw-migrate-"));
  cpSync("prisma", path.join(root, "prisma"), { recursive: true });
  return root;
}

describe("migrate (SQLite)", () => {
  it("applies every migration once, with Prisma's bookkeeping, and is a no-op the second time", async () => {
    const root = tempRoot();
    const url = `file:${path.join(root, "db.sqlite")}`;
    const first = await migrate(url, root);
    expect(first.applied.length).toBe(first.total);
    expect(first.total).toBeGreaterThan(0);
    const second = await migrate(url, root);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBe(first.total);

    const client = createClient({ url });
    const rows = (
      await client.execute(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations`)
    ).rows;
    const sql = readFileSync(
      path.join(root, "prisma/sqlite/migrations", first.applied[0]!, "migration.sql"),
    );
    expect(rows[0]!.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    expect(rows[0]!.finished_at).not.toBeNull();
    const tables = (
      await client.execute(`SELECT name FROM sqlite_master WHERE type='table'`)
    ).rows.map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(["Session", "Shop", "WebhookDelivery", "PrivacyRequest"]),
    );
    client.close();
    expect(await migrationState(url, root)).toMatchObject({ upToDate: true, pending: [] });
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const root = tempRoot();
    const url = `file:${path.join(root, "db.sqlite")}`;
    const { applied } = await migrate(url, root);
    const file = path.join(root, "prisma/sqlite/migrations", applied[0]!, "migration.sql");
    writeFileSync(file, readFileSync(file, "utf8") + "\n-- edited\n");
    await expect(migrate(url, root)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls back a failing migration whole and says which one failed", async () => {
    const root = tempRoot();
    const url = `file:${path.join(root, "db.sqlite")}`;
    await migrate(url, root);
    const dir = path.join(root, "prisma/sqlite/migrations/29991231000000_broken");
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT);\nCREATE TABLE nonsense syntax here;`,
    );
    const error = await migrate(url, root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/29991231000000_broken failed and was rolled back/);
    const client = createClient({ url });
    const half = await client.execute(`SELECT name FROM sqlite_master WHERE name='Half'`);
    expect(half.rows).toHaveLength(0);
    client.close();
    expect(await migrationState(url, root)).toMatchObject({
      upToDate: false,
      pending: ["29991231000000_broken"],
    });
  });
});

describe.runIf(TEST_DATABASE_URL)("migrate (PostgreSQL)", () => {
  it("applies every migration once and is a no-op the second time", async () => {
    const scratch = await scratchDatabase();
    try {
      const first = await migrate(scratch.url);
      expect(first.kind).toBe("postgres");
      expect(first.applied.length).toBe(first.total);
      expect((await migrate(scratch.url)).applied).toEqual([]);
      expect(await migrationState(scratch.url)).toMatchObject({ upToDate: true });
    } finally {
      await scratch.drop();
    }
  });
});
