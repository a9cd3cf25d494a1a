/**
 * Product copy: titles (with the title flaws), description HTML and SEO fields.
 */
import type { SeedCategory } from "./categories";
import type { ProductFlaws } from "./flaws";
import { RUSSIAN_TEXT_PERIOD } from "./flaws";
import { everyNth } from "./random";
import type { Rng } from "./random";
import type { ProductTemplate } from "./templates";
import { escapeHtml, fill, flat, titleCase, truncateWords } from "./text";
import {
  BANNED_TITLE_PATTERNS,
  CARE_LINES,
  INTROS,
  RUSSIAN_LINES,
  SHORT_DESCRIPTIONS,
  STUFFING,
  type GreenClaim,
} from "./vocab";

/** Shopify rejects titles over 255 characters, so even the worst demo title stays under it. */
const SHOPIFY_TITLE_MAX = 255;
const LONG_TITLE = { min: 81, max: 150 } as const;
const OVERLONG_TITLE = { min: 201, max: SHOPIFY_TITLE_MAX } as const;

export type GreenPlacement = "title" | "description" | "alt";

export interface CopyInput {
  rng: Rng;
  seed: number;
  index: number;
  flaws: ProductFlaws;
  seedCategory: SeedCategory;
  template: ProductTemplate;
  vendor: string;
  noun: string;
  adjective: string;
  material: string | null;
  priceLabel: string;
  green: { claim: GreenClaim; placement: GreenPlacement } | null;
}

export interface ProductCopy {
  title: string;
  /** The plain title before any flaw was applied: used for alt text and SEO. */
  baseTitle: string;
  descriptionHtml: string;
  seo: { title: string | null; description: string | null };
  hasRussian: boolean;
}

function baseTitleOf(input: CopyInput): string {
  const { rng, template, noun, adjective, vendor } = input;
  const shortFeature = template.features.find((f) => f.length <= 18);
  const style = rng.next();
  // Brand-first titles, unless the brand and adjective would stutter ("Alpine Alpine 88 Skis").
  const stutters = adjective.split(" ").some((w) => vendor.split(" ").includes(w));
  if (style < 0.2 && !stutters) return `${vendor} ${adjective} ${noun}`;
  if (style < 0.55 && shortFeature) return `${adjective} ${noun} – ${shortFeature}`;
  return `${adjective} ${noun}`;
}

/**
 * Marketplace-style keyword stuffing: keep appending selling points until the title is inside
 * [min, max]. Long titles stop at a random point past `min` so their lengths vary.
 */
function stuff(
  rng: Rng,
  base: string,
  features: readonly string[],
  min: number,
  max: number,
): string {
  let title = base;
  let joiner = base.includes(" – ") ? ", " : " - ";
  const pieces = [...features, ...STUFFING, ...STUFFING.map((s) => s.toLowerCase())];
  for (const piece of pieces) {
    if (title.toLowerCase().includes(piece.toLowerCase())) continue;
    const next = `${title}${joiner}${piece}`;
    if (next.length > max) continue;
    title = next;
    joiner = ", ";
    if (title.length >= min && rng.chance(0.5)) break;
  }
  return title;
}

/** Wraps the title in a banned-character pattern, shortening it so the result fits in `max`. */
function withBannedChars(title: string, pattern: string, priceLabel: string, max: number): string {
  const room = max - (pattern.length - "{title}".length) - priceLabel.length;
  return fill(pattern, { title: truncateWords(title, room), price: priceLabel });
}

function makeTitle(input: CopyInput, baseTitle: string): string {
  const { rng, flaws, template, green, priceLabel } = input;
  let title = baseTitle;
  // The claim goes in first so stuffing and banned characters keep their length bounds.
  if (green?.placement === "title") title = `${titleCase(green.claim.phrase)} ${title}`;
  let max: number = SHOPIFY_TITLE_MAX;
  if (flaws.has("overlongTitle")) {
    title = stuff(rng, title, template.features, OVERLONG_TITLE.min, OVERLONG_TITLE.max);
  } else if (flaws.has("longTitle")) {
    title = stuff(rng, title, template.features, LONG_TITLE.min, LONG_TITLE.max);
    max = LONG_TITLE.max;
  }
  if (flaws.has("bannedCharsTitle")) {
    const pattern =
      BANNED_TITLE_PATTERNS[flaws.occurrence("bannedCharsTitle") % BANNED_TITLE_PATTERNS.length];
    title = withBannedChars(title, pattern ?? "{title}!", priceLabel, max);
  }
  return title;
}

function describe(input: CopyInput): { html: string; hasRussian: boolean } {
  const { rng, flaws, seedCategory, template, noun, material, green, seed, index } = input;
  const values = { noun: noun.toLowerCase() };
  const parts: string[] = [];
  if (flaws.has("shortDescription")) {
    const short =
      SHORT_DESCRIPTIONS[flaws.occurrence("shortDescription") % SHORT_DESCRIPTIONS.length];
    parts.push(fill(short ?? "", { noun }));
  } else {
    parts.push(`<p>${escapeHtml(fill(rng.pick(INTROS[seedCategory]), values))}</p>`);
    const bullets = rng.sample(template.features, rng.int(3, 4));
    parts.push(`<ul>${bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join("")}</ul>`);
    if (material) parts.push(`<p>Material: ${escapeHtml(material)}</p>`);
    parts.push(`<p>${escapeHtml(CARE_LINES[seedCategory])}</p>`);
  }
  if (green?.placement === "description") {
    parts.push(`<p>${escapeHtml(fill(green.claim.sentence, values))}</p>`);
  }
  const hasRussian = everyNth(seed, "russian", index, RUSSIAN_TEXT_PERIOD);
  if (hasRussian) parts.push(`<p>${escapeHtml(RUSSIAN_LINES[seedCategory].join(" "))}</p>`);
  return { html: parts.join("\n"), hasRussian };
}

export function writeCopy(input: CopyInput): ProductCopy {
  const baseTitle = baseTitleOf(input);
  const title = makeTitle(input, baseTitle);
  const { html, hasRussian } = describe(input);
  const { flaws, rng, seedCategory, vendor } = input;
  const seoTitle = baseTitle.startsWith(vendor) ? baseTitle : `${baseTitle} | ${vendor}`;
  const intro = fill(rng.pick(INTROS[seedCategory]), { noun: input.noun.toLowerCase() });
  // flat(): these strings are kept in the store; see cat() in text.ts for why.
  return {
    title: flat(title),
    baseTitle: flat(baseTitle),
    descriptionHtml: html,
    seo: {
      title: flaws.has("missingSeoTitle") ? null : flat(truncateWords(seoTitle, 70)),
      description: flaws.has("missingSeoDescription")
        ? null
        : flat(truncateWords(`${intro} ${input.template.features.slice(0, 3).join(". ")}.`, 160)),
    },
    hasRussian,
  };
}
