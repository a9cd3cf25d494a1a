import { copyFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { findSecrets } from "./log-scan";

// A fresh copy of the migrated base database for this test file, so files never share rows.
const dir = inject("testDbDir");
const id = `${process.pid}-${process.env.VITEST_WORKER_ID ?? 0}-${Date.now()}`;
const file = path.join(dir, `file-${id}.sqlite`);
copyFileSync(path.join(dir, "base.sqlite"), file);
process.env.DATABASE_URL = `file:${file}`;

// The app logs at debug level into a file of this test file's own (child processes it starts
// inherit the variable and append to it), and the file is scanned for secrets at the end: a
// token, a sealed value or this run's client secret or encryption key in any line fails the file.
const logFile = path.join(dir, `log-${id}.ndjson`);
process.env.SEAWORTHY_LOG_FILE = logFile;
process.env.LOG_LEVEL = "debug";

afterAll(() => {
  if (!existsSync(logFile)) return;
  const secrets = [process.env.SHOPIFY_API_SECRET, process.env.SEAWORTHY_ENCRYPTION_KEY].filter(
    (s): s is string => Boolean(s),
  );
  const leaks = findSecrets(readFileSync(logFile, "utf8"), secrets);
  if (leaks.length > 0)
    throw new Error(
      `The app logged secrets (${logFile}): ${leaks
        .slice(0, 10)
        .map((l) => `line ${l.line}: ${l.what}`)
        .join("; ")}`,
    );
});
