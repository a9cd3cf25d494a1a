/**
 * Message and fix templates per rule id, in English and Simplified Chinese. A finding's own
 * `message`/`fix` are the English renders; `localizeFinding` renders it again from `args`.
 * `{channel}` is filled with the channel's display name in the requested language.
 */
import { GOODS_CLASSES, type GoodsClass } from "./goods";
import type { ChannelId, Finding } from "./types";

export type Locale = "en" | "zh-CN";

interface Template {
  message: string;
  fix: string;
}

type Templates = Record<Locale, Template>;

const CHANNEL_NAMES: Record<Locale, Record<ChannelId, string>> = {
  en: {
    amazon: "Amazon",
    ebay: "eBay",
    online_store: "your online store",
    walmart: "Walmart",
    tiktok_shop: "TikTok Shop",
    ozon: "Ozon",
    wildberries: "Wildberries",
    instagram: "Instagram",
  },
  "zh-CN": {
    amazon: "亚马逊",
    ebay: "eBay",
    online_store: "独立站",
    walmart: "沃尔玛",
    tiktok_shop: "TikTok Shop",
    ozon: "Ozon",
    wildberries: "Wildberries",
    instagram: "Instagram",
  },
};

const t = (en: [string, string], zh: [string, string]): Templates => ({
  en: { message: en[0], fix: en[1] },
  "zh-CN": { message: zh[0], fix: zh[1] },
});

