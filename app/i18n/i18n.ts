import { createContext, useContext } from "react";
import { en, type MessageKey } from "./en";
import { zhCN } from "./zh-CN";

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

/** Maps any admin locale ("zh-CN", "zh", "en-GB", "de") to one we have; English otherwise. */
export function matchLocale(candidate: string | null | undefined): Locale | undefined {
  if (!candidate) return undefined;
  const lower = candidate.trim().toLowerCase();
  if (lower.startsWith("zh"))
    return lower.includes("tw") || lower.includes("hk") || lower.includes("hant")
      ? undefined
      : "zh-CN";
  if (lower.startsWith("en")) return "en";
  return undefined;
}

/**
 * The admin's language: an explicit setting wins, then the `locale` Shopify passes to embedded
 * apps, then the browser's Accept-Language, then English.
 */
export function resolveLocale(request: Request, setting?: string | null): Locale {
  const fromSetting = setting && setting !== "auto" ? matchLocale(setting) : undefined;
  if (fromSetting) return fromSetting;
  const fromParam = matchLocale(new URL(request.url).searchParams.get("locale"));
  if (fromParam) return fromParam;
  const header = request.headers.get("accept-language") ?? "";
  for (const part of header.split(",")) {
    const match = matchLocale(part.split(";")[0]);
    if (match) return match;
  }
  return "en";
}

export function translate(
  locale: Locale,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const template = catalogs[locale][key] ?? en[key];
  return vars
    ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
    : template;
}

export const LocaleContext = createContext<Locale>("en");

/** `const t = useT(); t("nav.overview")` in any component under the app layout. */
export function useT() {
  const locale = useContext(LocaleContext);
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
