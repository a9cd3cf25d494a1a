import { describe, expect, it } from "vitest";
import { findClaims, rewriteWithout } from "./claims";
import { evaluateCompliance } from "./evaluate";
import { cert, input, product } from "./fixtures";
import type { TextPart } from "./text";

const part = (text: string): TextPart => ({
  field: "description",
  where: "description",
  text,
  lower: text.toLowerCase(),
});
const claimsIn = (text: string) => findClaims([part(text)]).map((h) => [h.group, h.lang, h.term]);
const claimFindings = (descriptionHtml: string, overrides = {}) =>
  evaluateCompliance(input(product({ descriptionHtml }), overrides)).filter(
    (f) => f.kind === "green_claim",
  );

describe("green claim vocabulary", () => {
  it.each([
    ["Our eco-friendly mug.", "generic", "en", "eco-friendly"],
    ["Made with environmentally friendly materials.", "generic", "en", "environmentally friendly"],
    ["A sustainable choice.", "generic", "en", "sustainable"],
    ["Go green with this bottle.", "generic", "en", "Go green"],
    ["Umweltfreundlich hergestellt.", "generic", "de", "Umweltfreundlich"],
    ["Eine nachhaltige Tasse.", "generic", "de", "nachhaltige"],
    ["Umweltverträgliche Farben.", "generic", "de", "Umweltverträgliche"],
    ["Un sac écologiquement conçu.", "generic", "fr", "écologiquement"],
    ["Una marca amiga del medio ambiente.", "generic", "es", "amiga del medio ambiente"],
    ["Amigable con el planeta.", "generic", "es", "Amigable con el planeta"],
    ["Una empresa ecológicamente responsable.", "generic", "es", "ecológicamente"],
    ["Prodotto ecologicamente corretto.", "generic", "it", "ecologicamente"],
    ["Un choix écologique pour la famille.", "generic", "fr", "écologique"],
    ["Respectueuse de l'environnement.", "generic", "fr", "Respectueuse de l'environnement"],
    [
      "Un producto respetuoso con el medio ambiente.",
      "generic",
      "es",
      "respetuoso con el medio ambiente",
    ],
    ["Una taza sostenible.", "generic", "es", "sostenible"],
    ["Una tazza ecologica.", "generic", "it", "ecologica"],
    ["Rispettoso dell'ambiente.", "generic", "it", "Rispettoso dell'ambiente"],
    ["Een milieuvriendelijke mok.", "generic", "nl", "milieuvriendelijke"],
    ["环保材料制成。", "generic", "zh", "环保"],
    ["Экологичная кружка.", "generic", "ru", "Экологичная"],
    ["Fully biodegradable.", "biodegradable", "en", "biodegradable"],
    ["Biologisch abbaubare Folie.", "biodegradable", "de", "Biologisch abbaubare"],
    ["Emballage biodégradable.", "biodegradable", "fr", "biodégradable"],
    ["Envases biodegradables.", "biodegradable", "es", "biodegradables"],
    ["Sacchetto biodegradabile.", "biodegradable", "it", "biodegradabile"],
    ["Biologisch afbreekbaar.", "biodegradable", "nl", "Biologisch afbreekbaar"],
    ["This product is carbon neutral.", "offset", "en", "carbon neutral"],
    ["Climate neutral shipping on every order.", "offset", "en", "Climate neutral"],
    ["Klimaneutral versendet.", "offset", "de", "Klimaneutral"],
    ["Produit neutre en carbone.", "offset", "fr", "neutre en carbone"],
    ["Producto neutro en carbono.", "offset", "es", "neutro en carbono"],
    ["Spedizione a impatto zero.", "offset", "it", "a impatto zero"],
    ["Klimaatneutraal verzonden.", "offset", "nl", "Klimaatneutraal"],
    ["碳中和产品。", "offset", "zh", "碳中和"],
  ])("finds %j", (text, group, lang, term) => {
    expect(claimsIn(text)).toContainEqual([group, lang, term]);
  });

  it.each([
    "Available in green colour.",
    "Forest green and olive green.",
    "Made in Greenland.",
    "Green tea scent.",
    "Coloris vert olive.",
    "In grüner Farbe, grüne Tasse.",
    "Color verde oliva.",
    "Groene kleur.",
    "100% natural cotton.",
    "Durable et solide.",
    "Duurzaam materiaal.",
    "Ecosystem of accessories, second hand decor.",
  ])("does not flag %j", (text) => {
    expect(claimsIn(text)).toEqual([]);
  });
});

describe("rewrite suggestions", () => {
  it("drops the claim, its intensifier and connector, or the whole sentence", () => {
    expect(rewriteWithout("This eco-friendly mug keeps coffee hot.", ["eco-friendly"])).toBe(
      "This mug keeps coffee hot.",
    );
    expect(rewriteWithout("Our bottle is eco-friendly and durable.", ["eco-friendly"])).toBe(
      "Our bottle is durable.",
    );
    expect(rewriteWithout("Our mug is 100% eco-friendly.", ["eco-friendly"])).toBe("");
    expect(rewriteWithout("Climate neutral shipping on every order.", ["Climate neutral"])).toBe(
      "Shipping on every order.",
    );
  });
});

