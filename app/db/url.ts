export type DatabaseKind = "sqlite" | "postgres";

/** SQLite for `file:` URLs (the embedded default), PostgreSQL for postgres:// URLs. */
export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must be file:… (SQLite) or postgres://… (PostgreSQL), got "${url.split(":")[0]}:…"`,
  );
}
