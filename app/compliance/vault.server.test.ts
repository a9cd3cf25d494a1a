/**
 * The compliance vault's services on both providers: validation answers field errors, EPR numbers
 * are normalised and format-checked, and no call can read, change or delete another shop's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabase, TEST_DATABASE_URL } from "../../test/helpers/postgres";
import { createDb, type Db } from "../db.server";
import { migrate } from "../db/migrate.server";
import { complianceMarkets, saveComplianceMarkets } from "./markets.server";
import {
  clearProfileAnswers,
  deleteCertificate,
  deleteRegistration,
  getCertificate,
  getProfileAnswers,
  listCertificates,
  listRegistrations,
  saveCertificate,
  saveProfileAnswers,
  saveRegistration,
  type VaultChange,
} from "./vault.server";
import { getShopSettings, saveShopSettings } from "../shop/settings.server";

const A = "vault-a.myshopify.com";
const B = "vault-b.myshopify.com";
const P1 = "gid://shopify/Product/1";

function suite(name: string, open: () => Promise<{ db: Db; close: () => Promise<void> }>) {
  describe(`compliance vault on ${name}`, () => {
    let db: Db;
    let close = async () => {};
    const changes: [string, VaultChange][] = [];
    const options = {
      onChange: async (shop: string, change: VaultChange) => {
        changes.push([shop, change]);
      },
    };

    beforeAll(async () => {
      ({ db, close } = await open());
      for (const shop of [A, B]) {
        await db.shop.create({
          data: {
            shop,
            locales: [],
            settings: { language: "de" },
            markets: [
              {
                id: "1",
                name: "EU",
                handle: "eu",
                active: true,
                currencyCode: "EUR",
                countries: ["FR", "DE"],
              },
              {
                id: "2",
                name: "CH",
                handle: "ch",
                active: false,
                currencyCode: "CHF",
                countries: ["CH"],
              },
              {
                id: "3",
                name: "US",
                handle: "us",
                active: true,
                currencyCode: "USD",
                countries: ["US"],
              },
            ],
          },
        });
        await db.product.create({ data: { shop, id: P1, title: "Tee", handle: "tee" } });
      }
    });
    afterAll(() => close());

    it("GIVEN a LUCID number with its prefix and spaces WHEN saved THEN it is stored normalised and the change is announced", async () => {
      const saved = await saveRegistration(
        db,
        A,
        {
          country: "de",
          stream: "packaging",
          number: " LUCID: de 1234567890123 ",
          role: "producer",
        },
        options,
      );
      expect(saved).toMatchObject({
        ok: true,
        value: { country: "DE", stream: "packaging", number: "DE1234567890123", role: "producer" },
      });
      expect(changes).toEqual([[A, { kind: "registrations" }]]);
    });

    it("GIVEN a WEEE number in the wrong format WHEN saved THEN a clear field error names the register and the format", async () => {
      const saved = await saveRegistration(
        db,
        A,
        { country: "DE", stream: "weee", number: "12345" },
        options,
      );
      expect(saved.ok).toBe(false);
      if (saved.ok) return;
      expect(saved.fieldErrors.number).toMatch(/not a .* number: expected/);
      expect(await listRegistrations(db, A)).toHaveLength(1);
    });

    it("refuses a second registration for the same country and stream, and bad input per field", async () => {
      const again = await saveRegistration(
        db,
        A,
        { country: "DE", stream: "packaging", number: "DE9999999999999" },
        options,
      );
      expect(again).toMatchObject({
        ok: false,
        fieldErrors: { stream: expect.stringMatching(/already/) },
      });
      const bad = await saveRegistration(
        db,
        A,
        { country: "Germany", stream: "glass" as "packaging", number: "" },
        options,
      );
      expect(bad.ok).toBe(false);
      if (!bad.ok)
        expect(Object.keys(bad.fieldErrors).sort()).toEqual(["country", "number", "stream"]);
    });

    it("GIVEN shop A's registration WHEN shop B lists, updates or deletes it by id THEN nothing happens", async () => {
      const [reg] = await listRegistrations(db, A);
      expect(await listRegistrations(db, B)).toEqual([]);
      const update = await saveRegistration(
        db,
        B,
        { country: "DE", stream: "packaging", number: "DE0000000000001" },
        { ...options, id: reg!.id },
      );
      expect(update).toEqual({
        ok: false,
        fieldErrors: { form: "This registration no longer exists" },
      });
      expect(await deleteRegistration(db, B, reg!.id, options)).toBe(false);
      expect((await listRegistrations(db, A))[0]!.number).toBe("DE1234567890123");
      expect(await deleteRegistration(db, A, reg!.id, options)).toBe(true);
      expect(await listRegistrations(db, A)).toEqual([]);
    });

    it("GIVEN a certificate WHEN saved, read and updated THEN it comes back in the engine's shape, only to its shop", async () => {
      changes.length = 0;
      const saved = await saveCertificate(
        db,
        A,
        {
          kind: "GOTS",
          number: "CU-123",
          issuer: "Control Union",
          scope: { kind: "products", productIds: [P1] },
          validFrom: "2026-01-01",
          validTo: "2027-01-01",
          documentUrl: "https://example.com/gots.pdf",
        },
        options,
      );
      expect(saved.ok).toBe(true);
      if (!saved.ok) return;
      expect(saved.value).toMatchObject({
        type: "GOTS",
        scope: { kind: "products", productIds: [P1] },
        validTo: "2027-01-01",
        document: { url: "https://example.com/gots.pdf" },
      });
      expect(changes).toEqual([[A, { kind: "certificates" }]]);
      expect(await getCertificate(db, B, saved.value.id)).toBeNull();
      expect(await listCertificates(db, B)).toEqual([]);
      const moved = await saveCertificate(
        db,
        B,
        { kind: "FSC", number: "x", scope: { kind: "all" }, validFrom: "2026-01-01" },
        { ...options, id: saved.value.id },
      );
      expect(moved.ok).toBe(false);
      expect(await deleteCertificate(db, B, saved.value.id, options)).toBe(false);
      expect((await getCertificate(db, A, saved.value.id))?.type).toBe("GOTS");
      const renewed = await saveCertificate(
        db,
        A,
        {
          kind: "GOTS",
          number: "CU-124",
          scope: { kind: "all" },
          validFrom: "2027-01-01",
          validTo: "2028-01-01",
        },
        { ...options, id: saved.value.id },
      );
      expect(renewed).toMatchObject({
        ok: true,
        value: { number: "CU-124", issuer: "", scope: { kind: "all" } },
      });
    });

    it("refuses impossible dates, an end before the start, a scope without ids and a non-web document", async () => {
      const bad = await saveCertificate(
        db,
        A,
        {
          kind: "CE",
          number: "DoC-1",
          scope: { kind: "products", productIds: [] },
          validFrom: "2026-02-30",
          validTo: "2025-01-01",
          documentUrl: "javascript:alert(1)",
        },
        options,
      );
      expect(bad.ok).toBe(false);
      if (!bad.ok)
        expect(Object.keys(bad.fieldErrors).sort()).toEqual([
          "documentUrl",
          "scope.productIds",
          "validFrom",
          "validTo",
        ]);
      const ends = await saveCertificate(
        db,
        A,
        {
          kind: "CE",
          number: "DoC-1",
          scope: { kind: "all" },
          validFrom: "2026-02-01",
          validTo: "2026-01-01",
        },
        options,
      );
      expect(ends).toMatchObject({ ok: false, fieldErrors: { validTo: expect.any(String) } });
    });

    it("GIVEN confirmed answers WHEN saved THEN they read back as a MerchantProfile, per shop, and clear", async () => {
      changes.length = 0;
      const saved = await saveProfileAnswers(
        db,
        A,
        P1,
        { textile: true, materials: [{ material: "cotton", share: 100 }], unknownKey: 1 } as never,
        options,
      );
      expect(saved).toEqual({
        ok: true,
        value: { textile: true, materials: [{ material: "cotton", share: 100 }] },
      });
      expect(changes).toEqual([[A, { kind: "profile", productId: P1 }]]);
      expect((await getProfileAnswers(db, A, P1))?.answers).toEqual({
        textile: true,
        materials: [{ material: "cotton", share: 100 }],
      });
      expect(await getProfileAnswers(db, B, P1)).toBeNull();
      expect(await clearProfileAnswers(db, B, P1, options)).toBe(false);
      const missing = await saveProfileAnswers(
        db,
        A,
        "gid://shopify/Product/404",
        { textile: true },
        options,
      );
      expect(missing).toMatchObject({ ok: false, fieldErrors: { form: expect.any(String) } });
      const invalid = await saveProfileAnswers(db, A, P1, { hsCode: "12" }, options);
      expect(invalid).toMatchObject({ ok: false, fieldErrors: { hsCode: expect.any(String) } });
      expect(await clearProfileAnswers(db, A, P1, options)).toBe(true);
      expect(await getProfileAnswers(db, A, P1)).toBeNull();
    });

    it("GIVEN synced markets WHEN the merchant overrides them THEN the override applies, survives a settings save and can be removed", async () => {
      expect(await complianceMarkets(db, A)).toEqual(["DE", "FR", "US"]);
      expect(await saveComplianceMarkets(db, A, ["es", "DE", "DE"])).toEqual({
        ok: true,
        value: ["DE", "ES"],
      });
      expect(await complianceMarkets(db, A)).toEqual(["DE", "ES"]);
      expect(await complianceMarkets(db, B)).toEqual(["DE", "FR", "US"]);
      await saveShopSettings(db, A, { language: "en" });
      expect(await complianceMarkets(db, A)).toEqual(["DE", "ES"]);
      expect((await getShopSettings(db, A)).language).toBe("en");
      expect((await saveComplianceMarkets(db, A, ["Germany"])).ok).toBe(false);
      expect(await saveComplianceMarkets(db, A, null)).toEqual({ ok: true, value: null });
      expect(await complianceMarkets(db, A)).toEqual(["DE", "FR", "US"]);
      expect(await complianceMarkets(db, "nobody.myshopify.com")).toEqual([]);
    });
  });
}

suite("SQLite", async () => {
  const db = createDb(process.env.DATABASE_URL!);
  return { db, close: () => db.$disconnect() };
});

if (TEST_DATABASE_URL)
  suite("PostgreSQL", async () => {
    const scratch = await scratchDatabase("seaworthy_vault");
    await migrate(scratch.url);
    const db = createDb(scratch.url);
    return {
      db,
      close: async () => {
        await db.$disconnect();
        await scratch.drop();
      },
    };
  });
