import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma cannot switch provider from an environment variable, so each provider keeps its own
// schema and migrations; DATABASE_URL picks one. See docs/decisions/0002-database.md.
const url = process.env.DATABASE_URL ?? "file:./data/dev.sqlite";
const isPostgres = /^postgres(ql)?:\/\//.test(url);
const dir = isPostgres ? "postgres" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", dir, "schema.prisma"),
  migrations: { path: path.join("prisma", dir, "migrations") },
  adapter: async () =>
    isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaLibSQL({ url }),
});
