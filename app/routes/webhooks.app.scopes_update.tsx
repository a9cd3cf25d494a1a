import type { ActionFunctionArgs } from "@remix-run/node";
import { handleScopesUpdate } from "../privacy/privacy.server";
import { receiveWebhook } from "../webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop, payload }, database) => {
    await handleScopesUpdate(database, shop, payload);
  });
