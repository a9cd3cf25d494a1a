import { z } from "zod";
import { Prisma, type Db } from "../db.server";
import { localizeFinding, type Locale } from "./messages";
import { ruleInfo } from "./packs";
import { CHANNEL_IDS, type Band, type ChannelId, type Finding } from "./types";

/*
 * The read side of channel fit: what the Channels and product pages, and the CSV export, show.
 * Every query takes the shop and puts it in its WHERE; nothing here can reach another shop's rows.
 * Prisma where it is enough; raw SQL (parameterised through Prisma.sql) where a join or a split
 * of the space-separated rule lists is needed. Written once for SQLite and PostgreSQL: identifiers
 * are quoted, and the only dialect difference (splitting a rule list) is chosen per client.
 */

export const BANDS = ["excellent", "good", "poor"] as const satisfies readonly Band[];
export const PAGE_SIZE = 50;

export interface ChannelSummary {
  channel: ChannelId;
  products: number;
  eligible: number;
  bands: Record<Band, number>;
  /** Mean score, rounded to one decimal; null when nothing is scored for the channel. */
  averageScore: number | null;
  /** ISO time of the latest score. */
  lastScoredAt: string | null;
  /** The pack edition of the latest score (a rescore may be half way through a new edition). */
  packVersion: string | null;
}

/** Per channel, in CHANNEL_IDS order, with zeros for channels nothing is scored for yet. */
export async function channelSummary(db: Db, shop: string): Promise<ChannelSummary[]> {
  const [groups, versions] = await Promise.all([
    db.channelScore.groupBy({
      by: ["channel", "band", "eligible"],
      where: { shop },
      _count: { _all: true },
      _sum: { score: true },
      _max: { scoredAt: true },
    }),
    db.channelScore.groupBy({
      by: ["channel", "packVersion"],
      where: { shop },
      _max: { scoredAt: true },
    }),
  ]);
  return CHANNEL_IDS.map((channel) => {
    const mine = groups.filter((g) => g.channel === channel);
    const bands: Record<Band, number> = { excellent: 0, good: 0, poor: 0 };
    let products = 0;
    let eligible = 0;
    let sum = 0;
    let last: Date | null = null;
    for (const g of mine) {
      const n = g._count._all;
      products += n;
      if (g.eligible) eligible += n;
      if (isBand(g.band)) bands[g.band] += n;
      sum += g._sum.score ?? 0;
      if (g._max.scoredAt && (!last || g._max.scoredAt > last)) last = g._max.scoredAt;
    }
    const latest = versions
      .filter((v) => v.channel === channel)
      .sort((a, b) => (b._max.scoredAt?.getTime() ?? 0) - (a._max.scoredAt?.getTime() ?? 0))[0];
    return {
      channel,
      products,
      eligible,
      bands,
      averageScore: products ? Math.round((sum / products) * 10) / 10 : null,
      lastScoredAt: last ? last.toISOString() : null,
      packVersion: latest?.packVersion ?? null,
    };
  });
}

const isBand = (value: string): value is Band => (BANDS as readonly string[]).includes(value);

/** Rule ids as the scorer writes them (lower-case words); anything else cannot match a row. */
export const RULE_ID = /^[A-Za-z0-9_.:-]{1,80}$/;

