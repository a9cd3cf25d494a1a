import { describe, expect, it } from "vitest";
import { en } from "./en";
import { matchLocale, resolveLocale, translate } from "./i18n";
import { zhCN } from "./zh-CN";

const req = (url: string, acceptLanguage?: string) =>
  new Request(url, { headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} });

describe("admin language", () => {
  it("has a Chinese string for every English key, and no empty ones", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.values(zhCN).every((v) => v.trim().length > 0)).toBe(true);
  });

  it("follows Shopify's locale parameter", () => {
    expect(resolveLocale(req("https://a/app?locale=zh-CN"))).toBe("zh-CN");
    expect(resolveLocale(req("https://a/app?locale=en"))).toBe("en");
  });

  it("prefers the merchant's setting, then the parameter, then Accept-Language, then English", () => {
    expect(resolveLocale(req("https://a/app?locale=en"), "zh-CN")).toBe("zh-CN");
    expect(resolveLocale(req("https://a/app?locale=zh-CN"), "auto")).toBe("zh-CN");
    expect(resolveLocale(req("https://a/app", "de-DE,zh-CN;q=0.8"))).toBe("zh-CN");
    expect(resolveLocale(req("https://a/app", "de-DE"))).toBe("en");
  });

  it("does not show Simplified Chinese to a Traditional Chinese admin", () => {
    expect(matchLocale("zh-TW")).toBeUndefined();
    expect(matchLocale("zh-Hans")).toBe("zh-CN");
  });

  it("fills placeholders", () => {
    expect(translate("en", "demo.banner", { shop: "x.myshopify.com" })).toContain(
      "x.myshopify.com",
    );
    expect(translate("zh-CN", "nav.overview")).toBe("概览");
  });
});
