/** Product images: count, dimensions, alt text and CDN urls, with the image flaws. */
import type { SimImage } from "../store";
import type { IdSequences } from "./ids";
import type { Rng } from "./random";
import { capitalise, cat } from "./text";
import { ASPECT_RATIOS, IMAGE_VIEWS } from "./vocab";

/** Longest side of a normal product photo; at least 800 so every ratio keeps both sides >= 400. */
const LONG_SIDES = [800, 1000, 1200, 1500, 1600, 2000, 2048, 2400] as const;
/** Thumbnails uploaded by mistake: both sides under 500 px (channels want 500-800 px minimum). */
const LOW_RES: readonly (readonly [number, number])[] = [
  [400, 400],
  [450, 450],
  [480, 480],
  [480, 400],
  [400, 480],
  [499, 499],
];
const IMAGE_COUNTS: readonly (readonly [number, number])[] = [
  [2, 15],
  [3, 25],
  [4, 25],
  [5, 15],
  [6, 10],
  [7, 5],
  [8, 5],
];
const CDN_PREFIX = "https://cdn.shopify.com/s/files/1/0000/0001/products/";
/** Share of images uploaded without alt text. */
const MISSING_ALT_RATE = 0.35;

export interface MediaInput {
  rng: Rng;
  ids: IdSequences;
  handle: string;
  baseTitle: string;
  noun: string;
  singleImage: boolean;
  lowRes: boolean;
  /** A generic green claim to put in the first image's alt text, if any. */
  greenAlt: string | null;
}

function dimensions(rng: Rng): { width: number; height: number } {
  const [w, h] = rng.pick(ASPECT_RATIOS);
  const long = rng.pick(LONG_SIDES);
  return w >= h
    ? { width: long, height: Math.round((long * h) / w) }
    : { width: Math.round((long * w) / h), height: long };
}

export function buildMedia(input: MediaInput): SimImage[] {
  const { rng } = input;
  const count = input.singleImage ? 1 : rng.weighted(IMAGE_COUNTS);
  const lowResAt = input.lowRes ? rng.int(0, count - 1) : -1;
  const views = rng.sample(IMAGE_VIEWS, count);
  const media: SimImage[] = [];
  for (let n = 0; n < count; n++) {
    const size = n === lowResAt ? rng.pick(LOW_RES) : null;
    const { width, height } = size ? { width: size[0], height: size[1] } : dimensions(rng);
    const view = views[n] ?? "detail";
    let alt: string | null = rng.chance(MISSING_ALT_RATE)
      ? null
      : cat(input.baseTitle, " – ", view);
    if (n === 0 && input.greenAlt)
      alt = cat(capitalise(input.greenAlt), " ", input.noun.toLowerCase(), " – ", view);
    media.push({
      id: input.ids.media.next(),
      alt,
      url: cat(CDN_PREFIX, input.handle, "-", n + 1, ".jpg"),
      width,
      height,
    });
  }
  return media;
}
