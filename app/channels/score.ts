/**
 * The pure channel-fit scorer: features are extracted once per product, then each channel's
 * compiled rules run over them. Score = max(0, 100 - sum of penalties); eligible = no blocker.
 */
import { extractFeatures } from "./features";
import { PACKS } from "./packs";
import type { RulePack } from "./packs/types";
import { compileRule, type Evaluator } from "./rules";
import {
  CHANNEL_IDS,
  type Band,
  type ChannelScore,
  type Finding,
  type ProductFacts,
  type ShopFacts,
} from "./types";

export function bandFor(score: number): Band {
  if (score >= 80) return "excellent";
  if (score >= 60) return "good";
  return "poor";
}

interface CompiledPack {
  pack: RulePack;
  evaluators: Evaluator[];
}

const compiled = new WeakMap<readonly RulePack[], CompiledPack[]>();

function compile(packs: readonly RulePack[]): CompiledPack[] {
  let c = compiled.get(packs);
  if (!c) {
    c = packs.map((pack) => ({
      pack,
      evaluators: pack.rules.map((r) => compileRule(r, pack.channel)),
    }));
    compiled.set(packs, c);
  }
  return c;
}

/** One ChannelScore per pack (all 8 channels, in CHANNEL_IDS order, with the default packs). */
export function scoreProduct(
  product: ProductFacts,
  shop: ShopFacts,
  packs: readonly RulePack[] = PACKS,
): ChannelScore[] {
  const f = extractFeatures(product, shop);
  const out: ChannelScore[] = [];
  for (const { pack, evaluators } of compile(packs)) {
    const findings: Finding[] = [];
    for (const evaluate of evaluators) evaluate(f, findings);
    let penalty = 0;
    let eligible = true;
    for (const x of findings) {
      penalty += x.penalty;
      if (x.severity === "blocker") eligible = false;
    }
    const score = Math.max(0, 100 - penalty);
    out.push({
      channel: pack.channel,
      score,
      band: bandFor(score),
      eligible,
      findings,
      packVersion: pack.version,
    });
  }
  return out;
}

const ORDER = new Map(CHANNEL_IDS.map((c, i) => [c, i]));

/** Eligible channels first, then by score (high first), then in CHANNEL_IDS order. */
export function rankChannels<T extends Pick<ChannelScore, "channel" | "score" | "eligible">>(
  scores: readonly T[],
): T[] {
  return [...scores].sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      (ORDER.get(a.channel) ?? 0) - (ORDER.get(b.channel) ?? 0),
  );
}
