/**
 * Orders over the 90 days before `now`, in each market's currency, with line items pointing at
 * real products and variants, buyers, discount codes and the attribution signals creators leave.
 */
import type { SimOrder, SimProduct } from "../store";
import { journeyFor, touchFor } from "./attribution";
import { CHANNEL_WEIGHTS, CREATORS, STORE_CODES, type Channel, type Creator } from "./campaigns";
import type { SeedCategory } from "./categories";
import type { IdSequences } from "./ids";
import { formatMinor, localPrice, percentOf } from "./money";
import { NAMES_BY_COUNTRY, PHONE_FORMAT, RU_FIRST, RU_LAST } from "./people";
import { Rng, everyNth, hash32 } from "./random";
import { EU_COUNTRIES, type MarketPlan } from "./store-setup";
import { asciiFold } from "./text";
import { DAY_MS, HOUR_MS, iso } from "./time";

/** Orders per product, and the ceiling that keeps 100k-product stores light. */
export const ORDERS_PER_PRODUCT = 0.5;
export const MAX_ORDERS = 10_000;
const WINDOW_DAYS = 90;
const FIRST_ORDER_NUMBER = 1001;
/** Rates: repeat buyers, draft orders (no session), unattributed web orders, cancellations. */
const REPEAT_BUYER_RATE = 0.25;
const DRAFT_ORDER_RATE = 0.03;
const NO_JOURNEY_RATE = 0.06;
const CANCEL_PERIOD = 120;

const EU_WEIGHTS: readonly (readonly [string, number])[] = EU_COUNTRIES.map((c) => [
  c,
  ({ DE: 30, FR: 20, ES: 12, IT: 12, NL: 10, PL: 5 } as Record<string, number>)[c] ?? 2,
]);

type Customer = NonNullable<SimOrder["customer"]>;

interface Catalogue {
  products: readonly SimProduct[];
  createdMs: Float64Array;
  /** Indexes of products that can be bought (not DRAFT), in catalogue order. */
  orderable: number[];
  /** ACTIVE products per seed category: the pages creators link to. */
  activeByCategory: Map<SeedCategory, number[]>;
}

function catalogueOf(products: readonly SimProduct[]): Catalogue {
  const createdMs = new Float64Array(products.length);
  const orderable: number[] = [];
  const activeByCategory = new Map<SeedCategory, number[]>();
  products.forEach((p, i) => {
    createdMs[i] = Date.parse(p.createdAt);
    if (p.status === "DRAFT") return;
    orderable.push(i);
    if (p.status !== "ACTIVE") return;
    const key = p.seedCategory as SeedCategory;
    const list = activeByCategory.get(key) ?? [];
    list.push(i);
    activeByCategory.set(key, list);
  });
  return { products, createdMs, orderable, activeByCategory };
}

/** A popular product that existed at `atMs`: earlier catalogue entries sell more (r^2 skew). */
function pickProduct(
  rng: Rng,
  catalogue: Catalogue,
  pool: readonly number[],
  atMs: number,
): number | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const index = pool[Math.floor(rng.next() ** 2 * pool.length)];
    if (index !== undefined && (catalogue.createdMs[index] ?? Infinity) <= atMs) return index;
  }
  return null;
}

class Customers {
  private readonly byCountry = new Map<string, Customer[]>();
  private count = 0;
  private owner: Customer | null = null;

  constructor(
    private readonly ids: IdSequences,
    private readonly rng: Rng,
  ) {}

  forCountry(country: string): Customer {
    const known = this.byCountry.get(country) ?? [];
    if (known.length > 0 && this.rng.chance(REPEAT_BUYER_RATE)) return this.rng.pick(known);
    const customer = this.create(country);
    known.push(customer);
    this.byCountry.set(country, known);
    return customer;
  }

  /** The merchant placing test orders with the Bogus gateway. */
  staff(): Customer {
    this.owner ??= {
      id: this.ids.customer.next(),
      email: "owner@example.com",
      firstName: "Wei",
      lastName: "Chen",
      phone: null,
    };
    return this.owner;
  }

