import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/**
 * A rule engine's behaviour lock: one SHA-256 per product of the engine's JSON plus the first
 * products in full (so a mismatch names the product), and the rule packs' version it was made
 * under. `UPDATE_GOLDEN=1` rewrites it, and refuses when the behaviour changed while the packs'
 * version did not: stored results name the edition that judged them, and a new edition is what
 * makes the app re-judge every product (a full rescore), so a change in behaviour needs one.
 */
export interface Golden {
  packsVersion?: string;
  products: number;
  hashes: Record<string, string>;
  full: Record<string, unknown>;
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The golden of these per-product JSON outputs (in order; the first `full` kept whole). */
export function goldenOf(
  outputs: readonly { id: string; json: string }[],
  packsVersion: string,
  full = 6,
): Golden {
  const golden: Golden = { packsVersion, products: outputs.length, hashes: {}, full: {} };
  outputs.forEach(({ id, json }, i) => {
    golden.hashes[id] = sha256(json);
    if (i < full) golden.full[id] = JSON.parse(json) as unknown;
  });
  return golden;
}

export class UnversionedChangeError extends Error {
  override name = "UnversionedChangeError";
}

/**
 * Writes `current` when asked to (or when there is no file yet); refuses, with the products that
 * changed, when their output changed under the same packs' version. Answers whether it wrote.
 */
export function writeGolden(file: string, current: Golden, bump: string): boolean {
  if (process.env.UPDATE_GOLDEN !== "1" && existsSync(file)) return false;
  if (existsSync(file)) {
    const before = JSON.parse(readFileSync(file, "utf8")) as Golden;
    const changed = Object.keys(current.hashes).filter(
      (id) => before.hashes[id] !== current.hashes[id],
    );
    if (changed.length && before.packsVersion === current.packsVersion)
      throw new UnversionedChangeError(
        `${changed.length} product(s) judged differently (first: ${changed[0]}) under the same ` +
          `packs version ${current.packsVersion}: bump ${bump} first, then regenerate.`,
      );
  }
  writeFileSync(file, `${JSON.stringify(current, null, 1)}\n`);
  return true;
}

/** Compares `current` with the golden file: same packs' version, same outputs. */
export function expectGolden(file: string, current: Golden): void {
  const golden = JSON.parse(readFileSync(file, "utf8")) as Golden;
  expect(current.full).toEqual(golden.full);
  expect(current.hashes).toEqual(golden.hashes);
  expect(current.packsVersion, "regenerate the golden for the new packs version").toBe(
    golden.packsVersion,
  );
}
