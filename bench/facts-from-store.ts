/**
 * Maps a simulator store (simulator/catalog/generate.ts) to the scorer's ProductFacts/ShopFacts,
 * the way the mirror would: weights to grams, stock summed over locations, 30-day sales from
 * non-test, non-cancelled orders.
 */
import type { ProductFacts, ShopFacts } from "../app/channels/types";
import type { SimStore } from "../simulator/store";

const GRAMS_PER = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.3495, POUNDS: 453.592 } as const;
const DAY_MS = 86_400_000;

export function shopFactsFromStore(store: SimStore): ShopFacts {
  const markets = new Set<string>();
  for (const m of store.markets) if (m.enabled) for (const c of m.countryCodes) markets.add(c);
  return {
    domain: store.shop.myshopifyDomain,
    name: store.shop.name,
    currency: store.shop.currencyCode,
    markets: [...markets],
  };
}

export function productFactsFromStore(store: SimStore): ProductFacts[] {
  const available = new Map<string, number>();
  for (const level of store.inventoryLevels) {
    available.set(
      level.inventoryItemId,
      (available.get(level.inventoryItemId) ?? 0) + level.available,
    );
  }
  let latest = 0;
  for (const o of store.orders) latest = Math.max(latest, Date.parse(o.createdAt));
  const since = latest - 30 * DAY_MS;
  const sales = new Map<string, { units30d: number; orders30d: number }>();
  for (const o of store.orders) {
    if (o.test || o.cancelledAt || Date.parse(o.createdAt) < since) continue;
    const seen = new Set<string>();
    for (const li of o.lineItems) {
      if (!li.productId) continue;
      const s = sales.get(li.productId) ?? { units30d: 0, orders30d: 0 };
      s.units30d += li.quantity;
      if (!seen.has(li.productId)) s.orders30d++;
      seen.add(li.productId);
      sales.set(li.productId, s);
    }
  }

  const collectionsOf = new Map<string, string[]>();
  for (const c of store.collections) {
    for (const id of c.productIds) {
      const list = collectionsOf.get(id) ?? [];
      list.push(c.id);
      collectionsOf.set(id, list);
    }
  }

  return store.products.map((p) => ({
    id: p.id,
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    productType: p.productType,
    categoryId: p.category?.id ?? null,
    categoryName: p.category?.fullName ?? null,
    tags: p.tags,
    status: p.status,
    descriptionHtml: p.descriptionHtml,
    seoTitle: p.seo.title,
    seoDescription: p.seo.description,
    variants: p.variants.map((v) => {
      const item = v.inventoryItem;
      return {
        id: v.id,
        sku: v.sku,
        barcode: v.barcode,
        price: Number(v.price),
        compareAtPrice: v.compareAtPrice === null ? null : Number(v.compareAtPrice),
        unitCost: item.unitCost ? Number(item.unitCost.amount) : null,
        grams: item.weight ? item.weight.value * GRAMS_PER[item.weight.unit] : null,
        countryOfOrigin: item.countryCodeOfOrigin,
        hsCode: item.harmonizedSystemCode,
        available: item.tracked ? (available.get(item.id) ?? 0) : null,
      };
    }),
    images: p.media.map((m) => ({ url: m.url, alt: m.alt, width: m.width, height: m.height })),
    metafields: p.metafields.map((m) => ({
      namespace: m.namespace,
      key: m.key,
      type: m.type,
      value: m.value,
    })),
    collections: collectionsOf.get(p.id) ?? [],
    sales: sales.get(p.id) ?? { units30d: 0, orders30d: 0 },
    certificates: null,
  }));
}