  private create(country: string): Customer {
    const rng = this.rng;
    const n = ++this.count;
    let firstName: string;
    let lastName: string;
    let local: string;
    if (country === "RU") {
      const first = rng.pick(RU_FIRST);
      const last = rng.pick(RU_LAST);
      firstName = first.cyr;
      lastName = first.female ? last.f : last.m;
      local = `${first.lat}.${last.lat}${first.female ? "a" : ""}`;
    } else {
      const pool = NAMES_BY_COUNTRY[country] ?? NAMES_BY_COUNTRY.US;
      firstName = rng.pick(pool?.first ?? ["Alex"]);
      lastName = rng.pick(pool?.last ?? ["Lee"]);
      local = asciiFold(`${firstName}.${lastName}`)
        .toLowerCase()
        .replace(/[^a-z.]/g, "");
    }
    const phone = PHONE_FORMAT[country];
    return {
      id: this.ids.customer.next(),
      email: `${local}${n}@example.com`,
      firstName,
      lastName,
      phone:
        phone && rng.chance(0.5)
          ? phone[0] + String(rng.int(0, 10 ** phone[1] - 1)).padStart(phone[1], "0")
          : null,
    };
  }
}

export interface OrderInput {
  seed: number;
  ids: IdSequences;
  products: readonly SimProduct[];
  markets: readonly MarketPlan[];
  nowMs: number;
  origin: string;
  /** See GenerateOptions.distinctProcessedAt. */
  distinctProcessedAt?: boolean;
}

/**
 * How long before Shopify recorded order `i` it was processed: 1 s to 1 h, from a hash (not the
 * order stream's generator), so turning it on changes nothing else in the store.
 */
function processingLagMs(seed: number, i: number): number {
  return (1 + (hash32(seed, "processed-at", i) % 3600)) * 1000;
}

export function orderCount(products: number): number {
  return Math.min(Math.ceil(products * ORDERS_PER_PRODUCT), MAX_ORDERS);
}

