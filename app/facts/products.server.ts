import type { ShopMarket } from "../shop/install.server";
import { validCertificatesFor, type Certificate } from "./certificates";
import { loadCertificates } from "./certificates.server";
import { dateParam, selectRows, type RawDb, type Row } from "../db/raw.server";
import type { ImageFacts, MetafieldFacts, ProductFacts, ShopFacts, VariantFacts } from "./types";

/**
 * ProductFacts from the store mirror, for one shop at a time: every statement's first parameter
 * is the shop. Products come in keyset pages ordered by id; each child table is then read with one
 * range query over the page's ids (`productId > after AND productId <= last`), which walks the
 * `(shop, productId)` indexes instead of binding thousands of ids. One product is the same query
 * with `productId = ?`.
 */

/** Products per page of a full pass: ~1–2k keeps a page's rows a few MB (measured by bench rank). */
export const FACTS_PAGE = 1_500;

const SALES_WINDOW_MS = 30 * 24 * 3600 * 1000;

const str = (v: unknown): string | null => (v == null ? null : String(v));
const int = (v: unknown): number | null => (v == null ? null : Number(v));

/** Shopify's decimal money strings ("19.90") as numbers; unreadable or empty text is unknown. */
export function money(value: unknown): number | null {
  if (value == null || value === "") return null;
  const n = Number(String(value).trim());
  return Number.isFinite(n) ? n : null;
}

const GRAMS_PER: Record<string, number> = {
  GRAMS: 1,
  G: 1,
  KILOGRAMS: 1000,
  KG: 1000,
  POUNDS: 453.59237,
  LB: 453.59237,
  LBS: 453.59237,
  OUNCES: 28.349523125,
  OZ: 28.349523125,
};

/** A variant's weight in grams (to 0.1 g); null when the weight or its unit is unknown. */
export function grams(weight: unknown, unit: unknown): number | null {
  if (weight == null) return null;
  const factor = GRAMS_PER[String(unit ?? "GRAMS").toUpperCase()];
  const value = Number(weight);
  if (factor === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * factor * 10) / 10;
}

/**
 * The shop's name, currency and the countries of its active markets (from the Shop row). Through
 * the driver too: Prisma's ~2 ms for this one row was most of the single-product budget.
 */
export async function loadShopFacts(db: RawDb, shop: string): Promise<ShopFacts> {
  const [row] = await selectRows(
    db,
    `SELECT "name", "currencyCode", "markets" FROM "Shop" WHERE "shop" = ?`,
    [shop],
  );
  // JSON text on SQLite, already parsed (jsonb) on PostgreSQL.
  const stored: unknown = typeof row?.markets === "string" ? JSON.parse(row.markets) : row?.markets;
  const markets = Array.isArray(stored) ? (stored as Partial<ShopMarket>[]) : [];
  const countries = new Set<string>();
  for (const market of markets) {
    if (market.active === false) continue;
    for (const code of market.countries ?? []) countries.add(code.toUpperCase());
  }
  return {
    domain: shop,
    name: str(row?.name),
    currency: str(row?.currencyCode) ?? "USD",
    markets: [...countries].sort(),
  };
}

// ---- SQL ---------------------------------------------------------------------------------------
// `%P` is replaced by the product predicate on the given column: a page range or one id.

const RANGE = "> ? AND %C <= ?";
const ONE = "= ?";
const on = (column: string, predicate: string) => `${column} ${predicate.replace("%C", column)}`;

