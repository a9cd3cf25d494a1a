import { describe, expect, it } from "vitest";
import { certificateStatus, validCertificatesFor } from "./certificates";
import { cert, product } from "./fixtures";

describe("certificates", () => {
  it("is valid from validFrom through validTo inclusive, expiring within 30 days", () => {
    const c = cert({ validFrom: "2026-01-01", validTo: "2026-12-31" });
    expect(certificateStatus(c, "2025-12-31")).toBe("not_yet_valid");
    expect(certificateStatus(c, "2026-01-01")).toBe("valid");
    expect(certificateStatus(c, "2026-11-30")).toBe("valid");
    expect(certificateStatus(c, "2026-12-01")).toBe("expiring");
    expect(certificateStatus(c, "2026-12-31")).toBe("expiring");
    expect(certificateStatus(c, "2027-01-01")).toBe("expired");
    expect(certificateStatus(cert({ validTo: null }), "2099-01-01")).toBe("valid");
  });

  it("lists the types valid today for the product by scope (all / product / collection)", () => {
    const p = product();
    const certs = [
      cert({ type: "CE", scope: { kind: "products", productIds: [p.id] } }),
      cert({ type: "FCC", scope: { kind: "products", productIds: ["gid://shopify/Product/2"] } }),
      cert({
        type: "GOTS",
        scope: { kind: "collections", collectionIds: ["gid://shopify/Collection/7"] },
      }),
      cert({ type: "UL", validTo: "2026-11-30" }),
      cert({ type: "B_CORP" }),
      cert({ type: "CE" }),
    ];
    expect(validCertificatesFor(p, certs, "2026-12-01")).toEqual(["B_CORP", "CE", "GOTS"]);
  });
});
