import type { ChannelId, ChannelScore } from "./types";

/**
 * Channels that list into EU countries: the shop's own store and Instagram (checkout in the
 * store) sell wherever the shop's markets are; Amazon, eBay and TikTok Shop run EU marketplaces
 * that must check EPR numbers. Walmart sells in North America, Ozon and Wildberries in the EAEU.
 */
export const EU_CHANNELS: readonly ChannelId[] = [
  "amazon",
  "ebay",
  "online_store",
  "tiktok_shop",
  "instagram",
];

export const GATE_RULE = "compliance_epr_registration";

/**
 * The compliance gate as a post-step of the scorer: `gate` lists the EU markets whose EPR
 * registrations the product lacks (stored by the compliance pass from `channelGate`). Each EU
 * channel gets one blocker naming them, so it is not eligible; the score is untouched (penalty 0):
 * the listing is as good as it was, it just may not go live there yet.
 */
export function applyComplianceGate(
  scores: ChannelScore[],
  gate: readonly string[] | undefined,
): ChannelScore[] {
  if (!gate?.length) return scores;
  const markets = gate.join(", ");
  for (const s of scores) {
    if (!EU_CHANNELS.includes(s.channel)) continue;
    s.findings.push({
      rule: GATE_RULE,
      severity: "blocker",
      message: `No EPR registration on file for ${markets}: marketplaces and the law require it before selling there.`,
      fix: "Add the registration numbers under Compliance → EPR registrations, or stop selling to these markets.",
      evidence: markets,
      penalty: 0,
      args: { markets },
    });
    s.eligible = false;
  }
  return scores;
}
