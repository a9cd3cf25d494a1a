/**
 * Restricted-goods classes and generic green claims, detected once per product from the
 * taxonomy category and from text (title, product type, tags, description) in English, German,
 * French, Spanish (one Latin-script regex), Russian (one Cyrillic regex) and Chinese (one CJK
 * regex). The Cyrillic and CJK regexes only run when the text holds such characters.
 *
 * Word lists are Seaworthy's: they aim at the goods channels name in their policies, and avoid
 * everyday words that merely contain them ("wine-red", "Burgundy", "massage gun", "knife-pleated",
 * "battery-free", "car cigarette lighter charger", "Vitamin C serum").
 */
import { lookupByPrefix, registerCodes } from "./taxonomy";

export const GOODS_CLASSES = [
  "alcohol",
  "tobacco_vape",
  "weapons",
  "medicine",
  "supplements",
  "cbd",
  "sexual_wellness",
  "lithium_battery",
  "hazardous",
] as const;

export type GoodsClass = (typeof GOODS_CLASSES)[number];

/** Bit of each class in `GoodsHit.mask`. */
export const GOODS_BIT: Readonly<Record<GoodsClass, number>> = Object.fromEntries(
  GOODS_CLASSES.map((c, i) => [c, 1 << i]),
) as Record<GoodsClass, number>;

/** Taxonomy codes that put a product in a class (most specific wins). */
const TAXONOMY_GOODS = new Map<string, GoodsClass>([
  ["fb-1-1", "alcohol"], // Beverages > Alcoholic Beverages
  ["ae-2-3", "alcohol"], // Homebrewing & Winemaking Supplies
  ["fb-3", "tobacco_vape"], // Tobacco Products (incl. Vaporizers & Electronic Cigarettes)
  ["hg-19", "tobacco_vape"], // Smoking Accessories
  ["ma-2", "weapons"], // Mature > Weapons & Weapon Accessories
  ["ae-2-2-4", "weapons"], // Collectibles > Collectible Weapons
  ["co-3-4-3", "weapons"], // Weapon Scopes & Sights
  ["hb-1-16", "medicine"], // Health Care > Medicine & Drugs
  ["ap-2-34", "medicine"], // Pet Medicine
  ["hb-1-9-6", "supplements"], // Vitamins & Supplements
  ["ap-2-42", "supplements"], // Pet Vitamins & Supplements
  ["hb-1-9-6-10", "cbd"], // CBD Supplements
  ["ap-2-42-11", "cbd"], // Pet CBD Supplements
  ["ma-1", "sexual_wellness"], // Mature > Erotic
  ["hb-1-5", "sexual_wellness"], // Condoms
  ["hb-3-13", "sexual_wellness"], // Personal Lubricants
  ["el-7-15-1", "lithium_battery"], // Batteries
  ["el-7-15-5-1", "lithium_battery"], // Power Banks
  ["vp-1-5-7-7", "lithium_battery"], // Vehicle Jump Starters
  ["ae-3-2-14", "hazardous"], // Fireworks & Firecrackers
  ["hg-10-11", "hazardous"], // Pest Control
]);
registerCodes([...TAXONOMY_GOODS.keys()]);

/** Text classes: the goods classes plus `green`, the generic environmental claim (ECGT). */
type TextClass = GoodsClass | "green";

/**
 * Phrases per class, lower-case, matched on whole words (text is split on anything that is not
 * a letter or digit, so "wine-red" is the two words "wine red"). In a phrase, `word*` matches any
 * word starting with `word` (Russian endings, plurals) and `!word` after the phrase means "not
 * when the next word is this" ("wine !red" skips "wine-red scarf"). `#` matches a number.
 * `a|b` in one slot lists alternatives.
 */
