/**
 * Routes stay thin: authenticate, parse, call a service, respond. No Prisma model call lives in a
 * route (the services carry the shop in every query, and are tested for it).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve("app/routes");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });

const MODEL_CALL =
  /\b(?:db\(\)|database|prisma)\s*\.\s*[a-z]\w*\s*\.\s*(?:find\w*|create\w*|update\w*|delete\w*|upsert|count|aggregate|groupBy)\s*\(/;

describe("page and webhook routes", () => {
  it("call no Prisma model directly", () => {
    const found = files(DIR).filter((f) => MODEL_CALL.test(readFileSync(f, "utf8")));
    expect(found.map((f) => path.relative(DIR, f))).toEqual([]);
  });

  it("the check sees a model call when there is one", () => {
    expect(MODEL_CALL.test("await db().shop.findUnique({ where })")).toBe(true);
    expect(MODEL_CALL.test("await database.product.count({ where })")).toBe(true);
    expect(MODEL_CALL.test("await productTitles(database, shop, ids)")).toBe(false);
  });
});
