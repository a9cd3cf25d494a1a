import type { Db } from "../../db.server";

/**
 * What the mirror remembers of products and collections Shopify deleted (their gids, from the
 * delete webhooks). Shopify never reuses an id, so a create or update delivered after the delete
 * (out of order or retried late), or a bulk snapshot taken before it and ingested after, must not
 * bring one back.
 */

/** How long a deletion is remembered: Shopify's retries of a delivery end well within it. */
export const REMEMBER_DELETED_MS = 7 * 24 * 3600 * 1000;

export async function wasDeleted(db: Db, shop: string, id: string): Promise<boolean> {
  return (await db.deletedRecord.count({ where: { shop, id } })) > 0;
}

const remember = (db: Db, shop: string, id: string) =>
  db.deletedRecord.upsert({
    where: { shop_id: { shop, id } },
    create: { shop, id },
    update: {},
  });

/** Removes a product and what hangs off it, and remembers the deletion, in one transaction. */
export async function removeProduct(db: Db, shop: string, productId: string): Promise<void> {
  await db.$transaction([
    remember(db, shop, productId),
    db.product.deleteMany({ where: { shop, id: productId } }),
    db.variant.deleteMany({ where: { shop, productId } }),
    db.productMedia.deleteMany({ where: { shop, productId } }),
    db.metafield.deleteMany({ where: { shop, ownerId: productId } }),
    db.collectionProduct.deleteMany({ where: { shop, productId } }),
  ]);
}

/** Removes a collection and its memberships, and remembers the deletion, in one transaction. */
export async function removeCollection(db: Db, shop: string, collectionId: string): Promise<void> {
  await db.$transaction([
    remember(db, shop, collectionId),
    db.collection.deleteMany({ where: { shop, id: collectionId } }),
    db.collectionProduct.deleteMany({ where: { shop, collectionId } }),
  ]);
}

/**
 * After a bulk ingest: removes again whatever the shop deleted while the snapshot was being taken
 * or read (the file can predate a delete webhook already applied). Returns how many it removed.
 */
export async function removeDeletedAgain(db: Db, shop: string): Promise<number> {
  const deleted = await db.deletedRecord.findMany({ where: { shop }, select: { id: true } });
  if (deleted.length === 0) return 0;
  const ids = deleted.map((d) => d.id);
  let removed = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const products = await db.product.findMany({
      where: { shop, id: { in: slice } },
      select: { id: true },
    });
    const collections = await db.collection.findMany({
      where: { shop, id: { in: slice } },
      select: { id: true },
    });
    for (const p of products) await removeProduct(db, shop, p.id);
    for (const c of collections) await removeCollection(db, shop, c.id);
    removed += products.length + collections.length;
  }
  return removed;
}

/** Forgets deletions older than REMEMBER_DELETED_MS (the reconcile calls it). */
export async function forgetOldDeletions(db: Db, shop: string, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - REMEMBER_DELETED_MS);
  return (await db.deletedRecord.deleteMany({ where: { shop, deletedAt: { lt: before } } })).count;
}
