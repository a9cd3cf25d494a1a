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

/**
 * The variables a message counts with: the `{name, plural, …}` blocks of its English text. The
 * type makes them numbers, so a caller cannot pass a pre-formatted string the plural rules
 * cannot read.
 */
type PluralVars<S> = S extends `${string}{${infer Body}`
  ? Body extends `${infer V}, plural,${infer Rest}`
    ? V extends `${string}}${string}`
      ? PluralVars<Body>
      : V | PluralVars<Rest>
    : PluralVars<Body>
  : never;

export type MessageVars<K extends MessageKey> = Record<string, string | number> & {
  [V in PluralVars<(typeof en)[K]>]: number;
};

/**
 * A counting message must get its variables; any other may. A key typed as any MessageKey (one
 * picked from data, e.g. an error's) cannot be told apart, so it takes them loosely.
 */
export type VarsArg<K extends MessageKey> = MessageKey extends K
  ? [vars?: Record<string, string | number>]
  : [PluralVars<(typeof en)[K]>] extends [never]
    ? [vars?: MessageVars<K>]
    : [vars: MessageVars<K>];

/** Index of the `}` closing the `{` at `open` (or -1): plural branches nest placeholders. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** `one {# product} other {# products}` → {one: "# product", other: "# products"}. */
function pluralBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let at = 0;
  for (;;) {
    const head = /\s*([\w=]+)\s*\{/y;
    head.lastIndex = at;
    const match = head.exec(text);
    if (!match) return branches;
    const open = head.lastIndex - 1;
    const close = closing(text, open);
    if (close < 0) return branches;
    branches.set(match[1]!, text.slice(open + 1, close));
    at = close + 1;
  }
}

function render(locale: Locale, template: string, vars: Record<string, string | number>): string {
  const numbers = new Intl.NumberFormat(locale);
  const format = (value: string | number) =>
    typeof value === "number" ? numbers.format(value) : value;
  let out = "";
  let at = 0;
  for (;;) {
    const open = template.indexOf("{", at);
    const close = open < 0 ? -1 : closing(template, open);
    if (close < 0) return out + template.slice(at);
    out += template.slice(at, open);
    const body = template.slice(open + 1, close);
    const plural = /^(\w+), plural,([\s\S]*)$/.exec(body);
    const value = vars[plural ? plural[1]! : body];
    if (plural && typeof value === "number") {
      const forms = pluralBranches(plural[2]!);
      const form =
        forms.get(new Intl.PluralRules(locale).select(value)) ?? forms.get("other") ?? "";
      out += render(locale, form.replace(/#/g, numbers.format(value)), vars);
    } else {
      out += value === undefined ? `{${body}}` : format(value);
    }
    at = close + 1;
  }
}

/**
 * The message in the locale. Numbers are formatted for it; `{count, plural, one {…} other {…}}`
 * picks the form Intl.PluralRules gives (`#` is the number). Chinese has only "other".
 */
export function translate<K extends MessageKey>(
  locale: Locale,
  key: K,
  ...[vars]: VarsArg<K>
): string {
  const template = catalogs[locale][key] ?? en[key];
  return vars ? render(locale, template, vars) : template;
}

export const LocaleContext = createContext<Locale>("en");

/** `const t = useT(); t("nav.overview")` in any component under the app layout. */
export function useT() {
  const locale = useContext(LocaleContext);
  return <K extends MessageKey>(key: K, ...vars: VarsArg<K>) => translate(locale, key, ...vars);
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
