import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { sqlitePath } from "./url";

/**
 * The SQLite file holds the shops' (encrypted) tokens and their customers' orders: it and a
 * folder made for it are readable by the owner only, whatever the process umask. SQLite creates
 * its -wal and -shm files with the database file's mode, so they follow. An existing folder (the
 * project root, a mounted volume) is left as it is; an existing file is tightened.
 */
export function ensurePrivateSqliteFile(url: string): void {
  if (!url.startsWith("file:")) return;
  const file = sqlitePath(url);
  if (file === "" || file === ":memory:") return;
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
}
