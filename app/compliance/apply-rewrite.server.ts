/**
 * "Apply the rewrite in Shopify": replaces the one sentence a claim finding quotes with the
 * engine's rewrite, in the product's title or description, and nothing else. The product is read
 * fresh from Shopify at click time; the quoted sentence must be there exactly once, as a whole
 * sentence (and, in HTML, inside one text node, so no tag is touched). Otherwise nothing is
 * written: the merchant edited the text since the last check, or the sentence spans formatting.
 */
import type { Db } from "../db.server";
import { payloadOf, runOperation, type AdminGraphql } from "../graphql/client.server";
import { ProductText, type ProductTextResult } from "../graphql/ProductText";
import { ProductUpdateText, type ProductUpdateTextResult } from "../graphql/ProductUpdateText";
import { acceptRewrite, parseFindings } from "./queries.server";
import { decode, htmlToText } from "./text";

const SENTENCE_END = /[.!?。！？\n]/;

export type RewriteRefusal = "gone" | "unsupported" | "changed" | "ambiguous" | "markup";
export type Replaced = { ok: true; text: string } | { ok: false; reason: RewriteRefusal };

export type ApplyRewriteOutcome =
  | { ok: true; field: "title" | "description" }
  | { ok: false; reason: RewriteRefusal }
  | { ok: false; reason: "rejected"; message: string };

/** Where a claim finding's sentence lives and the sentence itself, when quoted in full. */
export function quotedSentence(evidence: string): { where: string; sentence: string } | null {
  const m = /^([^:]+): “([\s\S]*)”$/.exec(evidence);
  // A truncated quote ends in "…" without its closing mark and never matches.
  if (!m || !m[1] || !m[2]) return null;
  return { where: m[1], sentence: m[2] };
}

function occurrences(text: string, phrase: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) at.push(i);
  return at;
}

/** The quoted sentence occurs exactly once in the plain text, and as a whole sentence. */
function checkPlain(plain: string, sentence: string): RewriteRefusal | null {
  const at = occurrences(plain, sentence);
  if (at.length === 0) return "changed";
  if (at.length > 1) return "ambiguous";
  // A whole sentence: text before it ends a sentence, and it ends with a full stop or the line.
  const start = at[0] ?? 0;
  const end = start + sentence.length;
  const before = plain.slice(0, start).replace(/[ \t]+$/, "");
  const wholeStart = before === "" || SENTENCE_END.test(before.slice(-1));
  const wholeEnd =
    SENTENCE_END.test(sentence.slice(-1)) || end === plain.length || plain[end] === "\n";
  return wholeStart && wholeEnd ? null : "changed";
}

