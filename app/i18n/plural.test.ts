import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "./en";
import { translate } from "./i18n";
import { zhCN } from "./zh-CN";

/** The `{name, plural, …}` blocks of a message, each with the forms it names. */
function pluralBlocks(text: string): { name: string; forms: string[] }[] {
  return [
    ...text.matchAll(/\{(\w+), plural,((?:\s*[\w=]+\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\})+)\s*\}/g),
  ].map((m) => ({ name: m[1]!, forms: [...m[2]!.matchAll(/([\w=]+)\s*\{/g)].map((f) => f[1]!) }));
}

const keys = Object.keys(en) as MessageKey[];

describe("plurals", () => {
  it("says 1 product and 2 products in English, one form in Chinese", () => {
    expect(translate("en", "channels.rules.products", { count: 1 })).toBe("1 product");
    expect(translate("en", "channels.rules.products", { count: 2 })).toBe("2 products");
    expect(translate("en", "channels.rules.products", { count: 1234 })).toBe("1,234 products");
    expect(translate("zh-CN", "channels.rules.products", { count: 1 })).toBe("1 个产品");
    expect(translate("zh-CN", "channels.rules.products", { count: 2 })).toBe("2 个产品");
    expect(new Intl.PluralRules("zh-CN").select(1)).toBe("other");
  });

  it("keeps the other variables of a counting message", () => {
    expect(translate("en", "compliance.state.evaluated", { evaluated: 0, products: 1 })).toBe(
      "0 of 1 product checked",
    );
    expect(translate("en", "channels.list.count", { total: 1, page: 1, pages: 1 })).toBe(
      "1 product · page 1 of 1",
    );
    expect(translate("en", "compliance.bulk.preview.body", { count: 1, fields: "Materials" })).toBe(
      "Materials will change on 1 product.",
    );
  });

  it("gives every English count a one and an other form", () => {
    for (const key of keys)
      for (const block of pluralBlocks(en[key]))
        expect([key, [...block.forms].sort()]).toEqual([key, ["one", "other"]]);
  });

  it("leaves no English count without plural forms (a number followed by a plural noun)", () => {
    // `{n} things` outside a plural block reads "1 things"; "rows/s" is a unit, not a noun.
    const bare = keys.filter((key) =>
      /\{\w+\} [a-z]+s\b(?!\/)/.test(en[key].replace(/\{\w+, plural,[\s\S]*?\}\}/g, "")),
    );
    expect(bare).toEqual([]);
  });

  it("has an other form in every Chinese plural block (its only form)", () => {
    for (const key of keys)
      for (const block of pluralBlocks(zhCN[key])) expect(block.forms).toContain("other");
  });

  it("fails a count message without its one form (the check can fail)", () => {
    expect(pluralBlocks("{count, plural, other {# products}}")[0]!.forms).not.toContain("one");
    expect(/\{\w+\} [a-z]+s\b(?!\/)/.test("{total} products")).toBe(true);
  });
});
