/**
 * Compiles a pack's rules (data) into evaluators: closures that compare the precomputed
 * Features with the rule's thresholds and allocate a Finding only when the rule fails.
 */
import type { Features } from "./features";
import { GOODS_BIT, GOODS_CLASSES } from "./goods";
import { TEMPLATES, compileTemplate, type Renderer } from "./messages";
import { ancestorsOf } from "./taxonomy";
import type { CertificateRequirement, Rule } from "./packs/types";
import type { ChannelId, Finding, Severity } from "./types";

/** Margins closer than this to a threshold count as at it (floating-point noise, not money). */
const MARGIN_EPSILON = 1e-9;

export type Evaluator = (f: Features, out: Finding[]) => void;

type Args = Record<string, string | number>;

const truncate = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pct = (x: number) => Math.round(x * 1000) / 10;

/** What a failed rule says: evidence and template args, computed from the features on demand. */
type Describe = (f: Features, detail: number) => [evidence: string, args: Args];

interface FindingSpec {
  rule: string;
  severity: Severity;
  penalty: number;
  channel: ChannelId;
  message: Renderer;
  fix: Renderer;
  describe: Describe;
}

/**
 * A failed rule. Only the rule, severity and penalty are set when it is made: its `evidence` and
 * `args` are described from the product's features on first read, and `message` and `fix` are
 * rendered from the rule's templates and `args` after that. A full pass makes ~30 findings per
 * product and mostly counts or stores them; building every evidence string and args object up
 * front was most of the rules' time. `toJSON()` gives the plain `Finding` (same keys, same
 * order), so stored JSON, the CLI and the API see exactly what an eager finding would give.
 */
