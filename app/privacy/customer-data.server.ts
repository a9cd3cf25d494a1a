import type { Db } from "../db.server";

export interface CustomerRef {
  id: string; // Shopify customer id (numeric, as a string)
  email?: string | null;
  phone?: string | null;
}

/**
 * A place the app keeps customer personal data. Each capability that stores such data (the order
 * mirror, the attribution ledger) registers a holder here so that data requests and erasures
 * cover it automatically.
 */
export interface CustomerDataHolder {
  name: string;
  /** What this holder keeps about the customer, for a data request report. */
  find(db: Db, shop: string, customer: CustomerRef, orderIds: string[]): Promise<unknown[]>;
  /** Erases or anonymises the customer's personal data; returns how many records changed. */
  erase(db: Db, shop: string, customer: CustomerRef, orderIds: string[]): Promise<number>;
}

/**
 * Earlier data-request reports hold the customer's contact details themselves, so an erasure
 * must scrub them too.
 */
const privacyReports: CustomerDataHolder = {
  name: "privacy request reports",
  async find() {
    return []; // reports are about the customer, not data Seaworthy uses
  },
  async erase(db, shop, customer) {
    const result = await db.privacyRequest.updateMany({
      where: { shop, customerId: customer.id, topic: "customers/data_request" },
      data: { report: { redacted: true } },
    });
    return result.count;
  },
};

/**
 * The order mirror keeps no names, emails or addresses, but an order ties a customer id to a
 * shipping country, note attributes (free text the buyer typed), landing and referrer URLs and a
 * customer journey: personal data. A data request lists those orders; an erasure removes those
 * fields, keeping the amounts, codes and UTM parameters that campaign totals need.
 */
const orderMirror: CustomerDataHolder = {
  name: "order mirror",
  async find(db, shop, customer, orderIds) {
    return db.order.findMany({
      where: orderWhere(shop, customer, orderIds),
      select: {
        id: true,
        name: true,
        createdAt: true,
        customerId: true,
        shippingCountry: true,
        customAttributes: true,
        landingSite: true,
        referringSite: true,
        customerJourney: true,
        discountCodes: true,
        total: true,
        currencyCode: true,
      },
    });
  },
  async erase(db, shop, customer, orderIds) {
    const result = await db.order.updateMany({
      where: orderWhere(shop, customer, orderIds),
      data: {
        customerId: null,
        shippingCountry: null,
        customAttributes: null,
        landingSite: null,
        referringSite: null,
        customerJourney: null,
      },
    });
    return result.count;
  },
};

function orderWhere(shop: string, customer: CustomerRef, orderIds: string[]) {
  return {
    shop,
    OR: [
      { customerId: `gid://shopify/Customer/${customer.id}` },
      { id: { in: orderIds.map((id) => `gid://shopify/Order/${id}`) } },
    ],
  };
}

export const customerDataHolders: CustomerDataHolder[] = [privacyReports, orderMirror];
