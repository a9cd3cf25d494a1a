import { describe, expect, it } from "vitest";
import { auditJson, auditTable, type AuditResult } from "./audit.server";
import { bandFor } from "./score";
import { CHANNEL_IDS, type ChannelId, type ChannelScore } from "./types";

const blocker = {
  rule: "gtin_missing",
  severity: "blocker" as const,
  message: "No GTIN.",
  fix: "Add one.",
  evidence: "",
  penalty: 10,
};

/** Scores in CHANNEL_IDS order, as the audit keeps them; a blocker makes a channel not eligible. */
function scores(table: Record<ChannelId, [number, boolean]>): ChannelScore[] {
  return CHANNEL_IDS.map((channel) => {
    const [score, eligible] = table[channel];
    return {
      channel,
      score,
      band: bandFor(score),
      eligible,
      findings: eligible ? [] : [blocker],
      packVersion: "x",
    };
  });
}

// Amazon scores highest but is blocked; eBay and Walmart tie; CHANNEL_IDS order or score alone
// would each give another order than the rank.
const result: AuditResult = {
  format: "csv",
  problems: [],
  products: [
    {
      id: "handle:mug",
      handle: "mug",
      title: "Blue Mug",
      compliance: [],
      scores: scores({
        amazon: [95, false],
        ebay: [70, true],
        online_store: [60, false],
        walmart: [70, true],
        tiktok_shop: [55, true],
        ozon: [90, true],
        wildberries: [40, true],
        instagram: [80, true],
      }),
    },
  ],
};
const RANKED = [
  "ozon",
  "instagram",
  "ebay",
  "walmart",
  "tiktok_shop",
  "wildberries",
  "amazon",
  "online_store",
];

describe("audit output, per product the channels in rank order", () => {
  it("JSON: `ranked` lists the channel ids eligible first, then by score; `channels` keeps CHANNEL_IDS order", () => {
    const [p] = (auditJson(result) as { products: Record<string, unknown>[] }).products;
    expect(Object.keys(p!)).toEqual(["handle", "title", "channels", "ranked", "compliance"]);
    expect(p!.ranked).toEqual(RANKED);
    expect(Object.keys(p!.channels as object)).toEqual([...CHANNEL_IDS]);
  });

  it("table: each product's channels best first, with rank, score, band and ✗ when blocked", () => {
    const line = auditTable(result)
      .split("\n")
      .find((l) => l.includes("best first:"));
    expect(line).toBe(
      "  best first: 1. ozon 90 E · 2. instagram 80 E · 3. ebay 70 G · 4. walmart 70 G · " +
        "5. tiktok_shop 55 P · 6. wildberries 40 P · 7. amazon 95 E✗ · 8. online_store 60 G✗",
    );
  });
});