const PHRASES: Record<TextClass, readonly string[]> = {
  alcohol: [
    "beer !mug !mugs !glass !glasses !stein !pong",
    "beers",
    "wine !red !colour !color !glass !glasses !rack !racks !opener !stopper !cooler !tumbler !bag !charm !aerator",
    "wines",
    "vodka",
    "whisky",
    "whiskey",
    "liquor",
    "liquors",
    "liqueur",
    "liqueurs",
    "champagne !colour !color !gold !flute !flutes !glass !glasses",
    "tequila",
    "alcoholic beverage*|drink*",
    "spirituosen",
    "schnaps",
    "likör",
    "spiritueux",
    "bière*",
    "cerveza*",
    "vino !tinto !color",
    "пив*",
    "вино",
    "вина",
    "водк*",
    "виски",
    "коньяк*",
    "алкогол*",
    "ликёр*",
    "ликер*",
    "шампанск*",
  ],
  tobacco_vape: [
    "vape",
    "vapes",
    "vaping",
    "vaper",
    "e cig",
    "e cigs",
    "e cigarette*",
    "ecig*",
    "e liquid*",
    "eliquid*",
    "e juice",
    "nicotine",
    "tobacco",
    "cigarette* !lighter !lighters",
    "cigar !lighter",
    "cigars",
    "hookah*",
    "shisha",
    "e zigarette*",
    "zigarette* !anzünder",
    "tabak",
    "nikotin",
    "cigarette* électronique*",
    "vapoteuse*",
    "tabac",
    "vapeador*",
    "cigarrillo* electrónico*",
    "tabaco",
    "nicotina",
    "вейп*",
    "электронн* сигарет*",
    "сигарет* !прикуриват*",
    "табак*",
    "табачн*",
    "никотин*",
    "кальян*",
  ],
  weapons: [
    "pocket|folding|tactical|switchblade|butterfly|combat|hunting|throwing|gravity|automatic|edc knife|knives",
    "damascus folding knife",
    "damascus steel knife|knives",
    "switchblade*",
    "balisong",
    "dagger*",
    "machete*",
    "sword",
    "swords",
    "brass knuckles",
    "knuckle duster*",
    "firearm*",
    "handgun*",
    "pistol",
    "pistols",
    "rifle",
    "rifles",
    "shotgun*",
    "ammunition",
    "ammo",
    "crossbow*",
    "stun gun*",
    "taser*",
    "pepper spray",
    "taschenmesser",
    "klappmesser",
    "springmesser",
    "dolch",
    "schusswaffe*",
    "munition",
    "couteau|couteaux pliant*",
    "couteau|couteaux de poche",
    "couteau|couteaux tactique*",
    "poignard*",
    "arme|armes à feu",
    "navaja*",
    "cuchillo* plegable*|táctico*",
    "puñal*",
    "arma|armas de fuego",
    "munición",
    "складн* нож*",
    "тактическ* нож*",
    "выкидн* нож*",
    "кинжал*",
    "оружи*",
    "пистолет*",
    "патрон",
    "патроны",
    "кастет*",
    "мачете",
  ],
  medicine: [
    "ibuprofen",
    "paracetamol",
    "acetaminophen",
    "aspirin",
    "naproxen",
    "antihistamine*",
    "loratadine",
    "cetirizine",
    "diphenhydramine",
    "dextromethorphan",
    "pseudoephedrine",
    "lidocaine",
    "hydrocortisone",
    "cold flu",
    "cold and flu",
    "sleep aid",
    "sleep aids",
    "pain relief tablet*|pill*|capsule*|patch*",
    "over the counter",
    "otc medicine*|drug*",
    "medication*",
    "medicine !cabinet !cabinets !ball !balls",
    "medicines",
    "arzneimittel",
    "medikament*",
    "schmerzmittel",
    "médicament*",
    "ibuprofène",
    "paracétamol",
    "medicamento*",
    "ibuprofeno",
    "analgésico*",
    "ибупрофен*",
    "парацетамол*",
    "аспирин*",
    "лекарств*",
    "обезболивающ*",
    "жаропонижающ*",
    "медикамент*",
  ],
  supplements: [
    "dietary supplement*",
    "food supplement*",
    "supplement",
    "supplements",
    "multivitamin*",
    "vitamin tablets|capsules|gummies|supplement*",
    "protein powder*",
    "nahrungsergänzung*",
    "complément* alimentaire*",
    "suplemento*",
    "бад",
    "бады",
    "биологически активн* добавк*",
    "пищев* добавк*",
    "витаминн* комплекс*",
  ],
  cbd: [
    "cbd",
    "cannabidiol",
    "thc",
    "cannabis",
    "marijuana",
    "hemp oil|extract|gummies|drops|flower|tincture",
    "hemp sleep|calm|night gummies|oil|drops",
    "hanföl",
    "chanvre",
    "cáñamo",
    "кбд",
    "каннабидиол*",
    "каннабис*",
    "марихуан*",
    "конопл* масл*",
  ],
  sexual_wellness: [
    "sex toy*",
    "adult toy*",
    "vibrator*",
    "dildo*",
    "condom*",
    "personal lubricant*",
    "erotic",
    "bdsm",
    "fetish",
    "sexspielzeug*",
    "kondom*",
    "erotik",
    "sextoy*",
    "vibromasseur*",
    "préservatif*",
    "érotique*",
    "juguete* sexual*",
    "vibrador*",
    "condón",
    "condones",
    "preservativo*",
    "erótico*",
    "секс игрушк*",
    "вибратор*",
    "интим*",
    "эротическ*",
    "презерватив*",
    "лубрикант*",
  ],
  lithium_battery: [
    "lithium",
    "li ion",
    "liion",
    "li po",
    "lipo",
    "power bank*",
    "powerbank*",
    "portable charger*",
    "battery pack*",
    "jump starter*",
    "# wh",
    "lithium akku*",
    "lithium ionen",
    "batterie* au|de lithium",
    "batterie externe",
    "batería* de litio",
    "batería externa",
    "литиев* батаре*|аккумулятор*",
    "литий ионн*",
    "повербанк*",
    "пауэрбанк*",
    "внешн* аккумулятор*",
  ],
  hazardous: [
    "firework*",
    "firecracker*",
    "aerosol*",
    "flammable",
    "butane",
    "lighter fluid",
    "pesticide*",
    "insecticide*",
    "feuerwerk*",
    "böller",
    "feux d artifice",
    "pétard*",
    "inflammable*",
    "fuegos artificiales",
    "petardo*",
    "inflamable*",
    "pesticida*",
    "insecticida*",
    "фейерверк*",
    "петард*",
    "пиротехн*",
    "легковоспламен*",
    "инсектицид*",
    "аэрозол*",
  ],
  green: [
    "eco friendly",
    "ecofriendly",
    "environmentally friendly",
    "environment friendly",
    "climate neutral|friendly|positive",
    "carbon neutral|negative",
    "biodegradable",
    "umweltfreundlich*",
    "klimaneutral*",
    "écologique*",
    "respectueux|respectueuse de l environnement",
    "neutre en carbone",
    "respetuoso|respetuosa con el medio ambiente",
    "ecológico*",
    "ecológica*",
    "экологичн*",
    "эко френдли",
    "углеродно нейтральн*",
  ],
};

