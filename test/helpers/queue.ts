import type { JobQueue } from "../../app/jobs/types";

export interface Queued {
  job: string;
  shop: string;
  payload: unknown;
  jobId?: string;
}

/**
 * A job queue that records what is enqueued instead of running it: for code whose job is to
 * decide what to queue (resume at start, retry, webhooks). `queued` is filled in call order.
 */
export function recordingQueue(): { queue: JobQueue; queued: Queued[] } {
  const queued: Queued[] = [];
  const queue = {
    kind: "inline",
    enqueue: async (
      job: { name: string },
      shop: string,
      payload: unknown,
      opts?: { jobId?: string },
    ) => {
      queued.push({ job: job.name, shop, payload, jobId: opts?.jobId });
      return { id: String(queued.length), deduped: false };
    },
    close: async () => {},
  } as unknown as JobQueue;
  return { queue, queued };
}
