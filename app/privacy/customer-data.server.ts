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

export const customerDataHolders: CustomerDataHolder[] = [privacyReports];
