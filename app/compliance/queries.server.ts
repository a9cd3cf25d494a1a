/**
 * The read side of compliance for the admin pages, the CSV audit export and the printable report.
 * Every query carries the shop in its `where`; findings come from the stored results (the engine
 * is never run here). The one write is the record of an accepted claim rewrite (see below): it
 * lives on the Shop row's settings, not in the store mirror.
 */
import { z } from "zod";
import { rawDb } from "../db/raw.server";
import { loadProductFacts } from "../facts/products.server";
import type { Db } from "../db.server";
import type { MessageKey } from "../i18n/en";
import { translate, type Locale } from "../i18n/i18n";
import { KINDS, SEVERITIES } from "../components/ComplianceBits";
import { certificateStatus, type CertificateStatus } from "./certificates";
import { localizeComplianceFinding } from "./i18n";
import { marketCountries, marketsOverride } from "./markets.server";
import { EPR_OBLIGATIONS } from "./packs/epr";
import { MARK_REQUIREMENTS } from "./packs/marks";
import { isEuMarket } from "./packs/markets";
import { RULES } from "./packs/rules";
import { validateRegistration } from "./registrations";
import { SOURCES } from "./packs/sources";
import { PACKS_VERSION } from "./packs/version";
import { codesOf } from "./results.server";
import { EPR_STREAMS } from "./schemas.server";
import { inferProfile, mergeProfile } from "./profile";
import { getProfileAnswers, listCertificates, type StoredCertificate } from "./vault.server";
import type {
  ComplianceFinding,
  ComplianceProfile,
  EprStream,
  MerchantProfile,
  Severity,
} from "./types";
import { databaseUrl } from "../db/url";

export { KINDS, SEVERITIES };
export const PAGE_SIZE = 50;

/** The UTC calendar day, as the evaluator judges evidence. */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

/** A market in a URL: a country code, `EU` (every EU market) or `ALL` (about the evidence). */
export const marketParam = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{2}|ALL)$/);

// ---- markets -----------------------------------------------------------------------------------

export interface MarketsState {
  /** What the engine judges for: the override when set, else the synced markets. */
  active: string[];
  synced: string[];
  override: string[] | null;
}

export async function marketsState(db: Db, shop: string): Promise<MarketsState> {
  const row = await db.shop.findUnique({
    where: { shop },
    select: { markets: true, settings: true },
  });
  if (!row) return { active: [], synced: [], override: null };
  const synced = marketCountries(row.markets);
  const override = marketsOverride(row.settings);
  return { active: override ?? synced, synced, override };
}

// ---- overview ----------------------------------------------------------------------------------

export interface MarketCounts {
  market: string;
  blocker: { findings: number; products: number };
  warning: { findings: number; products: number };
  info: { findings: number; products: number };
}

/** The last daily snapshot's counts per market (an `EU` finding counts for each EU market). */
export async function latestCounts(
  db: Db,
  shop: string,
): Promise<{ day: string; markets: MarketCounts[] } | null> {
  const last = await db.complianceSnapshot.findFirst({
    where: { shop },
    select: { day: true },
    orderBy: { day: "desc" },
  });
  if (!last) return null;
  const rows = await db.complianceSnapshot.findMany({
    where: { shop, day: last.day },
    select: { market: true, severity: true, findings: true, products: true },
  });
  const byMarket = new Map<string, MarketCounts>();
  for (const r of rows) {
    let m = byMarket.get(r.market);
    if (!m) {
      const zero = () => ({ findings: 0, products: 0 });
      m = { market: r.market, blocker: zero(), warning: zero(), info: zero() };
      byMarket.set(r.market, m);
    }
    if (r.severity === "blocker" || r.severity === "warning" || r.severity === "info")
      m[r.severity] = { findings: r.findings, products: r.products };
  }
  const markets = [...byMarket.values()].sort(
    (a, b) =>
      b.blocker.findings - a.blocker.findings ||
      b.warning.findings - a.warning.findings ||
      a.market.localeCompare(b.market),
  );
  return { day: last.day, markets };
}

