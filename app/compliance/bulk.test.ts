import { describe, expect, it } from "vitest";
import { applyProfilePatch, parseMaterials, patchFields, patchFromForm } from "./bulk";
import { inferProfile, mergeProfile } from "./profile";
import { product } from "./fixtures";
import { profilePatchSchema } from "./schemas.server";

const acme = {
  name: "Acme GmbH",
  postalAddress: "Hauptstr. 1, 10115 Berlin",
  country: "DE",
  electronicAddress: "safety@acme.example",
};

describe("applyProfilePatch", () => {
  it("sets only the chosen fields, keeps the other answers, and resets to inferred", () => {
    const before = { textile: false, hsCode: "610910", countryOfOrigin: "PT" };
    const after = applyProfilePatch(before, {
      set: { textile: true, manufacturer: acme },
      reset: ["hsCode"],
    });
    expect(after).toEqual({ textile: true, countryOfOrigin: "PT", manufacturer: acme });
    expect(before).toEqual({ textile: false, hsCode: "610910", countryOfOrigin: "PT" });
  });

  it("adds a warning in one language without dropping the others (unless they are reset)", () => {
    const before = { safetyInfo: { de: "Nicht für Kinder." } };
    expect(
      applyProfilePatch(before, { set: { safetyInfo: { fr: "Pas pour enfants." } }, reset: [] }),
    ).toEqual({ safetyInfo: { de: "Nicht für Kinder.", fr: "Pas pour enfants." } });
    expect(
      applyProfilePatch(before, {
        set: { safetyInfo: { fr: "Pas pour enfants." } },
        reset: ["safetyInfo"],
      }),
    ).toEqual({ safetyInfo: { fr: "Pas pour enfants." } });
  });

  it("makes a bulk-set field confirmed, not inferred, in the engine's profile", () => {
    const p = product({ title: "Plain mug", productType: "Mugs" });
    const answers = applyProfilePatch({}, { set: { textile: false, hsCode: "691200" }, reset: [] });
    const merged = mergeProfile(inferProfile(p), answers);
    expect(merged.textile).toEqual({ value: false, source: "merchant" });
    expect(merged.hsCode).toEqual({ value: "691200", source: "merchant" });
    expect(merged.toy.source).toBe("inferred");
  });
});

describe("parseMaterials", () => {
  it("reads shares separated by commas, semicolons or lines", () => {
    expect(parseMaterials("80% Cotton, 20 % recycled polyester")).toEqual([
      { material: "cotton", share: 80 },
      { material: "recycled polyester", share: 20 },
    ]);
    expect(parseMaterials("100%wool")).toEqual([{ material: "wool", share: 100 }]);
    expect(parseMaterials("50,5% linen; 49,5% cotton")).toEqual([
      { material: "linen", share: 50.5 },
      { material: "cotton", share: 49.5 },
    ]);
  });

  it("refuses a part without a share, a zero share and more than 100% in all", () => {
    expect(parseMaterials("cotton")).toBeNull();
    expect(parseMaterials("0% cotton")).toBeNull();
    expect(parseMaterials("80% cotton, 30% wool")).toBeNull();
    expect(parseMaterials("  ")).toBeNull();
  });
});

describe("patchFromForm", () => {
  it("turns the chosen modes into a patch that the schema accepts", () => {
    const parsed = patchFromForm({
      "mode.textile": "yes",
      "mode.toy": "no",
      "mode.electrical": "keep",
      "mode.forChildren": "reset",
      "mode.materials": "set",
      materials: "100% silk",
      "mode.countryOfOrigin": "set",
      countryOfOrigin: "it",
      "mode.hsCode": "set",
      hsCode: "6203.31 00",
      "mode.manufacturer": "set",
      "manufacturer.name": acme.name,
      "manufacturer.postalAddress": acme.postalAddress,
      "manufacturer.country": "de",
      "manufacturer.electronicAddress": acme.electronicAddress,
      "mode.safetyInfo": "set",
      "safetyInfo.lang": "fr",
      "safetyInfo.text": "Tenir éloigné du feu.",
      // A value without its mode is not applied.
      "euResponsiblePerson.name": "ignored",
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.patch).toEqual({
      set: {
        textile: true,
        toy: false,
        materials: [{ material: "silk", share: 100 }],
        countryOfOrigin: "IT",
        hsCode: "62033100",
        manufacturer: acme,
        safetyInfo: { fr: "Tenir éloigné du feu." },
      },
      reset: ["forChildren"],
    });
    expect(patchFields(parsed.patch)).toEqual([
      "textile",
      "toy",
      "forChildren",
      "materials",
      "countryOfOrigin",
      "hsCode",
      "manufacturer",
      "safetyInfo",
    ]);
    expect(profilePatchSchema.safeParse(parsed.patch).success).toBe(true);
  });

  it("names the fields at fault, and refuses a patch that changes nothing", () => {
    expect(
      patchFromForm({
        "mode.materials": "set",
        materials: "silk",
        "mode.manufacturer": "set",
        "manufacturer.name": "Half",
        "mode.safetyInfo": "set",
        "safetyInfo.lang": "de",
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { materials: "materials", manufacturer: "party", safetyInfo: "safetyInfo" },
    });
    expect(patchFromForm({ "mode.textile": "keep" })).toEqual({
      ok: false,
      fieldErrors: { form: "nothing" },
    });
  });

  it("leaves format checks to the schema (a bad HS code or country is refused there)", () => {
    const parsed = patchFromForm({
      "mode.hsCode": "set",
      hsCode: "12",
      "mode.countryOfOrigin": "set",
      countryOfOrigin: "Italy",
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const check = profilePatchSchema.safeParse(parsed.patch);
    expect(check.success).toBe(false);
    expect(check.error?.issues.map((i) => i.path.join("."))).toEqual([
      "set.countryOfOrigin",
      "set.hsCode",
    ]);
  });
});
