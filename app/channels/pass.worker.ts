/**
 * A scoring thread of a full pass (./pass.server.ts): scores its share page by page and hands
 * each laid-out page to the writing thread (../jobs/shares.server.ts `servePages`).
 */
import { workerData } from "node:worker_threads";
import { servePages } from "../jobs/shares.server";
import { closeRawDb } from "../db/raw.server";
import { scoreShare, type Share } from "./pass.server";

const share = workerData as Share;
try {
  await servePages(scoreShare(share));
} finally {
  await closeRawDb(share.url);
}
