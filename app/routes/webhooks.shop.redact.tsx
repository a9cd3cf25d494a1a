import type { ActionFunctionArgs } from "@remix-run/node";
import { handleShopRedact } from "../privacy/privacy.server";
import { receiveWebhook } from "../webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop }, database) => {
    await handleShopRedact(database, shop);
  });
