/** All product templates, by seed category, plus the restricted goods injected at a fixed rate. */
import type { SeedCategory } from "../categories";
import { APPAREL, BEAUTY } from "./fashion-beauty";
import { HOME, SMALL_APPLIANCES } from "./household";
import { AUTO_PARTS, WINTER_SPORTS } from "./outdoors";
import { COLLECTIBLES, TOYS } from "./play";
import { ELECTRONICS } from "./tech";
import type { ProductTemplate } from "./types";

export { RESTRICTED } from "./restricted";
export type { ProductTemplate, RestrictedKind } from "./types";

export const TEMPLATES: Record<SeedCategory, readonly ProductTemplate[]> = {
  home: HOME,
  electronics: ELECTRONICS,
  apparel: APPAREL,
  beauty: BEAUTY,
  toys: TOYS,
  collectibles: COLLECTIBLES,
  auto_parts: AUTO_PARTS,
  winter_sports: WINTER_SPORTS,
  small_appliances: SMALL_APPLIANCES,
};
