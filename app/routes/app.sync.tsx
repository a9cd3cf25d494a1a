import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../admin.server";
import { db } from "../db.server";
import { getJobQueue } from "../background.server";
import { syncAction } from "../sync/retry.server";
import { accessStatus, syncStatus } from "../sync/status.server";

/** The Sync section's data, polled by the card while a sync runs. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const [resources, access] = await Promise.all([syncStatus(db(), shop), accessStatus(db(), shop)]);
  return { resources, access };
};

/** Resync (the full sync) or Retry (one resource's failed run); see app/sync/retry.server.ts. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return syncAction(db(), getJobQueue, shop, await request.formData());
};
