/**
 * The mirror of the shop's `$app:certificate` metaobjects: what Shopify answered when they were
 * last listed, replacing whatever the mirror held for the shop (a complete listing, so deletions
 * made anywhere show up too). Lives in sync/ because it writes the store mirror.
 */
import type { Db } from "../../db.server";

export interface ListedMetaobject {
  id: string;
  handle: string;
  updatedAt: string | null;
  fields: Record<string, string>;
  certificateId: string | null;
}

export async function mirrorCertificateMetaobjects(
  db: Db,
  shop: string,
  listed: readonly ListedMetaobject[],
  syncedAt = new Date(),
): Promise<void> {
  await db.$transaction([
    db.certificateMetaobject.deleteMany({ where: { shop } }),
    db.certificateMetaobject.createMany({
      data: listed.map((m) => ({
        shop,
        handle: m.handle,
        id: m.id,
        certificateId: m.certificateId,
        fields: JSON.stringify(m.fields),
        updatedAt: m.updatedAt ? new Date(m.updatedAt) : null,
        syncedAt,
      })),
    }),
  ]);
}

export async function mirroredCertificateMetaobjects(
  db: Db,
  shop: string,
): Promise<ListedMetaobject[]> {
  const rows = await db.certificateMetaobject.findMany({
    where: { shop },
    select: { id: true, handle: true, certificateId: true, fields: true, updatedAt: true },
    orderBy: { handle: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    handle: r.handle,
    certificateId: r.certificateId,
    updatedAt: r.updatedAt?.toISOString() ?? null,
    fields: JSON.parse(r.fields) as Record<string, string>,
  }));
}
