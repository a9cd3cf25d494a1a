import { readFileSync } from "node:fs";
import { describe, expect, it, beforeEach, vi } from "vitest";
import { getJobQueue } from "../app/background.server";
import { db } from "../app/db.server";
import { SHOP_SCOPED_MODELS } from "../app/privacy/shop-scoped.server";
import { action as uninstalled } from "../app/routes/webhooks.app.uninstalled";
import { action as scopesUpdate } from "../app/routes/webhooks.app.scopes_update";
import { action as dataRequest } from "../app/routes/webhooks.customers.data_request";
import { action as customersRedact } from "../app/routes/webhooks.customers.redact";
import { action as shopRedact } from "../app/routes/webhooks.shop.redact";
import { countShopRows, everyTable, seedShopRows } from "./helpers/fixtures";
import { officialExample, signedWebhook } from "./helpers/webhook";

const SHOP = "test-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const call = (action: typeof shopRedact, request: Request) =>
  action({ request, params: {}, context: {} });

const routes = {
  "app/uninstalled": uninstalled,
  "app/scopes_update": scopesUpdate,
  "customers/data_request": dataRequest,
  "customers/redact": customersRedact,
  "shop/redact": shopRedact,
} as const;

beforeEach(async () => {
  for (const shop of [SHOP, OTHER]) {
    for (const model of SHOP_SCOPED_MODELS) {
      const key = model.charAt(0).toLowerCase() + model.slice(1);
      await (db() as unknown as Record<string, { deleteMany(a: object): Promise<unknown> }>)[
        key
      ]!.deleteMany({ where: { shop } });
    }
    await seedShopRows(db(), shop);
  }
});

describe("every webhook route", () => {
  for (const [topic, action] of Object.entries(routes)) {
    it(`${topic}: a bad HMAC gets 401 and changes nothing`, async () => {
      const before = await countShopRows(db(), SHOP);
      const response = await call(
        action,
        signedWebhook(topic, officialExample(topic), { shop: SHOP, tamper: true }),
      );
      expect(response.status).toBe(401);
      expect(await countShopRows(db(), SHOP)).toEqual(before);
    });

    it(`${topic}: a body signed with another secret gets 401`, async () => {
      const response = await call(
        action,
        signedWebhook(topic, officialExample(topic), { shop: SHOP, secret: "not-the-secret" }),
      );
      expect(response.status).toBe(401);
    });

    it(`${topic}: a valid delivery of Shopify's example payload gets 200`, async () => {
      const response = await call(
        action,
        signedWebhook(topic, officialExample(topic), { shop: SHOP }),
      );
      expect(response.status).toBe(200);
    });
  }

  it("rejects a signed body that is not JSON with 400, and keeps no claim on the event", async () => {
    const request = signedWebhook("customers/redact", null, {
      shop: SHOP,
      rawBody: "{not json",
      eventId: "evt-bad-json",
    });
    expect((await call(customersRedact, request)).status).toBe(400);
    expect(
      await db().webhookDelivery.count({ where: { shop: SHOP, eventId: "evt-bad-json" } }),
    ).toBe(0);
  });

  it("rejects a signed payload missing the customer with 400, so the delivery can be retried fixed", async () => {
    const request = signedWebhook(
      "customers/redact",
      { shop_domain: SHOP },
      { shop: SHOP, eventId: "evt-no-customer" },
    );
    const response = await call(customersRedact, request);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/customer/);
    expect(
      await db().webhookDelivery.count({ where: { shop: SHOP, eventId: "evt-no-customer" } }),
    ).toBe(0);
  });
});

describe("shop/redact", () => {
  it("leaves zero rows of the shop in every table while another shop's rows survive", async () => {
    const otherBefore = await countShopRows(db(), OTHER);
    expect(Object.values(await countShopRows(db(), SHOP)).every((n) => n > 0)).toBe(true);
    const response = await call(
      shopRedact,
      signedWebhook("shop/redact", { shop_id: 1, shop_domain: SHOP }, { shop: SHOP }),
    );
    expect(response.status).toBe(200);
    expect(await countShopRows(db(), SHOP)).toEqual(everyTable(0));
    expect(await countShopRows(db(), OTHER)).toEqual(otherBefore);
  });

  it("counts every model of the schema (a new table cannot escape erasure)", () => {
    const schema = readFileSync("prisma/sqlite/schema.prisma", "utf8");
    const declared = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(4);
    expect([...SHOP_SCOPED_MODELS].sort()).toEqual(declared.sort());
  });

  it("is idempotent: a repeated delivery answers 200 and leaves the same state", async () => {
    const request = () =>
      signedWebhook(
        "shop/redact",
        { shop_id: 1, shop_domain: SHOP },
        { shop: SHOP, eventId: "evt-redact" },
      );
    expect((await call(shopRedact, request())).status).toBe(200);
    expect((await call(shopRedact, request())).status).toBe(200);
    expect(await countShopRows(db(), SHOP)).toEqual(everyTable(0));
    expect((await countShopRows(db(), OTHER)).Shop).toBe(1);
  });
});

