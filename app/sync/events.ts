import type { AdminClient } from "../graphql/admin-client";
import type { JobQueue } from "../jobs/types";

/**
 * What the mirror tells the capabilities that read it. Sync sits below them and may not import
 * them, so the composition root plugs their reactions in here (app/reactions.server.ts), once at
 * start. Each reaction queues its work on the queue it is given, for the shop it is told.
 */
export type MirrorEvent =
  /** A product's own data changed (created or updated by a webhook). */
  | { kind: "products-changed"; productIds: string[]; eventId: string }
  /** Stock or sales of these products changed (inventory levels, orders). */
  | { kind: "stock-or-sales-changed"; productIds: string[]; eventId: string }
  | { kind: "product-deleted"; productId: string }
  /** A bulk sync of one resource completed. */
  | {
      kind: "bulk-synced";
      resource: "products" | "collections" | "inventory" | "orders";
      runId: string;
    }
  /** The periodic reconcile ran; `client` reaches the shop's Admin API for what the readers mirror. */
  | { kind: "reconciled"; client: AdminClient };

export type MirrorReaction = (
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  event: MirrorEvent,
) => Promise<void>;

let reaction: MirrorReaction | null = null;

/** Called once by the composition root. */
export function setMirrorReaction(next: MirrorReaction): void {
  reaction = next;
}

export async function mirrorChanged(
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  event: MirrorEvent,
): Promise<void> {
  await reaction?.(queue, shop, event);
}
