import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// A fresh copy of the migrated base database for this test file, so files never share rows.
const dir = inject("testDbDir");
const file = path.join(
  dir,
  `file-${process.pid}-${process.env.VITEST_WORKER_ID ?? 0}-${Date.now()}.sqlite`,
);
copyFileSync(path.join(dir, "base.sqlite"), file);
process.env.DATABASE_URL = `file:${file}`;