export function buildOrders(input: OrderInput): SimOrder[] {
  const { seed, ids, nowMs, origin } = input;
  const catalogue = catalogueOf(input.products);
  const count = catalogue.orderable.length === 0 ? 0 : orderCount(input.products.length);
  if (count === 0) return [];
  const rng = new Rng(seed, "orders");
  const customers = new Customers(ids, new Rng(seed, "customers"));
  const sellable = input.markets.filter((m) => m.orderShare > 0);

  // Times first, sorted, so order names and ids rise with time like real ones. Volume ramps up
  // toward `now` (the winter season launch).
  const times = Array.from(
    { length: count },
    () => nowMs - 600_000 - (1 - rng.next() ** 0.8) * WINDOW_DAYS * DAY_MS,
  );
  times.sort((a, b) => a - b);
  const testA = hash32(seed, "test-a") % count;
  const testB = count > 1 ? (testA + 1 + (hash32(seed, "test-b") % (count - 1))) % count : -1;

  return times.map((createdMs, i) => {
    const market = rng.weighted(sellable.map((m) => [m, m.orderShare] as const)).market;
    const currency = market.currencyCode;
    const country =
      market.handle === "eu" ? rng.weighted(EU_WEIGHTS) : (market.countryCodes[0] ?? "US");
    const test = i === testA || i === testB;
    const draft = !test && rng.chance(DRAFT_ORDER_RATE);
    const channel: Channel = test || draft ? "direct" : rng.weighted(CHANNEL_WEIGHTS);
    const creator: Creator | null = channel === "creator" ? rng.pick(CREATORS) : null;

    // Line items; a creator's buyer lands on (and buys) a product from the creator's niche.
    const lines: { index: number; quantity: number }[] = [];
    const focusPool = creator ? catalogue.activeByCategory.get(creator.focus) : undefined;
    const landing = focusPool ? pickProduct(rng, catalogue, focusPool, createdMs) : null;
    if (landing !== null) lines.push({ index: landing, quantity: 1 });
    const extra =
      rng.weighted([
        [1, 60],
        [2, 25],
        [3, 10],
        [4, 5],
      ] as const) - lines.length;
    for (let l = 0; l < extra; l++) {
      const index = pickProduct(rng, catalogue, catalogue.orderable, createdMs);
      if (index !== null && !lines.some((x) => x.index === index)) {
        lines.push({
          index,
          quantity: rng.weighted([
            [1, 75],
            [2, 18],
            [3, 7],
          ] as const),
        });
      }
    }
    // Fallback: the oldest orderable product always predates the 90-day window in practice.
    if (lines.length === 0) lines.push({ index: catalogue.orderable[0] ?? 0, quantity: 1 });

    let subtotal = 0;
    const lineItems = lines.map(({ index, quantity }) => {
      const product = catalogue.products[index] as SimProduct;
      const variant = rng.pick(product.variants);
      const unit = localPrice(Math.round(Number(variant.price) * 100), currency);
      subtotal += unit * quantity;
      return {
        id: ids.lineItem.next(),
        title: product.title,
        quantity,
        sku: variant.sku,
        productId: product.id,
        variantId: variant.id,
        unitPrice: formatMinor(unit),
      };
    });

    // Discounts and cart attributes: creator codes mostly on creator traffic, but some buyers
    // type a creator's code on a direct visit (coupon-only attribution).
    const discountCodes: string[] = [];
    let percent = 0;
    const customAttributes: { key: string; value: string }[] = [];
    if (creator) {
      if (rng.chance(0.6)) {
        discountCodes.push(creator.code);
        percent = creator.percent;
      }
      if (rng.chance(0.4)) customAttributes.push({ key: "sw_ref", value: creator.ref });
    } else if (channel === "direct" && !test && !draft && rng.chance(0.08)) {
      const c = rng.pick(CREATORS);
      discountCodes.push(c.code);
      percent = c.percent;
    } else if (
      (channel === "newsletter" && rng.chance(0.35)) ||
      (channel !== "newsletter" && rng.chance(0.06))
    ) {
      const code = rng.pick(STORE_CODES);
      discountCodes.push(code.code);
      percent = code.percent;
    }
    if (rng.chance(0.03)) customAttributes.push({ key: "gift_message", value: "Happy holidays!" });
    const totalDiscounts = percentOf(subtotal, percent, currency);

    const first = lines[0];
    const landingProduct = first ? catalogue.products[first.index] : undefined;
    const touch = touchFor(rng, channel, `/products/${landingProduct?.handle ?? ""}`, creator);
    const journey =
      draft || rng.chance(NO_JOURNEY_RATE) ? null : journeyFor(rng, touch, origin, createdMs);
    const cancelledMs = everyNth(seed, "cancelled", i, Math.min(CANCEL_PERIOD, count))
      ? Math.min(createdMs + rng.int(2, 30) * HOUR_MS, nowMs)
      : null;
    // Fulfilment and edits touch the order for a few days; a cancellation is an update too.
    const updatedMs = Math.max(
      Math.min(createdMs + rng.next() * 5 * DAY_MS, nowMs),
      cancelledMs ?? 0,
    );

    const customer: Customer = test ? customers.staff() : customers.forCountry(country);
    return {
      id: ids.order.next(),
      name: `#${FIRST_ORDER_NUMBER + i}`,
      createdAt: iso(createdMs),
      processedAt: iso(
        input.distinctProcessedAt ? createdMs - processingLagMs(seed, i) : createdMs,
      ),
      updatedAt: iso(updatedMs),
      cancelledAt: cancelledMs === null ? null : iso(cancelledMs),
      test,
      currencyCode: currency,
      subtotal: formatMinor(subtotal),
      totalDiscounts: formatMinor(totalDiscounts),
      // SimOrder has no shipping or tax lines, so the total is the discounted subtotal.
      total: formatMinor(subtotal - totalDiscounts),
      discountCodes,
      customAttributes,
      landingSite: draft ? null : touch.path,
      referringSite: draft ? null : touch.referrer,
      sourceName: draft ? "shopify_draft_order" : "web",
      customerJourney: journey,
      customer: { ...customer }, // a copy: orders must not share mutable objects
      shippingCountryCode: country,
      lineItems,
    };
  });
}
