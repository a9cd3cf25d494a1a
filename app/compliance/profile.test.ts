import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "./evaluate";
import { input, product } from "./fixtures";
import { inferProfile, looksRestricted, mergeProfile } from "./profile";

const cat = (code: string, name = "") => ({
  categoryId: `gid://shopify/TaxonomyCategory/${code}`,
  categoryName: name,
});

describe("inferProfile", () => {
  it("infers textile from apparel categories and reads material shares", () => {
    const p = inferProfile(
      product({
        ...cat("aa-1-13-13", "Apparel & Accessories > Clothing > Clothing Tops > Hoodies"),
        descriptionHtml: "<p>80% cotton, 20% polyester.</p>",
      }),
    );
    expect(p.textile).toEqual({ value: true, source: "inferred" });
    expect(p.electrical.value).toBe(false);
    expect(p.materials.value).toEqual([
      { material: "cotton", share: 80 },
      { material: "polyester", share: 20 },
    ]);
  });

  it("infers textile from the title or product type when there is no category, still marked inferred", () => {
    const csv = (title: string, productType: string | null = null) =>
      product({ categoryId: null, categoryName: null, title, productType, descriptionHtml: "" });
    const tuxedo = inferProfile(csv("Blue Silk Tuxedo", "Suits"));
    expect(tuxedo.textile).toEqual({ value: true, source: "inferred" });
    for (const [title, type] of [
      ["Classic", "Suits"],
      ["Linen Shirt", null],
      ["Robe d'été en lin", null],
      ["Wollpullover Kinder", null],
      ["Camisa de algodón", null],
      ["Pantaloni in lino", null],
      ["Katoenen jurk", null],
      ["真丝衬衫", null],
      ["Льняная рубашка", null],
      ["Bath towel set", null],
      ["Silk Summer Top", null],
      ["Red Sports Tee", null],
    ] as const)
      expect(inferProfile(csv(title, type)).textile.value, title).toBe(true);
    for (const [title, type] of [
      ["Hard-shell Suitcase", "Luggage"],
      ["Top coat nail polish", null],
      ["Jumper cables 3m", "Car"],
      ["Paper towel holder", null],
      ["Stoneware mug", "Mugs"],
      ["Rock climbing chalk", null],
      ["Garden hose 20m", null],
      ["Oak table top", null],
      ["Top quality chef knife", null],
      ["Golf tees, 50 pack", null],
    ] as const)
      expect(inferProfile(csv(title, type)).textile.value, title).toBe(false);
    // Shoes are footwear, not textile (the French TLC stream covers both).
    const tops = inferProfile(csv("LED High Tops", "Shoes"));
    expect([tops.footwear.value, tops.textile.value]).toEqual([true, false]);
    expect(inferProfile(csv("Chaussures de randonnée")).footwear.value).toBe(true);
    expect(inferProfile(csv("Bamboo shoe rack")).footwear.value).toBe(false);
    // A category wins over the name: a "shirt" mug stays a mug.
    expect(inferProfile(product({ title: "Shirt pocket mug" })).textile.value).toBe(false);
    // The merchant's answer wins over the guess.
    expect(mergeProfile(tuxedo, { textile: false }).textile).toEqual({
      value: false,
      source: "merchant",
    });
  });

  it("reports the French textiles EPR stream for apparel imported without a category", () => {
    const p = product({
      categoryId: null,
      categoryName: null,
      title: "Blue Silk Tuxedo",
      productType: "Suits",
    });
    const findings = evaluateCompliance(input(p, { markets: ["FR"] }));
    expect(findings.find((f) => f.rule === "epr-fr-textiles")).toMatchObject({
      market: "FR",
      evidence: expect.stringContaining("inferred"),
    });
  });

  it("infers electrical and radio from electronics, but not for a phone case", () => {
    const buds = inferProfile(
      product({
        ...cat("el-2-2-7-1-3", "Electronics > … > In-Ear Headphones"),
        title: "Bluetooth Earbuds",
      }),
    );
    expect(buds.electrical.value).toBe(true);
    expect(buds.radio.value).toBe(true);
    const caseP = inferProfile(
      product({ ...cat("el-4-8-4-2", "Electronics > … > Mobile Phone Cases"), title: "Slim Case" }),
    );
    expect(caseP.electrical.value).toBe(false);
  });

  it("infers a battery from mAh / lithium / rechargeable, not from 'batteries not included'", () => {
    const bank = inferProfile(
      product({ categoryId: null, categoryName: null, title: "Power Bank 20000 mAh" }),
    );
    expect(bank.batteryIncluded.value).toBe(true);
    expect(bank.electrical.value).toBe(true);
    expect(
      inferProfile(product({ descriptionHtml: "<p>Rechargeable lamp</p>" })).batteryIncluded.value,
    ).toBe(true);
    const toy = inferProfile(
      product({ ...cat("tg-5-7-12"), descriptionHtml: "<p>Lithium batteries not included.</p>" }),
    );
    expect(toy.batteryIncluded.value).toBe(false);
  });

  it("infers toy, for-children, cosmetic, food-contact, furniture, sports and DIY", () => {
    const toy = inferProfile(product(cat("tg-5-8-11")));
    expect([toy.toy.value, toy.forChildren.value]).toEqual([true, true]);
    expect(inferProfile(product(cat("hb-3-2-9-21"))).cosmetic.value).toBe(true);
    expect(inferProfile(product()).foodContact.value).toBe(true);
    expect(inferProfile(product(cat("fr-24"))).furniture.value).toBe(true);
    expect(inferProfile(product(cat("sg-4-17-2-13"))).sportsLeisure.value).toBe(true);
    expect(inferProfile(product(cat("sg-4-17-2-4"))).ppe.value).toBe(true);
    expect(inferProfile(product(cat("ha-15-14"))).diyGarden.value).toBe(true);
    expect(
      inferProfile(product({ title: "Kids' T-Shirt", ...cat("aa-1-13-8") })).forChildren.value,
    ).toBe(true);
  });

  it("marks gift cards as not physical and takes origin and HS code from variants", () => {
    expect(inferProfile(product({ ...cat("gc"), productType: "Gift Card" })).physical.value).toBe(
      false,
    );
    const p = inferProfile(product());
    expect(p.countryOfOrigin).toEqual({ value: "CN", source: "inferred" });
    expect(p.hsCode.value).toBe("691200");
    expect(p.manufacturer).toEqual({ value: null, source: "inferred" });
  });

  it("flags restricted goods heuristically", () => {
    expect(looksRestricted(product({ title: "Disposable Vape Pen" }))).toBe(true);
    expect(
      looksRestricted(
        product({ title: "Lithium Battery Pack", descriptionHtml: "<p>Li-ion 74 Wh</p>" }),
      ),
    ).toBe(true);
    expect(looksRestricted(product())).toBe(false);
  });
});

describe("mergeProfile", () => {
  it("lets merchant-confirmed values win and marks them merchant", () => {
    const base = inferProfile(product());
    const merged = mergeProfile(base, {
      foodContact: false,
      electrical: true,
      countryOfOrigin: "DE",
    });
    expect(merged.foodContact).toEqual({ value: false, source: "merchant" });
    expect(merged.electrical).toEqual({ value: true, source: "merchant" });
    expect(merged.countryOfOrigin).toEqual({ value: "DE", source: "merchant" });
    expect(merged.textile).toEqual({ value: false, source: "inferred" });
    expect(base.foodContact.value).toBe(true); // the inferred profile is not mutated
    expect(mergeProfile(base, null)).toBe(base);
  });
});
