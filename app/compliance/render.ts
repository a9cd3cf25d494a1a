/** Template filling and the one place findings are built, so every finding is localisable. */
import { ruleMeta, type RuleMeta } from "./packs/rules";
import type { ComplianceFinding, ComplianceKind, Severity } from "./types";

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

type Args = Record<string, string | number>;

/**
 * A finding whose `message` and `fix` are rendered from the rule's English templates and `args`
 * on first read: a catalogue pass builds ~10 findings per product and most are counted, gated or
 * stored, not read. `toJSON()` gives the plain finding with the same keys in the same order
 * (`suggestion` last, only when set), so stored JSON and the CLI see exactly what an eagerly
 * rendered finding gave.
 */
export class RuleFinding implements ComplianceFinding {
  readonly rule: string;
  readonly kind: ComplianceKind;
  readonly severity: Severity;
  readonly market: string;
  readonly evidence: string;
  readonly args: Args;
  declare suggestion?: string;
  #meta: RuleMeta;
  #message: string | undefined = undefined;
  #fix: string | undefined = undefined;

  constructor(meta: RuleMeta, severity: Severity, market: string, evidence: string, args: Args) {
    this.rule = meta.id;
    this.kind = meta.kind;
    this.severity = severity;
    this.market = market;
    this.evidence = evidence;
    this.args = args;
    this.#meta = meta;
  }

  get message(): string {
    return (this.#message ??= render(this.#meta.en.message, this.args));
  }
  set message(value: string) {
    this.#message = value;
  }

  get fix(): string {
    return (this.#fix ??= render(this.#meta.en.fix, this.args));
  }
  set fix(value: string) {
    this.#fix = value;
  }

  toJSON(): ComplianceFinding {
    const plain: ComplianceFinding = {
      rule: this.rule,
      kind: this.kind,
      severity: this.severity,
      market: this.market,
      message: this.message,
      fix: this.fix,
      evidence: this.evidence,
      args: this.args,
    };
    if (this.suggestion !== undefined) plain.suggestion = this.suggestion;
    return plain;
  }
}

export function makeFinding(
  rule: string,
  market: string,
  evidence: string,
  args: Args,
  extra: { severity?: Severity; suggestion?: string } = {},
): ComplianceFinding {
  const meta = ruleMeta(rule);
  const finding = new RuleFinding(meta, extra.severity ?? meta.severity, market, evidence, args);
  if (extra.suggestion !== undefined) finding.suggestion = extra.suggestion;
  return finding;
}
