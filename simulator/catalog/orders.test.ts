import { describe, expect, it } from "vitest";
import { parseUtm } from "./attribution";
import { CREATORS } from "./campaigns";
import { generateStore } from "./generate";
import { MAX_ORDERS, orderCount } from "./orders";

const NOW = "2026-11-01T00:00:00Z";
const store = generateStore();
const orders = store.orders;
const web = orders.filter((o) => o.sourceName === "web");

describe("order volume and timing", () => {
  it("has about one order per two products, capped", () => {
    expect(orders.length).toBe(Math.ceil(store.products.length / 2));
    expect(orderCount(1_000_000)).toBe(MAX_ORDERS);
  });

  it("spreads orders over the 90 days before now, named and ordered by time", () => {
    const from = new Date(Date.parse(NOW) - 90 * 86_400_000).toISOString();
    orders.forEach((o, i) => {
      expect(o.createdAt >= from.slice(0, 19) && o.createdAt < NOW).toBe(true);
      expect(o.name).toBe(`#${1001 + i}`);
      if (i > 0) expect(o.createdAt >= (orders[i - 1]?.createdAt ?? "")).toBe(true);
      expect(o.updatedAt >= o.createdAt && o.updatedAt <= NOW).toBe(true);
    });
  });

  it("has a couple of test orders and at least one cancelled order", () => {
    expect(orders.filter((o) => o.test)).toHaveLength(2);
    const cancelled = orders.filter((o) => o.cancelledAt !== null);
    expect(cancelled.length).toBeGreaterThanOrEqual(1);
    for (const o of cancelled) expect((o.cancelledAt ?? "") > o.createdAt).toBe(true);
  });
});

describe("distinctProcessedAt (opt-in)", () => {
  it("is off by default: processedAt = createdAt", () => {
    for (const o of orders) expect(o.processedAt).toBe(o.createdAt);
  });

  it("processes each order 1 s to 1 h before it was created, changing nothing else", () => {
    const plain = generateStore({ seed: 4, products: 60 });
    const distinct = generateStore({ seed: 4, products: 60, distinctProcessedAt: true });
    for (const o of distinct.orders) {
      const lag = Date.parse(o.createdAt) - Date.parse(o.processedAt);
      expect(lag >= 1000 && lag <= 3_600_000).toBe(true);
    }
    const withoutProcessedAt = (s: typeof plain) => ({
      ...s,
      orders: s.orders.map((o) => ({ ...o, processedAt: null })),
    });
    expect(withoutProcessedAt(distinct)).toEqual(withoutProcessedAt(plain));
  });
});

describe("money", () => {
  it("uses each enabled market's currency and ships within the market", () => {
    const markets = store.markets.filter((m) => m.enabled);
    const currencies = new Set(orders.map((o) => o.currencyCode));
    expect([...currencies].sort()).toEqual(["EUR", "GBP", "RUB", "USD"]);
    for (const o of orders) {
      const market = markets.find((m) => m.currencyCode === o.currencyCode);
      expect(market?.countryCodes).toContain(o.shippingCountryCode);
    }
  });

  it("adds up: subtotal = sum of lines, total = subtotal - discounts", () => {
    for (const o of orders) {
      const lines = o.lineItems.reduce(
        (n, l) => n + Math.round(Number(l.unitPrice) * 100) * l.quantity,
        0,
      );
      expect(Math.round(Number(o.subtotal) * 100)).toBe(lines);
      expect(Math.round((Number(o.subtotal) - Number(o.totalDiscounts)) * 100)).toBe(
        Math.round(Number(o.total) * 100),
      );
      expect(Number(o.totalDiscounts) > 0).toBe(o.discountCodes.length > 0);
    }
  });

  it("charges USD orders the catalogue price", () => {
    const prices = new Map(
      store.products.flatMap((p) => p.variants.map((v) => [v.id, v.price] as const)),
    );
    for (const o of orders.filter((x) => x.currencyCode === "USD")) {
      for (const l of o.lineItems) expect(l.unitPrice).toBe(prices.get(l.variantId ?? ""));
    }
  });
});

