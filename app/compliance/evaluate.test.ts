import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "./evaluate";
import { EU_REP, MAKER, cert, input, product, profileFor } from "./fixtures";
import type { ProductFacts, Registration } from "./types";

const rules = (findings: { rule: string; market: string }[]) =>
  findings.map((f) => `${f.rule}@${f.market}`).sort();
const earbuds = (): ProductFacts =>
  product({
    title: "Bluetooth Earbuds 400 mAh",
    productType: "Headphones",
    categoryId: "gid://shopify/TaxonomyCategory/el-2-2-7-1-3",
    categoryName:
      "Electronics > Audio > Audio Components > Headphones & Headsets > Headphones > In-Ear Headphones",
  });
const REGS: Registration[] = [
  { country: "DE", stream: "packaging", number: "DE1234567890123", role: "producer" },
  { country: "DE", stream: "weee", number: "DE12345678" },
  { country: "DE", stream: "batteries", number: "DE87654321" },
  { country: "FR", stream: "packaging", number: "FR123456_01ABCD" },
  { country: "FR", stream: "weee", number: "FR654321_02WXYZ" },
  { country: "FR", stream: "batteries", number: "FR111111_03AAAA" },
  { country: "ES", stream: "packaging", number: "ENV/2023/000012345" },
];

describe("EPR", () => {
  it("requires packaging registrations for physical goods in DE, FR and ES, naming register and format", () => {
    const findings = evaluateCompliance(input(product(), { markets: ["DE", "FR", "ES", "US"] }));
    expect(rules(findings.filter((f) => f.kind === "epr"))).toEqual([
      "epr-de-packaging@DE",
      "epr-es-packaging@ES",
      "epr-fr-packaging@FR",
    ]);
    const de = findings.find((f) => f.rule === "epr-de-packaging");
    expect(de?.message).toContain("LUCID");
    expect(de?.fix).toContain("DE + 13 digits");
  });

  it("adds WEEE and batteries for electrical goods with a battery", () => {
    const findings = evaluateCompliance(input(earbuds(), { markets: ["DE", "FR"] }));
    expect(rules(findings.filter((f) => f.kind === "epr"))).toEqual([
      "epr-de-batteries@DE",
      "epr-de-packaging@DE",
      "epr-de-weee@DE",
      "epr-fr-batteries@FR",
      "epr-fr-packaging@FR",
      "epr-fr-weee@FR",
    ]);
    expect(
      evaluateCompliance(input(earbuds(), { markets: ["DE", "FR"], registrations: REGS })).filter(
        (f) => f.kind === "epr",
      ),
    ).toEqual([]);
  });

  it("covers the French textile, toy, furniture, sports and DIY streams", () => {
    const streams = (code: string) =>
      evaluateCompliance(
        input(product({ categoryId: `gid://shopify/TaxonomyCategory/${code}`, categoryName: "" }), {
          markets: ["FR"],
          registrations: REGS,
        }),
      )
        .filter((f) => f.kind === "epr")
        .map((f) => f.rule);
    expect(streams("aa-1-13-8")).toEqual(["epr-fr-textiles"]);
    expect(streams("aa-8")).toEqual(["epr-fr-textiles"]);
    expect(streams("tg-5-7-12")).toEqual(["epr-fr-toys"]);
    expect(streams("fr-24")).toEqual(["epr-fr-furniture"]);
    expect(streams("sg-4-17-2-13")).toEqual(["epr-fr-sports"]);
    expect(streams("ha-15-14")).toEqual(["epr-fr-diy"]);
  });

  it("reports malformed numbers and a LUCID registration in the wrong role", () => {
    const regs: Registration[] = [
      { country: "DE", stream: "packaging", number: "DE123", role: "authorised_representative" },
    ];
    const findings = evaluateCompliance(input(product(), { registrations: regs }));
    expect(rules(findings.filter((f) => f.kind === "epr"))).toEqual([
      "epr-de-packaging-role@DE",
      "epr-number-format@DE",
    ]);
  });

  it("skips goods that are not physical", () => {
    const card = product({
      categoryId: "gid://shopify/TaxonomyCategory/gc",
      categoryName: "Gift Cards",
      productType: "Gift Card",
    });
    expect(
      evaluateCompliance(input(card, { markets: ["DE", "FR", "ES"] })).filter(
        (f) => f.kind === "epr",
      ),
    ).toEqual([]);
  });
});