class RuleFinding implements Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly penalty: number;
  #spec: FindingSpec;
  #features: Features;
  /** Which of several failures of one rule (an image index, a requirement index). */
  #detail: number;
  #evidence: string | undefined = undefined;
  #args: Args | undefined = undefined;
  #message: string | undefined = undefined;
  #fix: string | undefined = undefined;

  constructor(spec: FindingSpec, features: Features, detail: number) {
    this.rule = spec.rule;
    this.severity = spec.severity;
    this.penalty = spec.penalty;
    this.#spec = spec;
    this.#features = features;
    this.#detail = detail;
  }

  #describe(): void {
    const [evidence, args] = this.#spec.describe(this.#features, this.#detail);
    args.channel = this.#spec.channel;
    this.#evidence ??= evidence;
    this.#args ??= args;
  }

  get evidence(): string {
    if (this.#evidence === undefined) this.#describe();
    return this.#evidence!;
  }
  set evidence(value: string) {
    this.#evidence = value;
  }

  get args(): Args {
    if (this.#args === undefined) this.#describe();
    return this.#args!;
  }
  set args(value: Args) {
    this.#args = value;
  }

  get message(): string {
    return (this.#message ??= this.#spec.message(this.args));
  }
  set message(value: string) {
    this.#message = value;
  }

  get fix(): string {
    return (this.#fix ??= this.#spec.fix(this.args));
  }
  set fix(value: string) {
    this.#fix = value;
  }

  toJSON(): Finding {
    return {
      rule: this.rule,
      severity: this.severity,
      message: this.message,
      fix: this.fix,
      evidence: this.evidence,
      penalty: this.penalty,
      args: this.args,
    };
  }
}

const PROMO_RE =
  /\b(?:free shipping|free delivery|best seller|bestseller|hot (?:item|sale)|sale|on sale|discount|cheapest|lowest price|limited time|100% (?:quality )?guaranteed|#1|top rated|buy now|deal)\b/i;
const STOPWORDS = new Set([
  "and",
  "or",
  "for",
  "the",
  "a",
  "an",
  "of",
  "with",
  "in",
  "on",
  "to",
  "by",
  "at",
  "&",
  "-",
]);

function mostRepeatedWord(title: string): { word: string; count: number } | null {
  // Titles have a handful of words: an array and a backward count beat a Map per product.
  const words: string[] = [];
  let best: { word: string; count: number } | null = null;
  const lower = title.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    // Words are split on spaces and the separators titles use; punctuation stays with the word.
    if (c !== 32 && c !== 44 && c !== 47 && c !== 124 && c !== 9) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const word = lower.slice(start, i);
    start = -1;
    if (STOPWORDS.has(word)) continue;
    let n = 1;
    for (const w of words) if (w === word) n++;
    words.push(word);
    if (!best || n > best.count) best = { word, count: n };
  }
  return best;
}

/** A prefix matcher with a per-code memo: categories repeat across a catalogue. */
function prefixMatcher(prefixes: readonly string[]): (code: string | null) => boolean {
  const set = new Set(prefixes);
  const memo = new Map<string, boolean>();
  return (code) => {
    if (code === null) return false;
    let hit = memo.get(code);
    if (hit === undefined) {
      hit = ancestorsOf(code).some((a) => set.has(a));
      memo.set(code, hit);
    }
    return hit;
  };
}

function applicable(reqs: readonly CertificateRequirement[]) {
  const all = reqs.map((r, index) => ({
    r,
    index,
    matches: prefixMatcher(r.prefixes),
    label: r.anyOf.join(" or "),
  }));
  const forProduct = (f: Features) =>
    all.filter(
      (c) =>
        c.matches(f.code) &&
        (c.r.markets === undefined || (c.r.markets === "us" ? f.sellsToUs : f.sellsToEuUk)),
    );
  return Object.assign(forProduct, { all });
}

export function compileRule(rule: Rule, channel: ChannelId): Evaluator {
  const template = TEMPLATES[rule.id]?.en;
  const title: Renderer = () => rule.title;
  const spec: FindingSpec = {
    rule: rule.id,
    severity: rule.severity,
    penalty: rule.penalty,
    channel,
    message: template ? compileTemplate(template.message, "en", channel) : title,
    fix: template ? compileTemplate(template.fix, "en", channel) : title,
    describe: () => ["", {}],
  };
  const fail = (out: Finding[], f: Features, detail = 0) => {
    out.push(new RuleFinding(spec, f, detail));
  };
  /** The rule's evaluator, with what its failures say. */
  const check = (evaluate: Evaluator, describe: Describe): Evaluator => {
    spec.describe = describe;
    return evaluate;
  };
  switch (rule.check) {
    case "title_missing":
      return check(
        (f, out) => {
          if (f.titleLength === 0) fail(out, f);
        },
        () => ["(empty)", {}],
      );
    case "title_length":
    case "title_length_recommended": {
      const max = rule.max;
      return check(
        (f, out) => {
          if (f.titleLength > max) fail(out, f);
        },
        (f) => [
          `${f.titleLength} characters: "${truncate(f.title)}"`,
          { length: f.titleLength, max },
        ],
      );
    }
    case "title_banned_chars": {
      const chars = [...rule.chars];
      const found = (title: string) => {
        let hit = "";
        for (const c of chars) if (title.includes(c)) hit += c;
        return hit;
      };
      return check(
        (f, out) => {
          for (const c of chars)
            if (f.title.includes(c)) {
              fail(out, f);
              return;
            }
        },
        (f) => [`"${truncate(f.title)}"`, { chars: [...found(f.title)].join(" ") }],
      );
    }
    case "title_promotional":
      return check(
        (f, out) => {
          const s = f.shared;
          if (s.promo === undefined) s.promo = PROMO_RE.exec(f.title)?.[0] ?? null;
          if (s.promo) fail(out, f);
        },
        (f) => [`"${truncate(f.title)}"`, { phrase: f.shared.promo ?? "" }],
      );
    case "title_word_repeat": {
      const max = rule.maxRepeats;
      return check(
        (f, out) => {
          const s = f.shared;
          if (s.repeat === undefined) s.repeat = mostRepeatedWord(f.title);
          if (s.repeat && s.repeat.count > max) fail(out, f);
        },
        (f) => [
          `"${truncate(f.title)}"`,
          { word: f.shared.repeat?.word ?? "", count: f.shared.repeat?.count ?? 0, max },
        ],
      );
    }
    case "description_words": {
      const min = rule.min;
      return check(
        (f, out) => {
          if (f.descriptionWords < min) fail(out, f);
        },
        (f) => [
          `${f.descriptionWords} words: "${truncate(f.descriptionText, 60)}"`,
          { words: f.descriptionWords, min },
        ],
      );
    }
    case "image_missing":
      return check(
        (f, out) => {
          if (f.imageCount === 0) fail(out, f);
        },
        () => ["0 images", {}],
      );
    case "image_count": {
      const min = rule.min;
      return check(
        (f, out) => {
          if (f.imageCount > 0 && f.imageCount < min) fail(out, f);
        },
        (f) => [`${f.imageCount} image(s)`, { count: f.imageCount, min }],
      );
    }
    case "image_count_max": {
      const max = rule.max;
      return check(
        (f, out) => {
          if (f.imageCount > max) fail(out, f);
        },
        (f) => [`${f.imageCount} images`, { count: f.imageCount, max }],
      );
    }
    case "image_main_resolution":
    case "image_resolution": {
      const { minLong, minShort } = rule;
      const min =
        minShort > 0
          ? `${minShort}×${minLong === minShort ? minShort : minLong} px`
          : `${minLong} px on the longest side`;
      const main = rule.check === "image_main_resolution";
      const small = (im: Features["images"][number] | undefined) =>
        im !== null && im !== undefined && (im.long < minLong || im.short < minShort);
      return check(
        (f, out) => {
          const from = main ? 0 : 1;
          const to = main ? Math.min(1, f.images.length) : f.images.length;
          // The worst image (the smallest longest side; the first of equals) is the evidence.
          let worst = -1;
          for (let i = from; i < to; i++) {
            const im = f.images[i]!;
            if (!small(im)) continue;
            if (worst < 0 || im!.long < f.images[worst]!.long) worst = i;
          }
          if (worst >= 0) fail(out, f, worst);
        },
        (f, worst) => {
          const from = main ? 0 : 1;
          const to = main ? Math.min(1, f.images.length) : f.images.length;
          let count = 0;
          for (let i = from; i < to; i++) if (small(f.images[i])) count++;
          const image = f.product.images[worst];
          const width = image?.width ?? 0;
          const height = image?.height ?? 0;
          return [`image ${worst + 1}: ${width}×${height} px`, { count, width, height, min }];
        },
      );
    }
    case "image_main_aspect": {
      const { minRatio, maxRatio, range } = rule;
      return check(
        (f, out) => {
          const im = f.images[0];
          // Tolerate rounding of pixel sizes (e.g. 750×1000 vs 749×1000).
          if (!im || (im.ratio >= minRatio - 1e-3 && im.ratio <= maxRatio + 1e-3)) return;
          fail(out, f);
        },
        (f) => {
          const p = f.product.images[0];
          return [
            `${p?.width ?? 0}×${p?.height ?? 0} px`,
            { ratio: Math.round((f.images[0]?.ratio ?? 0) * 100) / 100, range },
          ];
        },
      );
    }
    case "image_dimensions_unknown": {
      const unknown = (f: Features) => {
        let count = 0;
        for (const im of f.images) if (!im) count++;
        return count;
      };
      return check(
        (f, out) => {
          for (const im of f.images)
            if (!im) {
              fail(out, f);
              return;
            }
        },
        (f) => {
          const count = unknown(f);
          return [`${count} of ${f.imageCount} image(s) without width/height`, { count }];
        },
      );
    }
    case "gtin_missing":
      return check(
        (f, out) => {
          if (f.gtinMissing > 0) fail(out, f);
        },
        (f) => [
          `${f.gtinMissing} of ${f.variantCount} variant(s) without barcode`,
          { count: f.gtinMissing, total: f.variantCount },
        ],
      );
    case "gtin_format":
      return check(
        (f, out) => {
          if (f.gtinFormat.count > 0) fail(out, f);
        },
        (f) => [
          `"${f.gtinFormat.first}"`,
          { count: f.gtinFormat.count, barcode: f.gtinFormat.first },
        ],
      );
    case "gtin_check_digit":
      return check(
        (f, out) => {
          if (f.gtinCheckDigit.count > 0) fail(out, f);
        },
        (f) => [
          `"${f.gtinCheckDigit.first}"`,
          { count: f.gtinCheckDigit.count, barcode: f.gtinCheckDigit.first },
        ],
      );
    case "gtin_stored_format":
      return check(
        (f, out) => {
          if (f.gtinDirty.count > 0) fail(out, f);
        },
        (f) => [
          `"${f.gtinDirty.first}"`,
          {
            count: f.gtinDirty.count,
            barcode: f.gtinDirty.first,
            digits: f.gtinDirty.first.replace(/[^0-9]/g, ""),
          },
        ],
      );
    case "brand_missing":
      return check(
        (f, out) => {
          if (f.brand === "missing") fail(out, f);
        },
        () => ["vendor: (empty)", {}],
      );
    case "brand_placeholder":
      return check(
        (f, out) => {
          if (f.brand === "shop_name" || f.brand === "placeholder" || f.brand === "company")
            fail(out, f);
        },
        (f) => [`vendor: "${f.vendor}"`, { vendor: f.vendor, reason: f.brand }],
      );
    case "weight_missing":
    case "sku_missing":
    case "customs_hs_code_missing":
    case "customs_origin_missing":
    case "margin_unit_cost_missing": {
      const field = {
        weight_missing: "weightMissing",
        sku_missing: "skuMissing",
        customs_hs_code_missing: "hsMissing",
        customs_origin_missing: "originMissing",
        margin_unit_cost_missing: "unitCostMissing",
      } as const;
      const key = field[rule.check];
      return check(
        (f, out) => {
          if (f[key] > 0) fail(out, f);
        },
        (f) => [
          `${f[key]} of ${f.variantCount} variant(s)`,
          { count: f[key], total: f.variantCount },
        ],
      );
    }
    case "content_language_ru": {
      const min = rule.minShare;
      return check(
        (f, out) => {
          if (f.titleLength > 0 && f.cyrillicShare < min) fail(out, f);
        },
        (f) => {
          const share = pct(f.cyrillicShare);
          return [`${share}% Cyrillic letters in title and description`, { share }];
        },
      );
    }
    case "goods": {
      const bit = GOODS_BIT[rule.goods];
      const index = GOODS_CLASSES.indexOf(rule.goods);
      return check(
        (f, out) => {
          if ((f.goods.mask & bit) !== 0) fail(out, f);
        },
        (f) => {
          const via = f.goods.evidence[index] ?? "";
          return [via, { via }];
        },
      );
    }
    case "category_missing":
      return check(
        (f, out) => {
          if (f.code === null) fail(out, f);
        },
        (f) => [
          f.product.categoryName ? `category name only: ${f.product.categoryName}` : "(none)",
          {},
        ],
      );
    case "category_fit": {
      const fits = prefixMatcher(rule.prefixes);
      const refurb = rule.refurbishedElectronics === true;
      const label = rule.fits;
      return check(
        (f, out) => {
          if (f.code === null) return; // category_missing already says so
          if (fits(f.code) || (refurb && f.refurbished && f.code.startsWith("el"))) return;
          fail(out, f);
        },
        (f) => {
          const category = f.product.categoryName ?? f.code ?? "";
          return [`${f.code}: ${category}`, { category: truncate(category, 60), fits: label }];
        },
      );
    }
    case "certificate_required":
    case "certificate_unknown": {
      const forProduct = applicable(rule.requirements);
      const unknown = rule.check === "certificate_unknown";
      return check(
        (f, out) => {
          const held = f.product.certificates;
          if ((held === null) !== unknown || f.code === null) return;
          for (const c of forProduct(f)) {
            if (held && c.r.anyOf.some((a) => held.some((h) => h.toUpperCase() === a))) continue;
            fail(out, f, c.index);
          }
        },
        (f, index) => {
          const held = f.product.certificates;
          const c = forProduct.all[index]!;
          return [
            `${c.r.key}: ${held === null ? "certificates unknown" : `on file: ${held.join(", ") || "none"}`}`,
            { certs: c.label, requirement: c.r.key },
          ];
        },
      );
    }
    case "price_missing":
      return check(
        (f, out) => {
          if (f.variantCount > 0 && f.price === null) fail(out, f);
        },
        () => ["no variant price", {}],
      );
    case "price_band": {
      const { minUsd, maxUsd } = rule;
      return check(
        (f, out) => {
          const p = f.priceUsd;
          if (p === null || (p >= minUsd && p <= maxUsd)) return;
          fail(out, f);
        },
        (f) => {
          const price = Math.round((f.priceUsd ?? 0) * 100) / 100;
          return [
            `${f.price ?? ""} ${f.shop.currency} ≈ $${price}`,
            { price, min: minUsd, max: maxUsd },
          ];
        },
      );
    }
    case "margin_negative":
    case "margin_low": {
      const fee = rule.fee;
      const negative = rule.check === "margin_negative";
      const minMargin = rule.check === "margin_low" ? rule.minMargin : 0;
      return check(
        (f, out) => {
          if (f.costRatio === null) return;
          // Compared with a tolerance far below a cent: 1 - fee - cost/price in floating point
          // puts a margin of exactly 20 % (or exactly 0) a hair under, e.g. 0.19999999999999996.
          const margin = 1 - fee - f.costRatio;
          if (
            negative
              ? margin >= -MARGIN_EPSILON
              : margin < -MARGIN_EPSILON || margin >= minMargin - MARGIN_EPSILON
          )
            return;
          fail(out, f);
        },
        (f) => {
          const costRatio = f.costRatio ?? 0;
          return [
            `cost/price ${pct(costRatio)}%, fee ${pct(fee)}%`,
            { fee: pct(fee), margin: pct(1 - fee - costRatio), min: pct(minMargin) },
          ];
        },
      );
    }
    case "sales_none":
      return check(
        (f, out) => {
          const s = f.product.sales;
          if (s !== null && s.units30d === 0) fail(out, f);
        },
        () => ["0 units in 30 days", {}],
      );
    case "inventory_out_of_stock":
      return check(
        (f, out) => {
          if (f.available !== null && f.available <= 0) fail(out, f);
        },
        (f) => [`${f.available} available`, { available: f.available ?? 0 }],
      );
    case "inventory_depth": {
      const min = rule.min;
      return check(
        (f, out) => {
          if (f.available !== null && f.available > 0 && f.available < min) fail(out, f);
        },
        (f) => [`${f.available} available`, { available: f.available ?? 0, min }],
      );
    }
    case "rating_low": {
      const min = rule.min;
      return check(
        (f, out) => {
          if (f.rating && f.rating.value < min) fail(out, f);
        },
        (f) => {
          const rating = Math.round((f.rating?.value ?? 0) * 10) / 10;
          return [`${rating} / 5`, { rating, min }];
        },
      );
    }
    case "rating_count_low": {
      const min = rule.min;
      return check(
        (f, out) => {
          const count = f.rating?.count;
          if (count !== undefined && count !== null && count < min) fail(out, f);
        },
        (f) => {
          const count = f.rating?.count ?? 0;
          return [`${count} ratings`, { count, min }];
        },
      );
    }
    case "claim_green_generic": {
      const onlyEuUk = rule.onlyEuUk;
      return check(
        (f, out) => {
          if (f.goods.green === null || (onlyEuUk && !f.sellsToEuUk)) return;
          fail(out, f);
        },
        (f) => [`"${f.goods.green}"`, { claim: f.goods.green ?? "" }],
      );
    }
    case "checkout_us_only":
      return check(
        (f, out) => {
          if (!f.sellsToUs) fail(out, f);
        },
        (f) => [`markets: ${f.shop.markets.join(", ") || "(none)"}`, {}],
      );
    case "status_inactive":
      return check(
        (f, out) => {
          if (f.product.status.toUpperCase() !== "ACTIVE") fail(out, f);
        },
        (f) => {
          const status = f.product.status.toUpperCase();
          return [status, { status }];
        },
      );
  }
}
