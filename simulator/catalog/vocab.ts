/**
 * Words and phrases the product generator assembles titles, descriptions and options from.
 * Pure data: the rules for using them live in products.ts and flaws.ts.
 */
import type { SeedCategory } from "./categories";

/** One product option axis: the generator picks `min`..`max` values from `values`. */
export interface OptionSpec {
  name: string;
  values: readonly string[];
  min: number;
  max: number;
  /** Keep picked values adjacent (sizes: S-M-L rather than S-XL-XXL). */
  contiguous?: boolean;
  /** Price (and weight) rise per step along `values`, as a fraction: bigger sizes cost more. */
  step?: number;
}

export const COLOURS = [
  "Black",
  "White",
  "Navy",
  "Sage Green",
  "Sand",
  "Charcoal",
  "Burgundy",
  "Sky Blue",
  "Blush Pink",
  "Olive",
  "Oat",
  "Rust",
] as const;

export const colour = (min: number, max: number): OptionSpec => ({
  name: "Color",
  values: COLOURS,
  min,
  max,
});

export const APPAREL_SIZES: OptionSpec = {
  name: "Size",
  values: ["XS", "S", "M", "L", "XL", "XXL"],
  min: 3,
  max: 6,
  contiguous: true,
};

/** Colour x size apparel: at most 2 x 3 so a product never exceeds six variants. */
export const APPAREL_SIZES_SHORT: OptionSpec = { ...APPAREL_SIZES, min: 2, max: 3 };

export const SHOE_SIZES: OptionSpec = {
  name: "Size",
  values: ["US 6", "US 7", "US 8", "US 9", "US 10", "US 11", "US 12"],
  min: 4,
  max: 6,
  contiguous: true,
};

/** Small appliances ship with a market-specific plug: a classic cross-border variant axis. */
export const PLUGS: OptionSpec = {
  name: "Plug",
  values: ["US plug", "EU plug", "UK plug"],
  min: 2,
  max: 3,
};

export function sized(name: string, values: readonly string[], step = 0.12): OptionSpec {
  return {
    name,
    values,
    min: Math.min(2, values.length),
    max: values.length,
    contiguous: true,
    step,
  };
}

export function choice(name: string, values: readonly string[], min = 1, max = 3): OptionSpec {
  return { name, values, min, max };
}

export interface Brand {
  vendor: string;
  /** Three-letter prefix of the brand's SKUs. */
  code: string;
}

export const BRANDS: Record<SeedCategory, readonly Brand[]> = {
  home: [
    { vendor: "Northwind Living", code: "NWL" },
    { vendor: "Seaworthy Home", code: "SWH" },
  ],
  electronics: [
    { vendor: "VoltHarbor", code: "VHB" },
    { vendor: "Seaworthy Tech", code: "SWT" },
  ],
  apparel: [
    { vendor: "Seaworthy", code: "SEA" },
    { vendor: "Harbor & Pine", code: "HNP" },
  ],
  beauty: [
    { vendor: "Jadeleaf Beauty", code: "JLB" },
    { vendor: "Lumi Bloom", code: "LMB" },
  ],
  toys: [
    { vendor: "BrickTide", code: "BTD" },
    { vendor: "Little Lantern", code: "LLT" },
  ],
  collectibles: [{ vendor: "Moonforge", code: "MNF" }],
  auto_parts: [{ vendor: "RoadKeel Auto", code: "RKA" }],
  winter_sports: [
    { vendor: "Polar Keel", code: "PKL" },
    { vendor: "Seaworthy Alpine", code: "SWA" },
  ],
  small_appliances: [
    { vendor: "KettleCove", code: "KTC" },
    { vendor: "Seaworthy Home", code: "SWH" },
  ],
};

/**
 * Vendor values a real catalogue ends up with when products are imported carelessly: the theme
 * default, the shop's own name, the supplier's legal name. `{shop}` is replaced by the shop name.
 */
export const PLACEHOLDER_VENDORS = [
  "My Store",
  "{shop}",
  "Shenzhen Haoyue Trading Co., Ltd.",
] as const;

export const INTROS: Record<SeedCategory, readonly string[]> = {
  home: [
    "Bring calm, coastal texture to any room with this {noun}.",
    "An everyday {noun} made to be used, washed and loved for years.",
    "Designed in our Hangzhou studio, this {noun} pairs soft colours with sturdy construction.",
  ],
  electronics: [
    "This {noun} keeps up with your day, from the commute to the last call.",
    "Tested for 500 charge cycles in our Shenzhen lab before it ships.",
    "A compact {noun} with the specs that matter and nothing you will not use.",
  ],
  apparel: [
    "Our {noun} is cut for movement and layered warmth.",
    "A wardrobe staple: the {noun} you reach for first on cold mornings.",
    "Relaxed fit, reinforced seams and colours that hold up wash after wash.",
  ],
  beauty: [
    "Your new everyday {noun}: gentle, effective and travel friendly.",
    "Formulated for sensitive skin and dermatologist tested.",
    "Our best-selling {noun}, now in a refillable bottle.",
  ],
  toys: [
    "Hours of screen-free play: this {noun} grows with your child.",
    "Bright colours, rounded edges and parts sized for small hands.",
    "A {noun} that turns a rainy afternoon into a project.",
  ],
  collectibles: [
    "A limited run {noun} for the shelf, the desk or the display case.",
    "Hand-finished and individually numbered.",
    "Sculpted in detail and packed in a collector's window box.",
  ],
  auto_parts: [
    "A direct-fit {noun} for most sedans, SUVs and pickups.",
    "Installs in minutes with no tools and no drilling.",
    "Built to survive road salt, summer heat and daily commutes.",
  ],
  winter_sports: [
    "Built for cold mornings and long days on the mountain.",
    "Our {noun} was tested on the slopes of Chongli and the Alps.",
    "Light, warm and ready for groomers, park laps and powder days.",
  ],
  small_appliances: [
    "A countertop {noun} that does one job very well.",
    "Quiet motor, easy-clean parts and a two-year warranty.",
    "Compact enough for a studio kitchen, powerful enough for a family.",
  ],
};

