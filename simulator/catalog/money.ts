/**
 * Money helpers. Amounts are handled as integer minor units (cents, kopecks) and only turned into
 * Shopify's decimal strings at the edge, so sums never drift.
 */

export function formatMinor(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(Math.round(minor));
  const cents = abs % 100;
  // Short (< 13 chars), so V8 builds a flat string anyway: no need for cat().
  return `${sign}${Math.floor(abs / 100)}${cents < 10 ? ".0" : "."}${cents}`;
}

/** A retail price in cents from a dollar band, with a charm ending (.99 / .95 / .00). */
export function charmPrice(dollars: number, ending: number): number {
  const whole = Math.max(1, Math.floor(dollars));
  if (whole >= 100 && ending < 0.3) return whole * 100; // big-ticket items: 249.00
  return whole * 100 + (ending < 0.7 ? 99 : 95);
}

export interface CurrencyRule {
  code: string;
  /** Units of this currency per USD (fixed demo rates, not market data). */
  perUsd: number;
  /** Rounding Shopify Markets would apply: whole units ending .99, or tens for roubles. */
  rounding: "x.99" | "tens";
}

export const CURRENCIES: Record<string, CurrencyRule> = {
  USD: { code: "USD", perUsd: 1, rounding: "x.99" },
  EUR: { code: "EUR", perUsd: 0.92, rounding: "x.99" },
  GBP: { code: "GBP", perUsd: 0.79, rounding: "x.99" },
  RUB: { code: "RUB", perUsd: 92, rounding: "tens" },
  CAD: { code: "CAD", perUsd: 1.38, rounding: "x.99" },
};

/** Converts a USD price (cents) into a market's local price (minor units), with price rounding. */
export function localPrice(usdCents: number, currency: string): number {
  const rule = CURRENCIES[currency];
  if (!rule || rule.code === "USD") return usdCents;
  const minor = usdCents * rule.perUsd;
  if (rule.rounding === "tens") return Math.max(1000, Math.round(minor / 1000) * 1000); // 10-rouble steps: 2790.00
  return Math.max(99, Math.ceil(minor / 100) * 100 - 1);
}

/** `percent` off, rounded to the minor unit (whole units for roubles). */
export function percentOf(minor: number, percent: number, currency: string): number {
  const raw = (minor * percent) / 100;
  return currency === "RUB" ? Math.round(raw / 100) * 100 : Math.round(raw);
}