describe("app/uninstalled", () => {
  it("removes the shop's sessions, marks it uninstalled and keeps its data", async () => {
    const response = await call(
      uninstalled,
      signedWebhook("app/uninstalled", officialExample("app/uninstalled"), {
        shop: SHOP,
        eventId: "evt-u1",
      }),
    );
    expect(response.status).toBe(200);
    const rows = await countShopRows(db(), SHOP);
    expect(rows.Session).toBe(0);
    expect(rows.Shop).toBe(1);
    expect(rows.PrivacyRequest).toBe(1);
    const shop = await db().shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(shop.uninstalledAt).toBeInstanceOf(Date);
    expect((await countShopRows(db(), OTHER)).Session).toBe(1);
  });

  it("stops the shop's repeating jobs: reconcile and the daily compliance runs", async () => {
    const queue = getJobQueue();
    const unschedule = vi.spyOn(queue, "unschedule");
    await call(
      uninstalled,
      signedWebhook("app/uninstalled", {}, { shop: SHOP, eventId: "evt-u3" }),
    );
    expect(unschedule.mock.calls.map(([job, shop, opts]) => [job.name, shop, opts?.key])).toEqual([
      ["sync.reconcile", SHOP, "reconcile"],
      ["compliance.evaluate-all", SHOP, "compliance-evaluate"],
      ["compliance.publish-labels", SHOP, "compliance-publish"],
    ]);
    unschedule.mockRestore();
  });

  it("applies a repeated delivery once", async () => {
    await call(
      uninstalled,
      signedWebhook("app/uninstalled", {}, { shop: SHOP, eventId: "evt-u2" }),
    );
    const first = await db().shop.findUniqueOrThrow({ where: { shop: SHOP } });
    await new Promise((r) => setTimeout(r, 5));
    const again = await call(
      uninstalled,
      signedWebhook("app/uninstalled", {}, { shop: SHOP, eventId: "evt-u2" }),
    );
    expect(again.status).toBe(200);
    const second = await db().shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(second.uninstalledAt).toEqual(first.uninstalledAt);
    expect(await db().webhookDelivery.count({ where: { shop: SHOP, eventId: "evt-u2" } })).toBe(1);
  });
});

describe("app/scopes_update", () => {
  it("records the scopes now granted on the shop and its sessions", async () => {
    const payload = {
      id: 1,
      action: "update",
      current: ["read_products", "read_orders"],
      previous: ["read_products"],
      updated_at: new Date().toISOString(),
    };
    expect(
      (await call(scopesUpdate, signedWebhook("app/scopes_update", payload, { shop: SHOP })))
        .status,
    ).toBe(200);
    expect((await db().shop.findUniqueOrThrow({ where: { shop: SHOP } })).scopes).toBe(
      "read_products,read_orders",
    );
    expect((await db().session.findFirstOrThrow({ where: { shop: SHOP } })).scope).toBe(
      "read_products,read_orders",
    );
    expect((await db().shop.findUniqueOrThrow({ where: { shop: OTHER } })).scopes).toBe(
      "read_products",
    );
  });
});