describe("GPSR", () => {
  const gpsr = (p: ProductFacts, merchant = {}, markets = ["DE"]) =>
    evaluateCompliance({
      ...input(p, { markets, registrations: REGS }),
      profile: profileFor(p, merchant),
    }).filter((f) => f.kind === "gpsr");

  it("is complete for the fixture", () => {
    expect(gpsr(product(), {}, ["DE", "FR", "ES", "IT", "NL"])).toEqual([]);
  });

  it.each([
    ["name", { ...MAKER, name: "" }],
    ["postal address", { ...MAKER, postalAddress: " " }],
    ["electronic address", { ...MAKER, electronicAddress: "" }],
  ])("reports a missing manufacturer %s", (field, manufacturer) => {
    expect(gpsr(product(), { manufacturer })).toMatchObject([
      { rule: "gpsr-manufacturer", args: { missing: field } },
    ]);
  });

  it("reports no manufacturer at all", () => {
    expect(gpsr(product(), { manufacturer: null })).toMatchObject([
      { rule: "gpsr-manufacturer", args: { missing: "name, postal address, electronic address" } },
    ]);
  });

  it("requires an EU responsible person for a non-EU manufacturer only", () => {
    expect(gpsr(product(), { euResponsiblePerson: null })).toMatchObject([
      { rule: "gpsr-responsible-person", args: { country: "CN" } },
    ]);
    expect(
      gpsr(product(), { euResponsiblePerson: { ...EU_REP, country: "US" } }).map((f) => f.rule),
    ).toEqual(["gpsr-responsible-person"]);
    const euMaker = { ...MAKER, country: "PL" };
    expect(gpsr(product(), { manufacturer: euMaker, euResponsiblePerson: null })).toEqual([]);
  });

  it("requires a picture and a type/SKU/batch identifier", () => {
    expect(gpsr(product({ images: [] })).map((f) => f.rule)).toEqual(["gpsr-product-picture"]);
    const v = product().variants[0]!;
    const noIds = product({ variants: [{ ...v, sku: null, barcode: " " }] });
    expect(gpsr(noIds)).toMatchObject([
      { rule: "gpsr-product-identifier", severity: "warning", args: { count: 1 } },
    ]);
  });

  it("requires safety information in a language of each EU market sold to", () => {
    const findings = gpsr(
      product(),
      { safetyInfo: { en: "Hot liquids.", de: "Heiße Flüssigkeiten." } },
      ["DE", "AT", "FR", "BE"],
    );
    expect(rules(findings)).toEqual(["gpsr-safety-language@FR"]);
    expect(findings[0]?.args).toMatchObject({ languages: "fr", have: "de, en" });
    // Belgium reads nl/fr/de: German counts. Toys need safety information even when none is set.
    const toy = product({
      categoryId: "gid://shopify/TaxonomyCategory/tg-5-7-12",
      categoryName: "",
    });
    expect(rules(gpsr(toy, { safetyInfo: {} }, ["NL"]))).toEqual(["gpsr-safety-language@NL"]);
    expect(gpsr(product(), { safetyInfo: {}, foodContact: false }, ["NL"])).toEqual([]);
  });

  it("does not apply outside the EU", () => {
    expect(gpsr(product(), { manufacturer: null }, ["US", "GB"])).toEqual([]);
  });
});

