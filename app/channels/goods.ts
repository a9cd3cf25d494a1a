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

/** Text patterns per class; `green` is the generic environmental claim (ECGT). */
type TextClass = GoodsClass | "green";

const L = "(?<![\\p{L}\\p{N}])"; // start of a word (works for accented and Cyrillic letters)
const R = "(?![\\p{L}\\p{N}])"; // end of a word

const LATIN: Record<TextClass, string> = {
  alcohol: [
    "beers?(?![\\s-]*(?:mugs?|glass(?:es)?|steins?|pong))",
    "wines?(?![\\s-]*(?:red|colou?r|glass(?:es)?|racks?|openers?|stoppers?|coolers?|tumblers?|bags?|charms?|aerators?))",
    "vodka",
    "whiske?y",
    "liquors?",
    "liqueurs?",
    "champagne(?![\\s-]*(?:colou?r|gold|flutes?|glass(?:es)?))",
    "tequila",
    "alcoholic (?:beverages?|drinks?)",
    "spirituosen",
    "schnaps",
    "likör",
    "spiritueux",
    "bière",
    "cerveza",
    "vino(?![\\s-]*(?:tinto color|colou?r))",
  ].join("|"),
  tobacco_vape: [
    "vapes?",
    "vaping",
    "vape pens?",
    "e-?cig(?:arette)?s?",
    "e-?liquids?",
    "e-juice",
    "nicotine",
    "tobacco",
    "cigarettes?(?![\\s-]*lighter)",
    "cigars?(?![\\s-]*lighter)",
    "hookahs?",
    "shisha",
    "e-zigaretten?",
    "zigaretten?(?![\\s-]*anzünder)",
    "tabak",
    "nikotin",
    "cigarettes? électroniques?",
    "vapoteuses?",
    "tabac",
    "vapeadora?s?",
    "cigarrillos? electrónicos?",
    "tabaco",
    "nicotina",
  ].join("|"),
  weapons: [
    "(?:pocket|folding|tactical|switchblade|butterfly|combat|hunting|throwing|gravity|automatic|edc|damascus(?: steel)?(?: folding)?) knife",
    "(?:pocket|folding|tactical|switchblade|butterfly|combat|hunting|throwing|gravity|automatic) knives",
    "switchblades?",
    "balisong",
    "daggers?",
    "machetes?",
    "swords?",
    "brass knuckles",
    "knuckle dusters?",
    "firearms?",
    "handguns?",
    "pistols?",
    "rifles?",
    "shotguns?",
    "ammunition",
    "ammo",
    "crossbows?",
    "stun guns?",
    "tasers?",
    "pepper spray",
    "taschenmesser",
    "klappmesser",
    "springmesser",
    "dolch",
    "schusswaffen?",
    "munition",
    "couteaux? (?:pliants?|de poche|tactiques?)",
    "poignards?",
    "armes? à feu",
    "navajas?",
    "cuchillos? (?:plegables?|tácticos?)",
    "puñal(?:es)?",
    "armas? de fuego",
    "munición",
  ].join("|"),
  medicine: [
    "ibuprofen",
    "paracetamol",
    "acetaminophen",
    "aspirin",
    "naproxen",
    "antihistamines?",
    "loratadine",
    "cetirizine",
    "diphenhydramine",
    "dextromethorphan",
    "pseudoephedrine",
    "lidocaine",
    "hydrocortisone",
    "cold (?:&|and) flu",
    "sleep aid",
    "pain relief (?:tablets?|pills?|capsules?|patches)",
    "over[\\s-]the[\\s-]counter",
    "otc (?:medicine|drugs?)",
    "medications?",
    "medicines?(?![\\s-]*(?:cabinets?|balls?))",
    "arzneimittel",
    "medikamente?",
    "schmerzmittel",
    "médicaments?",
    "ibuprofène",
    "paracétamol",
    "medicamentos?",
    "ibuprofeno",
    "analgésicos?",
  ].join("|"),
  supplements: [
    "dietary supplements?",
    "food supplements?",
    "supplements?",
    "multivitamins?",
    "vitamin (?:tablets|capsules|gummies|supplements?)",
    "protein powder",
    "nahrungsergänzung(?:smittel)?",
    "compléments? alimentaires?",
    "suplementos?(?: alimenticios?| dietéticos?)?",
  ].join("|"),
  cbd: [
    "cbd",
    "cannabidiol",
    "thc",
    "cannabis",
    "marijuana",
    "hemp(?: \\p{L}+)? (?:oil|extract|gummies|drops|flower|tincture)",
    "hanföl",
    "chanvre",
    "cáñamo",
  ].join("|"),
  sexual_wellness: [
    "sex toys?",
    "adult toys?",
    "vibrators?",
    "dildos?",
    "condoms?",
    "personal lubricants?",
    "erotic",
    "bdsm",
    "fetish",
    "sexspielzeug",
    "kondome?",
    "erotik",
    "sextoys?",
    "vibromasseurs?",
    "préservatifs?",
    "érotiques?",
    "juguetes? sexuales?",
    "vibradore?s?",
    "condón|condones",
    "preservativos?",
    "eróticos?",
  ].join("|"),
  lithium_battery: [
    "lithium(?:[\\s-]ion|[\\s-]polymer)?(?: battery| batteries| battery pack| cells?)?",
    "li-?ion",
    "li-?po",
    "power ?banks?",
    "portable chargers?",
    "battery packs?",
    "jump starters?",
    "\\d+(?:\\.\\d+)? ?wh",
    "lithium-akkus?",
    "lithium-ionen",
    "batteries? (?:au |de )?lithium",
    "batterie externe",
    "baterías? de litio",
    "batería externa",
  ].join("|"),
  hazardous: [
    "fireworks?",
    "firecrackers?",
    "aerosols?",
    "flammable",
    "butane",
    "lighter fluid",
    "pesticides?",
    "insecticides?",
    "feuerwerk",
    "böller",
    "feux d'artifice",
    "pétards?",
    "inflammables?",
    "fuegos artificiales",
    "petardos?",
    "inflamables?",
    "pesticidas?",
    "insecticidas?",
  ].join("|"),
  green: [
    "eco[\\s-]?friendly",
    "environmentally friendly",
    "environment friendly",
    "climate[\\s-](?:neutral|friendly|positive)",
    "carbon[\\s-](?:neutral|negative)",
    "biodegradable",
    "umweltfreundlich(?:e[nmrs]?)?",
    "klimaneutral(?:e[nmrs]?)?",
    "écologiques?",
    "respectueu(?:x|se) de l'environnement",
    "neutre en carbone",
    "respetuos[oa] con el medio ambiente",
    "ecológic[oa]s?",
  ].join("|"),
};

