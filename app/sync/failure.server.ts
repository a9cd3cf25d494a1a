/**
 * A failed sync run in words: why it stopped, as a reason the Sync card says in the admin's
 * language, and the stored message as a technical detail safe to show (no server paths, no
 * signed download links). Runs keep only the error's message, so the reason is read from the
 * messages this app's own errors write; the tests build those errors to keep the two in step.
 */

export type SyncFailureReason =
  /** Shopify's bulk operation failed, was cancelled or expired, or could not be started. */
  | "shopify"
  /** Shopify was still preparing the data when the app stopped waiting. */
  | "waiting"
  /** The data file could not be downloaded completely. */
  | "download"
  /** The app has no valid access to the store (uninstalled, token revoked). */
  | "access"
  /** Shopify could not be reached, or kept throttling or failing. */
  | "connection"
  /** The app stopped (restart, deploy) while the sync ran. */
  | "stopped"
  /** Anything else, e.g. saving the data failed. */
  | "unknown";

const REASONS: readonly [SyncFailureReason, RegExp][] = [
  // Download problems first: a download answered 403 is not an access problem.
  ["download", /could not be downloaded|ends in the middle of line/i],
  ["waiting", /Bulk operation \S+ is still \w+ after waiting/i],
  ["shopify", /bulk operation ended|did not start the \w+ sync|Bulk operation \S+ was not found/i],
  ["access", /no offline session|rejected the access token/i],
  ["connection", /could not be reached|kept throttling|kept failing|network error|fetch failed/i],
  ["stopped", /\baborted\b|AbortError|shut(ting)? down/i],
];

export function failureReason(message: string | null | undefined): SyncFailureReason {
  if (!message) return "unknown";
  return REASONS.find(([, pattern]) => pattern.test(message))?.[0] ?? "unknown";
}

const MAX_DETAIL = 400;

/** /tmp/x.jsonl, ./data/x, ~/x, C:\dir\x, a/b/c; not "rows/s", "and/or" or a gid://. */
function isPath(token: string): boolean {
  if (token.startsWith("gid://")) return false;
  if (/^[a-z]:\\/i.test(token)) return true;
  if (!token.includes("/")) return false;
  return /^(?:\/|\.{1,2}\/|~\/)/.test(token) || (token.match(/\//g) ?? []).length >= 2;
}

/**
 * The stored message with every link and file path replaced (a download link is signed, a path
 * tells nothing to a merchant and something to an attacker), cut to a readable length.
 */
export function failureDetail(message: string | null | undefined): string {
  if (!message) return "";
  const cleaned = message
    // Links (a bulk file's is signed) and database addresses; Shopify ids (gid://…) stay.
    .replace(
      /\b(?:https?|wss?|ftp|s3|gs|postgres(?:ql)?|rediss?|mysql|file):[^\s'"()<>]+/gi,
      "[link]",
    )
    .replace(/[^\s'"()<>,]+/g, (token) => {
      const [, body = token, tail = ""] = /^(.*?)([.:;!?]*)$/.exec(token) ?? [];
      return isPath(body) ? `[file]${tail}` : token;
    });
  return cleaned.length > MAX_DETAIL ? `${cleaned.slice(0, MAX_DETAIL - 1)}…` : cleaned;
}

export interface SyncFailure {
  reason: SyncFailureReason;
  /** The technical message, cleaned for display (see failureDetail). */
  detail: string;
}

export function describeFailure(message: string | null | undefined): SyncFailure {
  return { reason: failureReason(message), detail: failureDetail(message) };
}
