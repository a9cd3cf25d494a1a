import { UnknownJobError } from "./errors";
import type { AnyJobDefinition, JobDefinition } from "./types";

export interface JobRegistry {
  readonly jobs: readonly AnyJobDefinition[];
  get(name: string): AnyJobDefinition | undefined;
  /** The registered definition of this name; throws UnknownJobError when there is none. */
  require<P>(job: JobDefinition<P>): AnyJobDefinition;
}

/**
 * Builds a lookup by name; two jobs with one name would share a queue, so that is refused. The
 * list itself is the app's, in app/background.server.ts: this layer knows no capability.
 */
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
            "(add it to ALL_JOBS in app/background.server.ts)",
        );
      }
      return found;
    },
  };
}
