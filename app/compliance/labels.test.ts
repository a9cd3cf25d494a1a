import { describe, expect, it } from "vitest";
import { cert, input, product, profileFor } from "./fixtures";
import { computeLabels, labelsJson, stableStringify } from "./labels";
import type { Registration } from "./types";

const REGS: Registration[] = [
  { country: "FR", stream: "packaging", number: "fr 123456_01abcd" },
  { country: "DE", stream: "packaging", number: "DE123" }, // malformed: never shown
];

describe("computeLabels", () => {
  it("shows a badge through validTo and withdraws it the day after", () => {
    const gots = cert({
      type: "GOTS",
      number: "CU 817233",
      issuer: "Control Union",
      validTo: "2026-12-31",
    });
    const on = computeLabels(input(product(), { certificates: [gots], today: "2026-12-31" }));
    expect(on.badges).toEqual([
      {
        type: "GOTS",
        number: "CU 817233",
        issuer: "Control Union",
        validTo: "2026-12-31",
        documentUrl: "https://example.com/cert.pdf",
      },
    ]);
    const off = computeLabels(input(product(), { certificates: [gots], today: "2027-01-01" }));
    expect(off.badges).toEqual([]);
  });

  it("links a badge to its document only when the certificate has a web link", () => {
    const labels = computeLabels(
      input(product(), {
        certificates: [
          cert({ type: "FSC", number: "A" }),
          cert({ type: "FSC", number: "B", document: { fileRef: "gid://shopify/GenericFile/1" } }),
          cert({ type: "FSC", number: "C", document: { url: "javascript:alert(1)" } }),
        ],
      }),
    );
    expect(labels.badges.map((b) => [b.number, b.documentUrl])).toEqual([
      ["A", "https://example.com/cert.pdf"],
      ["B", undefined],
      ["C", undefined],
    ]);
  });

  it("shows only eco badges in scope, not marks or other products' certificates", () => {
    const labels = computeLabels(
      input(product(), {
        certificates: [
          cert({ type: "CE" }),
          cert({
            type: "FSC",
            scope: { kind: "products", productIds: ["gid://shopify/Product/99"] },
          }),
          cert({ type: "FAIRTRADE", number: "FT-1" }),
        ],
      }),
    );
    expect(labels.badges.map((b) => b.type)).toEqual(["FAIRTRADE"]);
  });

  it("builds the GPSR block with warnings in the languages of the EU markets sold to", () => {
    const labels = computeLabels(input(product(), { markets: ["DE", "US"] }));
    expect(labels.gpsr?.manufacturer?.name).toBe("Ningbo Ceramics Co., Ltd.");
    expect(labels.gpsr?.responsiblePerson?.name).toBe("EU Rep GmbH");
    expect(Object.keys(labels.gpsr?.warnings ?? {})).toEqual(["de", "en"]);
    expect(computeLabels(input(product(), { markets: ["US"] })).gpsr).toBeNull();
  });

  it("shows valid EPR numbers, Triman guidance for France and the Prop 65 text", () => {
    const p = product();
    const labels = computeLabels({
      ...input(p, { markets: ["FR", "DE", "US"], registrations: REGS }),
      profile: profileFor(p, { prop65: { chemicals: ["BPA"], endpoint: "reproductive" } }),
    });
    expect(labels.epr).toEqual([
      {
        country: "FR",
        stream: "packaging",
        register: "ADEME SYDEREP IDU via Citeo or Léko",
        number: "FR123456_01ABCD",
      },
    ]);
    expect(labels.france?.triman).toBe(true);
    expect(labels.prop65).toBe(
      "⚠ WARNING: Risk of reproductive harm from exposure to BPA. See www.P65Warnings.ca.gov.",
    );
  });

  it("shows a LUCID number only when it is held as the producer", () => {
    const p = product();
    const withRole = (role?: Registration["role"]) =>
      computeLabels(
        input(p, {
          markets: ["DE"],
          registrations: [
            {
              country: "DE",
              stream: "packaging",
              number: "DE1234567890123",
              ...(role ? { role } : {}),
            },
          ],
        }),
      ).epr.map((e) => e.number);
    expect(withRole("producer")).toEqual(["DE1234567890123"]);
    expect(withRole()).toEqual(["DE1234567890123"]);
    expect(withRole("authorised_representative")).toEqual([]);
  });

  it("serialises deterministically", () => {
    const a = computeLabels(
      input(product(), {
        certificates: [cert({ id: "a", type: "FSC" }), cert({ id: "b", type: "B_CORP" })],
      }),
    );
    const b = computeLabels(
      input(product(), {
        certificates: [cert({ id: "b", type: "B_CORP" }), cert({ id: "a", type: "FSC" })],
      }),
    );
    expect(labelsJson(a)).toBe(labelsJson(b));
    expect(stableStringify({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});
