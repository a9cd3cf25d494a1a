import { describe, expect, it } from "vitest";
import { PACKS, PACKS_VERSION, packFor, ruleInfo } from "./packs";
import { applyComplianceGate, GATE_RULE } from "./gate";
import { TEMPLATES, localizeFinding } from "./messages";
import { scoreProduct } from "./score";
import { SHOP, cleanProduct } from "./test-fixtures";
import { CHANNEL_IDS } from "./types";

describe("rule packs", () => {
  it("one pack per channel in CHANNEL_IDS order, versioned", () => {
    expect(PACKS.map((p) => p.channel)).toEqual([...CHANNEL_IDS]);
    for (const p of PACKS) {
      expect(p.version).toMatch(new RegExp(`^${p.channel}@\\d{4}-\\d{2}-\\d{2}\\.\\d+$`));
      expect(packFor(p.channel)).toBe(p);
    }
    expect(PACKS_VERSION).toMatch(/^packs-[0-9a-f]{8}$/);
  });

  it("every rule has a stable id, a source and a check date (or says why there is none)", () => {
    for (const pack of PACKS) {
      const ids = pack.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of pack.rules) {
        expect(r.id).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
        expect(r.source.trim().length).toBeGreaterThan(10);
        const dated = /^\d{4}-\d{2}-\d{2}$/.test(r.checked);
        const heuristic =
          r.source.startsWith("Seaworthy heuristic:") && r.checked.startsWith("n/a");
        const undated = r.checked.startsWith("undated:");
        expect(dated || heuristic || undated, `${pack.channel}/${r.id}: ${r.checked}`).toBe(true);
        if (r.severity === "info") expect(r.penalty).toBe(0);
        else expect(r.penalty).toBeGreaterThan(0);
        if (r.id.includes("gtin")) expect(r.check.startsWith("gtin")).toBe(true);
      }
    }
  });

  it("ruleInfo describes a rule with its fix template", () => {
    expect(ruleInfo("amazon", "title_length")).toMatchObject({
      id: "title_length",
      severity: "blocker",
      checked: "2026-12-01",
      fixTemplate: "Shorten the title to {max} characters or fewer.",
    });
    expect(ruleInfo("amazon", "nope")).toBeUndefined();
  });

  it("every rule has en and zh-CN templates, and localizeFinding renders them without leftovers", () => {
    for (const pack of PACKS) {
      for (const r of pack.rules) {
        const t = TEMPLATES[r.id];
        expect(t, r.id).toBeDefined();
        expect(t?.en.message && t.en.fix && t["zh-CN"].message && t["zh-CN"].fix).toBeTruthy();
        // The zh-CN template uses the same placeholders as the English one.
        const keys = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(keys(t?.["zh-CN"].message ?? ""), r.id).toEqual(keys(t?.en.message ?? ""));
      }
    }
    const messy = cleanProduct("amazon", {
      title: "Hoodie!",
      vendor: "My Store",
      certificates: null,
      categoryId: "gid://shopify/TaxonomyCategory/hg-11-7-11",
    });
    const findings = scoreProduct(messy, SHOP).flatMap((s) => s.findings);
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      expect(localizeFinding(f, "en")).toEqual({ message: f.message, fix: f.fix });
      const zh = localizeFinding(f, "zh-CN");
      expect(zh.message).not.toMatch(/\{\w+\}/);
      expect(zh.fix).not.toMatch(/\{\w+\}/);
      expect(zh.message).not.toBe(f.message);
    }
    const placeholder = findings.find((f) => f.rule === "brand_placeholder");
    expect(placeholder && localizeFinding(placeholder, "zh-CN").message).toContain("占位");
  });

  it("the compliance gate's finding reads the same in English and has its Chinese text", () => {
    const scores = scoreProduct(cleanProduct("amazon"), SHOP);
    const [f] = applyComplianceGate(scores, ["DE", "FR"])
      .filter((s) => s.channel === "amazon")
      .flatMap((s) => s.findings)
      .filter((x) => x.rule === GATE_RULE);
    expect(f).toBeDefined();
    if (!f) return;
    expect(localizeFinding(f, "en")).toEqual({ message: f.message, fix: f.fix });
    const zh = localizeFinding(f, "zh-CN");
    expect(zh.message).toBe(
      "DE, FR 没有登记 EPR 注册号：电商平台和法律都要求先登记才能在当地销售。",
    );
    expect(zh.fix).toContain("EPR 注册");
  });
});