export interface DayCounts {
  day: string;
  blocker: number;
  warning: number;
  info: number;
}

/** Findings per day and severity over the last `days` days, summed over markets, oldest first. */
export async function countsOverTime(
  db: Db,
  shop: string,
  days = 30,
  now = new Date(),
): Promise<DayCounts[]> {
  const since = today(new Date(now.getTime() - (days - 1) * 86_400_000));
  const rows = await db.complianceSnapshot.findMany({
    where: { shop, day: { gte: since } },
    select: { day: true, severity: true, findings: true },
    orderBy: { day: "asc" },
  });
  const byDay = new Map<string, DayCounts>();
  for (const r of rows) {
    let d = byDay.get(r.day);
    if (!d) byDay.set(r.day, (d = { day: r.day, blocker: 0, warning: 0, info: 0 }));
    if (r.severity === "blocker" || r.severity === "warning" || r.severity === "info")
      d[r.severity] += r.findings;
  }
  return [...byDay.values()];
}

export interface EvaluationState {
  products: number;
  evaluated: number;
  lastEvaluatedAt: Date | null;
  /** Results judged by older rule packs than the running app's. */
  outdated: number;
  packsVersion: string;
  labels: number;
  lastPublishedAt: Date | null;
}

export async function evaluationState(db: Db, shop: string): Promise<EvaluationState> {
  const [products, evaluated, outdated, lastResult, labels, lastLabel] = await Promise.all([
    db.product.count({ where: { shop } }),
    db.complianceResult.count({ where: { shop } }),
    db.complianceResult.count({ where: { shop, packsVersion: { not: PACKS_VERSION } } }),
    db.complianceResult.findFirst({
      where: { shop },
      select: { evaluatedAt: true },
      orderBy: { evaluatedAt: "desc" },
    }),
    db.complianceLabel.count({ where: { shop } }),
    db.complianceLabel.findFirst({
      where: { shop },
      select: { publishedAt: true },
      orderBy: { publishedAt: "desc" },
    }),
  ]);
  return {
    products,
    evaluated,
    lastEvaluatedAt: lastResult?.evaluatedAt ?? null,
    outdated,
    packsVersion: PACKS_VERSION,
    labels,
    lastPublishedAt: lastLabel?.publishedAt ?? null,
  };
}

export interface ProductRow {
  productId: string;
  title: string;
  blockers: number;
  warnings: number;
  infos: number;
}

async function withTitles(
  db: Db,
  shop: string,
  rows: Omit<ProductRow, "title">[],
): Promise<ProductRow[]> {
  if (rows.length === 0) return [];
  const products = await db.product.findMany({
    where: { shop, id: { in: rows.map((r) => r.productId) } },
    select: { id: true, title: true },
  });
  const titles = new Map(products.map((p) => [p.id, p.title]));
  return rows.map((r) => ({ ...r, title: titles.get(r.productId) ?? r.productId }));
}

export async function mostBlocked(db: Db, shop: string, limit = 10): Promise<ProductRow[]> {
  const rows = await db.complianceResult.findMany({
    where: { shop, blockers: { gt: 0 } },
    select: { productId: true, blockers: true, warnings: true, infos: true },
    orderBy: [{ blockers: "desc" }, { warnings: "desc" }, { productId: "asc" }],
    take: limit,
  });
  return withTitles(db, shop, rows);
}

export interface CertificateWithStatus extends StoredCertificate {
  status: CertificateStatus;
}

export async function certificatesWithStatus(
  db: Db,
  shop: string,
  day = today(),
): Promise<CertificateWithStatus[]> {
  return (await listCertificates(db, shop)).map((c) => ({
    ...c,
    status: certificateStatus(c, day),
  }));
}

// ---- products with findings --------------------------------------------------------------------

