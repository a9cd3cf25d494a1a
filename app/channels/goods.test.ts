import { describe, expect, it } from "vitest";
import { GOODS_BIT, detectGoods, type GoodsClass } from "./goods";

const classes = (text: string, code: string | null = null): GoodsClass[] => {
  const hit = detectGoods(code, text);
  return (Object.keys(GOODS_BIT) as GoodsClass[]).filter((c) => (hit.mask & GOODS_BIT[c]) !== 0);
};

describe("restricted goods detection", () => {
  it.each([
    ["Disposable Vape Kit", "tobacco_vape"],
    ["一次性电子烟套装", "tobacco_vape"],
    ["Одноразовый вейп с USB-C", "tobacco_vape"],
    ["E-Zigarette Starterset", "tobacco_vape"],
    ["Kit cigarette électronique rechargeable", "tobacco_vape"],
    ["Vapeador desechable", "tobacco_vape"],
    ["E-Cigarette Starter Kit", "tobacco_vape"],
    ["Red wine gift box", "alcohol"],
    ["Craft beer tasting set", "alcohol"],
    ["进口红酒礼盒", "alcohol"],
    ["Водка премиум", "alcohol"],
    ["Bière artisanale", "alcohol"],
    ["Damascus Folding Knife", "weapons"],
    ["Tactical pocket knife with clip", "weapons"],
    ["Складной нож EDC", "weapons"],
    ["Klappmesser aus Stahl", "weapons"],
    ["Navaja de bolsillo", "weapons"],
    ["户外折叠刀", "weapons"],
    ["Full Spectrum CBD Oil Drops", "cbd"],
    ["Hemp Sleep Gummies", "cbd"],
    ["Cold & Flu Relief Tablets", "medicine"],
    ["Ibuprofen 200 mg, 24 count", "medicine"],
    ["布洛芬缓释胶囊", "medicine"],
    ["Обезболивающее средство", "medicine"],
    ["Schmerzmittel Tabletten", "medicine"],
    ["Médicament contre le rhume", "medicine"],
    ["Lithium Battery Pack 20000 mAh", "lithium_battery"],
    ["Power Bank, Li-ion 74 Wh", "lithium_battery"],
    ["20000毫安充电宝", "lithium_battery"],
    ["Внешний аккумулятор 10000 мАч", "lithium_battery"],
    ["Powerbank mit Lithium-Ionen Akku", "lithium_battery"],
    ["Multivitamin gummies for adults", "supplements"],
    ["Personal massager vibrator", "sexual_wellness"],
    ["Party fireworks assortment", "hazardous"],
  ] as const)("%s -> %s", (text, cls) => {
    expect(classes(text)).toContain(cls);
  });

  it.each([
    "Wine-red knit scarf",
    "Burgundy wine colour beanie",
    "Knife-pleated midi skirt",
    "Bamboo cutting board, knife friendly",
    "Battery-free kitchen timer",
    "Massage Gun with 6 speeds",
    "Car cigarette lighter charger, 2 USB ports",
    "Vitamin C Face Serum",
    "Beer mug set of 4",
    "Ginger tea infuser",
    "Winter puffer jacket",
    "Хлопковая футболка",
    "酒红色围巾",
  ])("no false positive: %s", (text) => {
    expect(classes(text)).toEqual([]);
  });

  it("detects from the Shopify taxonomy category", () => {
    expect(classes("Pocket thing", "fb-3-7-3")).toEqual(["tobacco_vape"]);
    expect(classes("Drops", "hb-1-9-6-10")).toEqual(["cbd"]);
    expect(classes("Tablets", "hb-1-16")).toEqual(["medicine"]);
    expect(classes("Charger", "el-7-15-5-1")).toEqual(["lithium_battery"]);
    expect(classes("Folding", "ae-2-2-4-2-3")).toEqual(["weapons"]);
    expect(classes("Mug", "hg-11-10-5-5")).toEqual([]);
  });

  it("finds generic green claims in several languages", () => {
    for (const t of [
      "Our mug is 100% eco-friendly.",
      "Umweltfreundliche Verpackung",
      "Un sac écologique",
      "Respetuoso con el medio ambiente",
      "Carbon neutral shipping",
      "环保材料",
    ]) {
      expect(detectGoods(null, t).green).not.toBeNull();
    }
    expect(detectGoods(null, "Green cotton hoodie").green).toBeNull();
  });
});
