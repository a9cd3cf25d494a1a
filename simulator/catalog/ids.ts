/**
 * Shopify-looking gids: 13-digit numbers, increasing with small random gaps (real ids are not
 * contiguous), starting from a per-type base derived from the seed so two seeds do not share ids.
 */
import { Rng, hash32 } from "./random";

/** Leading digit per resource type, so ids of different types are easy to tell apart by eye. */
const TYPE_PREFIX: Record<string, number> = {
  Shop: 7,
  Product: 8,
  ProductVariant: 4,
  InventoryItem: 5,
  ProductOption: 9,
  MediaImage: 3,
  Metafield: 2,
  Collection: 6,
  Location: 7,
  InventoryLevel: 1,
  Market: 2,
  Order: 6,
  LineItem: 1,
  Customer: 9,
};

export class IdSequence {
  private value: number;
  private readonly rng: Rng;
  private readonly prefix: string;

  constructor(
    private readonly type: string,
    seed: number,
  ) {
    const prefix = TYPE_PREFIX[type] ?? 1;
    // Offset below 9e10 leaves ~9e11 of headroom under the 13-digit ceiling for increments.
    const offset =
      (hash32(seed, "id-base", type) % 90_000) * 1e6 + (hash32(seed, "id-low", type) % 1e6);
    this.value = prefix * 1e12 + offset;
    this.rng = new Rng(seed, "id-step", type);
    this.prefix = `gid://shopify/${type}/`;
  }

  nextNumber(): number {
    this.value += 1 + Math.floor(this.rng.next() * 48);
    return this.value;
  }

  next(): string {
    // Two-part concatenation: as compact as a flat string, and faster than cat().
    return this.prefix + this.nextNumber();
  }
}

export interface IdSequences {
  shop: IdSequence;
  product: IdSequence;
  variant: IdSequence;
  inventoryItem: IdSequence;
  option: IdSequence;
  media: IdSequence;
  metafield: IdSequence;
  collection: IdSequence;
  location: IdSequence;
  inventoryLevel: IdSequence;
  market: IdSequence;
  order: IdSequence;
  lineItem: IdSequence;
  customer: IdSequence;
}

export function idSequences(seed: number): IdSequences {
  return {
    shop: new IdSequence("Shop", seed),
    product: new IdSequence("Product", seed),
    variant: new IdSequence("ProductVariant", seed),
    inventoryItem: new IdSequence("InventoryItem", seed),
    option: new IdSequence("ProductOption", seed),
    media: new IdSequence("MediaImage", seed),
    metafield: new IdSequence("Metafield", seed),
    collection: new IdSequence("Collection", seed),
    location: new IdSequence("Location", seed),
    inventoryLevel: new IdSequence("InventoryLevel", seed),
    market: new IdSequence("Market", seed),
    order: new IdSequence("Order", seed),
    lineItem: new IdSequence("LineItem", seed),
    customer: new IdSequence("Customer", seed),
  };
}
