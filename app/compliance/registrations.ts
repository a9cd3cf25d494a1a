/** EPR registration numbers: normalising and checking their format against the sourced patterns. */
import { EPR_OBLIGATIONS, NUMBER_FORMATS, type NumberFormat } from "./packs/epr";
import type { Registration } from "./types";

export interface RegistrationCheck {
  ok: boolean;
  /** The number as it should be stored and shown. */
  normalized: string;
  /** What a valid number looks like. */
  expected: string;
  /** True when the pattern rests on agreeing sources; false for a loose sanity check only. */
  formatVerified: boolean;
  problem?: string;
  register: string;
}

const PREFIX = /^(WEEE[-\s]?REG\.?[-\s]?(NR|NO)\.?:?|LUCID:?|IDU:?)/i;

export function normalizeNumber(raw: string): string {
  return raw.trim().replace(PREFIX, "").replace(/\s+/g, "").toUpperCase();
}

function formatFor(reg: Registration): NumberFormat | undefined {
  return NUMBER_FORMATS.find(
    (f) => f.country === reg.country && (f.streams === "*" || f.streams.includes(reg.stream)),
  );
}

export function registerName(reg: Pick<Registration, "country" | "stream">): string {
  return (
    EPR_OBLIGATIONS.find((o) => o.country === reg.country && o.stream === reg.stream)?.register ??
    `${reg.country} ${reg.stream} register`
  );
}

export function validateRegistration(reg: Registration): RegistrationCheck {
  const normalized = normalizeNumber(reg.number);
  const format = formatFor(reg);
  const register = registerName(reg);
  if (!format) {
    return {
      ok: normalized.length > 0,
      normalized,
      expected: "the number as issued",
      formatVerified: false,
      register,
      ...(normalized.length > 0 ? {} : { problem: "empty" }),
    };
  }
  const base = {
    normalized,
    expected: format.describe,
    formatVerified: format.confidence === "secondary",
    register,
  };
  if (!normalized) return { ...base, ok: false, problem: "empty" };
  if (format.pattern.test(normalized)) return { ...base, ok: true };
  return { ...base, ok: false, problem: `expected ${format.describe}` };
}
