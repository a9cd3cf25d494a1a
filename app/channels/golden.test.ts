/**
 * Behaviour lock for the channel-fit engine: the JSON of scoreProduct over a fixed generated
 * catalogue (seed 1, 300 products) must stay byte-identical. The golden file holds one SHA-256
 * per product (of `JSON.stringify(scoreProduct(...))`) plus the first products in full, so a
 * mismatch names the product. Regenerate (only for an intended behaviour change) with
 * `UPDATE_GOLDEN=1 npx vitest run app/channels/golden.test.ts`.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { productFactsFromStore, shopFactsFromStore } from "../../bench/facts-from-store";
import { generateStore } from "../../simulator/catalog/generate";
import { scoreProduct } from "./score";

const FILE = fileURLToPath(new URL("./__golden__/score-seed1-300.json", import.meta.url));
const FULL = 6;

interface Golden {
  products: number;
  hashes: Record<string, string>;
  full: Record<string, unknown>;
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("channel fit golden", () => {
  it("scores a fixed catalogue to byte-identical JSON", () => {
    const store = generateStore({ seed: 1, products: 300 });
    const shop = shopFactsFromStore(store);
    const facts = productFactsFromStore(store);
    // A second shop (other currency and markets) so market- and price-dependent rules vary.
    const shop2 = { ...shop, currency: "EUR", markets: ["DE", "FR", "RU"], name: null };
    const current: Golden = { products: facts.length, hashes: {}, full: {} };
    facts.forEach((p, i) => {
      const json = JSON.stringify([scoreProduct(p, shop), scoreProduct(p, shop2)]);
      current.hashes[p.id] = sha(json);
      if (i < FULL) current.full[p.id] = JSON.parse(json) as unknown;
    });
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(FILE)) {
      writeFileSync(FILE, `${JSON.stringify(current, null, 1)}\n`);
      return;
    }
    const golden = JSON.parse(readFileSync(FILE, "utf8")) as Golden;
    expect(current.full).toEqual(golden.full);
    expect(current.hashes).toEqual(golden.hashes);
  });
});
