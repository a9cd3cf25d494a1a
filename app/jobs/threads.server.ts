import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Helpers for the app's worker threads (the sync's reader thread, channel fit's scoring
 * threads). A thread's entry is a TypeScript file beside its module when the app runs from
 * source (tsx: the worker process, the CLI, the demo, tests); a bundled server has no entry
 * beside it, and the work then runs on the calling thread instead.
 */

/** Flags that take their value as the next argument (`--import tsx`) unless given with `=`. */
const WITH_VALUE = new Set([
  "--import",
  "--require",
  "-r",
  "--loader",
  "--experimental-loader",
  "--conditions",
  "-C",
]);
/** Flags without a value that a thread may carry; anything else (V8 heap sizes, --inspect, …) is per-process. */
const BARE = new Set(["--enable-source-maps", "--no-warnings", "--no-deprecation"]);

/**
 * The flags of this process a thread can take: module loaders and conditions. Per-process flags
 * (V8 options such as `--max-semi-space-size`, `--inspect`) make `new Worker` throw
 * ERR_WORKER_INVALID_EXEC_ARGV, and V8 options apply to every thread of the process anyway.
 */
export function threadFlags(execArgv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const name = arg.split("=", 1)[0]!;
    if (WITH_VALUE.has(name)) {
      if (arg.includes("=")) kept.push(arg);
      else if (i + 1 < execArgv.length) kept.push(arg, execArgv[++i]!);
    } else if (BARE.has(arg) || arg.startsWith("--experimental-")) kept.push(arg);
  }
  return kept;
}

/**
 * The flags a thread starts with: this process's loaders and conditions (`threadFlags`), plus
 * tsx's loader (resolved from here, whatever the working directory) when this process was
 * started without it (vitest, Vite's dev server). Null when tsx cannot be found.
 */
export function threadExecArgv(): string[] | null {
  const flags = threadFlags();
  if (flags.some((a) => a.includes("tsx"))) return flags;
  try {
    const loader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    return [...flags, "--import", loader];
  } catch {
    return null;
  }
}

/** Whether a thread can start from this entry file. */
export function threadAvailable(entry: URL): boolean {
  return existsSync(fileURLToPath(entry)) && threadExecArgv() !== null;
}
