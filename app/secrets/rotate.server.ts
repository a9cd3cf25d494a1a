import type { Db } from "../db.server";
import { isSealed, keyRing, open, seal, sealedWith, type KeyRing } from "./cipher.server";

/**
 * Every column that holds a sealed secret. A new one (the platform connectors' tokens) is added
 * here, so keys:rotate and the plain-token test cover it without knowing about it.
 */
export const SEALED_COLUMNS = [
  { model: "session", columns: ["accessToken", "refreshToken"] },
] as const;

export interface RotationReport {
  /** Values sealed again with the current key (they were plain, or sealed with an older key). */
  resealed: number;
  /** Values already sealed with the current key. */
  current: number;
}

type Row = Record<string, string | null> & { id: string };
interface Delegate {
  findMany(args: object): Promise<Row[]>;
  update(args: { where: { id: string }; data: Record<string, string> }): Promise<unknown>;
}

/**
 * Re-seals every secret with the current key, a page at a time: values stored before encryption
 * and values an older key sealed. Run after changing SEAWORTHY_ENCRYPTION_KEY (with the old key
 * in SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS); when it reports nothing left, the old key can go.
 * Each row is updated only where it still holds what was read, so a token refreshed meanwhile
 * by a running worker is never overwritten with the older one.
 */
export async function rotateSecrets(db: Db, ring: KeyRing = keyRing()): Promise<RotationReport> {
  const report: RotationReport = { resealed: 0, current: 0 };
  for (const { model, columns } of SEALED_COLUMNS) {
    const table = (db as unknown as Record<string, Delegate>)[model]!;
    let cursor: string | undefined;
    for (;;) {
      const rows = await table.findMany({
        take: 500,
        orderBy: { id: "asc" },
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: Object.fromEntries([["id", true], ...columns.map((c) => [c, true])]),
      });
      if (rows.length === 0) break;
      cursor = rows.at(-1)!.id;
      for (const row of rows) {
        const data: Record<string, string> = {};
        const where: Record<string, string> = { id: row.id };
        for (const column of columns) {
          const value = row[column];
          if (!value) continue;
          if (isSealed(value) && sealedWith(value) === ring.current.id) {
            report.current++;
            continue;
          }
          data[column] = seal(open(value, ring), ring);
          where[column] = value;
          report.resealed++;
        }
        if (Object.keys(data).length > 0)
          await (table as unknown as { updateMany(a: object): Promise<unknown> }).updateMany({
            where,
            data,
          });
      }
    }
  }
  return report;
}
