import { AUTH_JOBS } from "../auth/jobs.server";
import { CHANNEL_JOBS } from "../channels/jobs.server";
import { COMPLIANCE_JOBS } from "../compliance/jobs.server";
import { SYNC_JOBS } from "../sync/jobs.server";
import { UnknownJobError } from "./errors";
import type { AnyJobDefinition, JobDefinition } from "./types";

/**
 * Every job the app has. `npm run worker` starts a worker for each, and both runners refuse to
 * enqueue a job that is not here (on BullMQ nothing would ever run it). Add new jobs to this
 * list, e.g. `[syncProduct, syncBulkIngest, syncReconcile]`.
 */
export const ALL_JOBS: readonly AnyJobDefinition[] = [
  ...(AUTH_JOBS as AnyJobDefinition[]),
  ...(SYNC_JOBS as AnyJobDefinition[]),
  ...(CHANNEL_JOBS as AnyJobDefinition[]),
  ...(COMPLIANCE_JOBS as AnyJobDefinition[]),
];

export interface JobRegistry {
  readonly jobs: readonly AnyJobDefinition[];
  get(name: string): AnyJobDefinition | undefined;
  /** The registered definition of this name; throws UnknownJobError when there is none. */
  require<P>(job: JobDefinition<P>): AnyJobDefinition;
}

/** Builds a lookup by name; two jobs with one name would share a queue, so that is refused. */
export function registerJobs(jobs: readonly AnyJobDefinition[]): JobRegistry {
  const byName = new Map<string, AnyJobDefinition>();
  for (const job of jobs) {
    if (byName.has(job.name)) throw new Error(`two jobs are named "${job.name}"`);
    byName.set(job.name, job);
  }
  return {
    jobs: [...byName.values()],
    get: (name) => byName.get(name),
    require(job) {
      // By name: after a dev-server reload the caller holds a fresh copy of the same definition.
      const found = byName.get(job.name);
      if (!found) {
        throw new UnknownJobError(
          `job "${job.name}" is not registered with this runner ` +
            "(add it to ALL_JOBS in app/jobs/registry.ts)",
        );
      }
      return found;
    },
  };
}