/** The ranked list's filters, as they arrive in a URL (shared by the page and the CSV export). */
export const rankedParams = z.object({
  channel: z.enum(CHANNEL_IDS).default("amazon"),
  band: z.enum(BANDS).optional().catch(undefined),
  blockers: z
    .enum(["1", "true", "on"])
    .transform(() => true)
    .optional()
    .catch(undefined),
  rule: z.string().regex(RULE_ID).optional().catch(undefined),
  /** The numeric part of the collection's gid. */
  collection: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(["best", "worst"]).default("best").catch("best"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type RankedParams = z.infer<typeof rankedParams>;

export interface RankedFilter {
  channel: ChannelId;
  band?: Band;
  blockersOnly?: boolean;
  rule?: string;
  /** Full collection gid. */
  collectionId?: string;
  /**
   * best: eligible products first, each group by highest score (a blocked product is not a better
   * pick than an eligible one with fewer points); worst: the exact opposite, what to fix first.
   */
  sort?: "best" | "worst";
}

export function filterFromParams(p: RankedParams): RankedFilter {
  return {
    channel: p.channel,
    band: p.band,
    blockersOnly: p.blockers,
    rule: p.rule,
    collectionId: p.collection ? `gid://shopify/Collection/${p.collection}` : undefined,
    sort: p.sort,
  };
}

export interface RankedRow {
  productId: string;
  title: string;
  handle: string;
  status: string;
  score: number;
  band: Band;
  eligible: boolean;
  blockers: number;
  warnings: number;
  blockerRules: string[];
  ruleIds: string[];
  packVersion: string;
}

/** LIKE with `!` as the escape character, so `_` and `%` in a rule id match only themselves. */
const likeWord = (word: string) => `% ${word.replace(/[!%_]/g, (c) => `!${c}`)} %`;

function whereClause(shop: string, f: RankedFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`cs."shop" = ${shop}`,
    Prisma.sql`cs."channel" = ${f.channel}`,
  ];
  if (f.band) parts.push(Prisma.sql`cs."band" = ${f.band}`);
  if (f.blockersOnly) parts.push(Prisma.sql`cs."blockers" > 0`);
  if (f.rule) parts.push(Prisma.sql`cs."ruleIds" LIKE ${likeWord(f.rule)} ESCAPE '!'`);
  if (f.collectionId) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "CollectionProduct" cp
      WHERE cp."shop" = cs."shop" AND cp."collectionId" = ${f.collectionId}
        AND cp."productId" = cs."productId")`);
  }
  return Prisma.join(parts, " AND ");
}

// Served by the index on (shop, channel, eligible DESC, score DESC, productId) (schema.prisma).
const orderBy = (f: RankedFilter) =>
  f.sort === "worst"
    ? Prisma.sql`cs."eligible" ASC, cs."score" ASC, cs."productId" ASC`
    : Prisma.sql`cs."eligible" DESC, cs."score" DESC, cs."productId" ASC`;

// A score whose product left the mirror is not listed (the join is inner); the writer removes it.
const RANKED_COLUMNS = Prisma.sql`cs."productId" AS "productId", p."title" AS "title",
  p."handle" AS "handle", p."status" AS "status", cs."score" AS "score", cs."band" AS "band",
  cs."eligible" AS "eligible", cs."blockers" AS "blockers", cs."warnings" AS "warnings",
  cs."blockerRules" AS "blockerRules", cs."ruleIds" AS "ruleIds", cs."packVersion" AS "packVersion"`;
const RANKED_FROM = Prisma.sql`"ChannelScore" cs
  JOIN "Product" p ON p."shop" = cs."shop" AND p."id" = cs."productId"`;

type RawRanked = Record<keyof RankedRow, unknown>;

/** Raw rows come back as each driver types them (SQLite booleans are 0/1, counts may be BigInt). */
function toRanked(r: RawRanked): RankedRow {
  const band = String(r.band);
  return {
    productId: String(r.productId),
    title: String(r.title ?? ""),
    handle: String(r.handle ?? ""),
    status: String(r.status ?? ""),
    score: Number(r.score),
    band: isBand(band) ? band : "poor",
    eligible: r.eligible === true || Number(r.eligible) === 1,
    blockers: Number(r.blockers),
    warnings: Number(r.warnings),
    blockerRules: splitRules(r.blockerRules),
    ruleIds: splitRules(r.ruleIds),
    packVersion: String(r.packVersion ?? ""),
  };
}

export const splitRules = (value: unknown): string[] =>
  String(value ?? "")
    .split(" ")
    .filter(Boolean);

export interface RankedPage {
  rows: RankedRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page (1-based, PAGE_SIZE rows) of the ranked list, and how many rows match in all. */
export async function rankedProducts(
  db: Db,
  shop: string,
  filter: RankedFilter,
  page = 1,
  pageSize = PAGE_SIZE,
): Promise<RankedPage> {
  const where = whereClause(shop, filter);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<RawRanked[]>`SELECT ${RANKED_COLUMNS} FROM ${RANKED_FROM}
      WHERE ${where} ORDER BY ${orderBy(filter)}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" FROM ${RANKED_FROM} WHERE ${where}`,
  ]);
  const total = Number(counted[0]?.n ?? 0);
  return { rows: rows.map(toRanked), total, page, pageCount: Math.ceil(total / pageSize) };
}