describe("claim findings", () => {
  it("quotes the sentence, proposes a rewrite and applies only to EU markets", () => {
    const [f, ...rest] = claimFindings(
      "<p>Great mug.</p><p>This eco-friendly mug keeps coffee hot.</p>",
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: "claim-generic",
      market: "EU",
      severity: "blocker",
      evidence: "description: “This eco-friendly mug keeps coffee hot.”",
      suggestion: "This mug keeps coffee hot.",
    });
    expect(claimFindings("<p>This eco-friendly mug.</p>", { markets: ["US"] })).toEqual([]);
  });

  it("is a warning before 27 Sep 2026 and a blocker from that day", () => {
    const html = "<p>An eco-friendly mug.</p>";
    expect(claimFindings(html, { today: "2026-09-26" })[0]?.severity).toBe("warning");
    expect(claimFindings(html, { today: "2026-09-27" })[0]?.severity).toBe("blocker");
  });

  it("checks titles and image alt text too", () => {
    const p = product({
      title: "Eco-Friendly Ceramic Mug",
      images: [{ url: "https://cdn/x.jpg", alt: "Umweltfreundlich verpackt", width: 1, height: 1 }],
    });
    const where = evaluateCompliance(input(p))
      .filter((f) => f.kind === "green_claim")
      .map((f) => f.args.where);
    expect(where).toEqual(["title", "images[0].alt"]);
  });

  it("accepts generic claims backed by a valid EU Ecolabel, not by an expired one", () => {
    const html = "<p>An eco-friendly, biodegradable mug.</p>";
    expect(claimFindings(html, { certificates: [cert()] })).toEqual([]);
    const expired = cert({ validTo: "2026-11-30" });
    const findings = evaluateCompliance(
      input(product({ descriptionHtml: html }), { certificates: [expired] }),
    );
    expect(findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["claim-generic", "claim-biodegradable", "cert-expired"]),
    );
  });

  it("flags offset-based neutrality even with an ecolabel", () => {
    // Nothing of the sentence is left, so the product's name stands in (see below).
    expect(
      claimFindings("<p>This product is carbon neutral.</p>", { certificates: [cert()] }),
    ).toMatchObject([{ rule: "claim-offset-neutral", suggestion: "Ceramic Mug." }]);
  });

  it("keeps a short title without its claim: “Biodegradable cardboard pots” → “Cardboard pots”", () => {
    const p = product({ title: "Biodegradable cardboard pots", descriptionHtml: "" });
    expect(evaluateCompliance(input(p)).filter((f) => f.kind === "green_claim")).toMatchObject([
      { rule: "claim-biodegradable", args: { where: "title" }, suggestion: "Cardboard pots" },
    ]);
    expect(rewriteWithout("Eco-friendly tote", ["Eco-friendly"])).toBe("Tote");
    expect(rewriteWithout("Nachhaltige Tasse", ["Nachhaltige"])).toBe("Tasse");
  });

  it("suggests a plain fact when nothing of the sentence is left: the materials, else the name", () => {
    const withMaterials = claimFindings("<p>100% bamboo.</p><p>It is 100% eco-friendly!</p>");
    expect(withMaterials.map((f) => f.suggestion)).toEqual(["Made of 100% bamboo."]);
    const german = claimFindings("<p>Sehr nachhaltig.</p>");
    expect(german.map((f) => [f.args.lang, f.suggestion])).toEqual([["de", "Ceramic Mug."]]);
    const titleOnly = product({ title: "Eco-friendly", productType: "Tote bags" });
    expect(
      evaluateCompliance(input(titleOnly))
        .filter((f) => f.kind === "green_claim")
        .map((f) => f.suggestion),
    ).toEqual(["Tote bags."]);
  });

  it("drops an unbacked label with its “certified”, and never puts a claim back from the name", () => {
    const p = product({
      title: "Waffle Towel – 600 GSM, OEKO-TEX Certified, Highly Absorbent",
      descriptionHtml: "<p>OEKO-TEX Certified</p>",
    });
    const suggestions = evaluateCompliance(input(p))
      .filter((f) => f.rule === "claim-label-unbacked")
      .map((f) => [f.args.where, f.suggestion]);
    expect(suggestions).toEqual([
      ["title", "Waffle Towel – 600 GSM, Highly Absorbent"],
      ["description", "Waffle Towel – 600 GSM, Highly Absorbent."],
    ]);
  });

  it.each([
    "Our eco-friendly mug.",
    "Eco-friendly!",
    "It is sustainable.",
    "Fully biodegradable.",
    "Klimaneutral.",
    "Écologique.",
    "碳中和。",
    "Экологично.",
    "GOTS.",
  ])("always suggests a rewrite, in the description and in the title: %j", (text) => {
    const findings = [
      ...claimFindings(`<p>${text}</p>`),
      ...evaluateCompliance(input(product({ title: text, descriptionHtml: "" }))).filter(
        (f) => f.kind === "green_claim",
      ),
    ];
    expect(findings.length).toBeGreaterThanOrEqual(2);
    for (const f of findings) expect(f.suggestion?.trim(), f.rule).toBeTruthy();
  });

  it("replaces a generic claim with the certified fact when a fitting certificate exists", () => {
    const gots = cert({ type: "GOTS", number: "CU 817233" });
    const [f] = claimFindings("<p>Our hoodie is eco-friendly and soft.</p>", {
      certificates: [gots],
    });
    expect(f?.suggestion).toBe("Our hoodie is soft. GOTS-certified organic textile (CU 817233).");
  });

  it("flags scheme names without a valid certificate of that scheme", () => {
    const html = "<p>Made from organic cotton. FSC paper tag.</p>";
    const rules = claimFindings(html).map((f) => [f.rule, f.args.certificate]);
    expect(rules).toEqual([
      ["claim-label-unbacked", "GOTS"],
      ["claim-label-unbacked", "FSC"],
    ]);
    expect(
      claimFindings(html, { certificates: [cert({ type: "GOTS" }), cert({ type: "FSC" })] }),
    ).toEqual([]);
  });
});
