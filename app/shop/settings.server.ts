import { z } from "zod";
import type { Db } from "../db.server";
import { LOCALES } from "../i18n/i18n";

/** The merchant's settings, stored as JSON on the shop row; unknown keys are dropped. */
export const shopSettingsSchema = z.object({
  language: z.enum(["auto", ...LOCALES]).default("auto"),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export async function getShopSettings(db: Db, shop: string): Promise<ShopSettings> {
  const row = await db.shop.findUnique({ where: { shop }, select: { settings: true } });
  const parsed = shopSettingsSchema.safeParse(row?.settings ?? {});
  return parsed.success ? parsed.data : shopSettingsSchema.parse({});
}

/**
 * Saves these settings over the stored ones. Keys this form does not own (e.g. the compliance
 * markets, app/compliance/markets.server.ts) are kept, not wiped by the settings page.
 */
export async function saveShopSettings(db: Db, shop: string, settings: ShopSettings) {
  const row = await db.shop.findUnique({ where: { shop }, select: { settings: true } });
  const stored = row?.settings;
  const kept = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  await db.shop.update({ where: { shop }, data: { settings: { ...kept, ...settings } } });
}
