import { Prisma, type Db } from "../db.server";

/**
 * Every model in the schema carries the shop, so erasing a shop is one deleteMany per model.
 * The list comes from the generated client: a new model is covered without touching this file,
 * and app/privacy/privacy.test.ts fails if a model ever lacks a `shop` column.
 */
export const SHOP_SCOPED_MODELS = Object.values(Prisma.ModelName);

type Delegate = {
  deleteMany(args: { where: { shop: string } }): Prisma.PrismaPromise<{ count: number }>;
};

function delegate(db: Db, model: string): Delegate {
  const key = model.charAt(0).toLowerCase() + model.slice(1);
  return (db as unknown as Record<string, Delegate>)[key]!;
}

/** Deletes every row of `shop` in every table, in one transaction; returns counts per model. */
export async function eraseShop(db: Db, shop: string): Promise<Record<string, number>> {
  const results = await db.$transaction(
    SHOP_SCOPED_MODELS.map((model) => delegate(db, model).deleteMany({ where: { shop } })),
  );
  return Object.fromEntries(SHOP_SCOPED_MODELS.map((model, i) => [model, results[i]!.count]));
}
