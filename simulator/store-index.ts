/**
 * Id lookups over a SimStore. The store is plain data that tests and mutations change in place,
 * so the index is cached per store and dropped when a top-level array is replaced or changes
 * length, or when a lookup misses and a cheap fingerprint of the nested arrays has changed
 * (e.g. a variant was pushed onto a product). Each map is built on first use, so a request that
 * only needs inventory sums does not pay for order or media maps (a 100k-product store has
 * ~250k variants and ~450k inventory levels).
 */
import type {
  Gid,
  SimCollection,
  SimImage,
  SimInventoryItem,
  SimInventoryLevel,
  SimLocation,
  SimMarket,
  SimMetafield,
  SimOrder,
  SimProduct,
  SimStore,
  SimVariant,
} from "./store";

export type SimCustomer = NonNullable<SimOrder["customer"]>;
export type SimLineItem = SimOrder["lineItems"][number];

export interface StoreIndex {
  readonly products: Map<Gid, SimProduct>;
  readonly variants: Map<Gid, { variant: SimVariant; product: SimProduct }>;
  readonly inventoryItems: Map<
    Gid,
    { item: SimInventoryItem; variant: SimVariant; product: SimProduct }
  >;
  readonly media: Map<Gid, { image: SimImage; product: SimProduct }>;
  readonly metafields: Map<Gid, { metafield: SimMetafield; owner: SimProduct }>;
  readonly collections: Map<Gid, SimCollection>;
  readonly collectionsByProduct: Map<Gid, SimCollection[]>;
  readonly locations: Map<Gid, SimLocation>;
  readonly inventoryLevels: Map<Gid, SimInventoryLevel>;
  readonly levelsByItem: Map<Gid, SimInventoryLevel[]>;
  readonly markets: Map<Gid, SimMarket>;
  readonly orders: Map<Gid, SimOrder>;
  readonly customers: Map<Gid, { customer: SimCustomer; orders: SimOrder[] }>;
  readonly lineItems: Map<Gid, { lineItem: SimLineItem; order: SimOrder }>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class LazyIndex implements StoreIndex {
  private cache: Partial<Record<keyof StoreIndex, Map<Gid, unknown>>> = {};

  constructor(private readonly store: SimStore) {}

  private memo<K extends keyof StoreIndex>(key: K, build: () => StoreIndex[K]): StoreIndex[K] {
    const hit = this.cache[key];
    if (hit) return hit as StoreIndex[K]; // stored by this same key below
    const built = build();
    this.cache[key] = built;
    return built;
  }

  get products(): StoreIndex["products"] {
    return this.memo("products", () => new Map(this.store.products.map((p) => [p.id, p])));
  }
  get variants(): StoreIndex["variants"] {
    return this.memo("variants", () => {
      const map: StoreIndex["variants"] = new Map();
      for (const product of this.store.products)
        for (const variant of product.variants) map.set(variant.id, { variant, product });
      return map;
    });
  }
  get inventoryItems(): StoreIndex["inventoryItems"] {
    return this.memo("inventoryItems", () => {
      const map: StoreIndex["inventoryItems"] = new Map();
      for (const product of this.store.products) {
        for (const variant of product.variants)
          map.set(variant.inventoryItem.id, { item: variant.inventoryItem, variant, product });
      }
      return map;
    });
  }
  get media(): StoreIndex["media"] {
    return this.memo("media", () => {
      const map: StoreIndex["media"] = new Map();
      for (const product of this.store.products)
        for (const image of product.media) map.set(image.id, { image, product });
      return map;
    });
  }
  get metafields(): StoreIndex["metafields"] {
    return this.memo("metafields", () => {
      const map: StoreIndex["metafields"] = new Map();
      for (const owner of this.store.products)
        for (const metafield of owner.metafields) map.set(metafield.id, { metafield, owner });
      return map;
    });
  }
  get collections(): StoreIndex["collections"] {
    return this.memo("collections", () => new Map(this.store.collections.map((c) => [c.id, c])));
  }
  get collectionsByProduct(): StoreIndex["collectionsByProduct"] {
    return this.memo("collectionsByProduct", () => {
      const map: StoreIndex["collectionsByProduct"] = new Map();
      for (const collection of this.store.collections)
        for (const productId of collection.productIds) push(map, productId, collection);
      return map;
    });
  }
  get locations(): StoreIndex["locations"] {
    return this.memo("locations", () => new Map(this.store.locations.map((l) => [l.id, l])));
  }
  get inventoryLevels(): StoreIndex["inventoryLevels"] {
    return this.memo(
      "inventoryLevels",
      () => new Map(this.store.inventoryLevels.map((l) => [l.id, l])),
    );
  }
  get levelsByItem(): StoreIndex["levelsByItem"] {
    return this.memo("levelsByItem", () => {
      const map: StoreIndex["levelsByItem"] = new Map();
      for (const level of this.store.inventoryLevels) push(map, level.inventoryItemId, level);
      return map;
    });
  }
  get markets(): StoreIndex["markets"] {
    return this.memo("markets", () => new Map(this.store.markets.map((m) => [m.id, m])));
  }
  get orders(): StoreIndex["orders"] {
    return this.memo("orders", () => new Map(this.store.orders.map((o) => [o.id, o])));
  }
  get customers(): StoreIndex["customers"] {
    return this.memo("customers", () => {
      const map: StoreIndex["customers"] = new Map();
      for (const order of this.store.orders) {
        if (!order.customer) continue;
        const entry = map.get(order.customer.id);
        if (entry) entry.orders.push(order);
        else map.set(order.customer.id, { customer: order.customer, orders: [order] });
      }
      return map;
    });
  }
  get lineItems(): StoreIndex["lineItems"] {
    return this.memo("lineItems", () => {
      const map: StoreIndex["lineItems"] = new Map();
      for (const order of this.store.orders)
        for (const lineItem of order.lineItems) map.set(lineItem.id, { lineItem, order });
      return map;
    });
  }
}

interface Cached {
  index: LazyIndex;
  arrays: unknown[];
  lengths: number[];
  fingerprint: number;
}

const cache = new WeakMap<SimStore, Cached>();

function topArrays(store: SimStore): unknown[][] {
  return [
    store.products,
    store.collections,
    store.locations,
    store.inventoryLevels,
    store.markets,
    store.orders,
  ];
}

function fingerprint(store: SimStore): number {
  let n = 0;
  for (const p of store.products)
    n += p.variants.length + p.media.length * 7 + p.metafields.length * 13;
  for (const c of store.collections) n += c.productIds.length * 17;
  for (const o of store.orders) n += o.lineItems.length * 19;
  return n;
}

function fresh(store: SimStore): Cached {
  const arrays = topArrays(store);
  const cached: Cached = {
    index: new LazyIndex(store),
    arrays,
    lengths: arrays.map((a) => a.length),
    fingerprint: fingerprint(store),
  };
  cache.set(store, cached);
  return cached;
}

function current(store: SimStore): Cached {
  const cached = cache.get(store);
  if (cached) {
    const arrays = topArrays(store);
    if (arrays.every((a, i) => a === cached.arrays[i] && a.length === cached.lengths[i]))
      return cached;
  }
  return fresh(store);
}

export function getIndex(store: SimStore): StoreIndex {
  return current(store).index;
}

/** Drop the cached index, e.g. after editing nested arrays or ids of a store directly. */
export function invalidateIndex(store: SimStore): void {
  cache.delete(store);
}

/**
 * Look an id up in one of the index maps. A miss compares a cheap fingerprint of the nested
 * arrays (linear in the number of products, no allocation) with the one taken when the index was
 * started, so nested in-place edits are picked up without making every request pay for a rebuild.
 */
export function lookup<V>(
  store: SimStore,
  pick: (index: StoreIndex) => Map<Gid, V>,
  id: Gid,
): V | undefined {
  const cached = current(store);
  const found = pick(cached.index).get(id);
  if (found !== undefined || cached.fingerprint === fingerprint(store)) return found;
  return pick(fresh(store).index).get(id);
}
