import type { ActionFunctionArgs } from "@remix-run/node";
import { handleUninstalled } from "../privacy/privacy.server";
import { stopStoreSchedules } from "../sync/start.server";
import { receiveWebhook } from "../webhooks/receive.server";
import { getJobQueue, SHOP_SCHEDULES } from "../background.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop }, database) => {
    await handleUninstalled(database, shop);
    // Nothing to reconcile or re-check for a shop that has no access any more; its data stays
    // until shop/redact.
    await stopStoreSchedules(shop, getJobQueue(), SHOP_SCHEDULES);
  });
