import type { ActionFunctionArgs } from "@remix-run/node";
import { handleUninstalled } from "../privacy/privacy.server";
import { receiveWebhook } from "../webhooks/receive.server";
import { getJobQueue } from "../jobs/index.server";
import { reconcileJob } from "../sync/jobs.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop }, database) => {
    await handleUninstalled(database, shop);
    // Nothing to reconcile for a shop that has no access any more; its data stays until shop/redact.
    await getJobQueue()
      .unschedule(reconcileJob, shop, { key: "reconcile" })
      .catch(() => {});
  });
