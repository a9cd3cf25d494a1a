import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "../admin.server";
import { db } from "../db.server";
import { getJobQueue } from "../jobs/index.server";
import { logger } from "../logger.server";
import { bulkStartJob } from "../sync/jobs.server";
import { syncStatus } from "../sync/status.server";

/** The Sync section's data, polled by the card while a sync runs. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return { resources: await syncStatus(db(), shop) };
};

const form = z.object({
  intent: z.enum(["resync"]),
  resource: z.enum(["products"]).default("products"),
});

/** Resync / Retry: queues a full bulk sync of the resource (a second click while one waits adds nothing). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = form.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false as const, error: "Unknown sync request." };
  try {
    const { deduped } = await getJobQueue().enqueue(
      bulkStartJob,
      shop,
      { resource: parsed.data.resource },
      { jobId: `bulk-start:${shop}:${parsed.data.resource}` },
    );
    return { ok: true as const, deduped };
  } catch (error) {
    logger.error(
      { shop, op: "sync.resync", err: (error as Error).message },
      "could not queue a sync",
    );
    return { ok: false as const, error: "The sync could not be queued. Try again in a minute." };
  }
};
