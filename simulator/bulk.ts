/**
 * Bulk query operations: bulkOperationRunQuery validates and plans the query, then the runner
 * executes it in the background in "bulk mode" (nested connections unbounded, no cost limit),
 * paging through the top-level connection a window at a time so memory stays flat for 100k
 * products, and streams Shopify-style JSONL to a temp file that /bulk/<token>.jsonl serves.
 * Status goes CREATED -> RUNNING -> COMPLETED (or FAILED / CANCELING -> CANCELED), and the
 * bulk_operations/finish webhook fires at the end.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream, rmSync, statSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { execute, type GraphQLSchema } from "graphql";
import { planBulkQuery, type BulkPlan } from "./bulk-query";
import type { Faults } from "./faults";
import { connectionNodes, nodeLines } from "./jsonl";
import type {
  BulkOperationView,
  BulkService,
  BulkUserError,
  SimContext,
  SimServices,
} from "./resolvers/context";
import { fieldResolver, typeResolver } from "./resolvers/index";
import type { SimStore } from "./store";
import { isRecord, isoSeconds, makeGid } from "./util";

export interface BulkManagerOptions {
  schema: GraphQLSchema;
  store: SimStore;
  faults: Faults;
  /** Directory for result files (removed by the server on close). */
  dir: string;
  /** Public URL of a result file, e.g. http://127.0.0.1:1234/bulk/<token>.jsonl. */
  fileUrl: (token: string) => string;
  services: () => SimServices;
  onFinish: (operation: BulkOperationView) => void;
  /** Root nodes executed per page (default 500). */
  pageSize?: number;
}

interface BulkRecord {
  view: BulkOperationView;
  token: string;
  file: string;
  cancelRequested: boolean;
  done: Promise<void>;
}

const ACTIVE: readonly BulkOperationView["status"][] = ["CREATED", "RUNNING", "CANCELING"];

export class BulkManager implements BulkService {
  private readonly records: BulkRecord[] = [];
  private seq = 0;

  constructor(private readonly options: BulkManagerOptions) {}

