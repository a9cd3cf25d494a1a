import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveBulkFinish } from "../sync/webhooks/receive-sync.server";
import { getJobQueue } from "../background.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveBulkFinish(request, getJobQueue());