describe("customers/data_request and customers/redact", () => {
  const customer = { id: 555, email: "ana@example.com", phone: "+15550001111" };

  it("data_request stores a report of what the app holds, for this shop only", async () => {
    const payload = {
      shop_id: 1,
      shop_domain: SHOP,
      orders_requested: [1001, 1002],
      customer,
      data_request: { id: 9999 },
    };
    expect(
      (await call(dataRequest, signedWebhook("customers/data_request", payload, { shop: SHOP })))
        .status,
    ).toBe(200);
    const row = await db().privacyRequest.findFirstOrThrow({
      where: { shop: SHOP, customerId: "555" },
    });
    expect(row.status).toBe("completed");
    expect(row.report).toMatchObject({
      customer: { id: "555", email: "ana@example.com" },
      ordersRequested: ["1001", "1002"],
      dataRequestId: "9999",
    });
    expect((row.report as { summary: string }).summary).toMatch(/holds no personal data/);
    expect(await db().privacyRequest.count({ where: { shop: OTHER, customerId: "555" } })).toBe(0);
  });

  it("redact erases the customer's contact details from earlier reports, and records the erasure", async () => {
    const ask = {
      shop_id: 1,
      shop_domain: SHOP,
      orders_requested: [],
      customer,
      data_request: { id: 1 },
    };
    await call(dataRequest, signedWebhook("customers/data_request", ask, { shop: SHOP }));
    await call(dataRequest, signedWebhook("customers/data_request", ask, { shop: OTHER }));
    const redact = { shop_id: 1, shop_domain: SHOP, customer, orders_to_redact: [1001] };
    expect(
      (await call(customersRedact, signedWebhook("customers/redact", redact, { shop: SHOP })))
        .status,
    ).toBe(200);

    const reports = await db().privacyRequest.findMany({
      where: { shop: SHOP, customerId: "555", topic: "customers/data_request" },
    });
    expect(reports.map((r) => r.report)).toEqual([{ redacted: true }]);
    expect(
      JSON.stringify(await db().privacyRequest.findMany({ where: { shop: SHOP } })),
    ).not.toContain("ana@example.com");
    const erasure = await db().privacyRequest.findFirstOrThrow({
      where: { shop: SHOP, topic: "customers/redact" },
    });
    expect(erasure.report).toMatchObject({
      ordersToRedact: ["1001"],
      erased: { "privacy request reports": 1 },
    });
    // The other shop's report about its own customer 555 is untouched.
    const other = await db().privacyRequest.findFirstOrThrow({
      where: { shop: OTHER, customerId: "555" },
    });
    expect(JSON.stringify(other.report)).toContain("ana@example.com");
  });

  it("covers the order mirror: a data request lists the customer's orders, an erasure removes the personal fields", async () => {
    const personal = {
      customerId: "gid://shopify/Customer/555",
      shippingCountry: "DE",
      customAttributes: '[{"key":"gift_note","value":"For Ana"}]',
      landingSite: "https://shop/?utm_source=tiktok",
      referringSite: "https://www.tiktok.com/",
      customerJourney: "{}",
    };
    await db().order.create({
      data: {
        shop: SHOP,
        id: "gid://shopify/Order/9001",
        name: "#9001",
        createdAt: new Date(),
        currencyCode: "EUR",
        total: "20.00",
        utmSource: "tiktok",
        discountCodes: "TIKTOK10",
        ...personal,
      },
    });
    await db().order.create({
      data: {
        shop: OTHER,
        id: "gid://shopify/Order/9001",
        name: "#9001",
        createdAt: new Date(),
        currencyCode: "EUR",
        total: "20.00",
        ...personal,
      },
    });
    const ask = {
      shop_id: 1,
      shop_domain: SHOP,
      orders_requested: [9001],
      customer: { id: 555, email: "ana@example.com" },
      data_request: { id: 2 },
    };
    await call(dataRequest, signedWebhook("customers/data_request", ask, { shop: SHOP }));
    const report = (
      await db().privacyRequest.findFirstOrThrow({
        where: { shop: SHOP, topic: "customers/data_request", customerId: "555" },
        orderBy: { receivedAt: "desc" },
      })
    ).report as { holdings: Record<string, { id: string }[]>; summary: string };
    expect(report.holdings["order mirror"]!.map((o) => o.id)).toEqual(["gid://shopify/Order/9001"]);
    expect(report.summary).toMatch(/order mirror/);

    await call(
      customersRedact,
      signedWebhook(
        "customers/redact",
        { shop_id: 1, shop_domain: SHOP, customer: { id: 555 }, orders_to_redact: [9001] },
        { shop: SHOP },
      ),
    );
    const erased = await db().order.findUniqueOrThrow({
      where: { shop_id: { shop: SHOP, id: "gid://shopify/Order/9001" } },
    });
    expect(erased).toMatchObject({
      customerId: null,
      shippingCountry: null,
      customAttributes: null,
      landingSite: null,
      referringSite: null,
      customerJourney: null,
      utmSource: "tiktok",
      discountCodes: "TIKTOK10",
      total: "20.00",
    });
    const untouched = await db().order.findUniqueOrThrow({
      where: { shop_id: { shop: OTHER, id: "gid://shopify/Order/9001" } },
    });
    expect(untouched.customerId).toBe("gid://shopify/Customer/555");
  });
});