/** TRUE and FALSE are literals in both SQLite (as 1 and 0) and PostgreSQL. */
const isEligible = (eligible: boolean) =>
  Prisma.raw(`cs."eligible" = ${eligible ? "TRUE" : "FALSE"}`);

/**
 * The rows after `after` in the list's order: the rest of its eligibility group past its
 * (score, productId), then the whole other group when it comes later (false after true for
 * best, true after false for worst).
 */
function keysetAfter(
  filter: RankedFilter,
  after: { eligible: boolean; score: number; productId: string },
): Prisma.Sql {
  const worst = filter.sort === "worst";
  const later = worst
    ? Prisma.sql`cs."score" > ${after.score}`
    : Prisma.sql`cs."score" < ${after.score}`;
  const rest = Prisma.sql`${isEligible(after.eligible)} AND (${later} OR (cs."score" = ${after.score} AND cs."productId" > ${after.productId}))`;
  return after.eligible !== worst
    ? Prisma.sql` AND ((${rest}) OR ${isEligible(!after.eligible)})`
    : Prisma.sql` AND ${rest}`;
}

/**
 * Every row of the ranked list, in order, a batch at a time: keyset pagination on (eligible,
 * score, productId), so a 100k-product export holds one batch in memory and never re-scans an
 * offset.
 */
export async function* iterateRanked(
  db: Db,
  shop: string,
  filter: RankedFilter,
  batchSize = 1000,
): AsyncGenerator<RankedRow> {
  let after: { eligible: boolean; score: number; productId: string } | null = null;
  for (;;) {
    const where = whereClause(shop, filter);
    const keyset: Prisma.Sql = after ? keysetAfter(filter, after) : Prisma.empty;
    const raw = await db.$queryRaw<RawRanked[]>`SELECT ${RANKED_COLUMNS} FROM ${RANKED_FROM}
      WHERE ${where}${keyset} ORDER BY ${orderBy(filter)} LIMIT ${batchSize}`;
    const rows = raw.map(toRanked);
    for (const row of rows) yield row;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { eligible: last.eligible, score: last.score, productId: last.productId };
  }
}

export interface RuleCount {
  rule: string;
  /** Products this rule fired on for the channel. */
  products: number;
  /** Of those, products where it was a blocker. */
  blocking: number;
  /** blocker when it blocked any product; otherwise the pack's severity (warning or info). */
  severity: Finding["severity"];
}

/** Prisma keeps the provider it was generated for; the two clients share one type (db.server.ts). */
function dialect(db: Db): "sqlite" | "postgres" {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return provider === "postgresql" ? "postgres" : "sqlite";
}

/** How many products of the channel each rule id appears on, from one of the rule-list columns. */
async function countRules(
  db: Db,
  shop: string,
  channel: ChannelId,
  column: "ruleIds" | "blockerRules",
): Promise<Map<string, number>> {
  const col = Prisma.raw(`cs."${column}"`);
  // The lists are " a b c " (ids are word characters only), so each splits on single spaces.
  const rows =
    dialect(db) === "postgres"
      ? await db.$queryRaw<{ rule: string; n: unknown }[]>`SELECT r AS "rule", COUNT(*) AS "n"
          FROM "ChannelScore" cs CROSS JOIN LATERAL unnest(string_to_array(btrim(${col}), ' ')) AS r
          WHERE cs."shop" = ${shop} AND cs."channel" = ${channel} AND r <> '' GROUP BY r`
      : await db.$queryRaw<{ rule: string; n: unknown }[]>`SELECT j.value AS "rule", COUNT(*) AS "n"
          FROM "ChannelScore" cs,
            json_each('["' || replace(trim(${col}), ' ', '","') || '"]') j
          WHERE cs."shop" = ${shop} AND cs."channel" = ${channel} AND trim(${col}) <> ''
            AND j.value <> '' GROUP BY j.value`;
  return new Map(rows.map((r) => [String(r.rule), Number(r.n)]));
}