  run(
    query: string,
    _groupObjects: boolean,
  ): { operation: BulkOperationView | null; userErrors: BulkUserError[] } {
    // Children always follow their parent in our output, which is valid for both groupObjects settings.
    const running = this.records.find(
      (r) => r.view.type === "QUERY" && ACTIVE.includes(r.view.status),
    );
    if (running) {
      return {
        operation: null,
        userErrors: [
          {
            field: null,
            message: `A bulk query operation for this app and shop is already in progress: ${running.view.id}.`,
            code: "OPERATION_IN_PROGRESS",
          },
        ],
      };
    }
    const planned = planBulkQuery(this.options.schema, query);
    if ("errors" in planned) {
      return {
        operation: null,
        userErrors: planned.errors.map((message) => ({
          field: ["query"],
          message,
          code: "INVALID",
        })),
      };
    }
    const token = randomBytes(16).toString("hex");
    const view: BulkOperationView = {
      id: makeGid("BulkOperation", ++this.seq),
      status: "CREATED",
      errorCode: null,
      createdAt: isoSeconds(this.options.services().now()),
      completedAt: null,
      objectCount: "0",
      rootObjectCount: "0",
      fileSize: null,
      url: null,
      partialDataUrl: null,
      query,
      type: "QUERY",
    };
    const record: BulkRecord = {
      view,
      token,
      file: join(this.options.dir, `${token}.jsonl`),
      cancelRequested: false,
      done: Promise.resolve(),
    };
    // Start on a later tick so the mutation's response shows CREATED, as Shopify's does.
    record.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.execute(record, planned.plan),
    );
    this.records.push(record);
    return { operation: view, userErrors: [] };
  }

  cancel(id: string): {
    operation: BulkOperationView | null;
    userErrors: { field: string[] | null; message: string }[];
  } {
    const record = this.records.find((r) => r.view.id === id);
    if (!record)
      return {
        operation: null,
        userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }],
      };
    if (!ACTIVE.includes(record.view.status)) {
      return {
        operation: record.view,
        userErrors: [
          {
            field: null,
            message: `A bulk operation cannot be canceled when it is ${record.view.status.toLowerCase()}`,
          },
        ],
      };
    }
    record.cancelRequested = true;
    record.view.status = "CANCELING";
    return { operation: record.view, userErrors: [] };
  }

  get(id: string): BulkOperationView | null {
    return this.records.find((r) => r.view.id === id)?.view ?? null;
  }

  current(type: "QUERY" | "MUTATION"): BulkOperationView | null {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i];
      if (r && r.view.type === type) return r.view;
    }
    return null;
  }

  list(): BulkOperationView[] {
    return this.records.map((r) => r.view);
  }

  /** The result file behind a download token, if that operation produced one. */
  fileFor(token: string): string | null {
    const r = this.records.find((rec) => rec.token === token);
    if (!r) return null;
    if (r.view.status === "COMPLETED" && r.view.url) return r.file;
    if (r.view.status === "FAILED" && r.view.partialDataUrl) return r.file;
    return null;
  }

  /** Wait for an operation to finish (tests); resolves immediately for unknown ids. */
  async settled(id: string): Promise<BulkOperationView | null> {
    const r = this.records.find((rec) => rec.view.id === id);
    if (!r) return null;
    await r.done;
    return r.view;
  }

  async close(): Promise<void> {
    for (const r of this.records) if (ACTIVE.includes(r.view.status)) r.cancelRequested = true;
    await Promise.all(this.records.map((r) => r.done));
  }

  private async execute(record: BulkRecord, plan: BulkPlan): Promise<void> {
    const { view } = record;
    if (record.cancelRequested) return this.finish(record, "CANCELED", null);
    view.status = "RUNNING";
    while (this.options.faults.holdBulkOperations && !record.cancelRequested)
      await new Promise((resolve) => setTimeout(resolve, 10));
    if (record.cancelRequested) return this.finish(record, "CANCELED", null);
    const failAfterFirstPage = this.options.faults.takeFailBulk();
    const out = createWriteStream(record.file);
    let objects = 0;
    let roots = 0;
    let failed = false;
    try {
      const ctx: SimContext = {
        store: this.options.store,
        schema: this.options.schema,
        mode: "bulk",
        bulkRoot: plan.rootConnection
          ? { offset: 0, size: this.options.pageSize ?? 500, sorted: null }
          : null,
        services: this.options.services(),
        searchWarnings: [],
      };
      for (;;) {
        if (record.cancelRequested) break;
        const result = await execute({
          schema: this.options.schema,
          document: plan.document,
          rootValue: {},
          contextValue: ctx,
          fieldResolver,
          typeResolver,
        });
        if (result.errors?.length)
          throw new Error(result.errors[0]?.message ?? "bulk query failed");
        const rootValue = isRecord(result.data) ? result.data[plan.rootKey] : null;
        let chunk = "";
        const rootNodes = plan.rootConnection
          ? connectionNodes(rootValue, plan.rootConnection)
          : isRecord(rootValue)
            ? [rootValue]
            : [];
        const shape = plan.rootConnection?.node ?? plan.rootObject;
        for (const node of rootNodes) {
          roots++;
          if (!shape) continue;
          for (const line of nodeLines(node, shape, null)) {
            chunk += JSON.stringify(line) + "\n";
            objects++;
          }
        }
        if (chunk && !out.write(chunk)) await once(out, "drain");
        view.objectCount = String(objects);
        view.rootObjectCount = String(roots);
        if (failAfterFirstPage) throw new Error("simulated bulk operation failure");
        const root = ctx.bulkRoot;
        if (!root || !root.sorted) break;
        root.offset += root.size;
        if (root.offset >= root.sorted.entries.length) break;
        // Let the server answer polls and downloads between pages.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch {
      failed = true;
    }
    await closeStream(out);
    if (record.cancelRequested) return this.finish(record, "CANCELED", null);
    if (failed) return this.finish(record, "FAILED", "INTERNAL_SERVER_ERROR");
    return this.finish(record, "COMPLETED", null);
  }

  private finish(
    record: BulkRecord,
    status: "COMPLETED" | "FAILED" | "CANCELED",
    errorCode: BulkOperationView["errorCode"],
  ): void {
    const { view } = record;
    let size = 0;
    try {
      size = statSync(record.file).size;
    } catch {
      size = 0;
    }
    view.status = status;
    view.errorCode = errorCode;
    view.completedAt = isoSeconds(this.options.services().now());
    if (status === "COMPLETED") {
      view.fileSize = String(size);
      // Shopify gives no URL when the query matched nothing.
      view.url = Number(view.objectCount) > 0 ? this.options.fileUrl(record.token) : null;
    } else if (status === "FAILED" && size > 0) {
      view.fileSize = String(size);
      view.partialDataUrl = this.options.fileUrl(record.token);
    } else {
      rmSync(record.file, { force: true });
    }
    this.options.onFinish(view);
  }
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.closed) return resolve();
    stream.end(() => resolve());
    stream.on("error", () => resolve());
  });
}
