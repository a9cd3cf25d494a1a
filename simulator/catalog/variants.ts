/**
 * Options, variants and inventory items for one product: option values, SKUs, barcodes (with
 * their flaws), prices, costs, weights and customs data.
 */
import type { SimInventoryItem, SimProduct, SimVariant } from "../store";
import {
  makeGtin,
  withApostrophe,
  withBadCheckDigit,
  withSpaces,
  type GtinFormat,
} from "./barcodes";
import type { ProductFlaws, FlawManifest } from "./flaws";
import { variantHas } from "./flaws";
import type { IdSequences } from "./ids";
import { charmPrice, formatMinor } from "./money";
import type { Rng } from "./random";
import { skuCode } from "./text";
import type { OptionSpec } from "./vocab";

/** Shopify caps nothing this low, but the demo keeps products to 1-6 variants (the brief). */
const MAX_VARIANTS = 6;

export interface VariantContext {
  seed: number;
  ids: IdSequences;
  manifest: FlawManifest;
  /** Running counters across the whole catalogue (ids of barcodes, variant-level flaw slots). */
  counters: { variant: number; barcoded: number };
  /** Seeded start of the item-reference numbers, so barcodes do not begin at 0000000. */
  gtinBase: number;
}

export interface VariantPlan {
  rng: Rng;
  flaws: ProductFlaws;
  options: readonly OptionSpec[];
  skuPrefix: string;
  brandNumber: number;
  gtinFormat: GtinFormat;
  priceUsd: number;
  priceEnding: number;
  /** Multiplier for compareAtPrice, or null when the product is not on sale. */
  saleMarkup: number | null;
  margin: number;
  grams: number;
  weightUnit: "GRAMS" | "KILOGRAMS" | "POUNDS";
  tracked: boolean;
  origin: string | null;
  hsCode: string | null;
  createdAt: string;
  updatedAt: string;
}

interface PickedOption {
  name: string;
  values: string[];
  /** Position of each picked value within the spec's list: drives the price step. */
  steps: number[];
  step: number;
}

function pickValues(rng: Rng, spec: OptionSpec): PickedOption {
  const count = Math.min(rng.int(spec.min, spec.max), spec.values.length);
  let indexes: number[];
  if (spec.contiguous) {
    const start = rng.int(0, spec.values.length - count);
    indexes = Array.from({ length: count }, (_, i) => start + i);
  } else {
    indexes = rng.sample(
      spec.values.map((_, i) => i),
      count,
    );
  }
  const first = indexes[0] ?? 0;
  return {
    name: spec.name,
    values: indexes.map((i) => spec.values[i] ?? ""),
    steps: indexes.map((i) => i - first),
    step: spec.step ?? 0,
  };
}

function combinations(picked: PickedOption[]): number[][] {
  let combos: number[][] = [[]];
  for (const option of picked) {
    const next: number[][] = [];
    for (const combo of combos)
      for (let i = 0; i < option.values.length; i++) next.push([...combo, i]);
    combos = next;
  }
  return combos;
}

function weightOf(grams: number, unit: VariantPlan["weightUnit"]): SimInventoryItem["weight"] {
  if (unit === "KILOGRAMS") return { value: Math.round(grams / 10) / 100, unit };
  if (unit === "POUNDS") return { value: Math.round((grams / 453.592) * 100) / 100, unit };
  return { value: Math.round(grams), unit };
}

function barcodeFor(ctx: VariantContext, plan: VariantPlan, variantId: string): string {
  const serial = ctx.counters.barcoded++;
  let code = makeGtin(plan.gtinFormat, plan.brandNumber, ctx.gtinBase + ctx.counters.variant * 7);
  if (variantHas(ctx.seed, "badCheckDigit", serial)) {
    code = withBadCheckDigit(code, serial);
    ctx.manifest.badCheckDigit.push(variantId);
  }
  if (variantHas(ctx.seed, "apostropheBarcode", serial)) {
    ctx.manifest.apostropheBarcode.push(variantId);
    return withApostrophe(code);
  }
  if (variantHas(ctx.seed, "spacedBarcode", serial)) {
    ctx.manifest.spacedBarcode.push(variantId);
    return withSpaces(code, serial);
  }
  return code;
}

export function buildVariants(
  ctx: VariantContext,
  plan: VariantPlan,
): { options: SimProduct["options"]; variants: SimVariant[] } {
  const { rng, flaws } = plan;
  const picked: PickedOption[] =
    plan.options.length > 0
      ? plan.options.map((spec) => pickValues(rng, spec))
      : [{ name: "Title", values: ["Default Title"], steps: [0], step: 0 }];
  // Trim the longest option until the combinations fit (e.g. 2 colours x 4 sizes -> 2 x 3).
  for (;;) {
    const total = picked.reduce((n, o) => n * o.values.length, 1);
    if (total <= MAX_VARIANTS) break;
    const longest = picked.reduce((a, b) => (b.values.length > a.values.length ? b : a));
    longest.values.pop();
    longest.steps.pop();
  }

  const options = picked.map((o, i) => ({
    id: ctx.ids.option.next(),
    name: o.name,
    position: i + 1,
    values: o.values,
  }));
  const isDefault = plan.options.length === 0;
  const noBarcodes = flaws.has("missingBarcodes");
  const noSku = flaws.has("missingSku");
  const noCost = flaws.has("missingUnitCost");
  const noWeight = flaws.has("missingWeight");

  const variants = combinations(picked).map((combo, position): SimVariant => {
    let factor = 1;
    const selectedOptions = combo.map((valueIndex, o) => {
      const option = picked[o] as PickedOption;
      factor *= 1 + option.step * (option.steps[valueIndex] ?? 0);
      return { name: option.name, value: option.values[valueIndex] ?? "" };
    });
    const priceCents = charmPrice(plan.priceUsd * factor, plan.priceEnding);
    const id = ctx.ids.variant.next();
    const sku = noSku
      ? null
      : [plan.skuPrefix, ...(isDefault ? [] : selectedOptions.map((s) => skuCode(s.value)))].join(
          "-",
        );
    const variant: SimVariant = {
      id,
      title: selectedOptions.map((s) => s.value).join(" / "),
      position: position + 1,
      sku,
      barcode: noBarcodes ? null : barcodeFor(ctx, plan, id),
      price: formatMinor(priceCents),
      compareAtPrice:
        plan.saleMarkup === null
          ? null
          : formatMinor(charmPrice((priceCents / 100) * plan.saleMarkup, 0.5)),
      selectedOptions,
      inventoryItem: {
        id: ctx.ids.inventoryItem.next(),
        tracked: plan.tracked,
        unitCost: noCost
          ? null
          : {
              amount: formatMinor(Math.round(priceCents * (1 - plan.margin))),
              currencyCode: "USD",
            },
        countryCodeOfOrigin: plan.origin,
        harmonizedSystemCode: plan.hsCode,
        weight: noWeight ? null : weightOf(plan.grams * factor, plan.weightUnit),
      },
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
    };
    ctx.counters.variant++;
    return variant;
  });
  return { options, variants };
}
