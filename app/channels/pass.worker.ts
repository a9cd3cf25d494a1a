/**
 * A scoring thread of a full pass (./pass.server.ts): scores its share page by page and posts
 * each laid-out page to the writing thread, at most PASS_WINDOW pages ahead of the saves, which
 * the writer acknowledges. It writes nothing itself: a page counts once the writer saved it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { closeChannelsDb } from "./connection.server";
import { PASS_WINDOW, scoreShare, type Share, type ShareMessage } from "./pass.server";

const port = parentPort!;
const share = workerData as Share;
let unacknowledged = 0;
let wake: (() => void) | undefined;
port.on("message", () => {
  unacknowledged -= 1;
  wake?.();
});

try {
  for await (const page of scoreShare(share)) {
    port.postMessage({ type: "page", ...page } satisfies ShareMessage);
    unacknowledged += 1;
    while (unacknowledged >= PASS_WINDOW) await new Promise<void>((resolve) => (wake = resolve));
  }
  port.postMessage({ type: "end" } satisfies ShareMessage);
} finally {
  await closeChannelsDb(share.url);
}
port.close();