/** Every rule that fired on the channel's products, with how often, most frequent first. */
export async function ruleCounts(db: Db, shop: string, channel: ChannelId): Promise<RuleCount[]> {
  const [all, blocking] = await Promise.all([
    countRules(db, shop, channel, "ruleIds"),
    countRules(db, shop, channel, "blockerRules"),
  ]);
  const rank = { blocker: 0, warning: 1, info: 2 } as const;
  return [...all.entries()]
    .map(([rule, products]): RuleCount => {
      const blocks = blocking.get(rule) ?? 0;
      // The stored rows decide "blocker" (they were judged by the pack of their time); a rule
      // that blocked nothing here is shown with its warning or info severity.
      const packSeverity = ruleInfo(channel, rule)?.severity ?? "warning";
      const severity = blocks > 0 ? "blocker" : packSeverity === "info" ? "info" : "warning";
      return { rule, products, blocking: blocks, severity };
    })
    .sort(
      (a, b) =>
        rank[a.severity] - rank[b.severity] ||
        b.blocking - a.blocking ||
        b.products - a.products ||
        a.rule.localeCompare(b.rule),
    );
}

const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(["blocker", "warning", "info"]),
  // Left out when the rule's template re-creates them (store.server.ts `storedFinding`).
  message: z.string().optional(),
  fix: z.string().optional(),
  evidence: z.string().default(""),
  penalty: z.number().default(0),
  args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** The stored JSON, keeping the findings that parse (a malformed one is dropped, not fatal). */
export function parseFindings(json: string): Finding[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = findingSchema.safeParse(item);
    if (!parsed.success) return [];
    const f = { ...parsed.data, message: parsed.data.message ?? "", fix: parsed.data.fix ?? "" };
    return [f.message && f.fix ? f : { ...f, ...localizeFinding(f, "en") }];
  });
}

export interface ProductChannelScore {
  channel: ChannelId;
  score: number;
  band: Band;
  eligible: boolean;
  findings: Finding[];
  packVersion: string;
  scoredAt: string;
}

export interface ProductScores {
  product: { id: string; title: string; handle: string; status: string; vendor: string | null };
  /** In CHANNEL_IDS order; a channel not scored yet is absent. */
  scores: ProductChannelScore[];
}

/** One product of this shop with its score on every channel; null when the shop has no such product. */
export async function productScores(
  db: Db,
  shop: string,
  productId: string,
): Promise<ProductScores | null> {
  const [product, rows] = await Promise.all([
    db.product.findUnique({
      where: { shop_id: { shop, id: productId } },
      select: { id: true, title: true, handle: true, status: true, vendor: true },
    }),
    db.channelScore.findMany({
      where: { shop, productId },
      select: {
        channel: true,
        score: true,
        band: true,
        eligible: true,
        findings: true,
        packVersion: true,
        scoredAt: true,
      },
    }),
  ]);
  if (!product) return null;
  const byChannel = new Map(rows.map((r) => [r.channel, r]));
  const scores = CHANNEL_IDS.flatMap((channel): ProductChannelScore[] => {
    const r = byChannel.get(channel);
    if (!r) return [];
    return [
      {
        channel,
        score: r.score,
        band: isBand(r.band) ? r.band : "poor",
        eligible: r.eligible,
        findings: parseFindings(r.findings),
        packVersion: r.packVersion,
        scoredAt: r.scoredAt.toISOString(),
      },
    ];
  });
  return { product, scores };
}

