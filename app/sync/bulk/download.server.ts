import { createWriteStream } from "node:fs";
import { stat, truncate } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export class DownloadError extends Error {
  override name = "DownloadError";
  readonly retryable = true;
}

/**
 * Downloads a bulk operation's JSONL to disk, streaming (never held in memory). A download cut
 * short (fewer bytes than Shopify announced, or a connection that drops) is tried again; when the
 * server honours Range requests the next try continues where the last stopped.
 */
export async function downloadFile(
  url: string,
  dest: string,
  options: {
    expectedBytes?: number | null;
    attempts?: number;
    fetch?: typeof fetch;
    signal?: AbortSignal;
    backoffMs?: number;
  } = {},
): Promise<{ bytes: number; attempts: number }> {
  const attempts = options.attempts ?? 4;
  const fetcher = options.fetch ?? fetch;
  let lastError = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const have = await stat(dest).then(
      (s) => s.size,
      () => 0,
    );
    // A resumed run whose file is already whole: nothing to fetch (storage answers 416 to a Range
    // starting at the end).
    if (options.expectedBytes != null && have >= options.expectedBytes)
      return { bytes: have, attempts: attempt - 1 };
    try {
      const response = await fetcher(url, {
        headers: have > 0 ? { Range: `bytes=${have}-` } : {},
        signal: options.signal,
      });
      if (response.status === 416 && have > 0) return { bytes: have, attempts: attempt };
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      // 206 continues the file; a 200 means the server sent the whole file again.
      const append = response.status === 206 && have > 0;
      if (!append) await truncate(dest, 0).catch(() => {});
      await pipeline(
        Readable.fromWeb(response.body as never),
        createWriteStream(dest, { flags: append ? "a" : "w" }),
      );
      const bytes = (await stat(dest)).size;
      if (options.expectedBytes != null && bytes < options.expectedBytes) {
        throw new Error(`got ${bytes} of ${options.expectedBytes} bytes`);
      }
      return { bytes, attempts: attempt };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      lastError = (error as Error).message;
      await new Promise((r) => setTimeout(r, (options.backoffMs ?? 500) * attempt));
    }
  }
  throw new DownloadError(
    `The bulk file could not be downloaded completely after ${attempts} attempts (${lastError}). Run the sync again; rows already saved are kept.`,
  );
}