const SQL = {
  products: (where: string) =>
    `SELECT "id", "handle", "title", "vendor", "productType", "categoryId", "categoryName", "tags", "status", "descriptionHtml", "seoTitle", "seoDescription", "featuredMediaId" FROM "Product" WHERE "shop" = ? AND ${where}`,
  // Stock is summed over locations in the same statement; NULL when no level exists at all.
  variants: (p: string) =>
    `SELECT v."productId", v."id", v."sku", v."barcode", v."price", v."compareAtPrice", v."unitCost", v."weight", v."weightUnit", v."countryOfOrigin", v."hsCode", (SELECT SUM(l."available") FROM "InventoryLevel" l WHERE l."shop" = v."shop" AND l."inventoryItemId" = v."inventoryItemId") AS "available" FROM "Variant" v WHERE v."shop" = ? AND ${on('v."productId"', p)} ORDER BY v."productId", v."position", v."id"`,
  // Bulk files carry no media positions (NULL): then the featured media goes first (assemble) and
  // the rest by id as a number (gids of one type differ only in their digits).
  media: (p: string) =>
    `SELECT "productId", "id", "url", "alt", "width", "height" FROM "ProductMedia" WHERE "shop" = ? AND ${on('"productId"', p)} ORDER BY "productId", "position", length("id"), "id"`,
  metafields: (p: string) =>
    `SELECT "ownerId", "namespace", "key", "type", "value" FROM "Metafield" WHERE "shop" = ? AND ${on('"ownerId"', p)} ORDER BY "ownerId", "namespace", "key"`,
  // SQLite (without ANALYZE statistics) walks the whole shop's memberships through the primary key
  // (shop, collectionId, productId) for one product — 25 ms at 100k products — so it is told to use
  // the (shop, productId) index. PostgreSQL has statistics and needs no hint.
  collections: (p: string) =>
    `SELECT "productId", "collectionId" FROM "CollectionProduct"%HINT WHERE "shop" = ? AND ${on('"productId"', p)} ORDER BY "productId", "collectionId"`,
  sales: (p: string) =>
    `SELECT ol."productId", SUM(ol."quantity") AS "units", COUNT(DISTINCT ol."orderId") AS "orders" FROM "OrderLine" ol JOIN "Order" o ON o."shop" = ol."shop" AND o."id" = ol."orderId" WHERE ol."shop" = ? AND ${on('ol."productId"', p)} AND NOT o."test" AND o."cancelledAt" IS NULL AND o."createdAt" >= ? GROUP BY ol."productId"`,
  // Sales are known once the shop's orders were synced (or any order arrived by webhook); a file
  // audit has neither, and its products' sales stay unknown rather than zero.
  ordersKnown: `SELECT CASE WHEN EXISTS (SELECT 1 FROM "Order" WHERE "shop" = ?) OR EXISTS (SELECT 1 FROM "SyncRun" WHERE "shop" = ? AND "resource" = 'orders' AND "status" = 'completed') THEN 1 ELSE 0 END AS "known"`,
} as const;

const hinted = (db: RawDb, sql: string) =>
  sql.replace(
    "%HINT",
    db.kind === "sqlite" ? ' INDEXED BY "CollectionProduct_shop_productId_idx"' : "",
  );

type Statements = Record<
  "products" | "variants" | "media" | "metafields" | "collections" | "sales",
  string
>;
const statements = (db: RawDb, where: string, products: string): Statements => ({
  products,
  variants: SQL.variants(where),
  media: SQL.media(where),
  metafields: SQL.metafields(where),
  collections: hinted(db, SQL.collections(where)),
  sales: SQL.sales(where),
});
const built = new Map<string, Statements>();
const memo = (key: string, make: () => Statements) =>
  built.get(key) ?? built.set(key, make()).get(key)!;
const pageSql = (db: RawDb) =>
  memo(`page:${db.kind}`, () =>
    statements(db, RANGE, `${SQL.products('"id" > ?')} ORDER BY "id" LIMIT ?`),
  );
/** A page that stops at an upper bound: one thread's share of a full pass (./pass.server.ts). */
const boundedPageSql = (db: RawDb) =>
  memo(`bounded:${db.kind}`, () =>
    statements(db, RANGE, `${SQL.products('"id" > ? AND "id" <= ?')} ORDER BY "id" LIMIT ?`),
  );
const oneSql = (db: RawDb) =>
  memo(`one:${db.kind}`, () => statements(db, ONE, SQL.products('"id" = ?')));

// ---- assembly ----------------------------------------------------------------------------------

