import { randomBytes } from "node:crypto";
import pg from "pg";

/** PostgreSQL tests run when TEST_DATABASE_URL is set (CI sets it to the loopback server). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** Creates an empty scratch database on the test server; returns its URL and a drop function. */
export async function scratchDatabase(prefix = "seaworthy_t") {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
