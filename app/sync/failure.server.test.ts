import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { createAdminClient, type AdminClient } from "../graphql/admin-client";
import { adminClientForShop } from "./admin-for-shop.server";
import { awaitBulkOperation, completeBulkSync } from "./bulk/bulk-sync.server";
import { downloadFile } from "./bulk/download.server";
import { describeFailure, failureDetail, failureReason } from "./failure.server";
import { TruncatedFileError } from "./ingest/ingest.server";
import { startRun } from "./runs.server";

const SHOP = "failure-shop.myshopify.com";

/** The message an async call rejects with. */
const messageOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => (error as Error).message,
  );

/** A client whose every BulkOperationStatus answer is `node`. */
const clientAnswering = (node: unknown) =>
  ({ request: async () => ({ node }) }) as unknown as AdminClient;

const shopQuery = { name: "ShopId", document: "{ shop { id } }" };

const operation = (status: string, errorCode: string | null = null) => ({
  id: "gid://shopify/BulkOperation/7",
  status,
  errorCode,
  objectCount: "0",
  rootObjectCount: "0",
  fileSize: null,
  url: null,
  partialDataUrl: null,
  createdAt: "2026-01-01T00:00:00Z",
  completedAt: null,
});

describe("failureReason reads the messages the sync's own errors write", () => {
  it("Shopify's operation ended without data (the stored error of a real run)", async () => {
    const runId = await startRun(db(), SHOP, {
      resource: "orders",
      kind: "bulk",
      bulkOperationId: "gid://shopify/BulkOperation/7",
    });
    await messageOf(
      completeBulkSync({
        db: db(),
        client: clientAnswering(operation("FAILED", "INTERNAL_SERVER_ERROR")),
        shop: SHOP,
        runId,
        databaseUrl: process.env.DATABASE_URL!,
        workDir: "/nowhere",
      }),
    );
    const run = await db().syncRun.findFirstOrThrow({ where: { id: runId, shop: SHOP } });
    expect(run.status).toBe("failed");
    expect(failureReason(run.error)).toBe("shopify");
    expect(
      failureReason(await messageOf(awaitBulkOperation(clientAnswering(null), "gid://x/1"))),
    ).toBe("shopify");
  });

  it("Shopify still preparing the data when the app stopped waiting", async () => {
    const message = await messageOf(
      awaitBulkOperation(clientAnswering(operation("RUNNING")), "gid://shopify/BulkOperation/7", {
        timeoutMs: -1,
        pollMs: 1,
      }),
    );
    expect(failureReason(message)).toBe("waiting");
  });

  it("a download that could not be completed, and a file cut off mid-line", async () => {
    const message = await messageOf(
      downloadFile("https://storage.example/bulk/1.jsonl?sig=secret", "/nowhere/x.jsonl", {
        attempts: 1,
        backoffMs: 0,
        fetch: async () => new Response("denied", { status: 403 }),
      }),
    );
    expect(failureReason(message)).toBe("download");
    expect(failureReason(new TruncatedFileError("/tmp/sync/run.jsonl", 12).message)).toBe(
      "download",
    );
  });

  it("no access to the store: no offline session, or a token Shopify rejects", async () => {
    expect(failureReason(await messageOf(adminClientForShop(db(), SHOP)))).toBe("access");
    const client = createAdminClient({
      shop: SHOP,
      accessToken: "shpat_revoked",
      fetch: async () => new Response("[API] Invalid API key or access token", { status: 401 }),
    });
    expect(failureReason(await messageOf(client.request(shopQuery)))).toBe("access");
  });

  it("Shopify could not be reached", async () => {
    const client = createAdminClient({
      shop: SHOP,
      accessToken: "shpat_x",
      maxRetries: 1,
      baseDelayMs: 1,
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    expect(failureReason(await messageOf(client.request(shopQuery)))).toBe("connection");
  });

  it("an aborted job, and anything else", () => {
    const controller = new AbortController();
    controller.abort();
    expect(failureReason((controller.signal.reason as Error).message)).toBe("stopped");
    expect(failureReason("SQLITE_BUSY: database is locked")).toBe("unknown");
    expect(failureReason(null)).toBe("unknown");
  });
});

describe("failureDetail: the technical message, safe to show", () => {
  it("never shows a server path or a (signed) link", () => {
    const truncated = new TruncatedFileError("/tmp/seaworthy-sync/cm9abc.jsonl", 12).message;
    expect(truncated).not.toContain("/tmp");
    expect(
      failureDetail(
        "The reader thread for /tmp/seaworthy-sync/cm9abc.jsonl failed: EISDIR: illegal operation on a directory, read",
      ),
    ).toBe("The reader thread for [file] failed: EISDIR: illegal operation on a directory, read");
    expect(failureDetail("ENOENT: no such file or directory, open '/var/app/data/x.jsonl'")).toBe(
      "ENOENT: no such file or directory, open '[file]'",
    );
    expect(failureDetail("could not open file:./data/dev.sqlite (locked)")).toBe(
      "could not open [link] (locked)",
    );
    expect(
      failureDetail("GET https://storage.googleapis.com/b/1.jsonl?X-Goog-Signature=ab12: 403"),
    ).toBe("GET [link] 403");
    expect(failureDetail("cannot read C:\\sync\\run.jsonl.")).toBe("cannot read [file].");
    expect(failureDetail("see ./data/run.jsonl, ../x/y or ~/z/w")).toBe(
      "see [file], [file] or [file]",
    );
  });

  it("keeps what helps support: Shopify ids, codes, numbers", () => {
    const message =
      "Shopify's bulk operation ended FAILED (INTERNAL_SERVER_ERROR). Start the sync again.";
    expect(failureDetail(message)).toBe(message);
    expect(failureDetail("Bulk operation gid://shopify/BulkOperation/7 was not found")).toBe(
      "Bulk operation gid://shopify/BulkOperation/7 was not found",
    );
    expect(failureDetail("12 rows/s and/or HTTP 503")).toBe("12 rows/s and/or HTTP 503");
  });

  it("is cut to a readable length and empty without a message", () => {
    expect(failureDetail("x".repeat(2000)).length).toBeLessThanOrEqual(400);
    expect(describeFailure(null)).toEqual({ reason: "unknown", detail: "" });
  });
});
