import type { Db } from "../db.server";

/**
 * Small reads of the mirror for the admin pages (every one carries the shop): a product's header,
 * titles for a set of ids, and whether ids a merchant typed are the shop's own.
 */
export function productHeader(db: Db, shop: string, id: string) {
  return db.product.findUnique({
    where: { shop_id: { shop, id } },
    select: { id: true, title: true, status: true },
  });
}

export async function productTitles(
  db: Db,
  shop: string,
  ids: readonly string[],
): Promise<{ id: string; title: string }[]> {
  if (ids.length === 0) return [];
  return db.product.findMany({
    where: { shop, id: { in: [...ids] } },
    select: { id: true, title: true },
  });
}

/** True when every id names one of the shop's products (or collections). */
export async function allTheShops(
  db: Db,
  shop: string,
  kind: "products" | "collections",
  ids: readonly string[],
): Promise<boolean> {
  const where = { shop, id: { in: [...ids] } };
  const known =
    kind === "products" ? await db.product.count({ where }) : await db.collection.count({ where });
  return known === new Set(ids).size;
}
