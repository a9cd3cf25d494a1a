/**
 * Injectable failures, so the app's retry, backoff and reconciliation paths can be exercised
 * against the simulator. Settable in code (`sim.faults.throttle = 2`) and over HTTP
 * (`POST /_sim/faults` with a JSON body of the same fields; `{"reset": true}` clears all).
 * Counters are consumed one per affected request (or webhook event).
 */
import { isRecord } from "./util";

export type FaultHttpStatus = 429 | 500 | 502 | 503;

export interface FaultSettings {
  /** The next n GraphQL calls answer THROTTLED (HTTP 200, as Shopify does). */
  throttle: number;
  /** The next `count` Admin API and token-endpoint requests fail with this HTTP status. */
  httpErrors: { status: FaultHttpStatus; count: number } | null;
  /** Added latency for every Admin API and token-endpoint request and bulk download, in ms. */
  delayMs: number;
  /** Bulk file downloads stop after N bytes (true: half the file) and the connection is closed. */
  truncateDownloads: boolean | number;
  /** The next n webhook events are never delivered (no attempt, no retry). */
  dropWebhooks: number;
  /** The next n bulk operations end FAILED with INTERNAL_SERVER_ERROR after writing partial data. */
  failBulkOperations: number;
  /** Bulk operations stay RUNNING (no page executed) while this is true: a long operation. */
  holdBulkOperations: boolean;
  /**
   * The next n successful token-endpoint requests are processed (the pair is issued, the refresh
   * token rotated) but the connection is dropped before the answer: a lost response.
   */
  loseTokenResponses: number;
}

const HTTP_STATUSES: readonly FaultHttpStatus[] = [429, 500, 502, 503];

function nonNegativeInt(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative integer`);
  }
  return value;
}

export class Faults implements FaultSettings {
  throttle = 0;
  httpErrors: FaultSettings["httpErrors"] = null;
  delayMs = 0;
  truncateDownloads: boolean | number = false;
  dropWebhooks = 0;
  failBulkOperations = 0;
  holdBulkOperations = false;
  loseTokenResponses = 0;

  reset(): void {
    this.throttle = 0;
    this.httpErrors = null;
    this.delayMs = 0;
    this.truncateDownloads = false;
    this.dropWebhooks = 0;
    this.failBulkOperations = 0;
    this.holdBulkOperations = false;
    this.loseTokenResponses = 0;
  }

  /** Apply settings from untrusted JSON (the HTTP control endpoint). Throws TypeError on bad input. */
  apply(input: unknown): void {
    if (!isRecord(input)) throw new TypeError("faults must be a JSON object");
    if (input.reset === true) this.reset();
    if ("throttle" in input) this.throttle = nonNegativeInt(input.throttle, "throttle");
    if ("delayMs" in input) this.delayMs = nonNegativeInt(input.delayMs, "delayMs");
    if ("dropWebhooks" in input)
      this.dropWebhooks = nonNegativeInt(input.dropWebhooks, "dropWebhooks");
    if ("failBulkOperations" in input)
      this.failBulkOperations = nonNegativeInt(input.failBulkOperations, "failBulkOperations");
    if ("loseTokenResponses" in input)
      this.loseTokenResponses = nonNegativeInt(input.loseTokenResponses, "loseTokenResponses");
    if ("holdBulkOperations" in input) {
      if (typeof input.holdBulkOperations !== "boolean")
        throw new TypeError("holdBulkOperations must be true or false");
      this.holdBulkOperations = input.holdBulkOperations;
    }
    if ("truncateDownloads" in input) {
      const v = input.truncateDownloads;
      if (typeof v === "boolean") this.truncateDownloads = v;
      else this.truncateDownloads = nonNegativeInt(v, "truncateDownloads");
    }
    if ("httpErrors" in input) {
      const v = input.httpErrors;
      if (v === null) this.httpErrors = null;
      else {
        if (!isRecord(v)) throw new TypeError("httpErrors must be {status, count} or null");
        const status = HTTP_STATUSES.find((s) => s === v.status);
        if (status === undefined)
          throw new TypeError(`httpErrors.status must be one of ${HTTP_STATUSES.join(", ")}`);
        this.httpErrors = { status, count: nonNegativeInt(v.count, "httpErrors.count") };
      }
    }
  }

  toJSON(): FaultSettings {
    return {
      throttle: this.throttle,
      httpErrors: this.httpErrors ? { ...this.httpErrors } : null,
      delayMs: this.delayMs,
      truncateDownloads: this.truncateDownloads,
      dropWebhooks: this.dropWebhooks,
      failBulkOperations: this.failBulkOperations,
      holdBulkOperations: this.holdBulkOperations,
      loseTokenResponses: this.loseTokenResponses,
    };
  }

  takeThrottle(): boolean {
    if (this.throttle <= 0) return false;
    this.throttle--;
    return true;
  }

  takeHttpError(): FaultHttpStatus | null {
    if (!this.httpErrors || this.httpErrors.count <= 0) return null;
    const { status } = this.httpErrors;
    this.httpErrors.count--;
    if (this.httpErrors.count === 0) this.httpErrors = null;
    return status;
  }

  takeDropWebhook(): boolean {
    if (this.dropWebhooks <= 0) return false;
    this.dropWebhooks--;
    return true;
  }

  takeFailBulk(): boolean {
    if (this.failBulkOperations <= 0) return false;
    this.failBulkOperations--;
    return true;
  }

  takeLoseTokenResponse(): boolean {
    if (this.loseTokenResponses <= 0) return false;
    this.loseTokenResponses--;
    return true;
  }

  /** Bytes to serve of a file of `size` bytes, or null for the whole file. */
  truncatedLength(size: number): number | null {
    if (this.truncateDownloads === false) return null;
    if (this.truncateDownloads === true) return Math.floor(size / 2);
    return Math.min(size, this.truncateDownloads);
  }
}
