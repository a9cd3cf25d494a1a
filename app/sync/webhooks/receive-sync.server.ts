import { db } from "../../db.server";
import type { JobQueue } from "../../jobs/types";
import { receiveWebhook } from "../../webhooks/receive.server";
import { bulkCompleteJob, syncWebhookJob } from "../jobs.server";

/** Store-data webhooks: verify, drop repeats, queue the work, answer Shopify at once. */
export function receiveSyncWebhook(request: Request, queue: JobQueue) {
  return receiveWebhook(request, async ({ shop, topic, payload, eventId }) => {
    await queue.enqueue(
      syncWebhookJob,
      shop,
      { topic, eventId, payload },
      { jobId: `webhook:${shop}:${eventId}` },
    );
  });
}

/** bulk_operations/finish: queue the completion of the run that started that operation. */
export function receiveBulkFinish(request: Request, queue: JobQueue) {
  return receiveWebhook(request, async ({ shop, payload }) => {
    const id = (payload as { admin_graphql_api_id?: unknown }).admin_graphql_api_id;
    if (typeof id !== "string") return;
    // Operations the app did not start, or whose run polling already completed, need nothing: a
    // finish that arrives late must not download, ingest and chain the next resource again.
    const run = await db().syncRun.findFirst({
      where: { shop, bulkOperationId: id, status: { not: "completed" } },
      select: { id: true },
    });
    if (run)
      await queue.enqueue(
        bulkCompleteJob,
        shop,
        { runId: run.id },
        { jobId: `bulk-complete:${run.id}` },
      );
  });
}
