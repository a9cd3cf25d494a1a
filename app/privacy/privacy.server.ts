import { z } from "zod";
import type { Db, Prisma } from "../db.server";
import { logger } from "../logger.server";
import { customerDataHolders, type CustomerDataHolder } from "./customer-data.server";
import { eraseShop } from "./shop-scoped.server";

/** Shopify's compliance webhook payloads (ids arrive as numbers; we keep them as strings). */
const id = z.union([z.number(), z.string()]).transform(String);
const customerPayload = z.object({
  shop_domain: z.string(),
  customer: z.object({ id, email: z.string().nullish(), phone: z.string().nullish() }),
  orders_requested: z.array(id).optional(),
  orders_to_redact: z.array(id).optional(),
  data_request: z.object({ id }).optional(),
});

export class PayloadError extends Error {
  override name = "PayloadError";
}

function parseCustomer(topic: string, payload: unknown) {
  const parsed = customerPayload.safeParse(payload);
  if (!parsed.success) {
    throw new PayloadError(
      `${topic} payload is not what Shopify documents: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

/**
 * customers/data_request: gathers what every holder keeps about the customer into a report the
 * merchant can hand over (shown under Settings → Privacy requests).
 */
export async function handleDataRequest(
  db: Db,
  shop: string,
  payload: unknown,
  holders: CustomerDataHolder[] = customerDataHolders,
) {
  const p = parseCustomer("customers/data_request", payload);
  const orderIds = p.orders_requested ?? [];
  const holdings: Record<string, unknown[]> = {};
  for (const holder of holders) {
    const found = await holder.find(db, shop, p.customer, orderIds);
    if (found.length > 0) holdings[holder.name] = found;
  }
  const report = {
    customer: p.customer,
    ordersRequested: orderIds,
    dataRequestId: p.data_request?.id ?? null,
    searched: holders.map((h) => h.name),
    holdings,
    summary:
      Object.keys(holdings).length === 0
        ? "Seaworthy holds no personal data about this customer."
        : `Seaworthy holds data about this customer in: ${Object.keys(holdings).join(", ")}.`,
  };
  const row = await db.privacyRequest.create({
    data: {
      shop,
      topic: "customers/data_request",
      customerId: p.customer.id,
      report: report as Prisma.InputJsonObject,
      status: "completed",
      completedAt: new Date(),
    },
  });
  logger.info(
    { shop, op: "customers/data_request", request: row.id },
    "customer data report prepared",
  );
  return row;
}

/** customers/redact: erases the customer's personal data from every holder. */
export async function handleCustomerRedact(
  db: Db,
  shop: string,
  payload: unknown,
  holders: CustomerDataHolder[] = customerDataHolders,
) {
  const p = parseCustomer("customers/redact", payload);
  const orderIds = p.orders_to_redact ?? [];
  const erased: Record<string, number> = {};
  for (const holder of holders)
    erased[holder.name] = await holder.erase(db, shop, p.customer, orderIds);
  const row = await db.privacyRequest.create({
    data: {
      shop,
      topic: "customers/redact",
      customerId: p.customer.id,
      report: { ordersToRedact: orderIds, erased },
      status: "completed",
      completedAt: new Date(),
    },
  });
  logger.info({ shop, op: "customers/redact", erased }, "customer data erased");
  return row;
}

/** shop/redact: 48 hours after uninstall, every row of the shop goes, in every table. */
export async function handleShopRedact(db: Db, shop: string) {
  const erased = await eraseShop(db, shop);
  logger.info({ shop, op: "shop/redact", erased }, "shop data erased");
  return erased;
}

/** app/uninstalled: the shop's sessions go at once; its data stays until shop/redact. */
export async function handleUninstalled(db: Db, shop: string) {
  const [sessions] = await db.$transaction([
    db.session.deleteMany({ where: { shop } }),
    db.shopToken.deleteMany({ where: { shop } }),
    db.shop.updateMany({
      where: { shop, uninstalledAt: null },
      data: { uninstalledAt: new Date() },
    }),
  ]);
  logger.info({ shop, op: "app/uninstalled", sessions: sessions.count }, "app uninstalled");
}

const scopesPayload = z.object({ current: z.array(z.string()) });

/** app/scopes_update: the granted scopes changed (e.g. after a scopes request). */
export async function handleScopesUpdate(db: Db, shop: string, payload: unknown) {
  const parsed = scopesPayload.safeParse(payload);
  if (!parsed.success)
    throw new PayloadError("app/scopes_update payload has no `current` scope list");
  const scope = parsed.data.current.join(",");
  await db.$transaction([
    db.session.updateMany({ where: { shop }, data: { scope } }),
    db.shop.updateMany({ where: { shop }, data: { scopes: scope } }),
  ]);
}

/** The shop's latest privacy requests, for Settings → Privacy requests. */
export function recentPrivacyRequests(db: Db, shop: string, take = 50) {
  return db.privacyRequest.findMany({
    where: { shop },
    orderBy: { receivedAt: "desc" },
    take,
    select: { id: true, topic: true, customerId: true, status: true, receivedAt: true },
  });
}
