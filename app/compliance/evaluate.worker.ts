/**
 * An evaluation thread of a full compliance pass (./evaluate.server.ts): evaluates its share
 * page by page and hands each laid-out page to the writing thread
 * (../jobs/shares.server.ts `servePages`).
 */
import { workerData } from "node:worker_threads";
import { closeRawDb } from "../db/raw.server";
import { servePages } from "../jobs/shares.server";
import { evaluateShare, type EvaluationShare } from "./evaluate.server";

const share = workerData as EvaluationShare;
try {
  await servePages(evaluateShare(share));
} finally {
  await closeRawDb(share.url);
}