describe("marks per market", () => {
  const marks = (
    p: ProductFacts,
    markets: string[],
    certificates = [] as ReturnType<typeof cert>[],
    merchant = {},
  ) =>
    evaluateCompliance({ ...input(p, { markets, certificates }), profile: profileFor(p, merchant) })
      .filter((f) => f.kind === "certification")
      .map((f) => `${f.rule}@${f.market}`)
      .sort();

  it("asks CE (EU), UKCA or CE (GB), FCC (US radio) and EAC + nothing else for earbuds", () => {
    expect(marks(earbuds(), ["DE", "FR", "GB", "US", "RU", "KZ"])).toEqual([
      "mark-ce@EU",
      "mark-eac@KZ",
      "mark-eac@RU",
      "mark-fcc@US",
      "mark-ukca@GB",
    ]);
    const certs = ["CE", "FCC", "EAC"].map((type) => cert({ type: type as "CE" }));
    expect(marks(earbuds(), ["DE", "GB", "US", "RU"], certs)).toEqual([]);
  });

  it("asks UL for mains-powered goods and CPC for children's products in the US", () => {
    const lamp = product({
      title: "Desk Lamp 230V",
      categoryId: "gid://shopify/TaxonomyCategory/hg-13-5-2",
      categoryName: "Lamps",
    });
    expect(marks(lamp, ["US"])).toEqual(["mark-ul@US"]);
    const blocks = product({
      categoryId: "gid://shopify/TaxonomyCategory/tg-5-7-12",
      categoryName: "",
    });
    expect(marks(blocks, ["US"])).toEqual(["mark-cpc@US"]);
    expect(marks(blocks, ["US"], [cert({ type: "CPC" })])).toEqual([]);
  });

  it("asks Chestny ZNAK and EAC for clothing in Russia; the merchant profile can turn a kind off", () => {
    const tee = product({
      categoryId: "gid://shopify/TaxonomyCategory/aa-1-13-8",
      categoryName: "",
    });
    expect(marks(tee, ["RU"])).toEqual(["mark-chestny-znak@RU", "mark-eac@RU"]);
    expect(marks(earbuds(), ["DE"], [], { electrical: false, radio: false })).toEqual([]);
  });

  it("warns about certificates expiring within 30 days, and drops expired ones as evidence", () => {
    const findings = evaluateCompliance(
      input(earbuds(), {
        markets: ["DE"],
        certificates: [cert({ type: "CE", validTo: "2026-12-20" })],
      }),
    );
    expect(findings.find((f) => f.rule === "cert-expiring")?.args).toMatchObject({ days: 19 });
    expect(findings.some((f) => f.rule === "mark-ce")).toBe(false);
    const later = evaluateCompliance(
      input(earbuds(), {
        markets: ["DE"],
        today: "2026-12-21",
        certificates: [cert({ type: "CE", validTo: "2026-12-20" })],
      }),
    );
    expect(later.map((f) => f.rule)).toEqual(expect.arrayContaining(["cert-expired", "mark-ce"]));
  });
});

describe("labeling and restricted goods", () => {
  it("gives the Prop 65 short-form warning for flagged products sold to the US", () => {
    const p = product();
    const profile = profileFor(p, { prop65: { chemicals: ["lead"], endpoint: "both" } });
    const [f] = evaluateCompliance({ ...input(p, { markets: ["US"] }), profile }).filter(
      (x) => x.rule === "label-prop65",
    );
    expect(f?.args.text).toBe(
      "⚠ WARNING: Risk of cancer and reproductive harm from exposure to lead. See www.P65Warnings.ca.gov.",
    );
  });

  it("gives Triman guidance for France and flags restricted goods in each market", () => {
    const vape = product({ title: "Disposable Vape", categoryId: null, categoryName: null });
    const findings = evaluateCompliance(
      input(vape, { markets: ["FR", "US"], registrations: REGS }),
    );
    expect(rules(findings.filter((f) => f.kind !== "certification"))).toEqual(
      expect.arrayContaining(["label-fr-triman@FR", "restricted-goods@FR", "restricted-goods@US"]),
    );
  });
});
