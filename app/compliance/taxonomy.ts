/**
 * Product kinds inferred from the Shopify Standard Product Taxonomy (2025-08). Each entry is a
 * category code prefix (`aa-1` covers `aa-1-13-8`); taxonomy.test.ts checks that every prefix
 * exists in the taxonomy the app ships (app/taxonomy/shopify-categories.tsv).
 * Heuristics, not law: the merchant's confirmation always wins (see profile.ts).
 */

export type KindFlag =
  | "textile"
  | "footwear"
  | "electrical"
  | "radio"
  | "mainsPowered"
  | "batteryIncluded"
  | "toy"
  | "cosmetic"
  | "foodContact"
  | "forChildren"
  | "furniture"
  | "sportsLeisure"
  | "diyGarden"
  | "ppe"
  | "notPhysical"
  | "restricted";

export const CATEGORY_PREFIXES: Record<KindFlag, readonly string[]> = {
  // Clothing, clothing accessories, household linen (the French TLC stream includes linen).
  textile: ["aa-1", "aa-2", "hg-15"],
  footwear: ["aa-8"],
  electrical: [
    "el",
    "hg-9", // household appliances
    "hg-11-7", // kitchen appliances
    "hg-13-1",
    "hg-13-2",
    "hg-13-3",
    "hg-13-4",
    "hg-13-5",
    "hg-13-6",
    "hg-13-7",
    "hg-13-8",
    "hg-13-9",
    "hg-13-10",
    "hg-13-11",
    "hg-13-13", // lighting, except tiki torches & oil lamps (hg-13-12)
    "ha-11", // power & electrical supplies
    "co-2", // cameras
    "aa-6-12", // smart watches
    "vp-1-5-7-7", // vehicle jump starters
    "vp-1-4-12", // vehicle lighting
    "fb-3-7", // vaporizers & e-cigarettes
    "tg-5-18", // remote control toys
    "hg-12-3", // outdoor power equipment
  ],
  radio: ["el-4", "tg-5-18", "aa-6-12"],
  mainsPowered: ["hg-9", "hg-11-7", "hg-13-5", "hg-13-9", "ha-11", "el-7-15-5-1"],
  batteryIncluded: ["el-7-15-5-1", "vp-1-5-7-7", "aa-6-12"],
  toy: ["tg-2", "tg-3", "tg-4", "tg-5", "bt-5"],
  cosmetic: ["hb-3-2", "hb-3-5", "hb-3-10", "hb-3-12", "hb-3-14"],
  foodContact: [
    "hg-11-1",
    "hg-11-2",
    "hg-11-3",
    "hg-11-4",
    "hg-11-7",
    "hg-11-8",
    "hg-11-10",
    "bt-10",
  ],
  forChildren: ["bt", "aa-1-2", "fr-1", "tg-3", "tg-5", "bt-5"],
  furniture: ["fr"],
  sportsLeisure: ["sg"],
  diyGarden: ["ha-15", "hg-12"],
  ppe: ["sg-4-17-2-3", "sg-4-17-2-4"], // ski & snowboard goggles and helmets
  notPhysical: ["gc", "se", "so"],
  restricted: ["fb-3", "hb-1-16", "hb-1-9-6-10", "ae-2-2-4"],
};

/** Electronics leaves that carry no electrical function (cases, stands…), by their name. */
export const NON_ELECTRICAL_NAME =
  /\b(cases?|stands?|holders?|mounts?|straps?|bags?|covers?|sleeves?|skins?|screen protectors?)$/i;

/** `gid://shopify/TaxonomyCategory/aa-1-13-8` -> `aa-1-13-8`; anything else -> null. */
export function categoryCode(categoryId: string | null): string | null {
  if (!categoryId) return null;
  const slash = categoryId.lastIndexOf("/");
  const code = slash >= 0 ? categoryId.slice(slash + 1) : categoryId;
  return /^[a-z]{2}(-\d+)*$/.test(code) ? code : null;
}

export function hasPrefix(code: string | null, prefixes: readonly string[]): boolean {
  if (!code) return false;
  for (const p of prefixes) {
    if (code === p || (code.startsWith(p) && code.charCodeAt(p.length) === 45) /* - */) return true;
  }
  return false;
}

/**
 * Text cues, one precompiled regex per flag, run over the product's lower-cased plain text
 * (title, type, tags, description). Multilingual where sellers commonly write it.
 */