/** CJK has no word boundaries: phrases are specific enough on their own ("酒红" is not "红酒"). */
const CJK: Partial<Record<TextClass, string>> = {
  alcohol: "啤酒|葡萄酒|红酒|白酒|烈酒|威士忌|伏特加|酒精饮料|香槟酒",
  tobacco_vape: "电子烟|烟油|香烟|雪茄|烟草|尼古丁|水烟",
  weapons: "折叠刀|匕首|管制刀具|弹簧刀|蝴蝶刀|军刀|枪支|手枪|步枪|猎枪|弹药|电击枪|防狼喷雾",
  medicine: "布洛芬|对乙酰氨基酚|扑热息痛|阿司匹林|感冒药|止痛药|非处方药|处方药|药品",
  supplements: "保健品|膳食补充剂|营养补充剂|复合维生素",
  cbd: "大麻二酚|大麻|CBD",
  sexual_wellness: "情趣|成人用品|振动棒|避孕套|安全套|润滑剂",
  lithium_battery: "锂电池|锂离子|充电宝|移动电源",
  hazardous: "烟花|爆竹|易燃|杀虫剂|丁烷|气雾剂",
  green: "环保|生态友好|碳中和|可生物降解",
};

const TEXT_CLASSES: readonly TextClass[] = [...GOODS_CLASSES, "green"];