describe("attribution signals", () => {
  it("has UTM landing pages from tiktok, instagram, google and the newsletter", () => {
    const sources = new Set(
      web.map((o) => new URLSearchParams((o.landingSite ?? "").split("?")[1]).get("utm_source")),
    );
    for (const s of ["tiktok", "instagram", "google", "newsletter"]) expect(sources).toContain(s);
    const mediums = new Set(
      web.map((o) => new URLSearchParams((o.landingSite ?? "").split("?")[1]).get("utm_medium")),
    );
    for (const m of ["social", "creator", "cpc", "email"]) expect(mediums).toContain(m);
  });

  it("puts the creator handle in utm_content and sends creator traffic to their niche", () => {
    const byHandle = new Map(CREATORS.map((c) => [c.handle, c]));
    const creatorOrders = web.filter(
      (o) =>
        new URLSearchParams((o.landingSite ?? "").split("?")[1]).get("utm_medium") === "creator",
    );
    expect(creatorOrders.length).toBeGreaterThan(0);
    for (const o of creatorOrders) {
      const content =
        new URLSearchParams((o.landingSite ?? "").split("?")[1]).get("utm_content") ?? "";
      expect(byHandle.has(content), content).toBe(true);
    }
  });

  it("uses creator and store discount codes", () => {
    const codes = new Set(orders.flatMap((o) => o.discountCodes));
    expect([...codes].some((c) => c.startsWith("TIKTOK-"))).toBe(true);
    expect([...codes].some((c) => c.startsWith("IG-"))).toBe(true);
    expect(codes.has("WELCOME10")).toBe(true);
  });

  it("sets referrers by channel and null for direct visits", () => {
    const referrers = new Set(orders.map((o) => o.referringSite));
    for (const r of [
      "https://www.tiktok.com/",
      "https://l.instagram.com/",
      "https://www.google.com/",
      null,
    ]) {
      expect(referrers).toContain(r);
    }
    for (const o of web) {
      if (!(o.landingSite ?? "").includes("utm_")) expect(o.referringSite).toBeNull();
    }
  });

  it("adds the sw_ref attribute for creator links", () => {
    const refs = orders.flatMap((o) =>
      o.customAttributes.filter((a) => a.key === "sw_ref").map((a) => a.value),
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(CREATORS.map((c) => c.ref)).toContain(ref);
  });

  it("keeps the customer journey consistent with the landing site", () => {
    const origin = store.shop.primaryDomainUrl;
    let multiTouch = 0;
    for (const o of orders) {
      const j = o.customerJourney;
      if (!j) continue;
      expect(j.firstVisit?.landingPage).toBe(origin + (o.landingSite ?? ""));
      expect(j.firstVisit?.referrerUrl).toBe(o.referringSite);
      for (const visit of [j.firstVisit, j.lastVisit]) {
        if (!visit) continue;
        expect(visit.utmParameters).toEqual(parseUtm(visit.landingPage ?? ""));
        expect(visit.occurredAt <= o.createdAt).toBe(true);
      }
      expect(j.daysToConversion).toBeGreaterThanOrEqual(0);
      expect(j.daysToConversion).toBeLessThanOrEqual(30);
      if (j.firstVisit?.source !== j.lastVisit?.source) multiTouch++;
    }
    expect(multiTouch).toBeGreaterThan(0);
    expect(orders.some((o) => o.customerJourney === null)).toBe(true);
  });
});

describe("customers", () => {
  it("uses example.com e-mails, local names and repeat buyers", () => {
    const emails = orders.map((o) => o.customer?.email ?? "");
    for (const e of emails) expect(e).toMatch(/^[a-z.]+\d*@example\.com$/);
    expect(new Set(orders.map((o) => o.customer?.id)).size).toBeLessThan(orders.length);
    expect(
      orders.some(
        (o) => o.shippingCountryCode === "RU" && /[А-Я]/.test(o.customer?.firstName ?? ""),
      ),
    ).toBe(true);
  });
});
