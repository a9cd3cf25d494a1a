/** Collections a merchant like this actually runs: by category, by season, by price, by sales. */
import type { SimCollection, SimOrder, SimProduct } from "../store";
import type { IdSequences } from "./ids";
import { DAY_MS, iso } from "./time";

const BEST_SELLERS = 24;
const NEW_ARRIVAL_DAYS = 45;
const GIFT_PRICE_LIMIT = 25;

interface CollectionSpec {
  title: string;
  handle: string;
  description: string;
  includes: (p: SimProduct) => boolean;
}

function minPrice(p: SimProduct): number {
  let min = Infinity;
  for (const v of p.variants) min = Math.min(min, Number(v.price));
  return min;
}

/** Top sellers by units in real (non-test, non-cancelled) orders; ties go to catalogue order. */
function bestSellerIds(orders: readonly SimOrder[]): Set<string> {
  const units = new Map<string, number>();
  for (const order of orders) {
    if (order.test || order.cancelledAt) continue;
    for (const line of order.lineItems) {
      if (line.productId)
        units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
    }
  }
  const ranked = [...units.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Set(ranked.slice(0, BEST_SELLERS).map(([id]) => id));
}

export function buildCollections(
  ids: IdSequences,
  products: readonly SimProduct[],
  orders: readonly SimOrder[],
  nowMs: number,
): SimCollection[] {
  const best = bestSellerIds(orders);
  const newSince = nowMs - NEW_ARRIVAL_DAYS * DAY_MS;
  const live = (p: SimProduct) => p.status === "ACTIVE";
  const inCategory =
    (...cats: string[]) =>
    (p: SimProduct) =>
      live(p) && cats.includes(p.seedCategory);
  const specs: CollectionSpec[] = [
    {
      title: "Winter Sports",
      handle: "winter-sports",
      description: "Skis, boards and everything for the mountain.",
      includes: inCategory("winter_sports"),
    },
    {
      title: "Best Sellers",
      handle: "best-sellers",
      description: "What our customers buy most.",
      includes: (p) => best.has(p.id),
    },
    {
      title: "New Arrivals",
      handle: "new-arrivals",
      description: "Fresh from the factory floor.",
      includes: (p) => live(p) && Date.parse(p.createdAt) >= newSince,
    },
    // Built from tags the merchant added; exactly the products making unsubstantiated claims.
    {
      title: "Eco Collection",
      handle: "eco-collection",
      description: "Our eco-friendly picks.",
      includes: (p) => live(p) && p.tags.includes("eco"),
    },
    {
      title: "Gifts under $25",
      handle: "gifts-under-25",
      description: "Stocking fillers and small surprises.",
      includes: (p) => live(p) && minPrice(p) < GIFT_PRICE_LIMIT,
    },
    {
      title: "Home & Living",
      handle: "home-living",
      description: "Textiles, ceramics and calm corners.",
      includes: inCategory("home"),
    },
    {
      title: "Tech & Gadgets",
      handle: "tech-gadgets",
      description: "Audio, charging and clever kitchen helpers.",
      includes: inCategory("electronics", "small_appliances"),
    },
    {
      title: "Beauty Edit",
      handle: "beauty-edit",
      description: "K-beauty inspired skincare and make-up.",
      includes: inCategory("beauty"),
    },
    {
      title: "Toys & Collectibles",
      handle: "toys-collectibles",
      description: "For kids and for the display shelf.",
      includes: inCategory("toys", "collectibles"),
    },
    {
      title: "Car Care",
      handle: "car-care",
      description: "Interior, lighting and winter prep for your car.",
      includes: inCategory("auto_parts"),
    },
    {
      title: "Apparel",
      handle: "apparel",
      description: "Layers for cold mornings.",
      includes: inCategory("apparel"),
    },
    {
      title: "Sale",
      handle: "sale",
      description: "Limited-time prices.",
      includes: (p) => live(p) && p.variants.some((v) => v.compareAtPrice !== null),
    },
  ];
  const members: string[][] = specs.map(() => []);
  for (const product of products) {
    specs.forEach((spec, i) => {
      if (spec.includes(product)) members[i]?.push(product.id);
    });
  }
  return specs.map((spec, i) => ({
    id: ids.collection.next(),
    title: spec.title,
    handle: spec.handle,
    descriptionHtml: `<p>${spec.description}</p>`,
    updatedAt: iso(nowMs - DAY_MS),
    productIds: members[i] ?? [],
  }));
}
