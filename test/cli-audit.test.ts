import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { EU_CHANNELS, GATE_RULE } from "../app/channels/gate";
import { CHANNEL_IDS, type ChannelId } from "../app/channels/types";

const execFileAsync = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "sw-audit-"));
const fixture = (...p: string[]) => path.resolve("test", "fixtures", ...p);
const golden = (name: string) => path.resolve("test", "golden", `audit-${name}.json`);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Temporary audit databases the CLI left behind (tsx keeps its own cache there too). */
  leftovers: string[];
}

/** Runs `npx seaworthy audit …` as a merchant would, with a temporary directory of its own. */
function audit(...args: string[]): Promise<Run> {
  return auditFrom({}, ...args);
}

/** As `audit`, from another working directory or with a taxonomy file of its own. */
async function auditFrom(
  options: { cwd?: string; taxonomyFile?: string },
  ...args: string[]
): Promise<Run> {
  const tmp = mkdtempSync(path.join(dir, "tmp-"));
  const left = () => readdirSync(tmp).filter((name) => name.startsWith("seaworthy-audit-"));
  const { SEAWORTHY_TAXONOMY_FILE: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, TMPDIR: tmp, LOG_LEVEL: "silent" };
  if (options.taxonomyFile) env.SEAWORTHY_TAXONOMY_FILE = options.taxonomyFile;
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [path.resolve("bin/seaworthy.js"), "audit", ...args],
      {
        env,
        cwd: options.cwd,
        maxBuffer: 64 << 20,
      },
    );
    return { code: 0, stdout, stderr, leftovers: left() };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, leftovers: left() };
  }
}

interface AuditJson {
  products: {
    handle: string;
    title: string;
    channels: Record<
      string,
      {
        score: number;
        band: string;
        eligible: boolean;
        findings: { rule: string; severity: string; evidence: string; penalty: number }[];
      }
    >;
    ranked: string[];
    compliance: {
      findings: {
        rule: string;
        kind: string;
        severity: string;
        market: string;
        message: string;
        fix: string;
        evidence: string;
        suggestion?: string;
      }[];
    };
  }[];
  problems: { line?: number; reason: string }[];
}

const SAMPLES = [
  ["apparel", fixture("catalogs", "shopifypartners_apparel.csv"), 20],
  ["home-and-garden", fixture("catalogs", "shopifypartners_home-and-garden.csv"), 20],
  ["jewelery", fixture("catalogs", "shopifypartners_jewelery.csv"), 20],
  ["bulk-jsonl", fixture("bulk", "shopify_api_ruby_readme_bulk_example.jsonl"), 5],
] as const;

