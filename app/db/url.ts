export type DatabaseKind = "sqlite" | "postgres";

/** SQLite for `file:` URLs (the embedded default), PostgreSQL for postgres:// URLs. */
export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must be file:… (SQLite) or postgres://… (PostgreSQL), got "${url.split(":")[0]}:…"`,
  );
}

/** The file path of a SQLite `file:` URL (file:./data/x.sqlite, file:/abs/x.sqlite, file:///abs). */
export function sqlitePath(url: string): string {
  const rest = url.replace(/^file:/, "");
  return rest.startsWith("//") ? rest.replace(/^\/\//, "") : rest;
}

/** The embedded default: a SQLite file beside the app. */
export const DEFAULT_DATABASE_URL = "file:./data/dev.sqlite";

/**
 * The process's database URL (env.server.ts checks its form at boot; this is also read by
 * workers, the CLI and tests, which do not parse the whole environment).
 */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}