const BASE: Record<string, Templates> = {
  // The compliance gate (gate.ts, GATE_RULE): EU channels wait for the market's EPR registrations.
  compliance_epr_registration: t(
    [
      "No EPR registration on file for {markets}: marketplaces and the law require it before selling there.",
      "Add the registration numbers under Compliance → EPR registrations, or stop selling to these markets.",
    ],
    [
      "{markets} 没有登记 EPR 注册号：电商平台和法律都要求先登记才能在当地销售。",
      "在“合规 → EPR 注册”中添加注册号，或停止向这些市场销售。",
    ],
  ),
  title_missing: t(
    ["The product has no title.", "Add a title that names the product."],
    ["商品没有标题。", "添加能说明商品是什么的标题。"],
  ),
  title_length: t(
    [
      "Title is {length} characters; {channel} allows at most {max}.",
      "Shorten the title to {max} characters or fewer.",
    ],
    ["标题有 {length} 个字符，{channel} 最多允许 {max} 个。", "把标题缩短到 {max} 个字符以内。"],
  ),
  title_length_recommended: t(
    [
      "Title is {length} characters; {channel} recommends at most {max}.",
      "Move secondary details to the description and keep the title within {max} characters.",
    ],
    [
      "标题有 {length} 个字符，{channel} 建议不超过 {max} 个。",
      "把次要信息移到描述中，标题保持在 {max} 个字符以内。",
    ],
  ),
  title_banned_chars: t(
    [
      "Title contains characters {channel} does not allow: {chars}.",
      "Remove {chars} from the title.",
    ],
    ["标题包含 {channel} 不允许的字符：{chars}。", "从标题中删除 {chars}。"],
  ),
  title_promotional: t(
    [
      'Title contains a promotional phrase: "{phrase}".',
      'Remove "{phrase}"; put offers in promotions, not in the title.',
    ],
    ["标题包含促销用语：“{phrase}”。", "删除“{phrase}”；优惠信息应放在促销活动中，而不是标题里。"],
  ),
  title_word_repeat: t(
    [
      '"{word}" appears {count} times in the title; {channel} allows a word at most {max} times.',
      'Use "{word}" at most {max} times.',
    ],
    [
      "“{word}”在标题中出现 {count} 次，{channel} 规定同一个词最多出现 {max} 次。",
      "让“{word}”最多出现 {max} 次。",
    ],
  ),
  description_words: t(
    [
      "Description has {words} words; {channel} needs at least {min}.",
      "Write at least {min} words: what it is, materials, size, what is in the box, care.",
    ],
    [
      "描述只有 {words} 个词，{channel} 至少需要 {min} 个。",
      "至少写 {min} 个词：商品是什么、材质、尺寸、包装内容和保养方法。",
    ],
  ),
  image_missing: t(
    ["The product has no images.", "Upload at least one clear product photo."],
    ["商品没有图片。", "至少上传一张清晰的商品照片。"],
  ),
  image_count: t(
    [
      "{count} image(s); {channel} needs at least {min}.",
      "Add photos up to at least {min}: front, back, detail, in use.",
    ],
    [
      "只有 {count} 张图片，{channel} 至少需要 {min} 张。",
      "补充到至少 {min} 张：正面、背面、细节和使用场景。",
    ],
  ),
  image_count_max: t(
    [
      "{count} images; {channel} shows at most {max}.",
      "Keep the best {max} images first; the rest will not be shown.",
    ],
    [
      "共有 {count} 张图片，{channel} 最多展示 {max} 张。",
      "把最好的 {max} 张排在前面，其余不会显示。",
    ],
  ),
  image_main_resolution: t(
    [
      "Main image is {width}×{height} px; {channel} needs at least {min}.",
      "Replace the main image with one at least {min}.",
    ],
    ["主图为 {width}×{height} 像素，{channel} 至少需要 {min}。", "换一张至少 {min} 的主图。"],
  ),
  image_resolution: t(
    [
      "{count} other image(s) below {min}, smallest {width}×{height} px.",
      "Replace the small images with ones at least {min}.",
    ],
    [
      "有 {count} 张附图低于 {min}，最小的为 {width}×{height} 像素。",
      "把这些小图换成至少 {min} 的图片。",
    ],
  ),
  image_main_aspect: t(
    [
      "Main image aspect is {ratio} (width:height); {channel} wants {range}.",
      "Crop or pad the main image to {range}.",
    ],
    ["主图宽高比为 {ratio}，{channel} 要求 {range}。", "把主图裁剪或补边到 {range}。"],
  ),
  image_dimensions_unknown: t(
    [
      "Size unknown for {count} image(s): image rules could not be checked.",
      "Re-sync the product media so width and height are known.",
    ],
    ["有 {count} 张图片尺寸未知，无法检查图片规则。", "重新同步商品媒体以获取宽度和高度。"],
  ),
  gtin_missing: t(
    [
      "{count} of {total} variant(s) have no GTIN (barcode).",
      "Add a GS1 GTIN (UPC/EAN) to every variant, or apply for a GTIN exemption where {channel} offers one.",
    ],
    [
      "{total} 个变体中有 {count} 个没有 GTIN（条码）。",
      "为每个变体填写 GS1 GTIN（UPC/EAN），或在 {channel} 支持时申请 GTIN 豁免。",
    ],
  ),
  gtin_format: t(
    [
      '{count} barcode(s) are not 8, 12, 13 or 14 digits, e.g. "{barcode}".',
      "Enter the GTIN exactly as issued by GS1: 8, 12, 13 or 14 digits.",
    ],
    [
      "有 {count} 个条码不是 8、12、13 或 14 位数字，例如“{barcode}”。",
      "按 GS1 分配的原样填写 GTIN：8、12、13 或 14 位数字。",
    ],
  ),
  gtin_check_digit: t(
    [
      '{count} GTIN(s) have a wrong check digit, e.g. "{barcode}".',
      "Correct the barcode from your GS1 record; a typo in any digit breaks the check digit.",
    ],
    [
      "有 {count} 个 GTIN 校验位错误，例如“{barcode}”。",
      "按 GS1 记录更正条码；任何一位输错都会导致校验位错误。",
    ],
  ),
  gtin_stored_format: t(
    [
      '{count} barcode(s) are stored with an apostrophe or spaces, e.g. "{barcode}".',
      "Store barcodes as bare digits (e.g. {digits}).",
    ],
    ["有 {count} 个条码带有撇号或空格，例如“{barcode}”。", "条码只保存数字（例如 {digits}）。"],
  ),
  brand_missing: t(
    ["No brand: the vendor field is empty.", "Set the vendor to your registered brand name."],
    ["没有品牌：供应商（vendor）字段为空。", "把 vendor 设为你的注册品牌名。"],
  ),
  brand_placeholder: t(
    [
      'Vendor "{vendor}" is not a brand ({reason}).',
      "Set the vendor to your registered brand name, not the shop, a placeholder or the factory.",
    ],
    [
      "供应商“{vendor}”不是品牌（{reason}）。",
      "把 vendor 设为注册品牌名，而不是店铺名、占位符或工厂名。",
    ],
  ),
  weight_missing: t(
    [
      "{count} of {total} variant(s) have no weight.",
      "Enter the shipping weight for every variant.",
    ],
    ["{total} 个变体中有 {count} 个没有重量。", "为每个变体填写发货重量。"],
  ),
  sku_missing: t(
    ["{count} of {total} variant(s) have no SKU.", "Give every variant a unique SKU."],
    ["{total} 个变体中有 {count} 个没有 SKU。", "为每个变体设置唯一的 SKU。"],
  ),
  customs_hs_code_missing: t(
    [
      "{count} of {total} variant(s) have no HS code.",
      "Add the 6-digit HS code to each variant's customs information.",
    ],
    ["{total} 个变体中有 {count} 个没有 HS 编码。", "在每个变体的海关信息中填写 6 位 HS 编码。"],
  ),
  customs_origin_missing: t(
    [
      "{count} of {total} variant(s) have no country of origin.",
      "Add the country of origin to each variant's customs information.",
    ],
    ["{total} 个变体中有 {count} 个没有原产国。", "在每个变体的海关信息中填写原产国。"],
  ),
  content_language_ru: t(
    [
      "Only {share}% of the text is Russian; {channel} needs Russian content.",
      "Add a Russian title and description (and Russian labels and instructions).",
    ],
    [
      "文本中只有 {share}% 是俄语，{channel} 需要俄语内容。",
      "添加俄语标题和描述（以及俄语标签和说明书）。",
    ],
  ),
  category_missing: t(
    [
      "No Shopify taxonomy category is set.",
      "Choose the product's category in the Shopify Standard Product Taxonomy.",
    ],
    ["没有设置 Shopify 标准商品分类。", "在 Shopify 标准商品分类中为商品选择类目。"],
  ),
  category_fit: t(
    [
      "Category {category} is outside {channel}'s strengths ({fits}).",
      "Lead on {channel} with products in {fits}; list this one where its category fits.",
    ],
    [
      "类目 {category} 不在 {channel} 的优势类目内（{fits}）。",
      "在 {channel} 主推 {fits} 类商品，本商品放到类目更匹配的渠道。",
    ],
  ),
  certificate_required: t(
    [
      "{channel} needs {certs} for this category; none is on file.",
      "Upload a valid {certs} certificate to the compliance vault.",
    ],
    ["{channel} 要求该类目提供 {certs}，但没有记录。", "把有效的 {certs} 证书上传到合规资料库。"],
  ),
  certificate_unknown: t(
    [
      "{channel} needs {certs} for this category; certificate status is unknown.",
      "Record in the compliance vault whether you hold {certs}.",
    ],
    ["{channel} 要求该类目提供 {certs}，证书状态未知。", "在合规资料库中登记是否持有 {certs}。"],
  ),
  price_missing: t(
    ["No variant has a price.", "Set a price on every variant."],
    ["没有任何变体设置价格。", "为每个变体设置价格。"],
  ),
  price_band: t(
    [
      "Price about ${price} is outside {channel}'s usual band (${min}–${max}).",
      "Check the price against {channel} competitors, or list this product elsewhere.",
    ],
    [
      "价格约 ${price}，不在 {channel} 常见价格带（${min}–${max}）内。",
      "对比 {channel} 上的竞品价格，或换个渠道销售。",
    ],
  ),
  margin_unit_cost_missing: t(
    [
      "{count} of {total} variant(s) have no unit cost: margin cannot be checked.",
      "Enter the unit cost on each variant's inventory item.",
    ],
    [
      "{total} 个变体中有 {count} 个没有单位成本，无法计算利润。",
      "在每个变体的库存信息中填写单位成本。",
    ],
  ),
  margin_negative: t(
    [
      "After {channel}'s typical {fee}% fee the margin is {margin}%: each sale loses money.",
      "Raise the price or lower the cost before listing on {channel}.",
    ],
    [
      "扣除 {channel} 约 {fee}% 的费用后利润率为 {margin}%，每卖一件都亏钱。",
      "在 {channel} 上架前提高售价或降低成本。",
    ],
  ),
  margin_low: t(
    [
      "After {channel}'s typical {fee}% fee the margin is {margin}% (under {min}%).",
      "Raise the price or lower the cost; {min}% is the least that covers shipping, returns and ads.",
    ],
    [
      "扣除 {channel} 约 {fee}% 的费用后利润率为 {margin}%（低于 {min}%）。",
      "提高售价或降低成本；至少 {min}% 才能覆盖运费、退货和广告。",
    ],
  ),
  sales_none: t(
    [
      "No sales in the last 30 days.",
      "Prove demand in your own store (or with creators) before opening a new channel for it.",
    ],
    ["近 30 天没有销量。", "先在自己的店铺（或通过达人）验证需求，再开拓新渠道。"],
  ),
  inventory_out_of_stock: t(
    ["Out of stock ({available} available).", "Restock before listing."],
    ["缺货（可售 {available} 件）。", "补货后再上架。"],
  ),
  inventory_depth: t(
    [
      "Only {available} units in stock; {channel} needs about {min} to avoid stock-outs.",
      "Stock at least {min} units before listing.",
    ],
    ["库存只有 {available} 件，{channel} 约需 {min} 件才不易断货。", "上架前至少备货 {min} 件。"],
  ),
  rating_low: t(
    [
      "Rating {rating} is below {min}.",
      "Fix the causes of poor reviews before pushing this product on {channel}.",
    ],
    ["评分 {rating} 低于 {min}。", "先解决差评原因，再在 {channel} 推广该商品。"],
  ),
  rating_count_low: t(
    [
      "Only {count} ratings (under {min}).",
      "Collect more reviews (e.g. Amazon Vine, post-purchase emails).",
    ],
    ["只有 {count} 条评分（少于 {min} 条）。", "收集更多评价（如 Amazon Vine、售后邮件）。"],
  ),
  claim_green_generic: t(
    [
      'Generic green claim "{claim}" without recognised evidence.',
      'Remove "{claim}" or replace it with a specific, certified claim (e.g. a named certification).',
    ],
    [
      "使用了无认可证据的笼统环保宣称“{claim}”。",
      "删除“{claim}”，或改为具体且有认证的说法（例如写明认证名称）。",
    ],
  ),
  checkout_us_only: t(
    [
      "The shop does not sell to the US: checkout on Instagram is only for US stores.",
      "Use Instagram product tags that link to your store, or add a US market.",
    ],
    [
      "店铺不面向美国销售：Instagram 站内结账仅限美国店铺。",
      "使用链接到独立站的 Instagram 商品标签，或添加美国市场。",
    ],
  ),
  status_inactive: t(
    [
      "Product status is {status}: it is not published.",
      "Activate the product when it is ready to sell.",
    ],
    ["商品状态为 {status}，尚未发布。", "准备好销售时将商品设为上架（Active）。"],
  ),
};

