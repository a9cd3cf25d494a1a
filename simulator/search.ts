/**
 * Shopify's search syntax for the `query:` argument of list fields
 * (https://shopify.dev/docs/api/usage/search-syntax): free text, `field:value`, comparators
 * (`field:>x`, `field:<=x`), wildcards (`title:*rain*`), quoting, `AND` / `OR` / `NOT` / `-`,
 * and parentheses. Unknown fields are ignored (Shopify also ignores them and reports a warning).
 */

export type SearchValue = string | number | boolean | null | readonly string[];

export interface SearchFields<T> {
  /** Texts a bare term (no field) is matched against. */
  text: (item: T) => readonly (string | null)[];
  fields: Record<string, (item: T) => SearchValue>;
}

type Op = ":" | ">" | "<" | ">=" | "<=";

export type SearchNode =
  | { kind: "and"; items: SearchNode[] }
  | { kind: "or"; items: SearchNode[] }
  | { kind: "not"; item: SearchNode }
  | { kind: "term"; field: string | null; op: Op; value: string };

/** `colonAt`: where the first unquoted ":" sits in `raw` (-1 when none), i.e. the field separator. */
type Token =
  | { t: "word"; raw: string; quoted: boolean; colonAt: number }
  | { t: "lparen" }
  | { t: "rparen" }
  | { t: "not" };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? "";
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(") {
      tokens.push({ t: "lparen" });
      i++;
      continue;
    }
    if (ch === ")") {
      tokens.push({ t: "rparen" });
      i++;
      continue;
    }
    if (ch === "-" && i + 1 < input.length && !/\s/.test(input[i + 1] ?? "")) {
      tokens.push({ t: "not" });
      i++;
      continue;
    }
    // A word runs to whitespace or a paren, but quoted sections may contain both.
    let raw = "";
    let quoted = false;
    let colonAt = -1;
    while (i < input.length) {
      const c = input[i] ?? "";
      if (c === '"' || c === "'") {
        quoted = true;
        const close = input.indexOf(c, i + 1);
        const end = close === -1 ? input.length : close;
        raw += input.slice(i + 1, end).replace(/\\(.)/g, "$1");
        i = end + 1;
        continue;
      }
      if (c === "\\" && i + 1 < input.length) {
        raw += input[i + 1];
        i += 2;
        continue;
      }
      if (/\s/.test(c) || c === "(" || c === ")") break;
      if (c === ":" && colonAt === -1) colonAt = raw.length;
      raw += c;
      i++;
    }
    tokens.push({ t: "word", raw, quoted, colonAt });
  }
  return tokens;
}

function termFrom(token: { raw: string; colonAt: number }): SearchNode {
  const field = token.colonAt > 0 ? token.raw.slice(0, token.colonAt) : "";
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(field))
    return { kind: "term", field: null, op: ":", value: token.raw };
  const rest = token.raw.slice(token.colonAt + 1);
  const m = /^(>=|<=|>|<)?([\s\S]*)$/.exec(rest);
  const cmp = m?.[1];
  const op: Op = cmp === ">=" || cmp === "<=" || cmp === ">" || cmp === "<" ? cmp : ":";
  return { kind: "term", field: field.toLowerCase(), op, value: m?.[2] ?? "" };
}