/** A title (plain text) with its one quoted sentence replaced. */
export function replaceInTitle(title: string, sentence: string, rewrite: string): Replaced {
  const refused = checkPlain(title, sentence);
  if (refused) return { ok: false, reason: refused };
  const start = title.indexOf(sentence);
  return {
    ok: true,
    text: title.slice(0, start) + rewrite + title.slice(start + sentence.length),
  };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One text node's decoded text, with where each decoded character starts in the raw HTML. */
function decodeNode(raw: string, offset: number): { text: string; at: number[] } {
  let text = "";
  const at: number[] = [];
  const entity = /&(#x[0-9a-f]+|#\d+|[a-z]+);/iy;
  let i = 0;
  while (i < raw.length) {
    entity.lastIndex = i;
    const m = raw[i] === "&" ? entity.exec(raw) : null;
    const chunk = m ? decode(m[0], m[1] ?? "") : (raw[i] ?? "");
    for (let k = 0; k < chunk.length; k++) at.push(offset + i);
    text += chunk;
    i += m ? m[0].length : 1;
  }
  at.push(offset + raw.length);
  return { text, at };
}

/**
 * Description HTML with its one quoted sentence replaced inside a single text node; every tag,
 * attribute and the rest of the text stay byte for byte. Refused when the sentence is not in the
 * plain text exactly once as a sentence (changed, ambiguous) or crosses a tag (markup).
 */
export function replaceInHtml(html: string, sentence: string, rewrite: string): Replaced {
  const refused = checkPlain(htmlToText(html), sentence);
  if (refused) return { ok: false, reason: refused };
  // The plain text collapses runs of spaces and tabs; the HTML may still hold them.
  const pattern = new RegExp(sentence.split(" ").map(escapeRegex).join("[ \\t]+"), "g");
  const hits: { from: number; to: number }[] = [];
  let i = 0;
  while (i <= html.length) {
    const lt = html.indexOf("<", i);
    const end = lt < 0 || html.indexOf(">", lt) < 0 ? html.length : lt;
    const node = decodeNode(html.slice(i, end), i);
    for (const m of node.text.matchAll(pattern))
      hits.push({ from: node.at[m.index] ?? i, to: node.at[m.index + m[0].length] ?? end });
    if (end === html.length) break;
    i = html.indexOf(">", lt) + 1;
  }
  if (hits.length > 1) return { ok: false, reason: "ambiguous" };
  const hit = hits[0];
  if (!hit) return { ok: false, reason: "markup" };
  return { ok: true, text: html.slice(0, hit.from) + escapeHtml(rewrite) + html.slice(hit.to) };
}

const productIdPattern = /^gid:\/\/shopify\/Product\/\d{1,20}$/;

/**
 * Applies the rewrite of a claim finding this shop's stored result holds. Reads the product from
 * Shopify, replaces the quoted sentence, writes only that field, updates the shop's mirror from
 * Shopify's answer and queues the product's evaluation (the products/update webhook follows too),
 * and records the acceptance. Every refusal writes nothing.
 */
export async function applyRewrite(options: {
  db: Db;
  graphql: AdminGraphql;
  shop: string;
  productId: string;
  finding: { rule: string; evidence: string };
  /** Queues the product's evaluation; the app's job queue unless a test says otherwise. */
  evaluate: (shop: string, productIds: string[]) => Promise<void>;
}): Promise<ApplyRewriteOutcome> {
  const { db, graphql, shop, productId, finding } = options;
  if (!productIdPattern.test(productId)) return { ok: false, reason: "gone" };
  const result = await db.complianceResult.findUnique({
    where: { shop_productId: { shop, productId } },
    select: { findings: true },
  });
  const hit = parseFindings(result?.findings ?? "[]").find(
    (f) => f.rule === finding.rule && f.evidence === finding.evidence && f.suggestion !== undefined,
  );
  if (!hit) return { ok: false, reason: "gone" };
  const quoted = quotedSentence(hit.evidence);
  const where = quoted?.where;
  const rewrite = hit.suggestion ?? "";
  if (!quoted || (where !== "title" && where !== "description") || !rewrite.trim())
    return { ok: false, reason: "unsupported" };

  const { product } = await runOperation<ProductTextResult>(graphql, ProductText, {
    id: productId,
  });
  if (!product) return { ok: false, reason: "gone" };
  const replaced =
    where === "title"
      ? replaceInTitle(product.title, quoted.sentence, rewrite)
      : replaceInHtml(product.descriptionHtml, quoted.sentence, rewrite);
  if (!replaced.ok) return replaced;

  const input =
    where === "title"
      ? { id: productId, title: replaced.text }
      : { id: productId, descriptionHtml: replaced.text };
  const productUpdate = payloadOf(
    ProductUpdateText,
    (
      await runOperation<ProductUpdateTextResult>(graphql, ProductUpdateText, {
        product: input,
      })
    ).productUpdate,
  );
  const error = productUpdate.userErrors[0];
  if (error) return { ok: false, reason: "rejected", message: error.message };
  const saved = productUpdate.product;
  if (saved) {
    await db.product.updateMany({
      where: { shop, id: productId },
      data: {
        title: saved.title,
        descriptionHtml: saved.descriptionHtml,
        updatedAt: new Date(saved.updatedAt),
      },
    });
  }
  await acceptRewrite(db, shop, productId, finding);
  await options.evaluate(shop, [productId]);
  return { ok: true, field: where };
}
