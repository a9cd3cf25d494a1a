/**
 * Behaviour lock for the compliance engine: inferProfile + evaluateCompliance over a fixed
 * generated catalogue (seed 1, 300 products) in three scenarios must give byte-identical JSON.
 * The golden file holds one SHA-256 per product plus the first products in full, so a mismatch
 * names the product. Regenerate (only for an intended behaviour change) with
 * `UPDATE_GOLDEN=1 npx vitest run app/compliance/golden.test.ts`, which refuses unless PACKS_VERSION
 * was bumped (test/helpers/golden.ts).
 */
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { productFactsFromStore } from "../../bench/facts-from-store";
import { generateStore } from "../../simulator/catalog/generate";
import { expectGolden, goldenOf, writeGolden } from "../../test/helpers/golden";
import { evaluateCompliance } from "./evaluate";
import { cert } from "./fixtures";
import { PACKS_VERSION } from "./packs/version";
import { inferProfile } from "./profile";
import type { EvaluateInput } from "./types";

const FILE = fileURLToPath(new URL("./__golden__/evaluate-seed1-300.json", import.meta.url));

type Scenario = Omit<EvaluateInput, "product" | "profile">;

const SCENARIOS: Scenario[] = [
  // What bench/compliance-pure.ts runs.
  {
    markets: ["US", "DE", "FR", "ES", "IT", "NL", "GB", "RU"],
    registrations: [
      { country: "DE", stream: "packaging", number: "DE1234567890123", role: "producer" },
      { country: "FR", stream: "packaging", number: "FR123456_01ABCD" },
    ],
    certificates: [],
    today: "2026-12-01",
  },
  // Certificates (expired, expiring, a valid fact label), a bad number, a non-producer role.
  {
    markets: ["de", "AT", "KZ", "RU", "US", "FR"],
    registrations: [
      { country: "DE", stream: "packaging", number: "12345", role: "third_party" },
      { country: "FR", stream: "weee", number: "FR000000_05XYZW" },
    ],
    certificates: [
      cert({ id: "c1", type: "CE", validTo: "2026-12-20" }),
      cert({ id: "c2", type: "UL", validTo: "2026-01-01" }),
      cert({ id: "c3", type: "GOTS", number: "CU 123456", validTo: null }),
      cert({ id: "c4", type: "FCC", scope: { kind: "products", productIds: ["none"] } }),
    ],
    today: "2026-12-01",
  },
  // Before the ECGT date (claims are warnings), an EU excellence label held.
  {
    markets: ["SE", "PL", "GB"],
    registrations: [],
    certificates: [cert({ id: "c5", type: "EU_ECOLABEL" })],
    today: "2026-06-01",
  },
];

describe("compliance golden", () => {
  it("evaluates a fixed catalogue to byte-identical JSON", () => {
    const facts = productFactsFromStore(generateStore({ seed: 1, products: 300 }));
    const current = goldenOf(
      facts.map((product) => {
        const profile = inferProfile(product);
        const results = SCENARIOS.map((s) => evaluateCompliance({ ...s, product, profile }));
        return { id: product.id, json: JSON.stringify({ profile, results }) };
      }),
      PACKS_VERSION,
    );
    if (writeGolden(FILE, current, "PACKS_VERSION in app/compliance/packs/version.ts")) return;
    expectGolden(FILE, current);
  });
});
