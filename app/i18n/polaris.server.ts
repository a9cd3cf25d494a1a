import en from "@shopify/polaris/locales/en.json" with { type: "json" };
import zhCN from "@shopify/polaris/locales/zh-CN.json" with { type: "json" };
import type { Locale } from "./i18n";

/** Polaris ships its own strings in both languages; the layout hands the right set to AppProvider. */
export function polarisTranslations(locale: Locale) {
  return locale === "zh-CN" ? zhCN : en;
}
