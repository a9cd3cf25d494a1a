/** Template filling and the one place findings are built, so every finding is localisable. */
import { ruleMeta } from "./packs/rules";
import type { ComplianceFinding, Severity } from "./types";

/** Templates split once into literal and `{name}` pieces: rendering is then concatenation. */
const compiled = new Map<string, string[]>();

function pieces(template: string): string[] {
  let list = compiled.get(template);
  if (!list) {
    list = template.split(/(\{\w+\})/);
    compiled.set(template, list);
  }
  return list;
}

export function render(template: string, args: Record<string, string | number>): string {
  let out = "";
  for (const piece of pieces(template)) {
    if (
      piece.length > 2 &&
      piece.charCodeAt(0) === 123 &&
      piece.charCodeAt(piece.length - 1) === 125
    ) {
      const name = piece.slice(1, -1);
      out += name in args ? String(args[name]) : piece;
    } else out += piece;
  }
  return out;
}

/**
 * Rendered message/fix per rule and argument values: across a catalogue most findings repeat
 * the same arguments (the same missing register, the same market), so each pair renders once.
 */
const rendered = new Map<string, readonly [string, string]>();
const RENDER_CACHE_MAX = 50_000;

function renderPair(
  rule: string,
  args: Record<string, string | number>,
): readonly [string, string] {
  let key = rule;
  for (const k in args) key += `\u0001${k}\u0002${args[k]}`;
  let pair = rendered.get(key);
  if (!pair) {
    const meta = ruleMeta(rule);
    pair = [render(meta.en.message, args), render(meta.en.fix, args)];
    if (rendered.size >= RENDER_CACHE_MAX) rendered.clear();
    rendered.set(key, pair);
  }
  return pair;
}

export function makeFinding(
  rule: string,
  market: string,
  evidence: string,
  args: Record<string, string | number>,
  extra: { severity?: Severity; suggestion?: string } = {},
): ComplianceFinding {
  const meta = ruleMeta(rule);
  const [message, fix] = renderPair(rule, args);
  const finding: ComplianceFinding = {
    rule,
    kind: meta.kind,
    severity: extra.severity ?? meta.severity,
    market,
    message,
    fix,
    evidence,
    args,
  };
  if (extra.suggestion !== undefined) finding.suggestion = extra.suggestion;
  return finding;
}
