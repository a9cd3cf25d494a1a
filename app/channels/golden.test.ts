/**
 * Behaviour lock for the channel-fit engine: the JSON of scoreProduct over a fixed generated
 * catalogue (seed 1, 300 products) must stay byte-identical. The golden file holds one SHA-256
 * per product (of `JSON.stringify(scoreProduct(...))`) plus the first products in full, so a
 * mismatch names the product. Regenerate (only for an intended behaviour change) with
 * `UPDATE_GOLDEN=1 npx vitest run app/channels/golden.test.ts`, which refuses unless the version of
 * the changed packs was bumped (test/helpers/golden.ts).
 */
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { productFactsFromStore, shopFactsFromStore } from "../../bench/facts-from-store";
import { generateStore } from "../../simulator/catalog/generate";
import { expectGolden, goldenOf, writeGolden } from "../../test/helpers/golden";
import { PACKS_VERSION } from "./packs";
import { scoreProduct } from "./score";

const FILE = fileURLToPath(new URL("./__golden__/score-seed1-300.json", import.meta.url));

describe("channel fit golden", () => {
  it("scores a fixed catalogue to byte-identical JSON", () => {
    const store = generateStore({ seed: 1, products: 300 });
    const shop = shopFactsFromStore(store);
    const facts = productFactsFromStore(store);
    // A second shop (other currency and markets) so market- and price-dependent rules vary.
    const shop2 = { ...shop, currency: "EUR", markets: ["DE", "FR", "RU"], name: null };
    const current = goldenOf(
      facts.map((p) => ({
        id: p.id,
        json: JSON.stringify([scoreProduct(p, shop), scoreProduct(p, shop2)]),
      })),
      PACKS_VERSION,
    );
    if (writeGolden(FILE, current, "the version of each changed pack in app/channels/packs/"))
      return;
    expectGolden(FILE, current);
  });
});