const GOODS_NAMES: Record<Locale, Record<GoodsClass, string>> = {
  en: {
    alcohol: "alcohol",
    tobacco_vape: "tobacco, e-cigarettes and vapes",
    weapons: "weapons and knives",
    medicine: "medicines and OTC drugs",
    supplements: "dietary supplements",
    cbd: "CBD and cannabis products",
    sexual_wellness: "sexual wellness products",
    lithium_battery: "lithium batteries",
    hazardous: "hazardous goods",
  },
  "zh-CN": {
    alcohol: "酒类",
    tobacco_vape: "烟草、电子烟",
    weapons: "武器和刀具",
    medicine: "药品和非处方药",
    supplements: "膳食补充剂",
    cbd: "CBD 及大麻制品",
    sexual_wellness: "成人情趣用品",
    lithium_battery: "锂电池",
    hazardous: "危险品",
  },
};

function goodsTemplates(): Record<string, Templates> {
  const out: Record<string, Templates> = {};
  for (const c of GOODS_CLASSES) {
    const en = GOODS_NAMES.en[c];
    const zh = GOODS_NAMES["zh-CN"][c];
    out[`prohibited.${c}`] = t(
      [
        `{channel} prohibits ${en}; detected from {via}.`,
        `Do not list this product on {channel}; if the detection is wrong, fix the category, type or wording.`,
      ],
      [
        `{channel} 禁止销售${zh}；依据：{via}。`,
        `不要在 {channel} 上架该商品；若识别有误，请修改类目、类型或文案。`,
      ],
    );
    out[`restricted.${c}`] = t(
      [
        `{channel} restricts ${en}: approval is needed before listing; detected from {via}.`,
        `Apply for {channel}'s approval for ${en} (documents, licences) before listing.`,
      ],
      [
        `{channel} 限制销售${zh}：上架前需要审批；依据：{via}。`,
        `上架前向 {channel} 申请${zh}的销售资质（资料、许可证）。`,
      ],
    );
  }
  return out;
}

