import type { JobQueue } from "../jobs/types";

/**
 * What a compliance pass hands on when it is done: the products whose gate moved (or, with
 * `all`, every product), for whoever reads the gate. Channel fit does, but compliance may not
 * import channels (channels reads compliance, never the reverse), so the composition root
 * (app/background.server.ts) plugs channel fit's re-score in here at start-up. Until it does,
 * nothing follows a pass: a process that never loaded the root runs no re-score.
 */
export interface EvaluationOutcome {
  shop: string;
  /** Products whose gate changed (capped by the pass); `total` counts them all. */
  changed: readonly string[];
  total: number;
  /** Re-score every product (certificates changed, which channel fit also reads). */
  all?: boolean;
  reason?: string;
}

export type AfterEvaluation = (
  queue: Pick<JobQueue, "enqueue">,
  outcome: EvaluationOutcome,
) => Promise<void>;

let handler: AfterEvaluation | null = null;

/** Called once by the composition root. */
export function setAfterEvaluation(next: AfterEvaluation): void {
  handler = next;
}

export async function afterEvaluation(
  queue: Pick<JobQueue, "enqueue">,
  outcome: EvaluationOutcome,
): Promise<void> {
  await handler?.(queue, outcome);
}
