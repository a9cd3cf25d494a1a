/**
 * The customer-facing text of a product, extracted once per product object (WeakMap cache) and
 * shared by inference and every rule: plain text of the HTML, image alt text, SEO fields and
 * the app's own text metafields.
 */
import type { ProductFacts } from "./types";

export type TextField = "title" | "description" | "alt" | "seo" | "metafield";

export interface TextPart {
  field: TextField;
  /** Where in the product: `title`, `description`, `images[2].alt`, `metafield $app.claims`. */
  where: string;
  text: string;
  /** `text.toLowerCase()`, computed once. */
  lower: string;
}

export interface ProductText {
  parts: TextPart[];
  /** Lower-cased title, product type, category name, tags and description, for inference. */
  haystack: string;
}

const BLOCK = new Set(
  "p div li ul ol br h1 h2 h3 h4 h5 h6 tr td th table section article blockquote".split(" "),
);
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  ccedil: "ç",
  uuml: "ü",
  ouml: "ö",
  auml: "ä",
  szlig: "ß",
  ntilde: "ñ",
  rsquo: "’",
  ndash: "–",
  mdash: "—",
};

export function decode(entity: string, body: string): string {
  if (body[0] === "#") {
    const code =
      body[1] === "x" || body[1] === "X"
        ? parseInt(body.slice(2), 16)
        : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000
      ? String.fromCodePoint(code)
      : entity;
  }
  return NAMED[body.toLowerCase()] ?? entity;
}

const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * Plain text of Shopify description HTML; block tags become line breaks (sentence ends). A
 * hand-written scan: this runs once per product over the whole catalogue.
 */
export function htmlToText(html: string): string {
  if (!html.includes("<") && !html.includes("&")) return html.trim();
  let out = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const gt = lt < 0 ? -1 : html.indexOf(">", lt);
    if (gt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    let j = lt + 1;
    if (html.charCodeAt(j) === 47 /* / */) j++;
    let k = j;
    while (k < gt && isNameChar(html.charCodeAt(k))) k++;
    out += BLOCK.has(html.slice(j, k).toLowerCase()) ? "\n" : " ";
    i = gt + 1;
  }
  if (out.includes("&")) out = out.replace(ENTITY, decode);
  return out
    .replace(/\s*\n\s*/g, "\n")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/** Metafields the app owns: `$app` (as stored from definitions) or the resolved `app--<id>` form. */
export function isAppNamespace(namespace: string): boolean {
  return namespace.startsWith("$app") || namespace.startsWith("app--");
}

const TEXT_TYPES = new Set(["single_line_text_field", "multi_line_text_field", "rich_text_field"]);

/**
 * The last product's text: inference and evaluation of one product read it several times in a
 * row. One slot, not a WeakMap over the catalogue: a pass over 100k products would otherwise keep
 * every product's text alive (and weak tables are costly to collect).
 */
let lastProduct: ProductFacts | null = null;
let lastText: ProductText | null = null;

function part(field: TextField, where: string, text: string): TextPart {
  return { field, where, text, lower: text.toLowerCase() };
}

export function productText(product: ProductFacts): ProductText {
  if (product === lastProduct && lastText) return lastText;
  const parts: TextPart[] = [];
  if (product.title) parts.push(part("title", "title", product.title));
  const description = product.descriptionHtml ? htmlToText(product.descriptionHtml) : "";
  if (description) parts.push(part("description", "description", description));
  product.images.forEach((img, i) => {
    if (img.alt) parts.push(part("alt", `images[${i}].alt`, img.alt));
  });
  if (product.seoTitle) parts.push(part("seo", "seo.title", product.seoTitle));
  if (product.seoDescription) parts.push(part("seo", "seo.description", product.seoDescription));
  for (const mf of product.metafields) {
    if (isAppNamespace(mf.namespace) && TEXT_TYPES.has(mf.type) && mf.value) {
      parts.push(part("metafield", `metafield ${mf.namespace}.${mf.key}`, mf.value));
    }
  }
  const haystack = [
    parts[0]?.field === "title" ? parts[0].lower : "",
    `${product.productType ?? ""}\n${product.categoryName ?? ""}\n${product.tags.join(" ")}`.toLowerCase(),
    parts.find((p) => p.field === "description")?.lower ?? "",
  ].join("\n");
  const result = { parts, haystack };
  lastProduct = product;
  lastText = result;
  return result;
}

const SENTENCE_END = /[.!?。！？\n]/;

/** The sentence of `text` around `[start, end)`, trimmed. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1] ?? "")) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to] ?? "")) to++;
  if (to < text.length && text[to] !== "\n") to++; // keep the full stop
  return text.slice(from, to).trim();
}

export function truncate(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