/** One slot of a phrase: exact words and/or word prefixes. */
interface Slot {
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
  number: boolean;
}
interface Entry {
  cls: number;
  rest: readonly Slot[];
  notNext: ReadonlySet<string>;
  notNextPrefixes: readonly string[];
}
/** A candidate first word (or first-word prefix) of an entry. */
interface Candidate {
  first: string;
  prefix: boolean;
  entry: Entry;
}

function slotOf(spec: string): Slot {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  let number = false;
  for (const alt of spec.split("|")) {
    if (alt === "#") number = true;
    else if (alt.endsWith("*")) prefixes.push(alt.slice(0, -1));
    else exact.add(alt);
  }
  return { exact, prefixes, number };
}

const isDigit = (c: number) => c >= 48 && c <= 57;

const slotMatches = (slot: Slot, word: string) =>
  (slot.number && isDigit(word.charCodeAt(0))) ||
  slot.exact.has(word) ||
  slot.prefixes.some((p) => word.startsWith(p));

/**
 * Candidates keyed by a hash of the word's length (capped at 3) and first (up to) three
 * characters, so the scan reads characters and only slices a word when a candidate's key
 * matches. Keys are small integers; a colliding candidate is rejected by the `startsWith` check.
 * `MAYBE` is a bitmap over the low bits of the key: most words miss it and skip the map.
 */
const CANDIDATES = new Map<number, Candidate[]>();
const NUMBER_ENTRIES: Entry[] = [];
const MAYBE_BITS = 1 << 16;
const MAYBE = new Uint8Array(MAYBE_BITS);

/**
 * `LOWER[c]` is the code unit `String.fromCharCode(c).toLowerCase()` gives, so the scan reads the
 * text as lower-case without copying it. `UNSAFE` marks the code units whose lower case is not a
 * context-free single code unit ("İ" becomes two, "Σ" depends on the next letter): a text
 * holding one is lower-cased whole first, as before, so offsets and evidence stay the same.
 */
const LOWER = new Uint16Array(0x10000);
const UNSAFE = 0xffff;
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) {
    LOWER[c] = c; // a surrogate is never a word character; lowered only inside evidence
    continue;
  }
  const l = String.fromCharCode(c).toLowerCase();
  LOWER[c] = l.length === 1 && c !== 0x3a3 ? l.charCodeAt(0) : UNSAFE;
}

/** FNV-style hash of a word's first (up to) three lower-cased code units, folded into its key. */
const HASH_SEED = 0x811c9dc5 | 0;
const hashStep = (h: number, c: number) => (Math.imul(h, 0x01000193) ^ c) | 0;
/** The length (capped at 3) is part of the key: "li" and "lithium" differ. */
const keyOf = (h: number, len: number) => hashStep(h, len >= 3 ? 3 : len) & 0x3fffffff;

function keyAt(s: string, start: number, len: number): number {
  let h = HASH_SEED;
  for (let i = 0; i < len && i < 3; i++) h = hashStep(h, LOWER[s.charCodeAt(start + i)] ?? 0);
  return keyOf(h, len);
}

/** `s` from `start` begins with the lower-case `word`, compared case-insensitively. */
function startsWithLower(s: string, word: string, start: number): boolean {
  for (let i = 0; i < word.length; i++)
    if (LOWER[s.charCodeAt(start + i)] !== word.charCodeAt(i)) return false;
  return true;
}

for (const [cls, cl] of TEXT_CLASSES.entries()) {
  for (const phrase of PHRASES[cl]) {
    const parts = phrase.split(" ");
    const slots = parts.filter((p) => !p.startsWith("!"));
    const not = parts.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
    const [first = "", ...rest] = slots;
    const entry: Entry = {
      cls,
      rest: rest.map(slotOf),
      notNext: new Set(not.filter((n) => !n.endsWith("*"))),
      notNextPrefixes: not.filter((n) => n.endsWith("*")).map((n) => n.slice(0, -1)),
    };
    for (const alt of first.split("|")) {
      if (alt === "#") {
        NUMBER_ENTRIES.push(entry);
        continue;
      }
      const prefix = alt.endsWith("*");
      const word = prefix ? alt.slice(0, -1) : alt;
      if (prefix && word.length < 3) throw new Error(`goods: prefix "${alt}" needs 3+ characters`);
      const key = keyAt(word, 0, word.length);
      const list = CANDIDATES.get(key) ?? [];
      list.push({ first: word, prefix, entry });
      CANDIDATES.set(key, list);
      MAYBE[key & (MAYBE_BITS - 1)] = 1;
    }
  }
}