export function parseSearch(input: string): SearchNode {
  const tokens = tokenize(input);
  let pos = 0;

  function parseOr(): SearchNode {
    const items = [parseAnd()];
    while (pos < tokens.length) {
      const tok = tokens[pos];
      if (tok?.t === "word" && !tok.quoted && tok.raw === "OR") {
        pos++;
        items.push(parseAnd());
      } else break;
    }
    return items.length === 1 && items[0] ? items[0] : { kind: "or", items };
  }

  function parseAnd(): SearchNode {
    const items: SearchNode[] = [];
    while (pos < tokens.length) {
      const tok = tokens[pos];
      if (!tok || tok.t === "rparen") break;
      if (tok.t === "word" && !tok.quoted && tok.raw === "OR") break;
      if (tok.t === "word" && !tok.quoted && tok.raw === "AND") {
        pos++;
        continue;
      }
      items.push(parseUnary());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: "and", items };
  }

  function parseUnary(): SearchNode {
    const tok = tokens[pos];
    if (!tok) return { kind: "and", items: [] };
    if (tok.t === "not" || (tok.t === "word" && !tok.quoted && tok.raw === "NOT")) {
      pos++;
      return { kind: "not", item: parseUnary() };
    }
    if (tok.t === "lparen") {
      pos++;
      const inner = parseOr();
      if (tokens[pos]?.t === "rparen") pos++;
      return inner;
    }
    if (tok.t === "rparen") {
      pos++;
      return { kind: "and", items: [] };
    }
    pos++;
    return termFrom(tok);
  }

  const node = parseOr();
  return node;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`, "i");
}

function asNumber(value: string): number | null {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
}

function asTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return null;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? null : t;
}

function compareScalar(actual: string | number | boolean, op: Op, wanted: string): boolean {
  if (op === ":") {
    if (wanted === "*") return actual !== "";
    if (typeof actual === "boolean") return String(actual) === wanted.toLowerCase();
    if (typeof actual === "number") {
      const n = asNumber(wanted);
      return n !== null && n === actual;
    }
    if (wanted.includes("*")) return globToRegExp(wanted).test(actual);
    return actual.toLowerCase() === wanted.toLowerCase();
  }
  let a: number | string;
  let b: number | string;
  const wantedTime = asTime(wanted);
  const actualTime = typeof actual === "string" ? asTime(actual) : null;
  if (wantedTime !== null && actualTime !== null) {
    a = actualTime;
    b = wantedTime;
  } else if (typeof actual === "number" && asNumber(wanted) !== null) {
    a = actual;
    b = asNumber(wanted) ?? 0;
  } else {
    a = String(actual).toLowerCase();
    b = wanted.toLowerCase();
  }
  switch (op) {
    case ">":
      return a > b;
    case "<":
      return a < b;
    case ">=":
      return a >= b;
    case "<=":
      return a <= b;
  }
}

function matchTerm<T>(
  node: { field: string | null; op: Op; value: string },
  item: T,
  fields: SearchFields<T>,
  unknown: Set<string>,
): boolean {
  if (node.field === null) {
    if (node.value === "") return true;
    const wanted = node.value.toLowerCase();
    const pattern = wanted.includes("*") ? globToRegExp(`*${wanted}*`) : null;
    return fields
      .text(item)
      .some((t) => t !== null && (pattern ? pattern.test(t) : t.toLowerCase().includes(wanted)));
  }
  const getter = fields.fields[node.field];
  if (!getter) {
    unknown.add(node.field);
    return true;
  }
  const actual = getter(item);
  // Shopify accepts comma-separated alternatives for enum-like fields (status:active,draft).
  const alternatives =
    node.op === ":" && node.value.includes(",") ? node.value.split(",") : [node.value];
  return alternatives.some((wanted) => {
    if (actual === null) return false;
    if (typeof actual === "string" || typeof actual === "number" || typeof actual === "boolean") {
      return compareScalar(actual, node.op, wanted);
    }
    return actual.some((a) => compareScalar(a, node.op, wanted));
  });
}

function evaluate<T>(
  node: SearchNode,
  item: T,
  fields: SearchFields<T>,
  unknown: Set<string>,
): boolean {
  switch (node.kind) {
    case "and":
      return node.items.every((n) => evaluate(n, item, fields, unknown));
    case "or":
      return node.items.some((n) => evaluate(n, item, fields, unknown));
    case "not":
      return !evaluate(node.item, item, fields, unknown);
    case "term":
      return matchTerm(node, item, fields, unknown);
  }
}

export interface SearchResult<T> {
  items: T[];
  /** Fields the query used that this resource does not support (reported as warnings). */
  unknownFields: string[];
}

export function filterBySearch<T>(
  items: readonly T[],
  query: string | null | undefined,
  fields: SearchFields<T>,
): SearchResult<T> {
  if (!query || query.trim() === "") return { items: [...items], unknownFields: [] };
  const ast = parseSearch(query);
  const unknown = new Set<string>();
  const result = items.filter((item) => evaluate(ast, item, fields, unknown));
  return { items: result, unknownFields: [...unknown] };
}
