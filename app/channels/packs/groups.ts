/** Taxonomy code groups several packs share (every code is checked against app/taxonomy). */
import { registerCodes } from "../taxonomy";

/** Mains-powered and battery electrical goods: appliances, audio, computers, chargers, grooming. */
export const ELECTRICAL = registerCodes([
  "el-2",
  "el-6",
  "el-7-15",
  "hg-11-7",
  "hg-9",
  "hg-13",
  "hb-3-10-12",
  "hb-3-11-8",
  "hb-3-12-17",
  "co-2",
]);