export const CARE_LINES: Record<SeedCategory, string> = {
  home: "Care: machine wash cold on a gentle cycle, tumble dry low.",
  electronics: "In the box: device, USB-C cable, quick start guide.",
  apparel: "Care: wash inside out at 30 °C, do not tumble dry.",
  beauty: "Patch test before first use. For external use only.",
  toys: "Warning: choking hazard, small parts. Not for children under 3 years.",
  collectibles: "Display item, not a toy. Keep away from direct sunlight.",
  auto_parts: "Check your vehicle's make, model and year before ordering.",
  winter_sports: "Dry at room temperature after each use; store away from heat.",
  small_appliances: "Rated voltage depends on the plug type you select.",
};

/** Russian paragraphs: exporters to Russia usually paste a machine-translated block. */
export const RUSSIAN_LINES: Record<SeedCategory, readonly string[]> = {
  home: ["Уютный акцент для вашего дома.", "Доставка по России 10–20 дней."],
  electronics: ["Гарантия 12 месяцев.", "Совместимо с iPhone и Android."],
  apparel: ["Размеры соответствуют европейской сетке.", "Смотрите таблицу размеров."],
  beauty: ["Подходит для всех типов кожи.", "Не тестируется на животных."],
  toys: ["Для детей от 3 лет.", "Содержит мелкие детали."],
  collectibles: ["Коллекционное издание, ограниченный тираж.", "Подарочная упаковка."],
  auto_parts: [
    "Подходит для большинства моделей автомобилей.",
    "Проверьте совместимость перед заказом.",
  ],
  winter_sports: ["Создано для катания в суровых зимних условиях.", "Тёплый и лёгкий."],
  small_appliances: ["Вилка европейского стандарта, 220–240 В.", "Гарантия 2 года."],
};

/** Descriptions so thin a channel will reject or bury the listing. `{noun}` is filled in. */
export const SHORT_DESCRIPTIONS = [
  "<p>Good quality.</p>",
  "<p>See pictures.</p>",
  "<p>Hot sale {noun}</p>",
  "{noun}",
  "",
] as const;

/** Generic keyword stuffing, appended when a template's own features run out. */
export const STUFFING = [
  "2026 New Upgraded Version",
  "Gift for Men Women Teens",
  "Perfect for Home Office Travel",
  "Christmas Birthday Gift Idea",
  "Premium Quality Fast Shipping",
  "Best Seller Hot Sale",
  "Fits Most",
  "Great Value Pack",
  "Durable Lightweight Portable",
  "Professional Grade for Beginners and Experts",
] as const;

/** Titles with characters Google Merchant Center and marketplaces reject (`!`, `$`, `{`). */
export const BANNED_TITLE_PATTERNS = [
  "!!! HOT SALE !!! {title}",
  "{title} - 50% OFF!",
  "{title} | Only ${price}",
  "{title} {Gift Set}",
  "{title}!! Free Shipping",
] as const;

export interface GreenClaim {
  phrase: string;
  lang: "en" | "de" | "fr" | "es";
  /** A sentence carrying the claim, for the description. */
  sentence: string;
}

/**
 * Generic environmental claims with no substantiation: the EU Empowering Consumers directive
 * (2024/825) bans exactly these from September 2026, so the app should flag every one.
 */
export const GREEN_CLAIMS: readonly GreenClaim[] = [
  { phrase: "eco-friendly", lang: "en", sentence: "Our {noun} is 100% eco-friendly." },
  {
    phrase: "environmentally friendly",
    lang: "en",
    sentence: "Made with environmentally friendly materials and packaging.",
  },
  {
    phrase: "umweltfreundlich",
    lang: "de",
    sentence: "Umweltfreundlich hergestellt und plastikfrei verpackt.",
  },
  { phrase: "écologique", lang: "fr", sentence: "Un choix écologique pour toute la famille." },
  {
    phrase: "respetuoso con el medio ambiente",
    lang: "es",
    sentence: "Un producto respetuoso con el medio ambiente, de principio a fin.",
  },
  { phrase: "carbon neutral", lang: "en", sentence: "This product is carbon neutral." },
  { phrase: "climate neutral", lang: "en", sentence: "Climate neutral shipping on every order." },
];

export const IMAGE_VIEWS = [
  "front view",
  "detail",
  "lifestyle photo",
  "in use",
  "packaging",
  "size chart",
  "colour options",
  "back view",
] as const;

/** Width:height ratios seen in real catalogues: square, portrait, landscape. */
export const ASPECT_RATIOS: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 1],
  [4, 5],
  [3, 4],
  [2, 3],
  [4, 3],
  [16, 9],
];
