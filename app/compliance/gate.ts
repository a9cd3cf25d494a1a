/**
 * Channel gate: which blockers make a product not eligible to sell in a market. A finding for
 * `EU` holds in every EU market; one for `ALL` is about the evidence itself and blocks nothing
 * on its own. Pure, so the channel scorer can call it with the findings it already has.
 */
import { isEuMarket } from "./packs/markets";
import type { ComplianceFinding } from "./types";

export interface GateResult {
  blocks: boolean;
  reasons: ComplianceFinding[];
}

export function channelGate(
  findings: readonly ComplianceFinding[],
  markets?: readonly string[],
): Record<string, GateResult> {
  const targets = new Set(
    (markets ?? findings.map((f) => f.market))
      .filter((m) => m !== "ALL")
      .map((m) => m.toUpperCase()),
  );
  const result: Record<string, GateResult> = {};
  for (const market of [...targets].sort()) {
    const reasons = findings.filter(
      (f) =>
        f.severity === "blocker" &&
        (f.market === market || (f.market === "EU" && (market === "EU" || isEuMarket(market)))),
    );
    result[market] = { blocks: reasons.length > 0, reasons };
  }
  return result;
}
