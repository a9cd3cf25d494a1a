import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "./evaluate";
import { input, product } from "./fixtures";
import { channelGate } from "./gate";

describe("channelGate", () => {
  it("blocks a market on its own blockers and on EU-wide ones, never on warnings", () => {
    const findings = evaluateCompliance(
      input(product({ descriptionHtml: "<p>An eco-friendly mug.</p>" }), {
        markets: ["DE", "FR", "US"],
      }),
    );
    const gate = channelGate(findings, ["DE", "FR", "US"]);
    expect(gate.DE?.blocks).toBe(true);
    expect(gate.DE?.reasons.map((f) => f.rule).sort()).toEqual([
      "claim-generic",
      "epr-de-packaging",
    ]);
    expect(gate.FR?.reasons.map((f) => f.rule).sort()).toEqual([
      "claim-generic",
      "epr-fr-packaging",
    ]);
    expect(gate.US).toEqual({ blocks: false, reasons: [] });
  });

  it("derives markets from the findings when none are given", () => {
    const findings = evaluateCompliance(input(product(), { markets: ["DE"] }));
    expect(Object.keys(channelGate(findings))).toEqual(["DE"]);
  });
});
