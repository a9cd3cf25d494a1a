/**
 * The house's layers, enforced (docs/decisions/0005-house.md): a capability reads only the ones
 * below it, the job layer and the facts floor know no capability, and no module imports itself
 * back through others. Type-only imports are left out (they vanish at run time).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve("app");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith(".d.ts")
      ? [full]
      : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import(?!\s+type\b)[^;]*?\bfrom\s*|export(?!\s+type\b)[^;]*?\bfrom\s*|import\s*)["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, spec: string, files: Set<string>): string | null {
  const base = spec.startsWith("~/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (files.has(c)) return c;
  return null;
}

const files = sources(ROOT);
const known = new Set(files);
const graph = new Map(
  files.map((f) => [
    f,
    [...readFileSync(f, "utf8").matchAll(IMPORT)]
      .map((m) => resolve(f, m[1] ?? m[2]!, known))
      .filter((t): t is string => t !== null && t !== f),
  ]),
);
const folder = (file: string) => path.relative(ROOT, file).split(path.sep)[0]!;

/** Which top-level folders of app/ each one may never reach. */
const FORBIDDEN: Record<string, string[]> = {
  jobs: ["auth", "sync", "channels", "compliance", "campaigns", "facts", "routes"],
  facts: ["channels", "compliance", "campaigns", "routes"],
  sync: ["channels", "compliance", "campaigns", "routes"],
  auth: ["sync", "channels", "compliance", "campaigns", "routes"],
  compliance: ["channels", "campaigns", "routes"],
  channels: ["campaigns", "routes"],
};

describe("the layers", () => {
  it("hold: no capability imports one above it, the jobs layer and facts floor know none", () => {
    const breaches: string[] = [];
    for (const [file, targets] of graph) {
      const forbidden = FORBIDDEN[folder(file)] ?? [];
      for (const t of targets)
        if (forbidden.includes(folder(t)))
          breaches.push(`${path.relative(ROOT, file)} → ${path.relative(ROOT, t)}`);
    }
    expect(breaches).toEqual([]);
  });

  it("have no import cycle among app/ modules", () => {
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push(
          [...trail.slice(trail.indexOf(file)), file]
            .map((f) => path.relative(ROOT, f))
            .join(" → "),
        );
        return;
      }
      state.set(file, "open");
      for (const t of graph.get(file) ?? []) visit(t, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("are checked on real files (the scan finds the app)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get(path.join(ROOT, "background.server.ts"))?.length).toBeGreaterThan(5);
  });
});
