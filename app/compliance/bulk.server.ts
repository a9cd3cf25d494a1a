/**
 * Bulk edits of product facts: the products a filter (or ticked ids) selects, the edit record
 * with its progress, and the run that writes the answers page by page. Every statement carries the
 * shop: a filter, an id or an edit from another shop selects nothing. The run writes through the
 * driver in one transaction per page (100k products must not take Prisma's minutes), keeps its
 * cursor so a stopped job resumes where it was, and leaves re-evaluation to its job (jobs.server.ts).
 */
import { dateParam, selectRows, type RawDb } from "../db/raw.server";
import type { Db } from "../db.server";
import { applyProfilePatch, type ProfilePatch } from "./bulk";
import { inTransaction } from "./results.server";
import {
  bulkSelectionSchema,
  fieldErrorsOf,
  profilePatchSchema,
  type BulkFilter,
  type BulkSelection,
  type SaveResult,
} from "./schemas.server";
import type { MerchantProfile } from "./types";
import { answersOf } from "./vault.server";

/** Products written per transaction (and per progress report). */
export const BULK_PAGE = 500;

/** `WHERE` for the shop's products the selection covers, with its arguments (`?` placeholders). */
export function selectionWhere(
  shop: string,
  selection: BulkSelection,
): { sql: string; args: unknown[] } {
  const { filter, ids } = selection;
  const parts = [`p."shop" = ?`];
  const args: unknown[] = [shop];
  if (filter.q) {
    parts.push(`LOWER(p."title") LIKE ? ESCAPE '\\'`);
    args.push(`%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (filter.vendor) {
    parts.push(`p."vendor" = ?`);
    args.push(filter.vendor);
  }
  if (filter.productType) {
    parts.push(`p."productType" = ?`);
    args.push(filter.productType);
  }
  if (filter.collectionId) {
    parts.push(
      `EXISTS (SELECT 1 FROM "CollectionProduct" c WHERE c."shop" = p."shop" AND c."productId" = p."id" AND c."collectionId" = ?)`,
    );
    args.push(filter.collectionId);
  }
  if (filter.findings) {
    const has = `EXISTS (SELECT 1 FROM "ComplianceResult" r WHERE r."shop" = p."shop" AND r."productId" = p."id" AND ${
      filter.findings === "blocker"
        ? `r."blockers" > 0`
        : `r."blockers" + r."warnings" + r."infos" > 0`
    })`;
    parts.push(filter.findings === "none" ? `NOT ${has}` : has);
  }
  if (ids?.length) {
    parts.push(`p."id" IN (${ids.map(() => "?").join(", ")})`);
    args.push(...ids);
  }
  return { sql: parts.join(" AND "), args };
}

export async function countSelection(
  channels: RawDb,
  shop: string,
  selection: BulkSelection,
): Promise<number> {
  const where = selectionWhere(shop, selection);
  const [row] = await selectRows(
    channels,
    `SELECT COUNT(*) AS "n" FROM "Product" p WHERE ${where.sql}`,
    where.args,
  );
  return Number(row?.n ?? 0);
}

/** The next `limit` selected ids after `after`, in the database's id order (a stable cursor). */
export async function selectedIds(
  channels: RawDb,
  shop: string,
  selection: BulkSelection,
  after: string | null,
  limit = BULK_PAGE,
): Promise<string[]> {
  const where = selectionWhere(shop, selection);
  const rows = await selectRows(
    channels,
    `SELECT p."id" FROM "Product" p WHERE ${where.sql}${after === null ? "" : ` AND p."id" > ?`} ORDER BY p."id" LIMIT ?`,
    [...where.args, ...(after === null ? [] : [after]), limit],
  );
  return rows.map((r) => String(r.id));
}

export interface ListedProduct {
  id: string;
  title: string;
  vendor: string | null;
  productType: string | null;
  blockers: number;
  warnings: number;
  /** The merchant confirmed at least one fact. */
  confirmed: boolean;
}

/** A page of the shop's products the filter selects, by title, with their findings counts. */
export async function listSelection(
  channels: RawDb,
  shop: string,
  filter: BulkFilter,
  page: number,
  pageSize = 50,
): Promise<ListedProduct[]> {
  const where = selectionWhere(shop, { filter });
  const rows = await selectRows(
    channels,
    `SELECT p."id", p."title", p."vendor", p."productType", r."blockers", r."warnings", CASE WHEN cp."productId" IS NULL THEN 0 ELSE 1 END AS "confirmed" FROM "Product" p LEFT JOIN "ComplianceResult" r ON r."shop" = p."shop" AND r."productId" = p."id" LEFT JOIN "ComplianceProfile" cp ON cp."shop" = p."shop" AND cp."productId" = p."id" WHERE ${where.sql} ORDER BY p."title", p."id" LIMIT ? OFFSET ?`,
    [...where.args, pageSize, (page - 1) * pageSize],
  );
  return rows.map((r) => ({
    id: String(r.id),
    title: String(r.title),
    vendor: r.vendor == null ? null : String(r.vendor),
    productType: r.productType == null ? null : String(r.productType),
    blockers: Number(r.blockers ?? 0),
    warnings: Number(r.warnings ?? 0),
    confirmed: Number(r.confirmed) === 1,
  }));
}

/** The shop's vendors, product types and collections, for the filter's choices. */
export async function filterChoices(db: Db, shop: string, limit = 250) {
  const [vendors, types, collections] = await Promise.all([
    db.product.findMany({
      where: { shop, vendor: { not: null } },
      select: { vendor: true },
      distinct: ["vendor"],
      orderBy: { vendor: "asc" },
      take: limit,
    }),
    db.product.findMany({
      where: { shop, productType: { not: null } },
      select: { productType: true },
      distinct: ["productType"],
      orderBy: { productType: "asc" },
      take: limit,
    }),
    db.collection.findMany({
      where: { shop },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
      take: limit,
    }),
  ]);
  return {
    vendors: vendors.map((v) => v.vendor ?? "").filter(Boolean),
    productTypes: types.map((t) => t.productType ?? "").filter(Boolean),
    collections,
  };
}

// ---- the edit record ---------------------------------------------------------------------------

export type BulkStatus = "queued" | "running" | "done" | "failed";

export interface BulkEdit {
  id: string;
  status: BulkStatus;
  selection: BulkSelection;
  patch: ProfilePatch;
  total: number;
  done: number;
  cursor: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

const EDIT_SELECT = {
  id: true,
  status: true,
  selection: true,
  patch: true,
  total: true,
  done: true,
  cursor: true,
  error: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
} as const;

type EditRow = { selection: string; patch: string; status: string } & Omit<
  BulkEdit,
  "selection" | "patch" | "status"
>;

/** A stored edit; null when its JSON no longer parses (the run then refuses it). */
function editOf(row: EditRow): BulkEdit | null {
  try {
    const selection = bulkSelectionSchema.safeParse(JSON.parse(row.selection));
    const patch = profilePatchSchema.safeParse(JSON.parse(row.patch));
    if (!selection.success || !patch.success) return null;
    return {
      ...row,
      status: row.status as BulkStatus,
      selection: selection.data,
      patch: patch.data as ProfilePatch,
    };
  } catch {
    return null;
  }
}

export async function getBulkEdit(db: Db, shop: string, id: string): Promise<BulkEdit | null> {
  const row = await db.complianceBulkEdit.findFirst({ where: { id, shop }, select: EDIT_SELECT });
  return row ? editOf(row) : null;
}

export async function recentBulkEdits(db: Db, shop: string, limit = 5): Promise<BulkEdit[]> {
  const rows = await db.complianceBulkEdit.findMany({
    where: { shop },
    select: EDIT_SELECT,
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map(editOf).filter((e): e is BulkEdit => e !== null);
}

/** Checks a selection and a patch; answers them parsed, or field errors. */
export function parseBulkInput(input: {
  selection: unknown;
  patch: unknown;
}): SaveResult<{ selection: BulkSelection; patch: ProfilePatch }> {
  const selection = bulkSelectionSchema.safeParse(input.selection);
  if (!selection.success) return { ok: false, fieldErrors: { selection: "invalid" } };
  const patch = profilePatchSchema.safeParse(input.patch);
  if (!patch.success) return { ok: false, fieldErrors: fieldErrorsOf(patch.error) };
  return { ok: true, value: { selection: selection.data, patch: patch.data as ProfilePatch } };
}

/**
 * Records a bulk edit and queues its run. The count is the preview the merchant saw; the run
 * writes whatever the selection covers when it gets there.
 */
export async function startBulkEdit(
  db: Db,
  channels: RawDb,
  shop: string,
  input: { selection: unknown; patch: unknown },
  /** Queues the edit's job (the route passes compliance/jobs.server.ts `queueBulkEdit`). */
  options: { enqueue: (shop: string, editId: string) => Promise<void> },
): Promise<SaveResult<{ id: string; total: number }>> {
  const parsed = parseBulkInput(input);
  if (!parsed.ok) return parsed;
  const { selection, patch } = parsed.value;
  const total = await countSelection(channels, shop, selection);
  if (total === 0) return { ok: false, fieldErrors: { selection: "empty" } };
  const edit = await db.complianceBulkEdit.create({
    data: { shop, selection: JSON.stringify(selection), patch: JSON.stringify(patch), total },
    select: { id: true },
  });
  const { enqueue } = options;
  try {
    await enqueue(shop, edit.id);
  } catch (error) {
    await db.complianceBulkEdit.updateMany({
      where: { id: edit.id, shop },
      data: { status: "failed", error: (error as Error).message, finishedAt: new Date() },
    });
    throw error;
  }
  return { ok: true, value: { id: edit.id, total } };
}

// ---- the run -----------------------------------------------------------------------------------

const UPSERT = (rows: number) =>
  `INSERT INTO "ComplianceProfile" ("shop", "productId", "answers", "updatedAt") VALUES ${Array(
    rows,
  )
    .fill("(?, ?, ?, ?)")
    .join(
      ", ",
    )} ON CONFLICT ("shop", "productId") DO UPDATE SET "answers" = excluded."answers", "updatedAt" = excluded."updatedAt"`;

async function answersFor(
  channels: RawDb,
  shop: string,
  ids: readonly string[],
): Promise<Map<string, MerchantProfile>> {
  const rows = await selectRows(
    channels,
    `SELECT "productId", "answers" FROM "ComplianceProfile" WHERE "shop" = ? AND "productId" IN (${ids.map(() => "?").join(", ")})`,
    [shop, ...ids],
  );
  return new Map(rows.map((r) => [String(r.productId), answersOf(String(r.answers))]));
}

export interface BulkRunResult {
  /** Products written by this run. */
  written: number;
  /** The ids written, when this run wrote every product of the edit and at most `idsUpTo`. */
  productIds: string[] | null;
  /** The edit was already finished (or unknown to this shop): nothing to do. */
  skipped: boolean;
}

/**
 * Applies the edit page by page from its cursor: each page's answers are read, patched and
 * written in one transaction, then the cursor and the count move on. Stopping between pages
 * leaves whole pages written; the next run carries on after the cursor.
 */
export async function runBulkEdit(options: {
  db: Db;
  channels: RawDb;
  shop: string;
  editId: string;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void | Promise<void>;
  pageSize?: number;
  idsUpTo?: number;
  now?: () => Date;
}): Promise<BulkRunResult> {
  const { db, channels, shop, editId } = options;
  const now = options.now ?? (() => new Date());
  const idsUpTo = options.idsUpTo ?? 1000;
  const edit = await getBulkEdit(db, shop, editId);
  if (!edit || edit.status === "done" || edit.status === "failed")
    return { written: 0, productIds: null, skipped: true };
  const resumed = edit.cursor !== null;
  await db.complianceBulkEdit.updateMany({
    where: { id: editId, shop },
    data: { status: "running", error: null },
  });
  let cursor = edit.cursor;
  let done = edit.done;
  let written = 0;
  let ids: string[] | null = resumed ? null : [];
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await selectedIds(channels, shop, edit.selection, cursor, options.pageSize);
    if (page.length === 0) break;
    const before = await answersFor(channels, shop, page);
    const at = dateParam(channels, now());
    const values: unknown[] = [];
    for (const id of page) {
      const answers = applyProfilePatch(before.get(id) ?? {}, edit.patch);
      values.push(shop, id, JSON.stringify(answers), at);
    }
    await inTransaction(channels, UPSERT, values, 4);
    cursor = page[page.length - 1]!;
    done += page.length;
    written += page.length;
    if (ids && ids.length + page.length <= idsUpTo) ids.push(...page);
    else ids = null;
    await db.complianceBulkEdit.updateMany({
      where: { id: editId, shop },
      data: { done, cursor, total: Math.max(edit.total, done) },
    });
    await options.onProgress?.({ done, total: Math.max(edit.total, done) });
  }
  await db.complianceBulkEdit.updateMany({
    where: { id: editId, shop },
    data: { status: "done", total: done, finishedAt: now() },
  });
  return { written, productIds: ids, skipped: false };
}

/** After the last attempt failed: the page shows the edit as failed, with what went wrong. */
export async function failBulkEdit(db: Db, shop: string, editId: string, error: string) {
  await db.complianceBulkEdit.updateMany({
    where: { id: editId, shop },
    data: { status: "failed", error: error.slice(0, 1000), finishedAt: new Date() },
  });
}
