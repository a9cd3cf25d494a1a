/** Inventory levels: every variant's inventory item is stocked at one to three locations. */
import type { SimInventoryLevel, SimProduct } from "../store";
import type { IdSequences } from "./ids";
import { Rng } from "./random";
import type { LocationPlan } from "./store-setup";
import { cat } from "./text";
import { DAY_MS, HOUR_MS, iso } from "./time";

/** Share of stock records that are sold out (on hand 0). */
const ZERO_STOCK_RATE = 0.08;
/** Warehouses push stock counts in a nightly batch; levels were last touched in the past month. */
const SYNC_WINDOW_DAYS = 30;

export function buildInventoryLevels(
  seed: number,
  ids: IdSequences,
  products: readonly SimProduct[],
  locations: readonly LocationPlan[],
  nowMs: number,
): SimInventoryLevel[] {
  const rng = new Rng(seed, "inventory");
  const levels: SimInventoryLevel[] = [];
  if (locations.length === 0) return levels;

  // Batch syncs share timestamps (one per location per night), which also keeps a 100k-product
  // store from allocating half a million distinct date strings.
  const syncTimes = locations.map((_, l) =>
    Array.from({ length: SYNC_WINDOW_DAYS }, (_, daysAgo) => {
      let ms =
        Math.floor(nowMs / DAY_MS) * DAY_MS -
        daysAgo * DAY_MS +
        (2 + 3 * l) * HOUR_MS +
        17 * 60_000;
      if (ms > nowMs) ms -= DAY_MS;
      return { ms, iso: iso(ms) };
    }),
  );

  for (const product of products) {
    const createdMs = Date.parse(product.createdAt);
    for (const variant of product.variants) {
      const itemId = variant.inventoryItem.id;
      const itemNumber = itemId.slice(itemId.lastIndexOf("/") + 1);
      let stocked = 0;
      for (let l = 0; l < locations.length; l++) {
        const plan = locations[l] as LocationPlan;
        // The main warehouse (index 0) holds anything the dice left stocked nowhere.
        const isLast = l === locations.length - 1;
        const rolled = rng.chance(plan.coverage);
        if (!rolled && !(isLast && stocked === 0)) continue;
        const at = rolled ? l : 0;
        const location = (locations[at] as LocationPlan).location;
        stocked++;
        const onHand = rng.chance(ZERO_STOCK_RATE) ? 0 : Math.floor(rng.next() ** 2 * 480) + 1;
        const committed = onHand === 0 ? 0 : rng.int(0, Math.min(onHand, 6));
        const sync = syncTimes[at]?.[rng.int(0, SYNC_WINDOW_DAYS - 1)];
        levels.push({
          id: cat(ids.inventoryLevel.next(), "?inventory_item_id=", itemNumber),
          inventoryItemId: itemId,
          locationId: location.id,
          available: onHand - committed,
          onHand,
          // Never before the product existed: brand-new products show their creation time.
          updatedAt: sync && sync.ms >= createdMs ? sync.iso : product.updatedAt,
        });
      }
    }
  }
  return levels;
}
