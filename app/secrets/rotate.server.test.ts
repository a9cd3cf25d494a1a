import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { generateKey, keyRingFrom, open, seal, sealedWith } from "./cipher.server";
import { rotateSecrets } from "./rotate.server";

describe("keys:rotate", () => {
  it("seals plain and old-key secrets with the current key, leaves current ones, and loses none", async () => {
    const oldKey = generateKey();
    const newKey = generateKey();
    const before = keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: oldKey });
    const after = keyRingFrom({
      SEAWORTHY_ENCRYPTION_KEY: newKey,
      SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS: oldKey,
    });
    const session = (id: string, accessToken: string, refreshToken: string | null) => ({
      id,
      shop: `${id}.myshopify.com`,
      state: "",
      isOnline: false,
      accessToken,
      refreshToken,
    });
    await db().session.createMany({
      data: [
        session("plain", "shpat_plain", "shprt_plain"),
        session("old", seal("shpat_old", before), seal("shprt_old", before)),
        session("current", seal("shpat_current", after), null),
      ],
    });

    expect(await rotateSecrets(db(), after)).toEqual({ resealed: 4, current: 1 });
    const rows = await db().session.findMany({ orderBy: { id: "asc" } });
    for (const row of rows) {
      expect(sealedWith(row.accessToken)).toBe(after.current.id);
      if (row.refreshToken) expect(sealedWith(row.refreshToken)).toBe(after.current.id);
    }
    const opened = Object.fromEntries(
      rows.map((r) => [
        r.id,
        [open(r.accessToken, after), r.refreshToken && open(r.refreshToken, after)],
      ]),
    );
    expect(opened).toEqual({
      current: ["shpat_current", null],
      old: ["shpat_old", "shprt_old"],
      plain: ["shpat_plain", "shprt_plain"],
    });
    // Done: the old key can go, and a second run has nothing to do.
    const newOnly = keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: newKey });
    expect(await rotateSecrets(db(), newOnly)).toEqual({ resealed: 0, current: 5 });
  });
});
