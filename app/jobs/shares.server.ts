import os from "node:os";
import { parentPort, Worker, type ResourceLimits } from "node:worker_threads";
import { selectRows, type RawDb } from "../db/raw.server";
import { threadAvailable, threadExecArgv, threadFlags } from "./threads.server";

/**
 * Work handed to threads page by page (`pagesOnThreads` and `servePages`, also the sync's reader
 * thread), and a full pass over a shop's products (channel fit's scoring, the compliance
 * evaluation) spread over threads. The products are cut into contiguous id ranges ("shares"), one per thread; each
 * thread opens its own connection, reads its share a page at a time, does the pass's pure work
 * and lays the rows out, and hands each page to the calling thread, which writes it (one writer,
 * as SQLite wants). The work is CPU-bound and pure, so on two cores two threads do it about twice
 * as fast, and the web process's event loop, where jobs run inline by default, stays free.
 *
 * Pages cross threads as rows of strings and numbers, never as the products' facts: cloning a
 * product's facts (~2.4 KB, measured) costs as much as scoring it.
 */

/** One thread's products: `after < id <= until`. */
export interface ShareBounds {
  /** Exclusive lower bound; absent for the first share. */
  after?: string;
  /** Inclusive upper bound; absent for the last share. */
  until?: string;
}

/**
 * The ids that cut the shop's `total` products into `parts` shares of nearly equal size: share
 * k holds `cuts[k-1] < id <= cuts[k]` (the first starts at the beginning, the last runs to the
 * end). Fewer cuts when there are fewer products than parts.
 */
export async function shareCuts(
  db: RawDb,
  shop: string,
  total: number,
  parts: number,
): Promise<string[]> {
  const cuts: string[] = [];
  for (let k = 1; k < parts; k++) {
    const offset = Math.floor((k * total) / parts) - 1;
    if (offset < 0) continue;
    const [row] = await selectRows(
      db,
      `SELECT "id" FROM "Product" WHERE "shop" = ? ORDER BY "id" LIMIT 1 OFFSET ?`,
      [shop, offset],
    );
    const id = row ? String(row.id) : undefined;
    if (id !== undefined && id !== cuts[cuts.length - 1]) cuts.push(id);
  }
  return cuts;
}

/** The shares between consecutive cuts. */
export function sharesOf<B extends object>(base: B, cuts: readonly string[]): (B & ShareBounds)[] {
  const shares: (B & ShareBounds)[] = [];
  for (let k = 0; k <= cuts.length; k++)
    shares.push({ ...base, after: k === 0 ? undefined : cuts[k - 1], until: cuts[k] });
  return shares;
}

/**
 * Threads for a pass over `total` products: one per core (at most 4, or
 * `SEAWORTHY_SCORE_THREADS`), and none (this thread) when the shop is too small for a thread's
 * start-up (~0.3 s) to pay off or when threads cannot start from `entry`.
 */
export function passThreads(total: number, pageSize: number, entry: URL): number {
  const configured = Number(process.env.SEAWORTHY_SCORE_THREADS);
  const cores =
    Number.isInteger(configured) && configured > 0 ? configured : os.availableParallelism();
  if (total < 4 * pageSize || !threadAvailable(entry)) return 0;
  return Math.max(1, Math.min(cores, 4));
}

/** Pages a thread may run ahead of the writer: bounds memory however slow the database is. */
export const PASS_WINDOW = 2;

export type ShareMessage<P> = { type: "page"; page: P } | { type: "end" };

/**
 * Every page of every share, each share on its own thread started from `entry` (which calls
 * `servePages`), in no particular order across shares. Leaving the loop early (a failed save, an
 * abort) stops the threads; a thread's failure rejects the loop with `error(message)`.
 */
export async function* pagesOnThreads<P>(options: {
  entry: URL;
  shares: readonly object[];
  /** Names a thread in errors: "Scoring thread 2 of 2" gives "Scoring thread 2 of 2 failed: …". */
  name: (thread: number, threads: number) => string;
  error: (message: string, cause?: unknown) => Error;
  resourceLimits?: ResourceLimits;
}): AsyncGenerator<P> {
  const { shares } = options;
  const name = (k: number) => options.name(k + 1, shares.length);
  const queue: { worker: Worker; page: P }[] = [];
  let running = shares.length;
  const exited = new Set<Worker>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const workers = shares.map((share, k) => {
    const worker = new Worker(options.entry, {
      workerData: share,
      execArgv: threadExecArgv() ?? threadFlags(),
      resourceLimits: options.resourceLimits,
    });
    let ended = false;
    worker.on("message", (m: ShareMessage<P>) => {
      if (m.type === "end") {
        ended = true;
        running -= 1;
      } else queue.push({ worker, page: m.page });
      notify();
    });
    worker.on("error", (error) => {
      failure ??= options.error(`${name(k)} failed: ${error.message}`, error);
      notify();
    });
    worker.on("exit", (code) => {
      exited.add(worker);
      if (!ended)
        failure ??= options.error(`${name(k)} stopped (exit code ${code}) before its last page`);
      notify();
    });
    return worker;
  });
  try {
    for (;;) {
      // A failed thread fails the pass at once; what was saved stays, the next pass redoes it.
      if (failure) throw failure;
      const next = queue.shift();
      if (next) {
        yield next.page;
        next.worker.postMessage("saved");
      } else if (running === 0) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(workers.map((w) => stopThread(w, exited)));
  }
}

/** How long a thread may take to reach its next page boundary once asked to stop. */
const STOP_GRACE_MS = 5_000;

/**
 * Asks a thread to stop at its next page boundary, where it closes its connection itself, and
 * terminates it only if it has not exited within STOP_GRACE_MS. Terminating a thread while it is
 * inside the database driver's native code can abort the whole process (SIGABRT, seen in CI).
 */
async function stopThread(worker: Worker, gone: ReadonlySet<Worker>): Promise<void> {
  if (gone.has(worker)) return;
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.postMessage(STOP);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">(
    (resolve) => (timer = setTimeout(() => resolve("late"), STOP_GRACE_MS)),
  );
  if ((await Promise.race([exited, late])) === "late") await worker.terminate();
  clearTimeout(timer);
}

const STOP = "stop";

/**
 * The thread's side of `pagesOnThreads`: posts each page to the writing thread, at most
 * PASS_WINDOW pages ahead of the saves, which the writer acknowledges. The thread writes nothing
 * itself: a page counts once the writer saved it.
 */
export async function servePages<P>(pages: AsyncIterable<P>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("servePages runs on a pass thread");
  let unacknowledged = 0;
  let stopping = false;
  let wake: (() => void) | undefined;
  port.on("message", (m: unknown) => {
    if (m === STOP) stopping = true;
    else unacknowledged -= 1;
    wake?.();
  });
  for await (const page of pages) {
    if (stopping) break;
    port.postMessage({ type: "page", page } satisfies ShareMessage<P>);
    unacknowledged += 1;
    while (unacknowledged >= PASS_WINDOW && !stopping)
      await new Promise<void>((resolve) => (wake = resolve));
    if (stopping) break;
  }
  if (!stopping) port.postMessage({ type: "end" } satisfies ShareMessage<P>);
  port.close();
}
