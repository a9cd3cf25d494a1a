import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "./evaluate";
import { input, product } from "./fixtures";
import { localizeComplianceFinding } from "./i18n";
import { RULE_LIST } from "./packs/rules";
import { SOURCES } from "./packs/sources";
import { PACKS_VERSION } from "./packs/version";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("rule packs", () => {
  it("are versioned", () => {
    expect(PACKS_VERSION).toMatch(/^compliance@\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it.each(RULE_LIST.map((r) => [r.id, r] as const))(
    "%s has a source or a stated heuristic, and a checked date",
    (_id, rule) => {
      expect(rule.sources.length > 0 || Boolean(rule.heuristic)).toBe(true);
      for (const s of rule.sources) expect(SOURCES[s].url).toMatch(/^(https?|file):/);
      expect(rule.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it.each(RULE_LIST.map((r) => [r.id, r] as const))(
    "%s is localised in en and zh-CN with the same placeholders",
    (_id, rule) => {
      for (const field of ["message", "fix"] as const) {
        expect(rule.en[field].length).toBeGreaterThan(10);
        expect(rule["zh-CN"][field]).toMatch(/[\u4e00-\u9fff]/);
        expect(placeholders(rule["zh-CN"][field])).toEqual(placeholders(rule.en[field]));
      }
    },
  );

  it("ids are unique", () => {
    expect(new Set(RULE_LIST.map((r) => r.id)).size).toBe(RULE_LIST.length);
  });
});

describe("localizeComplianceFinding", () => {
  it("re-renders a finding in zh-CN from its args, translating known tokens", () => {
    const p = product({
      title: "Bluetooth Speaker",
      categoryId: "gid://shopify/TaxonomyCategory/el-2-2-10",
      categoryName: "Speakers",
      descriptionHtml: "<p>An eco-friendly speaker.</p>",
    });
    const findings = evaluateCompliance(input(p, { markets: ["DE"] }));
    const ce = findings.find((f) => f.rule === "mark-ce");
    expect(ce && localizeComplianceFinding(ce, "zh-CN").message).toBe(
      "该产品看起来属于电子电气产品、无线电设备，销往 EU，但没有有效的 CE (EU declaration of conformity) 证明。",
    );
    const claim = findings.find((f) => f.rule === "claim-generic");
    expect(claim && localizeComplianceFinding(claim, "zh-CN").message).toContain(
      "描述中含有笼统的环保声明“eco-friendly”",
    );
    expect(claim && localizeComplianceFinding(claim, "en")).toBe(claim);
  });
});