describe("npx seaworthy audit", () => {
  it.each(SAMPLES)(
    "GIVEN Shopify's sample %s WHEN audited as JSON THEN the output matches the reviewed golden file",
    async (name, file, products) => {
      // A fixed day: dated rules (ECGT, EUDR, …) must not change the golden files over time.
      const run = await audit(
        file,
        "--markets",
        "US,DE,FR",
        "--format",
        "json",
        "--today",
        "2026-12-01",
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.leftovers).toEqual([]);
      const out = JSON.parse(run.stdout) as AuditJson;
      expect(out.products).toHaveLength(products);
      for (const p of out.products) {
        expect(Object.keys(p)).toEqual(["handle", "title", "channels", "ranked", "compliance"]);
        expect(Object.keys(p.channels)).toEqual([...CHANNEL_IDS]);
        // Best first: eligible before not, then the higher score.
        expect([...p.ranked].sort()).toEqual([...CHANNEL_IDS].sort());
        const key = (c: string) => Number(p.channels[c]!.eligible) * 1000 + p.channels[c]!.score;
        for (let i = 1; i < p.ranked.length; i++)
          expect(key(p.ranked[i - 1]!)).toBeGreaterThanOrEqual(key(p.ranked[i]!));
        for (const c of Object.values(p.channels)) {
          expect(c.score).toBe(Math.max(0, 100 - c.findings.reduce((n, f) => n + f.penalty, 0)));
          expect(c.eligible).toBe(!c.findings.some((f) => f.severity === "blocker"));
        }
        // Nothing on file: only the markets asked for, and no claim rewrite outside claims.
        for (const f of p.compliance.findings) {
          expect(["US", "DE", "FR", "EU", "ALL"]).toContain(f.market);
          expect(Object.keys(f).slice(0, 7)).toEqual([
            "rule",
            "kind",
            "severity",
            "market",
            "message",
            "fix",
            "evidence",
          ]);
          if (f.suggestion !== undefined) expect(f.kind).toBe("green_claim");
        }
      }
      // Every physical product sold to DE and FR needs its packaging registrations.
      const rules = new Set(out.products.flatMap((p) => p.compliance.findings.map((f) => f.rule)));
      if (name !== "bulk-jsonl")
        for (const rule of ["epr-de-packaging", "epr-fr-packaging"])
          expect(rules.has(rule)).toBe(true);
      // The compliance gate, as the app applies it: a product blocked by EPR in DE or FR may not
      // go live on a channel that lists into the EU, whatever its listing score.
      let gated = 0;
      for (const p of out.products) {
        const markets = [
          ...new Set(
            p.compliance.findings
              .filter((f) => f.kind === "epr" && f.severity === "blocker")
              .flatMap((f) => (f.market === "EU" ? ["DE", "FR"] : [f.market])),
          ),
        ].sort();
        if (markets.length) gated += 1;
        for (const [channel, c] of Object.entries(p.channels)) {
          const gate = c.findings.filter((f) => f.rule === GATE_RULE);
          if (markets.length && EU_CHANNELS.includes(channel as ChannelId)) {
            expect(gate, `${p.handle} on ${channel}`).toEqual([
              expect.objectContaining({
                severity: "blocker",
                evidence: markets.join(", "),
                penalty: 0,
              }),
            ]);
            expect(c.eligible).toBe(false);
          } else expect(gate, `${p.handle} on ${channel}`).toEqual([]);
        }
      }
      if (name !== "bulk-jsonl") expect(gated).toBe(products);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(path.dirname(golden(name)), { recursive: true });
        writeFileSync(golden(name), run.stdout);
      }
      expect(run.stdout).toBe(readFileSync(golden(name), "utf8"));
    },
    60_000,
  );

  it("GIVEN a CSV with an English category path WHEN audited from a folder outside the repository THEN the verdicts carry the taxonomy id", async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "sw-elsewhere-"));
    writeFileSync(
      path.join(elsewhere, "fryer.csv"),
      "Handle,Title,Product Category,Variant Price\n" +
        "fryer,Air Fryer,Home & Garden > Kitchen & Dining > Kitchen Appliances > Air Fryers,89.00\n",
    );
    const findings = (run: Run) =>
      (JSON.parse(run.stdout) as AuditJson).products.flatMap((p) =>
        Object.values(p.channels).flatMap((c) => c.findings),
      );

    // The taxonomy ships with the app, found from the module, not from the working directory.
    const run = await auditFrom({ cwd: elsewhere }, "fryer.csv", "--format", "json");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect((JSON.parse(run.stdout) as AuditJson).problems).toEqual([]);
    expect(findings(run).filter((f) => f.rule === "category_missing")).toEqual([]);
    expect(findings(run).map((f) => f.evidence)).toContain("hg-11-7-53: Air Fryers");

    // Without a taxonomy the same file keeps only the name: what the checks above would catch.
    const without = await auditFrom(
      { cwd: elsewhere, taxonomyFile: path.join(elsewhere, "none.txt") },
      "fryer.csv",
      "--format",
      "json",
    );
    expect(without.stderr).toMatch(/categories are imported without ids/);
    expect(findings(without).map((f) => f.evidence)).toContain("category name only: Air Fryers");
  }, 60_000);

  it("GIVEN no --markets WHEN audited THEN the US is the market, and the same file gives the same scores as JSON, CSV and table", async () => {
    const file = fixture("catalogs", "shopifypartners_jewelery.csv");
    const json = await audit(file, "--format", "json");
    const csv = await audit(file, "--format", "csv");
    const table = await audit(file, "--format", "table");
    for (const run of [json, csv, table]) expect(run.code).toBe(0);
    const products = (JSON.parse(json.stdout) as AuditJson).products;
    // No EU market, no compliance gate.
    for (const p of products)
      for (const c of Object.values(p.channels))
        expect(c.findings.filter((f) => f.rule === GATE_RULE)).toEqual([]);

    const lines = csv.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("handle,title,channel,score,band,eligible,blockers,top findings");
    expect(lines).toHaveLength(1 + products.length * CHANNEL_IDS.length);
    const [handle, , channel, score, band, eligible] = lines[1]!.split(",");
    const first = products[0]!;
    expect([handle, channel, Number(score), band, eligible]).toEqual([
      first.handle,
      "amazon",
      first.channels.amazon!.score,
      first.channels.amazon!.band,
      String(first.channels.amazon!.eligible),
    ]);

    const head = table.stdout.split("\n")[0]!;
    for (const c of CHANNEL_IDS) expect(head).toContain(c.slice(0, 11));
    expect(table.stdout).toContain(
      `${first.channels.amazon!.score} ${first.channels.amazon!.band[0]!.toUpperCase()}`,
    );
  }, 60_000);

  it.each([["US,XX"], ["usa"], ["EU"], [""]])(
    "GIVEN --markets %j WHEN run THEN it refuses with exit 2 and says what a market is",
    async (markets) => {
      const run = await audit(
        fixture("catalogs", "shopifypartners_apparel.csv"),
        "--markets",
        markets,
      );
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/--markets/);
    },
    30_000,
  );

  it("refuses a --today that is not a date with exit 2", async () => {
    const run = await audit(
      fixture("catalogs", "shopifypartners_apparel.csv"),
      "--today",
      "2026-02-30",
    );
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining("--today")]);
  }, 30_000);

  it("refuses an unknown --format with exit 2", async () => {
    const run = await audit(fixture("catalogs", "shopifypartners_apparel.csv"), "--format", "xml");
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining("--format")]);
  }, 30_000);

  it("GIVEN a file that does not exist or cannot be read as a catalogue WHEN audited THEN exit 1 with the reason, and no temporary database is left", async () => {
    const missing = await audit(path.join(dir, "nope.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No file at/);
    expect(missing.leftovers).toEqual([]);

    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, '{"products": [{"id": 1, "title": "half a file"');
    const run = await audit(broken, "--format", "json");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/audit failed/);
    expect(run.leftovers).toEqual([]);
  }, 60_000);

  it("GIVEN a CSV with bad rows WHEN audited THEN the bad rows are reported with their lines and the rest is scored", async () => {
    const file = path.join(dir, "bad.csv");
    writeFileSync(
      file,
      "\uFEFFHandle,Title,Variant Price,Variant Barcode\n" +
        "mug,Blue Mug,12.50,'0012345678905\n" +
        ",No handle,3.00,\n" +
        "tee,Tee,not-a-price,\n" +
        "cap,Cap,9.00,\n",
    );
    const run = await audit(file, "--format", "json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as AuditJson;
    expect(out.products.map((p) => p.handle).sort()).toEqual(["cap", "mug", "tee"]);
    expect(out.problems.map((p) => p.line).sort()).toEqual([3, 4]);
    expect(run.stderr).toMatch(/bad\.csv:3: /);
    expect(run.stderr).toMatch(/bad\.csv:4: /);
    expect(existsSync(file)).toBe(true);
  }, 60_000);
});
