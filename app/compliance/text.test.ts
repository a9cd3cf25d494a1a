import { describe, expect, it } from "vitest";
import { product } from "./fixtures";
import { htmlToText, productText, sentenceAround } from "./text";

describe("product text", () => {
  it("turns description HTML into sentences, decoding entities", () => {
    expect(
      htmlToText("<p>Soft &amp; warm.</p><ul><li>Cotton</li><li>Caf&eacute; &#233;</li></ul>"),
    ).toBe("Soft & warm.\nCotton\nCafé é");
  });

  it("extracts title, description, alt text, SEO and the app's text metafields once", () => {
    const p = product({
      seoTitle: "Mug | Brand",
      metafields: [
        { namespace: "$app", key: "claims", type: "single_line_text_field", value: "Eco mug" },
        { namespace: "custom", key: "material", type: "single_line_text_field", value: "Clay" },
      ],
    });
    const text = productText(p);
    expect(text.parts.map((x) => x.where)).toEqual([
      "title",
      "description",
      "images[0].alt",
      "seo.title",
      "metafield $app.claims",
    ]);
    expect(productText(p)).toBe(text);
  });

  it("finds the sentence around a match", () => {
    const t = "First one. This eco-friendly mug is great! Last.";
    const i = t.indexOf("eco");
    expect(sentenceAround(t, i, i + 12)).toBe("This eco-friendly mug is great!");
  });
});