export const TEXT_CUES: Partial<Record<KindFlag, RegExp>> = {
  batteryIncluded:
    /\b\d{3,6}\s?mah\b|\blithium\b|\bli-?ion\b|\bli-?po\b|\brechargeable\b|\bbuilt-in battery\b|\bakku\b|\baufladbar\b|\brechargeable\b|\brecargable\b|\bricaricabile\b|\boplaadbaar\b|充电|锂电|аккумулятор/,
  radio:
    /\bbluetooth\b|\bwireless\b|\bwi-?fi\b|\bwlan\b|\bnfc\b|\b2\.4\s?ghz\b|\bremote[- ]control(led)?\b|\brc car\b|\bkabellos\b|\bsans fil\b|\binalámbric[oa]s?\b|\bsenza fili\b|\bdraadloos\b|蓝牙|无线|беспроводн/,
  mainsPowered:
    /\b(100|110|120|127|220|230|240)\s?v\b|\b100-240\s?v\b|\bac adapter\b|\bpower cord\b|\bmains\b|\bnetzstecker\b|\bsecteur\b|\bpower bank\b|\bpowerbank\b/,
  electrical:
    /\busb\b|\bled\b|\bbluetooth\b|\b\d{3,6}\s?mah\b|\brechargeable\b|\belectric\b|\belektrisch\b|\bélectrique\b|\beléctric[oa]\b|\belettric[oa]\b/,
  forChildren:
    /\bkids?\b|\bchildren'?s?\b|\btoddlers?\b|\bbab(y|ies)\b|\binfants?\b|\bkinder\b|\benfants?\b|\bniñ[oa]s\b|\bbambin[ie]\b|\bkinderen\b|儿童|宝宝|детск/,
  toy: /\btoys?\b|\bspielzeug\b|\bjouets?\b|\bjuguetes?\b|\bgiocattol[oi]\b|\bspeelgoed\b|玩具|игрушк/,
  ppe: /\bhelmets?\b|\bhelm\b|\bcasque\b|\bcasco\b/,
  restricted:
    /\bvapes?\b|\be-?cig(arette)?s?\b|\bcbd\b|\bnicotine\b|\bswitchblade\b|\bbutterfly knife\b|\bover-the-counter\b|\botc medicine\b|\blithium battery pack\b|\b(li-?ion|lithium)\b[^.\n]{0,40}\b\d{2,3}\s?wh\b/,
};

/**
 * Clothing and household linen by name, for products without a category (a Shopify CSV import
 * often has none): run over the lower-cased title and product type only, since a description
 * mentions fabrics of things that are not textiles ("comes in a cotton pouch"). Words that also
 * name other goods are left out or fenced: "top coat" (nail polish), "table top", "golf tees",
 * "jumper cables", "dress shoes", "paper towels", German "Rock"/"Hose" (rock music, garden hose).
 * German words also match at the end of a compound (Wollpullover, Sommerkleid).
 */
export const APPAREL_NAME =
  /\b(?:apparel|clothing|garments?|t-?shirts?|tee-?shirts?|shirts?|blouses?|tunics?|polos?|(?<!high[- ]|table |counter |desk |bench )tops?(?! (?:quality|rated|sellers?|grade|notch|loading|up|coat|10|5|3))|(?<!golf )tees?|camisoles?|sweaters?|sweatshirts?|hoodies?|cardigans?|pullovers?|jumpers?(?! cables?)|jackets?|blazers?|(?<!top |base |clear )coats?|parkas?|anoraks?|overcoats?|raincoats?|suits?|tuxedos?|tuxedoes|waistcoats?|vests?|dress(?:es)?(?! shoes?)|gowns?|skirts?|trousers|pants|jeans|chinos|leggings|shorts|joggers|overalls|jumpsuits?|rompers?|onesies?|bodysuits?|swimsuits?|swimwear|bikinis?|lingerie|underwear|briefs|boxers|bras?|socks|tights|stockings|pajamas|pyjamas|nightgowns?|bathrobes?|robes?|kimonos?|scarf|scarves|shawls?|bandanas?|beanies?|gloves|mittens|bow ties?|neckties?|knitwear|outerwear|sportswear|activewear|loungewear|(?<!paper )towels?|bath sheets?|bedding|bed linen|duvet covers?|pillowcases?|bedsheets|tablecloths?|curtains?|blankets?|quilts?|sakko|chemise|robe|jupe|pantalon|veste|manteau|costume|chaussettes|serviette|vêtements?|camisa|camiseta|vestido|falda|pantalón|pantalones|chaqueta|abrigo|traje|bufanda|calcetines|toalla|ropa|camicia|maglietta|vestito|gonna|pantaloni|giacca|cappotto|abito|sciarpa|calzini|asciugamano|abbigliamento|overhemd|jurk|broek|jas|trui|sjaal|sokken|handdoek|kleding)\b|(?:hemd|hemden|bluse|blusen|kleid|kleider|jacke|jacken|mantel|pullover|anzug|unterwäsche|socken|schal|handtuch|handtücher|bettwäsche|bekleidung)\b|衬衫|t恤|连衣裙|裙|裤|外套|夹克|西装|毛衣|卫衣|围巾|袜|毛巾|床单|服装|рубашк|футболк|плать|юбк|брюк|куртк|пальто|костюм|свитер|шарф|носк|полотенц|одежд/;

/** Shoes by name, as APPAREL_NAME (high tops are shoes; a shoe rack or drain clogs are not). */
export const FOOTWEAR_NAME =
  /\b(?:shoes?(?! (?:racks?|polish|horns?|cabinets?|organi[sz]ers?|bags?|cleaners?|trees?|laces?|storage|shelf|shelves|box(?:es)?|covers?))|sneakers?|trainers|boots|ankle boot|sandals?|slippers?|loafers?|high[- ]heels|heels|high[- ]tops?|espadrilles?|flip[- ]flops?|moccasins?|stiefel|sandalen|hausschuhe|turnschuhe|chaussures?|bottes?|sandales?|zapatos?|zapatillas|botas|sandalias|scarpe|stivali|sandali|schoenen|laarzen)\b|(?:schuhe|schuh)\b|鞋|靴|обувь|ботинк|кроссовк|сапог|туфл/;

/** "batteries not included" must not read as a battery in the box. */
export const BATTERY_NOT_INCLUDED =
  /batter(y|ies) (are )?not included|ohne batterie|piles? non incluses?/;
