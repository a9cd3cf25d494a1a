import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import {
  handleCustomerRedact,
  handleDataRequest,
  handleShopRedact,
} from "../app/privacy/privacy.server";
import { claimEvent } from "../app/webhooks/receive.server";
import { countShopRows, everyTable, seedShopRows } from "./helpers/fixtures";
import { scratchDatabase, TEST_DATABASE_URL } from "./helpers/postgres";

// The same data paths as on SQLite, on a migrated PostgreSQL database.
describe.runIf(TEST_DATABASE_URL)("data layer on PostgreSQL", () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let db: Db;

  beforeAll(async () => {
    scratch = await scratchDatabase();
    await migrate(scratch.url);
    db = createDb(scratch.url);
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  it("dedupes webhook events per shop", async () => {
    expect(await claimEvent(db, "a.myshopify.com", "evt-1", "shop/redact")).toBe(true);
    expect(await claimEvent(db, "a.myshopify.com", "evt-1", "shop/redact")).toBe(false);
    expect(await claimEvent(db, "b.myshopify.com", "evt-1", "shop/redact")).toBe(true);
  });

  it("erases one shop's rows in every table and keeps the other's", async () => {
    await seedShopRows(db, "pg-a.myshopify.com");
    await seedShopRows(db, "pg-b.myshopify.com");
    await handleShopRedact(db, "pg-a.myshopify.com");
    expect(await countShopRows(db, "pg-a.myshopify.com")).toEqual(everyTable(0));
    expect(await countShopRows(db, "pg-b.myshopify.com")).toEqual(everyTable(1));
  });

  it("stores a data request report as JSON and scrubs it on redact", async () => {
    const customer = { id: 7, email: "pg@example.com", phone: null };
    await handleDataRequest(db, "pg-b.myshopify.com", {
      shop_domain: "pg-b.myshopify.com",
      customer,
      orders_requested: [1],
    });
    await handleCustomerRedact(db, "pg-b.myshopify.com", {
      shop_domain: "pg-b.myshopify.com",
      customer,
      orders_to_redact: [],
    });
    const rows = await db.privacyRequest.findMany({
      where: { shop: "pg-b.myshopify.com", customerId: "7" },
    });
    expect(JSON.stringify(rows)).not.toContain("pg@example.com");
    expect(rows.map((r) => r.topic).sort()).toEqual(["customers/data_request", "customers/redact"]);
  });
});
