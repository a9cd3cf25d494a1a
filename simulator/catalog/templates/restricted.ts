import type { SeedCategory } from "../categories";
import type { ProductTemplate } from "./types";
import { colour, sized } from "../vocab";

/**
 * Goods most channels restrict or ban outright (tobacco/vapes, knives, CBD, dangerous-goods
 * batteries, medicines). They sit in ordinary seed categories, the way a real exporter's catalogue
 * mixes them in, and are injected at a fixed rate rather than drawn like the other templates.
 */
export const RESTRICTED: readonly { seedCategory: SeedCategory; template: ProductTemplate }[] = [
  {
    seedCategory: "electronics",
    template: {
      taxonomy: "vaporizers",
      productType: "Vape Accessory",
      nouns: ["Vape Pen Battery", "Disposable Vape Kit", "E-Cigarette Starter Kit"],
      adjectives: ["510 Thread", "Variable Voltage", "Pocket"],
      features: ["650 mAh", "USB-C Charging", "Preheat Function"],
      options: [colour(1, 3)],
      price: [12, 39],
      grams: [40, 120],
      hs: "854340",
      tags: ["vape", "accessories"],
      restricted: "vape",
    },
  },
  {
    seedCategory: "collectibles",
    template: {
      taxonomy: "folding_knives",
      productType: "Knife",
      nouns: ["Folding Knife", "Pocket Knife", "Damascus Folding Knife"],
      adjectives: ["Damascus Steel", "Tactical", "Gentleman's", "EDC"],
      features: ["8.5 cm Blade", "Liner Lock", "G10 Handle", "Pocket Clip"],
      options: [],
      price: [29, 129],
      grams: [90, 200],
      hs: "821193",
      tags: ["edc", "knives", "collectibles"],
      restricted: "knife",
    },
  },
  {
    seedCategory: "beauty",
    template: {
      taxonomy: "cbd_supplements",
      productType: "Supplement",
      nouns: ["CBD Oil Drops", "CBD Gummies", "Hemp Sleep Gummies"],
      adjectives: ["Full Spectrum", "Broad Spectrum", "Calm", "Night"],
      features: ["1000 mg", "30 Servings", "Vegan", "Lab Tested"],
      options: [sized("Strength", ["500 mg", "1000 mg", "2000 mg"], 0.5)],
      price: [24, 79],
      grams: [60, 180],
      hs: "210690",
      tags: ["wellness", "cbd"],
      restricted: "cbd",
    },
  },
  {
    seedCategory: "electronics",
    template: {
      taxonomy: "power_banks",
      productType: "Power Bank",
      nouns: ["Lithium Battery Pack", "Power Bank", "Portable Charger"],
      adjectives: ["20000 mAh", "26800 mAh", "Magnetic", "65W PD"],
      features: ["Li-ion 74 Wh", "Airline Carry-On Limits Apply", "Fast Charging for Laptop Phone"],
      options: [sized("Capacity", ["10000 mAh", "20000 mAh", "26800 mAh"], 0.3)],
      price: [25, 89],
      grams: [220, 620],
      hs: "850760",
      tags: ["charging", "travel", "battery"],
      restricted: "lithium_battery",
    },
  },
  {
    seedCategory: "beauty",
    template: {
      taxonomy: "medicine",
      productType: "Health Care",
      nouns: ["Pain Relief Patches", "Cold & Flu Relief Tablets", "Sleep Aid Tablets"],
      adjectives: ["Extra Strength", "Fast-Acting", "Non-Drowsy", "Herbal"],
      features: ["Ibuprofen 200 mg", "24 Count", "Up to 12 Hour Relief"],
      options: [],
      price: [8, 24],
      grams: [40, 150],
      hs: "300490",
      tags: ["health", "pharmacy"],
      restricted: "otc_medicine",
    },
  },
];
