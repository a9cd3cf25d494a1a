import type { ActionFunctionArgs } from "@remix-run/node";
import { handleUninstalled } from "../privacy/privacy.server";
import { receiveWebhook } from "../webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop }, database) => {
    await handleUninstalled(database, shop);
  });