/** Per-code memo of the taxonomy class: a catalogue has far fewer categories than products. */
const GOODS_OF_CODE = new Map<string, GoodsClass | null>();
function goodsOfCode(code: string | null): GoodsClass | undefined {
  if (code === null) return undefined;
  let hit = GOODS_OF_CODE.get(code);
  if (hit === undefined) {
    hit = lookupByPrefix(TAXONOMY_GOODS, code) ?? null;
    if (GOODS_OF_CODE.size >= 50_000) GOODS_OF_CODE.clear();
    GOODS_OF_CODE.set(code, hit);
  }
  return hit ?? undefined;
}

const CJK_RE = new RegExp(TEXT_CLASSES.map((c) => `(${CJK[c] ?? "(?!)"})`).join("|"), "gi");

export interface GoodsHit {
  /** Bits of GOODS_BIT for every class detected. */
  mask: number;
  /** Per class index: what triggered it (`category el-7-15-5-1` or the matched words). */
  evidence: (string | undefined)[];
  /** The first generic green claim found, or null. */
  green: string | null;
}

export interface TextScan extends GoodsHit {
  /** Words in [descStart, descEnd) (a CJK character counts as a word). */
  descriptionWords: number;
  /** Letters in [0, descEnd) by script. */
  letters: number;
  cyrillic: number;
  cjk: number;
}

function record(hit: GoodsHit, cls: number, evidence: string): void {
  const cl = TEXT_CLASSES[cls];
  if (cl === "green") hit.green ??= evidence;
  else if (cl !== undefined && hit.evidence[cls] === undefined) {
    hit.mask |= GOODS_BIT[cl];
    hit.evidence[cls] = `"${evidence}"`;
  }
}

/** Lower-case word characters: ASCII letters/digits, Latin-1 and Extended-A/B, Cyrillic. */
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) ||
  isDigit(c) ||
  (c >= 0xdf && c <= 0x24f && c !== 0xf7) ||
  (c >= 0x430 && c <= 0x45f);

/** Lower-cased code unit of `s` at `i` (`s` holds no UNSAFE code unit). */
const lowerAt = (s: string, i: number): number => LOWER[s.charCodeAt(i)] ?? 0;

/** The word starting at or after `from`, as [start, end), or null. */
function nextWord(s: string, from: number): [number, number] | null {
  let i = from;
  while (i < s.length && !isWordChar(lowerAt(s, i))) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return null; // a CJK character ends the phrase
    i++;
  }
  if (i >= s.length) return null;
  let e = i;
  while (e < s.length && isWordChar(lowerAt(s, e))) e++;
  return [i, e];
}

/** `s.slice(start, end)` lower-cased (the same code units as slicing the lower-cased text). */
const lowerSlice = (s: string, start: number, end: number) => s.slice(start, end).toLowerCase();

function tryEntry(hit: TextScan, entry: Entry, s: string, start: number, end: number): void {
  let pos = end;
  for (const slot of entry.rest) {
    const w = nextWord(s, pos);
    if (!w || !slotMatches(slot, lowerSlice(s, w[0], w[1]))) return;
    pos = w[1];
  }
  if (entry.notNext.size > 0 || entry.notNextPrefixes.length > 0) {
    const w = nextWord(s, pos);
    if (w) {
      const next = lowerSlice(s, w[0], w[1]);
      if (entry.notNext.has(next) || entry.notNextPrefixes.some((p) => next.startsWith(p))) return;
    }
  }
  record(hit, entry.cls, lowerSlice(s, start, pos).replace(/[^\p{L}\p{N}]+/gu, " "));
}

