/**
 * Product templates: what a brand exporter in each seed category actually sells, with the
 * taxonomy leaf, customs data (6-digit HS code), retail price band (USD) and shipping weight.
 * The generator combines a template's adjectives, nouns and features into titles and copy.
 */
import type { TaxonomyKey } from "../categories";
import type { OptionSpec } from "../vocab";

export type RestrictedKind = "vape" | "knife" | "cbd" | "lithium_battery" | "otc_medicine";

export interface ProductTemplate {
  taxonomy: TaxonomyKey;
  productType: string;
  nouns: readonly string[];
  adjectives: readonly string[];
  /** Selling points: description bullets, and the raw material of keyword-stuffed titles. */
  features: readonly string[];
  options: readonly OptionSpec[];
  price: readonly [number, number];
  grams: readonly [number, number];
  hs: string;
  materials?: readonly string[];
  tags: readonly string[];
  restricted?: RestrictedKind;
}