function productFacts(r: Row): ProductFacts {
  const tags = String(r.tags ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  return {
    id: String(r.id),
    handle: String(r.handle),
    title: String(r.title),
    vendor: str(r.vendor),
    productType: str(r.productType),
    categoryId: str(r.categoryId),
    categoryName: str(r.categoryName),
    tags,
    status: String(r.status),
    descriptionHtml: str(r.descriptionHtml),
    seoTitle: str(r.seoTitle),
    seoDescription: str(r.seoDescription),
    variants: [],
    images: [],
    metafields: [],
    collections: [],
    sales: null,
    // Filled from the compliance vault once the product is assembled (withCertificates).
    certificates: null,
  };
}

function variantFacts(r: Row): VariantFacts {
  return {
    id: String(r.id),
    sku: str(r.sku),
    barcode: str(r.barcode),
    price: money(r.price),
    compareAtPrice: money(r.compareAtPrice),
    unitCost: money(r.unitCost),
    grams: grams(r.weight, r.weightUnit),
    countryOfOrigin: str(r.countryOfOrigin),
    hsCode: str(r.hsCode),
    available: int(r.available),
  };
}

const imageFacts = (r: Row): ImageFacts => ({
  url: str(r.url),
  alt: str(r.alt),
  width: int(r.width),
  height: int(r.height),
});

const metafieldFacts = (r: Row): MetafieldFacts => ({
  namespace: String(r.namespace),
  key: String(r.key),
  type: String(r.type),
  value: String(r.value),
});

interface Reads {
  variants: Row[];
  media: Row[];
  metafields: Row[];
  collections: Row[];
  sales: Row[] | null;
}

/** Hangs every child row on its product (children of products not in `byId` are ignored). */
function assemble(products: Row[], reads: Reads): ProductFacts[] {
  const list = products.map(productFacts);
  const byId = new Map(list.map((p) => [p.id, p]));
  for (const r of reads.variants) byId.get(String(r.productId))?.variants.push(variantFacts(r));
  const featured = new Map(products.map((r) => [String(r.id), str(r.featuredMediaId)]));
  for (const r of reads.media) {
    const p = byId.get(String(r.productId));
    if (!p) continue;
    // The product's featured media is its main image whatever the media's order.
    if (String(r.id) === featured.get(p.id)) p.images.unshift(imageFacts(r));
    else p.images.push(imageFacts(r));
  }
  for (const r of reads.metafields) byId.get(String(r.ownerId))?.metafields.push(metafieldFacts(r));
  for (const r of reads.collections)
    byId.get(String(r.productId))?.collections.push(String(r.collectionId));
  if (reads.sales) {
    for (const p of list) p.sales = { units30d: 0, orders30d: 0 };
    for (const r of reads.sales) {
      const p = byId.get(String(r.productId));
      if (p) p.sales = { units30d: Number(r.units ?? 0), orders30d: Number(r.orders ?? 0) };
    }
  }
  return list;
}

export interface FactsOptions {
  /** The end of the 30-day sales window and the day certificates must be valid on (default now). */
  now?: Date;
  /** The shop's certificates when the caller already has them (default: read from the vault). */
  certificates?: readonly Certificate[];
}

/**
 * `certificates` from the compliance vault: with no certificate on file the shop has told us
 * nothing, so they stay unknown (null); once it keeps any, a type not on file (or not valid
 * today) is absent, and channel rules may say it is missing.
 */
function withCertificates(
  facts: ProductFacts[],
  certificates: readonly Certificate[],
  now: Date | undefined,
): ProductFacts[] {
  if (certificates.length === 0) return facts;
  const today = (now ?? new Date()).toISOString().slice(0, 10);
  for (const p of facts) p.certificates = validCertificatesFor(p, certificates, today);
  return facts;
}

async function ordersKnown(db: RawDb, shop: string): Promise<boolean> {
  const [row] = await selectRows(db, SQL.ordersKnown, [shop, shop]);
  return Number(row?.known) === 1;
}

async function readChildren(
  db: RawDb,
  sql: Statements,
  shop: string,
  key: unknown[],
  options: FactsOptions & { salesKnown: boolean },
): Promise<Reads> {
  const args = [shop, ...key];
  const since = dateParam(db, new Date((options.now ?? new Date()).getTime() - SALES_WINDOW_MS));
  return {
    variants: await selectRows(db, sql.variants, args),
    media: await selectRows(db, sql.media, args),
    metafields: await selectRows(db, sql.metafields, args),
    collections: await selectRows(db, sql.collections, args),
    sales: options.salesKnown ? await selectRows(db, sql.sales, [...args, since]) : null,
  };
}

/**
 * Every product of the shop, a page at a time, in id order. Each page is complete (all its
 * products' children), so the caller can score and save it before the next one is read.
 */
export async function* productFactsPages(
  db: RawDb,
  shop: string,
  options: FactsOptions & {
    pageSize?: number;
    /** Only products with an id greater than this (default: from the first). */
    after?: string;
    /** Only products with an id up to and including this (default: to the last). */
    until?: string;
  } = {},
): AsyncGenerator<ProductFacts[]> {
  const pageSize = options.pageSize ?? FACTS_PAGE;
  const salesKnown = await ordersKnown(db, shop);
  const certificates = options.certificates ?? (await loadCertificates(db, shop));
  const until = options.until;
  const sql = until === undefined ? pageSql(db) : boundedPageSql(db);
  let after = options.after ?? "";
  for (;;) {
    const products = await selectRows(
      db,
      sql.products,
      until === undefined ? [shop, after, pageSize] : [shop, after, until, pageSize],
    );
    if (products.length === 0) return;
    const last = String(products[products.length - 1]!.id);
    const facts = assemble(
      products,
      await readChildren(db, sql, shop, [after, last], { ...options, salesKnown }),
    );
    yield withCertificates(facts, certificates, options.now);
    if (products.length < pageSize) return;
    after = last;
  }
}

/** One product's facts, or null when the shop's mirror has no product with this id. */
export async function loadProductFacts(
  db: RawDb,
  shop: string,
  productId: string,
  options: FactsOptions & { salesKnown?: boolean } = {},
): Promise<ProductFacts | null> {
  const sql = oneSql(db);
  const products = await selectRows(db, sql.products, [shop, productId]);
  if (products.length === 0) return null;
  const salesKnown = options.salesKnown ?? (await ordersKnown(db, shop));
  const [facts] = assemble(
    products,
    await readChildren(db, sql, shop, [productId], { ...options, salesKnown }),
  );
  if (!facts) return null;
  const certificates = options.certificates ?? (await loadCertificates(db, shop));
  return withCertificates([facts], certificates, options.now)[0] ?? null;
}

/** Whether sales are known for the shop (exported so a batch of single loads asks once). */
export const salesKnownFor = ordersKnown;
