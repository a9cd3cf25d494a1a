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