/** The collections the ranked list can be narrowed to (the picker), by title. */
export async function collectionOptions(db: Db, shop: string, limit = 250) {
  return db.collection.findMany({
    where: { shop },
    select: { id: true, title: true },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** Whether anything at all is scored for the shop (the empty state). */
export async function hasScores(db: Db, shop: string): Promise<boolean> {
  return (await db.channelScore.findFirst({ where: { shop }, select: { shop: true } })) !== null;
}

export interface RuleText {
  rule: string;
  /** The rule's short name (the packs name rules in English only). */
  title: string;
  /** A real finding of this rule on one of the shop's products, in the admin's language. */
  example: string | null;
  /** What to do, in the admin's language. */
  fix: string;
  severity: Finding["severity"];
  /** Where the rule comes from (the channel's page, or "Seaworthy heuristic: …"). */
  source: string | null;
}

/**
 * The "what to fix" text of these rules. Messages and fixes are templates filled with a
 * product's figures, so each rule is shown through one real finding of it (from the product it
 * hurts most), rendered in the admin's language; the pack's English fix stands in when none is found.
 */
export async function describeRules(
  db: Db,
  shop: string,
  channel: ChannelId,
  rules: readonly string[],
  locale: Locale,
): Promise<RuleText[]> {
  const samples = await Promise.all(
    rules.map(async (rule) => {
      const row = await db.channelScore.findFirst({
        where: { shop, channel, ruleIds: { contains: ` ${rule} ` } },
        select: { findings: true },
        orderBy: [{ score: "asc" }, { productId: "asc" }],
      });
      return row ? parseFindings(row.findings).find((f) => f.rule === rule) : undefined;
    }),
  );
  return rules.map((rule, i) => {
    const info = ruleInfo(channel, rule);
    const sample = samples[i];
    const text = sample ? localizeFinding(sample, locale) : null;
    return {
      rule,
      title: info?.title ?? rule,
      example: text?.message ?? null,
      fix: text?.fix ?? info?.fixTemplate ?? "",
      severity: sample?.severity ?? info?.severity ?? "warning",
      source: info?.source ?? null,
    };
  });
}

/** The rule's short name for the filter list. */
export const ruleTitle = (channel: ChannelId, rule: string): string =>
  ruleInfo(channel, rule)?.title ?? rule;

/** Findings with their message and fix in the admin's language. */
export function localizedFindings(findings: Finding[], locale: Locale): Finding[] {
  return findings.map((f) => ({ ...f, ...localizeFinding(f, locale) }));
}

/** The export's columns; names are stable (people build spreadsheets on them). */
export const RANKED_CSV_HEADER = [
  "product_id",
  "title",
  "handle",
  "status",
  "channel",
  "score",
  "band",
  "eligible",
  "blockers",
  "warnings",
  "blocker_rules",
  "rules",
  "pack_version",
] as const;

export function rankedCsvRow(channel: ChannelId, r: RankedRow): (string | number)[] {
  return [
    r.productId,
    r.title,
    r.handle,
    r.status,
    channel,
    r.score,
    r.band,
    r.eligible ? "yes" : "no",
    r.blockers,
    r.warnings,
    r.blockerRules.join(" "),
    r.ruleIds.join(" "),
    r.packVersion,
  ];
}

/**
 * One CSV field (RFC 4180). Text a spreadsheet would run as a formula (=, +, -, @, and tab or CR
 * which some apps strip first) gets a leading apostrophe: a product title is the merchant's
 * data, and `=HYPERLINK(…)` in one must not execute when the export is opened (OWASP CSV injection).
 * Numbers we computed are written as they are, so a score of -1 would stay a number.
 */
export function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim()
    ? `"${guarded.replace(/"/g, '""')}"`
    : guarded;
}

/** One CSV record with CRLF, as RFC 4180 and Excel expect. */
export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
