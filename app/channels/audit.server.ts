import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "../db.server";
import { migrate } from "../db/migrate.server";
import { importFile, type ImportResult } from "../sync/import/import-file.server";
import { openMirrorWriter } from "../sync/mirror/writer.server";
import { rawDb, closeRawDb } from "../db/raw.server";
import { productFactsPages } from "../facts/products.server";
import { applyComplianceGate } from "./gate";
import { rankChannels, scoreProduct } from "./index";
import { evaluateOne, isoDay } from "../compliance/evaluate.server";
import type { ComplianceFinding } from "../compliance/types";
import { CHANNEL_IDS, type ChannelId, type ChannelScore, type ShopFacts } from "./types";

/**
 * `seaworthy audit <file>`: a catalogue file is imported into a throwaway SQLite mirror with the
 * same importer as `seaworthy import`, read back with the same facts loader as the app, and
 * scored. One path from file to score: what the CLI says is what the app would say.
 */

/**
 * The checkout whose prisma/ migrations build the throwaway mirror: this module's own, not the
 * working directory's, so `npx seaworthy audit` runs from any folder. Only the CLI loads this
 * module (through tsx, from source), never the Remix bundle.
 */
const CHECKOUT = fileURLToPath(new URL("../..", import.meta.url));

/** The shop the throwaway mirror is kept under (a file has no shop). */
const AUDIT_SHOP = "audit.myshopify.com";

// Region codes Intl names that are not countries (ISO 3166-1 exceptional or private-use codes).
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"]);
const regions = new Intl.DisplayNames(["en"], { type: "region" });

/** `US,de, FR` → ["US","DE","FR"]; throws naming every code that is not an ISO 3166 country. */
export function parseMarkets(text: string): string[] {
  const codes = text
    .split(",")
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== "");
  if (codes.length === 0)
    throw new Error("--markets needs at least one country code, like US,DE,FR");
  const bad = codes.filter(
    (c) => !/^[A-Z]{2}$/.test(c) || NOT_COUNTRIES.has(c) || regions.of(c) === c,
  );
  if (bad.length)
    throw new Error(
      `--markets takes ISO 3166 alpha-2 country codes separated by commas, like US,DE,FR; not a country: ${bad.join(", ")}`,
    );
  return [...new Set(codes)];
}

export interface AuditedProduct {
  id: string;
  handle: string;
  title: string;
  scores: ChannelScore[];
  /** The compliance engine's findings for the markets given, with nothing on file. */
  compliance: ComplianceFinding[];
}

export interface AuditProblem {
  line?: number;
  reason: string;
  count?: number;
}

export interface AuditResult {
  format: ImportResult["format"];
  products: AuditedProduct[];
  /** Rows the importer could not read (reported, the rest audited). */
  problems: AuditProblem[];
}

/** Imports the file into a temporary mirror, scores every product, removes the mirror. */
export async function auditFile(options: {
  file: string;
  markets: string[];
  /** Prices in a file carry no currency; the shop's would (default USD). */
  currency?: string;
  /** The day evidence and dated rules are judged on (default today; fixed for golden files). */
  today?: string;
}): Promise<AuditResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "seaworthy-audit-"));
  const url = `file:${path.join(dir, "audit.sqlite")}`;
  try {
    await migrate(url, CHECKOUT);
    const db = createDb(url);
    const writer = await openMirrorWriter(url, AUDIT_SHOP);
    let imported: ImportResult;
    try {
      imported = await importFile({ db, writer, shop: AUDIT_SHOP, file: options.file });
    } finally {
      await writer.close();
      await db.$disconnect();
    }
    const shop: ShopFacts = {
      domain: AUDIT_SHOP,
      name: null,
      currency: options.currency ?? "USD",
      markets: options.markets,
    };
    const products: AuditedProduct[] = [];
    // A file brings no registrations or certificates: the audit reports what is missing.
    const compliance = {
      registrations: [],
      certificates: [],
      markets: options.markets,
      today: options.today ?? isoDay(new Date()),
    };
    try {
      for await (const page of productFactsPages(rawDb(url), AUDIT_SHOP)) {
        for (const facts of page) {
          // The gate as the app applies it (pass.server.ts): EU markets without the product's EPR
          // registrations block the channels that list there.
          const judged = evaluateOne(facts, undefined, compliance);
          products.push({
            id: facts.id,
            handle: facts.handle,
            title: facts.title,
            scores: applyComplianceGate(scoreProduct(facts, shop), judged.gate).sort(
              (a, b) => CHANNEL_IDS.indexOf(a.channel) - CHANNEL_IDS.indexOf(b.channel),
            ),
            compliance: [...judged.findings],
          });
        }
      }
    } finally {
      await closeRawDb(url);
    }
    return {
      format: imported.format,
      products,
      problems: [
        ...imported.errors.map((e) => ({ line: e.line, reason: e.reason })),
        ...imported.skipped,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- output ------------------------------------------------------------------------------------

/**
 * The JSON contract: keys in a fixed order, channels in CHANNEL_IDS order, and `ranked` the same
 * channel ids in rank order.
 */
export function auditJson(result: AuditResult): object {
  return {
    products: result.products.map((p) => {
      const byChannel = new Map(p.scores.map((s) => [s.channel, s]));
      const channels: Partial<Record<ChannelId, object>> = {};
      for (const channel of CHANNEL_IDS) {
        const s = byChannel.get(channel);
        if (!s) continue;
        channels[channel] = {
          score: s.score,
          band: s.band,
          eligible: s.eligible,
          findings: s.findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            fix: f.fix,
            evidence: f.evidence,
            penalty: f.penalty,
          })),
        };
      }
      const findings = p.compliance.map((f) => ({
        rule: f.rule,
        kind: f.kind,
        severity: f.severity,
        market: f.market,
        message: f.message,
        fix: f.fix,
        evidence: f.evidence,
        ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
      }));
      // Additive to the contract: the channel ids best first (eligible first, then score).
      const ranked = rankChannels(p.scores).map((s) => s.channel);
      return { handle: p.handle, title: p.title, channels, ranked, compliance: { findings } };
    }),
    problems: result.problems,
  };
}