/** A word that may start a phrase (its key is in MAYBE, or it starts with a digit) ended. */
function wordEnded(hit: TextScan, s: string, start: number, end: number, key: number): void {
  const len = end - start;
  const candidates = MAYBE[key & (MAYBE_BITS - 1)] === 1 ? CANDIDATES.get(key) : undefined;
  if (candidates) {
    for (const c of candidates) {
      if (
        (c.prefix ? len >= c.first.length : len === c.first.length) &&
        startsWithLower(s, c.first, start)
      ) {
        tryEntry(hit, c.entry, s, start, end);
      }
    }
  }
  if (isDigit(s.charCodeAt(start))) {
    for (const e of NUMBER_ENTRIES) tryEntry(hit, e, s, start, end);
    // "74wh" written as one word
    if (
      len > 2 &&
      lowerAt(s, end - 1) === 104 &&
      lowerAt(s, end - 2) === 119 &&
      isDigit(s.charCodeAt(end - 3))
    ) {
      record(hit, GOODS_CLASSES.indexOf("lithium_battery"), lowerSlice(s, start, end));
    }
  }
}

/**
 * The word walk over `s`, reading it lower-cased through LOWER. Returns false (having counted
 * nothing) when `s` holds an UNSAFE code unit.
 */
function walk(hit: TextScan, s: string, descStart: number, descEnd: number): boolean {
  // Counters live in locals for the loop (property writes per character cost more than the rest).
  let letters = 0;
  let cyrillic = 0;
  let cjk = 0;
  let words = 0;
  let start = -1;
  let h = HASH_SEED;
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? LOWER[s.charCodeAt(i)]! : 32;
    if (
      c >= 97
        ? c <= 122 || (c >= 0xdf && c <= 0x24f && c !== 0xf7) || (c >= 0x430 && c <= 0x45f)
        : c >= 48 && c <= 57
    ) {
      if (start < 0) {
        start = i;
        h = hashStep(HASH_SEED, c);
      } else if (i - start < 3) h = hashStep(h, c);
      if (c >= 97 && i < descEnd) {
        letters++;
        if (c >= 0x430) cyrillic++;
      }
      continue;
    }
    if (start >= 0) {
      if (start >= descStart && i <= descEnd) words++;
      const key = keyOf(h, i - start);
      if (MAYBE[key & (MAYBE_BITS - 1)] === 1 || isDigit(s.charCodeAt(start)))
        wordEnded(hit, s, start, i, key);
      start = -1;
    }
    if (c < 0x4e00) continue;
    if (c <= 0x9fff) {
      cjk++;
      if (i < descEnd) letters++;
      if (i >= descStart && i < descEnd) words++;
    } else if (c === UNSAFE) return false;
  }
  hit.letters += letters;
  hit.cyrillic += cyrillic;
  hit.cjk += cjk;
  hit.descriptionWords += words;
  return true;
}

function emptyScan(): TextScan {
  return {
    mask: 0,
    evidence: [],
    green: null,
    descriptionWords: 0,
    letters: 0,
    cyrillic: 0,
    cjk: 0,
  };
}

/**
 * One walk over the product's text: restricted-goods classes and green claims, plus the word
 * count of the description and the script mix (for the Russian-content rule). `text` is the
 * title, the description between `descStart` and `descEnd`, then type, tags and image alts.
 */
export function scanProductText(
  code: string | null,
  text: string,
  descStart: number,
  descEnd: number,
): TextScan {
  let hit = emptyScan();
  if (!walk(hit, text, descStart, descEnd)) {
    // Rare ("İ", "Σ"): walk the lower-cased copy, whose offsets may differ from the text's.
    hit = emptyScan();
    walk(hit, text.toLowerCase(), descStart, descEnd);
  }
  const byTaxonomy = goodsOfCode(code);
  if (byTaxonomy !== undefined) {
    const index = GOODS_CLASSES.indexOf(byTaxonomy);
    hit.mask |= GOODS_BIT[byTaxonomy];
    hit.evidence[index] = `category ${code ?? ""}`;
  }
  if (hit.cjk > 0) {
    CJK_RE.lastIndex = 0;
    for (let m = CJK_RE.exec(text); m !== null; m = CJK_RE.exec(text)) {
      for (let g = 1; g < m.length; g++) {
        const found = m[g];
        if (found !== undefined) {
          record(hit, g - 1, found);
          break;
        }
      }
    }
  }
  return hit;
}

/** Goods classes of a product from its taxonomy code and free text (tests, audits). */
export function detectGoods(code: string | null, text: string): GoodsHit {
  return scanProductText(code, text, 0, 0);
}
