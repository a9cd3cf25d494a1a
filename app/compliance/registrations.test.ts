import { describe, expect, it } from "vitest";
import { validateRegistration } from "./registrations";

describe("validateRegistration", () => {
  it("DE packaging (LUCID): DE + 13 digits", () => {
    expect(
      validateRegistration({ country: "DE", stream: "packaging", number: "DE1234567890123" }),
    ).toMatchObject({ ok: true, formatVerified: true });
    expect(
      validateRegistration({ country: "DE", stream: "packaging", number: "de 1234567890123" }).ok,
    ).toBe(true);
    expect(
      validateRegistration({ country: "DE", stream: "packaging", number: "DE123456789012" }).ok,
    ).toBe(false);
    expect(
      validateRegistration({ country: "DE", stream: "packaging", number: "DE12345678" }).ok,
    ).toBe(false);
  });

  it("DE WEEE (stiftung ear): DE + 8 digits, with or without the WEEE-Reg.-Nr. prefix", () => {
    const ok = validateRegistration({
      country: "DE",
      stream: "weee",
      number: "WEEE-Reg.-Nr. DE 12345678",
    });
    expect(ok).toMatchObject({ ok: true, normalized: "DE12345678" });
    expect(validateRegistration({ country: "DE", stream: "weee", number: "DE1234567" }).ok).toBe(
      false,
    );
    expect(validateRegistration({ country: "DE", stream: "weee", number: "FR12345678" }).ok).toBe(
      false,
    );
    expect(validateRegistration({ country: "DE", stream: "weee", number: "" })).toMatchObject({
      ok: false,
      problem: "empty",
    });
  });

  it("FR IDU and ES RPP: only a loose sanity check, marked unverified", () => {
    const idu = validateRegistration({
      country: "FR",
      stream: "textiles",
      number: "FR123456_01ABCD",
    });
    expect(idu).toMatchObject({ ok: true, formatVerified: false });
    expect(validateRegistration({ country: "FR", stream: "packaging", number: "123456" }).ok).toBe(
      false,
    );
    expect(
      validateRegistration({ country: "ES", stream: "packaging", number: "ENV/2023/000012345" }),
    ).toMatchObject({ ok: true, formatVerified: false });
    expect(validateRegistration({ country: "ES", stream: "packaging", number: "x" }).ok).toBe(
      false,
    );
  });
});
