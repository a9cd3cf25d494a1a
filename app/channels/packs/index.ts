import { TEMPLATES } from "../messages";
import { CHANNEL_IDS, type ChannelId } from "../types";
import { AMAZON } from "./amazon";
import { EBAY } from "./ebay";
import { INSTAGRAM } from "./instagram";
import { ONLINE_STORE } from "./online-store";
import { OZON } from "./ozon";
import { TIKTOK_SHOP } from "./tiktok-shop";
import type { RuleInfo, RulePack } from "./types";
import { WALMART } from "./walmart";
import { WILDBERRIES } from "./wildberries";

export type * from "./types";

const BY_CHANNEL: Record<ChannelId, RulePack> = {
  amazon: AMAZON,
  ebay: EBAY,
  online_store: ONLINE_STORE,
  walmart: WALMART,
  tiktok_shop: TIKTOK_SHOP,
  ozon: OZON,
  wildberries: WILDBERRIES,
  instagram: INSTAGRAM,
};

/** One pack per channel, in CHANNEL_IDS order. */
export const PACKS: readonly RulePack[] = CHANNEL_IDS.map((c) => BY_CHANNEL[c]);

/** FNV-1a, so the combined version changes whenever any pack's version does. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

export const PACKS_VERSION = `packs-${fnv1a(PACKS.map((p) => p.version).join("|"))}`;

export function packFor(channel: ChannelId): RulePack {
  return BY_CHANNEL[channel];
}

export function ruleInfo(channel: ChannelId, ruleId: string): RuleInfo | undefined {
  const rule = BY_CHANNEL[channel].rules.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    source: rule.source,
    checked: rule.checked,
    fixTemplate: TEMPLATES[rule.id]?.en.fix ?? rule.title,
  };
}