export const findingsFilter = z.object({
  market: marketParam.optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  kind: z.enum(KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type FindingsFilter = z.infer<typeof findingsFilter>;

/** Whether a finding counts for `market` (an `EU` finding counts for every EU market). */
export function inMarket(f: Pick<ComplianceFinding, "market">, market: string): boolean {
  return f.market === market || (f.market === "EU" && isEuMarket(market));
}

/** `evidence`: findings about the evidence itself (market `ALL`) count for every market. */
type Filter = Omit<FindingsFilter, "page"> & { evidence?: boolean };

const matches = (f: ComplianceFinding, filter: Filter): boolean =>
  (!filter.market ||
    inMarket(f, filter.market) ||
    (Boolean(filter.evidence) && f.market === "ALL")) &&
  (!filter.severity || f.severity === filter.severity) &&
  (!filter.kind || f.kind === filter.kind);

export function parseFindings(json: string): ComplianceFinding[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as ComplianceFinding[]) : [];
  } catch {
    return [];
  }
}

/**
 * The shop's results that may hold a matching finding: the text match on the stored JSON is a
 * superset (narrows the scan in SQL); each finding is then checked after parsing.
 */
function candidateWhere(shop: string, filter: Filter) {
  const markets = filter.market
    ? [
        filter.market,
        ...(isEuMarket(filter.market) ? ["EU"] : []),
        ...(filter.evidence ? ["ALL"] : []),
      ]
    : [];
  return {
    shop,
    ...(filter.severity === "blocker" ? { blockers: { gt: 0 } } : {}),
    ...(filter.severity === "warning" ? { warnings: { gt: 0 } } : {}),
    ...(filter.severity === "info" ? { infos: { gt: 0 } } : {}),
    ...(markets.length
      ? { OR: markets.map((m) => ({ findings: { contains: `"market":"${m}"` } })) }
      : {}),
    ...(filter.kind ? { findings: { contains: `"kind":"${filter.kind}"` } } : {}),
  };
}

/** Streams the shop's results (most blockers first) with the findings that match the filter. */
export async function* iterateMatching(
  db: Db,
  shop: string,
  filter: Filter,
  batch = 500,
): AsyncGenerator<{ productId: string; evaluatedAt: Date; findings: ComplianceFinding[] }> {
  const where = candidateWhere(shop, filter);
  for (let skip = 0; ; skip += batch) {
    const rows = await db.complianceResult.findMany({
      where,
      select: { productId: true, findings: true, evaluatedAt: true },
      orderBy: [{ blockers: "desc" }, { warnings: "desc" }, { productId: "asc" }],
      skip,
      take: batch,
    });
    for (const r of rows) {
      const findings = parseFindings(r.findings).filter((f) => matches(f, filter));
      if (findings.length) yield { productId: r.productId, evaluatedAt: r.evaluatedAt, findings };
    }
    if (rows.length < batch) return;
  }
}

export interface MatchingPage {
  rows: (ProductRow & { matching: number })[];
  total: number;
  page: number;
  pageCount: number;
}

export async function productsWithFindings(
  db: Db,
  shop: string,
  filter: FindingsFilter,
): Promise<MatchingPage> {
  const all: { productId: string; findings: ComplianceFinding[] }[] = [];
  for await (const m of iterateMatching(db, shop, filter)) all.push(m);
  const pageCount = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const slice = all.slice((filter.page - 1) * PAGE_SIZE, filter.page * PAGE_SIZE);
  const count = (fs: ComplianceFinding[], s: Severity) => fs.filter((f) => f.severity === s).length;
  const rows = await withTitles(
    db,
    shop,
    slice.map((m) => ({
      productId: m.productId,
      blockers: count(m.findings, "blocker"),
      warnings: count(m.findings, "warning"),
      infos: count(m.findings, "info"),
    })),
  );
  return {
    rows: rows.map((r, i) => ({ ...r, matching: slice[i]!.findings.length })),
    total: all.length,
    page: filter.page,
    pageCount,
  };
}

// ---- one product -------------------------------------------------------------------------------

export interface ShownFinding extends ComplianceFinding {
  /** Rule sources: title and address, for the evidence trail. */
  sources: { title: string; url: string }[];
  /** The form a one-click fix opens, prefilled. */
  action:
    | { kind: "registration"; country: string; stream: EprStream }
    /** The registration is held but wrong: the EPR page opens it for editing. */
    | { kind: "editRegistration"; country: string; stream: EprStream }
    /** Warnings missing in the market's languages: the profile opens a field for `language`. */
    | { kind: "safetyInfo"; language: string }
    | { kind: "certificate"; type: string }
    | { kind: "profile" }
    | { kind: "rewrite" }
    | null;
}

const PROFILE_RULES = /^(gpsr-manufacturer|gpsr-responsible-person)$/;

/**
 * The stream of a held registration's finding: by its register (one per country and stream), or
 * by the evidence (`weee: DE1234`) when a finding outlived its register's name.
 */
function registrationStream(f: ComplianceFinding): EprStream | null {
  if (f.rule === "epr-de-packaging-role") return "packaging";
  const byRegister = EPR_OBLIGATIONS.find(
    (o) => o.country === f.market && o.register === f.args.register,
  );
  if (byRegister) return byRegister.stream;
  const prefix = /^([a-z_]+):/.exec(f.evidence)?.[1];
  return (EPR_STREAMS as readonly string[]).includes(prefix ?? "") ? (prefix as EprStream) : null;
}

function actionFor(f: ComplianceFinding): ShownFinding["action"] {
  if (f.rule === "epr-number-format" || f.rule === "epr-de-packaging-role") {
    const stream = registrationStream(f);
    return stream && /^[A-Z]{2}$/.test(f.market)
      ? { kind: "editRegistration", country: f.market, stream }
      : null;
  }
  if (f.rule === "gpsr-safety-language") {
    // The market's first official language (`nl/fr/de` for Belgium), as the finding lists them.
    const language = String(f.args.languages ?? "").split("/")[0] ?? "";
    return /^[a-z]{2}$/.test(language) ? { kind: "safetyInfo", language } : { kind: "profile" };
  }
  if (f.kind === "epr" && typeof f.args.stream === "string" && /^[A-Z]{2}$/.test(f.market))
    return { kind: "registration", country: f.market, stream: f.args.stream as EprStream };
  if (f.suggestion !== undefined) return { kind: "rewrite" };
  const mark = MARK_REQUIREMENTS.find((m) => m.rule === f.rule);
  if (mark?.accepts[0]) return { kind: "certificate", type: mark.accepts[0] };
  if (PROFILE_RULES.test(f.rule) || f.kind === "certification") return { kind: "profile" };
  return null;
}

/** A finding in the admin's language; one from a rule the packs no longer have stays as stored. */
export function localize(f: ComplianceFinding, locale: Locale): ComplianceFinding {
  return RULES.has(f.rule) ? localizeComplianceFinding(f, locale) : f;
}

export function showFindings(findings: ComplianceFinding[], locale: Locale): ShownFinding[] {
  return findings.map((f) => {
    const sources = (RULES.get(f.rule)?.sources ?? []).map((id) => ({
      title: SOURCES[id].title,
      url: SOURCES[id].url,
    }));
    return { ...localize(f, locale), sources, action: actionFor(f) };
  });
}

/**
 * The product's profile as the engine sees it: inferred from the mirror, with what the merchant
 * confirmed on top (each value says which). Null when the product is not in the shop's mirror.
 */
export async function productProfile(
  db: Db,
  shop: string,
  productId: string,
): Promise<{ profile: ComplianceProfile; answers: MerchantProfile } | null> {
  const channels = rawDb(databaseUrl());
  const [facts, stored] = await Promise.all([
    loadProductFacts(channels, shop, productId),
    getProfileAnswers(db, shop, productId),
  ]);
  if (!facts) return null;
  const answers = stored?.answers ?? {};
  return { profile: mergeProfile(inferProfile(facts), answers), answers };
}

// ---- accepted claim rewrites -------------------------------------------------------------------

/**
 * Accepted rewrites, recorded on the Shop row's settings. A title or description claim quoted in
 * full can also be applied in Shopify (./apply-rewrite.server.ts: the product is read fresh and only that
 * sentence replaced); for the rest (image alt text, SEO fields, metafields, shortened quotes) the
 * page shows the rewrite to copy, and the finding clears once the text in Shopify changes and
 * the product is checked again.
 */
const REWRITES_KEY = "complianceAcceptedRewrites";
const MAX_REWRITES = 1000;

const acceptedSchema = z.object({
  productId: z.string(),
  rule: z.string(),
  evidence: z.string(),
  suggestion: z.string(),
  acceptedAt: z.string(),
});
export type AcceptedRewrite = z.infer<typeof acceptedSchema>;

const settingsObject = (value: unknown): Record<string, unknown> => {
  const v: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
};

function rewritesOf(settings: unknown): AcceptedRewrite[] {
  const parsed = z.array(acceptedSchema).safeParse(settingsObject(settings)[REWRITES_KEY]);
  return parsed.success ? parsed.data : [];
}

export async function acceptedRewrites(
  db: Db,
  shop: string,
  productId: string,
): Promise<AcceptedRewrite[]> {
  const row = await db.shop.findUnique({ where: { shop }, select: { settings: true } });
  return rewritesOf(row?.settings).filter((r) => r.productId === productId);
}

/**
 * Records that the merchant accepted the engine's rewrite for this product's claim finding. Only a
 * finding the stored result holds (same rule and evidence, with a suggestion) can be accepted.
 */
export async function acceptRewrite(
  db: Db,
  shop: string,
  productId: string,
  finding: { rule: string; evidence: string },
  now = new Date(),
): Promise<AcceptedRewrite | null> {
  const result = await db.complianceResult.findUnique({
    where: { shop_productId: { shop, productId } },
    select: { findings: true },
  });
  const hit = parseFindings(result?.findings ?? "[]").find(
    (f) => f.rule === finding.rule && f.evidence === finding.evidence && f.suggestion !== undefined,
  );
  if (!hit) return null;
  const row = await db.shop.findUnique({ where: { shop }, select: { settings: true } });
  if (!row) return null;
  const settings = settingsObject(row.settings);
  const accepted: AcceptedRewrite = {
    productId,
    rule: hit.rule,
    evidence: hit.evidence,
    suggestion: hit.suggestion ?? "",
    acceptedAt: now.toISOString(),
  };
  const kept = rewritesOf(settings).filter(
    (r) => !(r.productId === productId && r.rule === hit.rule && r.evidence === hit.evidence),
  );
  settings[REWRITES_KEY] = [...kept, accepted].slice(-MAX_REWRITES);
  await db.shop.update({ where: { shop }, data: { settings: settings as object } });
  return accepted;
}

// ---- audit report ------------------------------------------------------------------------------

export const AUDIT_CSV_HEADER = [
  "product_id",
  "title",
  "handle",
  "market",
  "severity",
  "kind",
  "rule",
  "message",
  "fix",
  "evidence",
  "suggestion",
  "sources",
  "evaluated_at",
  "packs_version",
] as const;

export interface AuditRow {
  productId: string;
  title: string;
  handle: string;
  finding: ComplianceFinding;
  evaluatedAt: Date;
}

/**
 * Every finding for `market` (with the findings about the evidence, which hold everywhere), or
 * for every market when null; product by product, in batches.
 */
export async function* iterateAudit(
  db: Db,
  shop: string,
  market: string | null,
  locale: Locale,
): AsyncGenerator<AuditRow[]> {
  const filter: Filter = market ? { market, evidence: true } : {};
  let batch: { productId: string; evaluatedAt: Date; findings: ComplianceFinding[] }[] = [];
  const flush = async (): Promise<AuditRow[]> => {
    const products = await db.product.findMany({
      where: { shop, id: { in: batch.map((b) => b.productId) } },
      select: { id: true, title: true, handle: true },
    });
    const byId = new Map(products.map((p) => [p.id, p]));
    const out = batch.flatMap((b) =>
      b.findings.map((f) => ({
        productId: b.productId,
        title: byId.get(b.productId)?.title ?? "",
        handle: byId.get(b.productId)?.handle ?? "",
        finding: localize(f, locale),
        evaluatedAt: b.evaluatedAt,
      })),
    );
    batch = [];
    return out;
  };
  for await (const m of iterateMatching(db, shop, filter)) {
    batch.push(m);
    if (batch.length >= 200) yield await flush();
  }
  if (batch.length) yield await flush();
}

export function auditCsvRow(r: AuditRow): string[] {
  const meta = RULES.get(r.finding.rule);
  return [
    r.productId,
    r.title,
    r.handle,
    r.finding.market,
    r.finding.severity,
    r.finding.kind,
    r.finding.rule,
    r.finding.message,
    r.finding.fix,
    r.finding.evidence,
    r.finding.suggestion ?? "",
    // Addresses an auditor can open; a source without one (the team's digest) by its title.
    (meta?.sources ?? [])
      .map((id) => (/^https?:/.test(SOURCES[id].url) ? SOURCES[id].url : SOURCES[id].title))
      .join(" | "),
    r.evaluatedAt.toISOString(),
    PACKS_VERSION,
  ];
}

/** Codes stored as ` DE FR ` (re-exported for the pages). */
export { codesOf };

// ---- form errors in the admin's language -------------------------------------------------------

/**
 * The vault answers field errors in English; the pages show them in the admin's language. Each
 * field's message is re-derived from what failed (the format check gives the register and the
 * expected format), so no English sentence is parsed.
 */
export function registrationErrors(
  input: { country: string; stream: string; number: string },
  errors: Record<string, string>,
  locale: Locale,
): Record<string, string> {
  const out: Record<string, string> = {};
  const country = input.country.trim().toUpperCase();
  const check = /^[A-Z]{2}$/.test(country)
    ? validateRegistration({ country, stream: input.stream as EprStream, number: input.number })
    : null;
  for (const field of Object.keys(errors)) {
    if (field === "country") out.country = translate(locale, "compliance.reg.error.country");
    else if (field === "stream")
      out.stream = errors.stream?.startsWith("There is already")
        ? translate(locale, "compliance.reg.error.taken", {
            register: check?.register ?? "",
            country,
          })
        : translate(locale, "compliance.reg.error.stream");
    else if (field === "number")
      out.number =
        !input.number.trim() || !check || check.problem === "empty"
          ? translate(locale, "compliance.reg.error.empty")
          : translate(locale, "compliance.reg.error.format", {
              register: check.register,
              expected: check.expected,
            });
    else if (field === "form") out.form = translate(locale, "compliance.error.gone");
    else out[field] = translate(locale, "compliance.error.invalid");
  }
  return out;
}

const CERTIFICATE_ERRORS: Record<string, MessageKey> = {
  kind: "compliance.cert.error.kind",
  number: "compliance.cert.error.number",
  issuer: "compliance.error.invalid",
  validFrom: "compliance.cert.error.date",
  validTo: "compliance.cert.error.validTo",
  documentUrl: "compliance.cert.error.url",
  scope: "compliance.cert.error.scope",
  "scope.productIds": "compliance.cert.error.products",
  "scope.collectionIds": "compliance.cert.error.collections",
  form: "compliance.error.gone",
};

export function certificateErrors(
  errors: Record<string, string>,
  locale: Locale,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = field.startsWith("scope.productIds")
      ? "scope.productIds"
      : field.startsWith("scope.collectionIds")
        ? "scope.collectionIds"
        : field;
    // validTo's own rule ("cannot end before it starts") vs a malformed date.
    const k =
      key === "validTo" && !message.startsWith("The certificate cannot")
        ? "compliance.cert.error.date"
        : (CERTIFICATE_ERRORS[key] ?? "compliance.error.invalid");
    out[key.startsWith("scope") ? "scope" : key] ??= translate(locale, k);
  }
  return out;
}
