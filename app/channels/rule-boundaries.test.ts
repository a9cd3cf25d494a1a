/**
 * Rules at their boundaries (just below, at, just above), per channel, with the real scorer and
 * the thresholds read from the packs: a pack change moves the boundary the test checks.
 */
import { describe, expect, it } from "vitest";
import { PACKS } from "./packs";
import type { Rule, RuleCheck } from "./packs/types";
import { scoreProduct } from "./score";
import { SHOP, cleanProduct, withVariant } from "./test-fixtures";
import type { ChannelId, ProductFacts } from "./types";

/** The channels whose pack has the check, with its thresholds. */
function packsWith<K extends RuleCheck["check"]>(check: K) {
  return PACKS.flatMap((pack) => {
    const found = pack.rules.find((r) => r.check === check);
    return found ? [[pack.channel, found as Rule & Extract<RuleCheck, { check: K }>] as const] : [];
  });
}

const fired = (channel: ChannelId, p: ProductFacts, rule: string) =>
  scoreProduct(p, SHOP)
    .find((s) => s.channel === channel)!
    .findings.some((f) => f.rule === rule);

const images = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    url: `https://cdn/i-${i}.jpg`,
    alt: null,
    width: 900,
    height: 1200,
  }));

describe("rule boundaries", () => {
  it.each(packsWith("image_count_max"))("image_count_max on %s", (channel, c) => {
    for (const [n, expected] of [
      [c.max - 1, false],
      [c.max, false],
      [c.max + 1, true],
    ] as const)
      expect(
        fired(channel, cleanProduct(channel, { images: images(n) }), "image_count_max"),
        `${n} images`,
      ).toBe(expected);
  });

  it.each(packsWith("inventory_depth"))("inventory_depth on %s", (channel, c) => {
    for (const [n, expected] of [
      [c.min - 1, true],
      [c.min, false],
      [c.min + 1, false],
    ] as const)
      expect(
        fired(channel, withVariant(cleanProduct(channel), { available: n }), "inventory_depth"),
        `${n} in stock`,
      ).toBe(expected);
  });

  it.each(packsWith("status_inactive"))("status_inactive on %s", (channel) => {
    for (const [status, expected] of [
      ["ACTIVE", false],
      ["DRAFT", true],
      ["ARCHIVED", true],
    ] as const)
      expect(fired(channel, cleanProduct(channel, { status }), "status_inactive"), status).toBe(
        expected,
      );
  });

  it.each(packsWith("sku_missing"))("sku_missing on %s", (channel) => {
    for (const [sku, expected] of [
      ["NL-1", false],
      ["", true],
      [null, true],
    ] as const)
      expect(
        fired(channel, withVariant(cleanProduct(channel), { sku }), "sku_missing"),
        String(sku),
      ).toBe(expected);
  });
});
