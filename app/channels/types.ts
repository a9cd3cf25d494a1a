/**
 * Channel fit: the contract between the pure scorer (rule packs + evaluators, no I/O), the code
 * that feeds it (the store mirror, or a file for `seaworthy audit`) and the code that shows or
 * stores its results (pages, CSV export, CLI). Channel ids are part of the public contract (API,
 * CLI JSON, CSV): never rename one.
 */

import type { Severity } from "../facts/types";

export const CHANNEL_IDS = [
  "amazon",
  "ebay",
  "online_store",
  "walmart",
  "tiktok_shop",
  "ozon",
  "wildberries",
  "instagram",
] as const;

export type ChannelId = (typeof CHANNEL_IDS)[number];

export const isChannelId = (value: unknown): value is ChannelId =>
  typeof value === "string" && (CHANNEL_IDS as readonly string[]).includes(value);

/**
 * One thing a rule found. Every point a score is below 100 is accounted for by the `penalty` of
 * its findings (score = max(0, 100 - sum of penalties)); `info` findings carry penalty 0.
 */
export interface Finding {
  /** The rule's id; names what it checks (a GTIN rule's id contains `gtin`, a title rule's `title`). */
  rule: string;
  severity: Severity;
  /** What is wrong, in words a merchant understands. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** The text or field value that triggered the rule (quoted, truncated), or the measured figure. */
  evidence: string;
  /** Points this finding takes off the score (0 for info). */
  penalty: number;
  /**
   * The values filled into the rule's message and fix templates (e.g. `{ length: 212, max: 200 }`),
   * so the admin can render the finding in the merchant's language (`localizeFinding`).
   */
  args?: Record<string, string | number>;
}

/** Walmart's listing-quality bands (Poor 0–59, Good 60–79, Excellent 80–100), used for every channel. */
export type Band = "excellent" | "good" | "poor";

export interface ChannelScore {
  channel: ChannelId;
  /** 0–100. */
  score: number;
  band: Band;
  /** False when any blocker holds: the product cannot (or may not yet) be listed there. */
  eligible: boolean;
  findings: Finding[];
  /** The edition of the channel's rule pack that judged it (e.g. `amazon@2026-12-01.1`). */
  packVersion: string;
}

// Product facts are shared with compliance; they live below both engines (app/facts/).
export type {
  ImageFacts,
  MetafieldFacts,
  ProductFacts,
  Severity,
  ShopFacts,
  VariantFacts,
} from "../facts/types";
