import { describe, expect, it } from "vitest";
import { findSecrets } from "./log-scan";

describe("the log scan", () => {
  it("flags tokens, sealed values, session tokens and configured secrets, and names only the kind", () => {
    const log = [
      '{"msg":"offline token refreshed","shop":"a.myshopify.com"}',
      '{"msg":"oops","detail":"X-Shopify-Access-Token: shpat_0123456789abcdef0123"}',
      '{"msg":"row","value":"enc:v1:0123456789abcdef:aaaa:bbbb:cccc"}',
      '{"msg":"auth","t":"eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJodHRwczovL3gifQ.c2lnbmF0dXJlLXh5eg"}',
      '{"msg":"config","secret":"super-secret-value"}',
      '{"msg":"refresh","token":"shprt_abcdef0123456789"}',
    ].join("\n");
    const found = findSecrets(log, ["super-secret-value"]);
    expect(found.map((f) => f.line)).toEqual([2, 3, 4, 5, 6]);
    expect(JSON.stringify(found)).not.toContain("shpat_0123");
  });

  it("the app's logger redacts credential fields before a line is written", async () => {
    const { readFileSync } = await import("node:fs");
    const { logger } = await import("../app/logger.server");
    logger.warn(
      {
        shop: "a.myshopify.com",
        accessToken: "shpat_should_never_show_1234",
        session: { refreshToken: "shprt_should_never_show_1234" },
      },
      "redaction check",
    );
    const written = readFileSync(process.env.SEAWORTHY_LOG_FILE!, "utf8");
    expect(written).toContain("redaction check");
    expect(written).toContain("[redacted]");
    expect(findSecrets(written, [])).toEqual([]);
  });
});
