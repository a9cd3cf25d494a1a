/**
 * `npm run worker`: runs every registered job (ALL_JOBS in app/background.server.ts) from BullMQ on Redis, for
 * stores that have outgrown one process. The web process only enqueues when REDIS_URL is set;
 * run as many of these as the load needs (each job's `concurrency` holds across all of them).
 *
 * SIGTERM/SIGINT: stop taking jobs, abort running jobs' signals so long ones save a checkpoint
 * and go back on the queue, wait for them, then exit. A second signal exits at once.
 */
import { createBullmqRunner } from "../app/jobs/bullmq";
import { ALL_JOBS } from "../app/background.server";
import { logger } from "../app/logger.server";

const url = process.env.REDIS_URL;
if (!url) {
  console.error("npm run worker needs REDIS_URL; without Redis, jobs run inside the web process");
  process.exit(1);
}

const log = logger.child({ op: "worker" });
if (ALL_JOBS.length === 0) {
  log.warn("no jobs are listed in app/background.server.ts; idling until stopped");
  // Without workers nothing holds the event loop; stay up rather than exit into a restart loop.
  setInterval(() => {}, 60_000);
}

const runner = createBullmqRunner({ url, jobs: ALL_JOBS, startWorkers: true });

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    log.warn({ signal }, "second signal: exiting without waiting for running jobs");
    process.exit(1);
  }
  stopping = true;
  log.info({ signal }, "shutting down: finishing running jobs");
  try {
    await runner.close();
    log.info("worker stopped");
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, "worker did not shut down cleanly");
    process.exit(1);
  }
}
process.on("SIGTERM", (signal) => void stop(signal));
process.on("SIGINT", (signal) => void stop(signal));

try {
  await runner.ready();
  log.info({ jobs: ALL_JOBS.map((job) => job.name) }, "worker started");
} catch (error) {
  log.error({ err: error }, "worker could not start (is Redis reachable at REDIS_URL?)");
  await runner.close().catch(() => {});
  process.exit(1);
}