const CYRILLIC: Partial<Record<TextClass, string>> = {
  alcohol:
    "пив[оаеу]|вин[оау](?!град)|водк\\p{L}*|виски|коньяк\\p{L}*|алкогол\\p{L}*|ликёр\\p{L}*|ликер\\p{L}*|шампанск\\p{L}*",
  tobacco_vape:
    "вейп\\p{L}*|электронн\\p{L}* сигарет\\p{L}*|сигарет(?!\\p{L}* прикурив)\\p{L}*|табак\\p{L}*|табачн\\p{L}*|никотин\\p{L}*|кальян\\p{L}*|под-систем\\p{L}*",
  weapons:
    "складн\\p{L}* нож\\p{L}*|тактическ\\p{L}* нож\\p{L}*|выкидн\\p{L}* нож\\p{L}*|кинжал\\p{L}*|оружи\\p{L}*|пистолет\\p{L}*|патрон(?:ы|ов)?|кастет\\p{L}*|мачете",
  medicine:
    "ибупрофен\\p{L}*|парацетамол\\p{L}*|аспирин\\p{L}*|лекарств\\p{L}*|обезболивающ\\p{L}*|жаропонижающ\\p{L}*|медикамент\\p{L}*",
  supplements:
    "бад|биологически активн\\p{L}* добавк\\p{L}*|пищев\\p{L}* добавк\\p{L}*|витаминн\\p{L}* комплекс\\p{L}*",
  cbd: "кбд|каннабидиол\\p{L}*|каннабис\\p{L}*|марихуан\\p{L}*|конопл\\p{L}* масл\\p{L}*",
  sexual_wellness:
    "секс-игрушк\\p{L}*|вибратор\\p{L}*|интим\\p{L}*|эротическ\\p{L}*|презерватив\\p{L}*|лубрикант\\p{L}*",
  lithium_battery:
    "литиев\\p{L}* (?:батаре|аккумулятор)\\p{L}*|литий-ионн\\p{L}*|повербанк\\p{L}*|пауэрбанк\\p{L}*|внешн\\p{L}* аккумулятор\\p{L}*",
  hazardous:
    "фейерверк\\p{L}*|петард\\p{L}*|пиротехн\\p{L}*|легковоспламен\\p{L}*|инсектицид\\p{L}*|аэрозол\\p{L}*",
  green: "экологичн\\p{L}*|эко-френдли|углеродно-нейтральн\\p{L}*",
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

function compile(table: Partial<Record<TextClass, string>>, bounded: boolean): RegExp {
  const groups = TEXT_CLASSES.map((c) => {
    const body = table[c];
    // A class without words in this script gets a group that never matches, keeping indexes.
    if (!body) return "(?!)";
    return bounded ? `${L}(?:${body})${R}` : `(?:${body})`;
  });
  return new RegExp(groups.map((g) => `(${g})`).join("|"), "giu");
}

const LATIN_RE = compile(LATIN, true);
const CYRILLIC_RE = compile(CYRILLIC, true);
const CJK_RE = compile(CJK, false);

export interface GoodsHit {
  /** Bits of GOODS_BIT for every class detected. */
  mask: number;
  /** Per class index: what triggered it (`category el-7-15-5-1` or the matched words). */
  evidence: (string | undefined)[];
  /** The first generic green claim found, or null. */
  green: string | null;
}

function scan(re: RegExp, text: string, hit: GoodsHit): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    for (let g = 1; g < m.length; g++) {
      if (m[g] === undefined) continue;
      const cls = TEXT_CLASSES[g - 1];
      if (cls === "green") hit.green ??= m[g] ?? null;
      else if (cls !== undefined && hit.evidence[g - 1] === undefined) {
        hit.mask |= GOODS_BIT[cls];
        hit.evidence[g - 1] = `"${m[g]}"`;
      }
      break;
    }
  }
}

/**
 * Classes a product falls into. `hasCyrillic`/`hasCjk` let the caller (which has already walked
 * the text once) skip regexes that cannot match.
 */
export function detectGoods(
  code: string | null,
  text: string,
  hasCyrillic: boolean,
  hasCjk: boolean,
): GoodsHit {
  const hit: GoodsHit = { mask: 0, evidence: [], green: null };
  const byTaxonomy = lookupByPrefix(TAXONOMY_GOODS, code);
  if (byTaxonomy !== undefined) {
    hit.mask |= GOODS_BIT[byTaxonomy];
    hit.evidence[GOODS_CLASSES.indexOf(byTaxonomy)] = `category ${code ?? ""}`;
  }
  scan(LATIN_RE, text, hit);
  if (hasCyrillic) scan(CYRILLIC_RE, text, hit);
  if (hasCjk) scan(CJK_RE, text, hit);
  return hit;
}
