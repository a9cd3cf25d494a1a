import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Helpers for the app's worker threads (the sync's reader thread, channel fit's scoring
 * threads). A thread's entry is a TypeScript file beside its module when the app runs from
 * source (tsx: the worker process, the CLI, the demo, tests); a bundled server has no entry
 * beside it, and the work then runs on the calling thread instead.
 */

/**
 * The flags a thread starts with: this process's, plus tsx's loader (resolved from here,
 * whatever the working directory) when this process was started without it (vitest, Vite's dev
 * server). Null when tsx cannot be found.
 */
export function threadExecArgv(): string[] | null {
  if (process.execArgv.some((a) => a.includes("tsx"))) return process.execArgv;
  try {
    const loader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    return [...process.execArgv, "--import", loader];
  } catch {
    return null;
  }
}

/** Whether a thread can start from this entry file. */
export function threadAvailable(entry: URL): boolean {
  return existsSync(fileURLToPath(entry)) && threadExecArgv() !== null;
}