const csvField = (value: string | number | boolean): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The findings that cost most first (blockers before warnings at equal penalty). */
function topFindings(s: ChannelScore, n: number) {
  const rank = { blocker: 0, warning: 1, info: 2 } as const;
  return [...s.findings]
    .filter((f) => f.severity !== "info")
    .sort((a, b) => rank[a.severity] - rank[b.severity] || b.penalty - a.penalty)
    .slice(0, n);
}

/** One row per product and channel. */
export function auditCsv(result: AuditResult): string {
  const lines = [
    ["handle", "title", "channel", "score", "band", "eligible", "blockers", "top findings"].join(
      ",",
    ),
  ];
  for (const p of result.products)
    for (const s of p.scores)
      lines.push(
        [
          p.handle,
          p.title,
          s.channel,
          s.score,
          s.band,
          s.eligible,
          s.findings.filter((f) => f.severity === "blocker").length,
          topFindings(s, 3)
            .map((f) => `${f.rule}: ${f.message}`)
            .join(" | "),
        ]
          .map(csvField)
          .join(","),
      );
  return lines.join("\n") + "\n";
}

const BAND_MARK = { excellent: "E", good: "G", poor: "P" } as const;

/**
 * For people: a score grid (score, band letter, ✗ when not eligible), then each product's
 * channels in rank order (best first) and its blockers.
 */
export function auditTable(result: AuditResult): string {
  const width = Math.min(40, Math.max(6, ...result.products.map((p) => p.handle.length)));
  const head = ["product".padEnd(width), ...CHANNEL_IDS.map((c) => c.slice(0, 11).padStart(11))];
  const out = [head.join(" ")];
  for (const p of result.products) {
    const byChannel = new Map(p.scores.map((s) => [s.channel, s]));
    const cells = CHANNEL_IDS.map((c) => {
      const s = byChannel.get(c);
      return (s ? `${s.score} ${BAND_MARK[s.band]}${s.eligible ? " " : "✗"}` : "-").padStart(11);
    });
    const name =
      p.handle.length > width ? `${p.handle.slice(0, width - 1)}…` : p.handle.padEnd(width);
    out.push([name, ...cells].join(" "));
  }
  out.push("", "E/G/P: excellent/good/poor · ✗: not eligible (a blocker holds)", "");
  for (const p of result.products) {
    const blockers = new Map<string, { message: string; channels: string[] }>();
    for (const s of p.scores)
      for (const f of s.findings)
        if (f.severity === "blocker") {
          const entry = blockers.get(f.rule) ?? { message: f.message, channels: [] };
          entry.channels.push(s.channel);
          blockers.set(f.rule, entry);
        }
    out.push(`${p.handle} — ${p.title}`);
    const ranked = rankChannels(p.scores).map(
      (s, i) => `${i + 1}. ${s.channel} ${s.score} ${BAND_MARK[s.band]}${s.eligible ? "" : "✗"}`,
    );
    out.push(`  best first: ${ranked.join(" · ")}`);
    for (const [rule, b] of blockers)
      out.push(`  ✗ ${rule} (${b.channels.join(", ")}): ${b.message}`);
  }
  return out.join("\n") + "\n";
}
