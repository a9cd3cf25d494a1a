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

  it("are folders with a route.tsx of at most 300 lines, for every page", () => {
    const pages = readdirSync(DIR).filter((name) => {
      const full = path.join(DIR, name);
      const file = statSync(full).isDirectory() ? path.join(full, "route.tsx") : full;
      // A page renders: its module has a default export (resource routes and webhooks do not).
      return /\.tsx?$|^[^.]/.test(name) && /^export default/m.test(safeRead(file));
    });
    // app.tsx is the layout every page renders inside (the Polaris and App Bridge frame).
    const flat = pages.filter((name) => /\.tsx$/.test(name) && name !== "app.tsx");
    expect(flat).toEqual([]);
    const long = pages
      .filter((name) => !name.endsWith(".tsx"))
      .map((name) => [
        name,
        readFileSync(path.join(DIR, name, "route.tsx"), "utf8").split("\n").length,
      ])
      .filter(([, lines]) => Number(lines) > 300);
    expect(long).toEqual([]);
    expect(pages.length).toBeGreaterThan(8);
  });
});

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
