import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveSyncWebhook } from "../sync/webhooks/receive-sync.server";
import { getJobQueue } from "../background.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveSyncWebhook(request, getJobQueue());
