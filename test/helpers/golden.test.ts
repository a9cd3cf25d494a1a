import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { goldenOf, UnversionedChangeError, writeGolden, type Golden } from "./golden";

const file = () => path.join(mkdtempSync(path.join(os.tmpdir(), "sw-golden-")), "g.json");
const outputs = (score: number) => [
  { id: "p1", json: JSON.stringify({ score }) },
  { id: "p2", json: JSON.stringify({ score: 1 }) },
];

afterEach(() => vi.unstubAllEnvs());

describe("writeGolden", () => {
  it("GIVEN an engine whose output changed WHEN regenerated under the same packs version THEN it refuses and keeps the file; under a new version it writes", () => {
    const f = file();
    expect(writeGolden(f, goldenOf(outputs(90), "v1"), "the pack")).toBe(true);
    vi.stubEnv("UPDATE_GOLDEN", "1");
    // Same behaviour, same version: rewriting is fine.
    expect(writeGolden(f, goldenOf(outputs(90), "v1"), "the pack")).toBe(true);
    expect(() => writeGolden(f, goldenOf(outputs(80), "v1"), "the pack")).toThrow(
      UnversionedChangeError,
    );
    expect(() => writeGolden(f, goldenOf(outputs(80), "v1"), "the pack")).toThrow(
      /1 product\(s\) judged differently \(first: p1\) under the same packs version v1: bump the pack/,
    );
    expect((JSON.parse(readFileSync(f, "utf8")) as Golden).full.p1).toEqual({ score: 90 });
    expect(writeGolden(f, goldenOf(outputs(80), "v2"), "the pack")).toBe(true);
    expect((JSON.parse(readFileSync(f, "utf8")) as Golden).packsVersion).toBe("v2");
  });

  it("GIVEN a golden file WHEN not asked to regenerate THEN it writes nothing", () => {
    const f = file();
    writeGolden(f, goldenOf(outputs(90), "v1"), "the pack");
    vi.stubEnv("UPDATE_GOLDEN", "");
    expect(writeGolden(f, goldenOf(outputs(10), "v9"), "the pack")).toBe(false);
    expect((JSON.parse(readFileSync(f, "utf8")) as Golden).packsVersion).toBe("v1");
  });
});
