import { createClient } from "@libsql/client";
import { TABLES, type MirrorTable } from "../../app/sync/mirror/rows";

/** Every mirror row of a shop, table by table, in key order, without the syncedAt timestamps. */
export async function dumpMirror(url: string, shop: string) {
  const client = createClient({ url });
  const dump: Record<string, unknown[]> = {};
  for (const table of Object.keys(TABLES) as MirrorTable[]) {
    const spec = TABLES[table];
    const columns = spec.columns.map((c) => `"${c}"`).join(", ");
    const order = spec.key.map((k) => `"${k}"`).join(", ");
    const result = await client.execute({
      sql: `SELECT ${columns} FROM "${table}" WHERE shop = ? ORDER BY ${order}`,
      args: [shop],
    });
    dump[table] = result.rows.map((r) => ({ ...r }));
  }
  client.close();
  return dump;
}