export const TEMPLATES: Readonly<Record<string, Templates>> = { ...BASE, ...goodsTemplates() };

const PLACEHOLDER_RE = /\{(\w+)\}/;

/** Arg values that are codes, rendered as words per language. */
const CODED_ARGS: Partial<Record<string, Record<Locale, Record<string, string>>>> = {
  reason: {
    en: {
      shop_name: "it is the shop's own name",
      placeholder: "it is a placeholder",
      company: "it is a trading company or factory",
    },
    "zh-CN": {
      shop_name: "这是店铺自己的名称",
      placeholder: "这是占位名称",
      company: "这是贸易公司或工厂名称",
    },
  },
};

export type Renderer = (args: Readonly<Record<string, string | number>>) => string;

const compiledTemplates = new Map<string, Renderer>();

/**
 * A template split once into literal and placeholder parts, so rendering is only concatenation.
 * With `channel` given, `{channel}` is resolved at compile time (the scorer compiles per channel).
 */
export function compileTemplate(template: string, locale: Locale, channel?: ChannelId): Renderer {
  const cacheKey = `${locale}\u0000${channel ?? ""}\u0000${template}`;
  const cached = compiledTemplates.get(cacheKey);
  if (cached) return cached;
  const source = channel
    ? template.split("{channel}").join(CHANNEL_NAMES[locale][channel])
    : template;
  const parts = source.split(PLACEHOLDER_RE); // odd indexes are placeholder names
  const keys: string[] = [];
  const literals: string[] = [parts[0] ?? ""];
  for (let i = 1; i < parts.length; i += 2) {
    keys.push(parts[i] ?? "");
    literals.push(parts[i + 1] ?? "");
  }
  const coded: (Readonly<Record<string, string>> | undefined)[] = keys.map((k) =>
    k === "channel" ? CHANNEL_NAMES[locale] : CODED_ARGS[k]?.[locale],
  );
  const render: Renderer = (args) => {
    let s = literals[0] ?? "";
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? "";
      const v = args[key];
      const table = coded[i];
      const text =
        v === undefined ? `{${key}}` : typeof v === "string" ? (table?.[v] ?? v) : String(v);
      s += text + (literals[i + 1] ?? "");
    }
    return s;
  };
  compiledTemplates.set(cacheKey, render);
  return render;
}

export function fill(
  template: string,
  args: Readonly<Record<string, string | number>>,
  locale: Locale,
): string {
  return compileTemplate(template, locale)(args);
}

export function templateFor(ruleId: string, locale: Locale): Template | undefined {
  return TEMPLATES[ruleId]?.[locale];
}

/** The finding's message and fix in the merchant's language (English when no template). */
export function localizeFinding(
  finding: Finding,
  locale: Locale,
): { message: string; fix: string } {
  const template = templateFor(finding.rule, locale);
  if (!template) return { message: finding.message, fix: finding.fix };
  const args = finding.args ?? {};
  return { message: fill(template.message, args, locale), fix: fill(template.fix, args, locale) };
}
