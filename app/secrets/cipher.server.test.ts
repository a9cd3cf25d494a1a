import { describe, expect, it } from "vitest";
import {
  generateKey,
  isSealed,
  keyId,
  keyRingFrom,
  open,
  seal,
  sealedWith,
  SecretKeyError,
} from "./cipher.server";

const oldKey = generateKey();
const newKey = generateKey();

describe("sealing secrets at rest", () => {
  it("seals with AES-256-GCM under the current key and opens again", () => {
    const ring = keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: newKey });
    const sealed = seal("shpat_0123456789abcdef", ring);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("shpat_");
    expect(sealedWith(sealed)).toBe(keyId(Buffer.from(newKey, "base64")));
    expect(open(sealed, ring)).toBe("shpat_0123456789abcdef");
    // A fresh IV each time: equal tokens do not give equal ciphertexts.
    expect(seal("same", ring)).not.toBe(seal("same", ring));
  });

  it("opens what an old key sealed while the old key is listed, and says which key is missing", () => {
    const before = keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: oldKey });
    const sealed = seal("shprt_refresh", before);
    const rotated = keyRingFrom({
      SEAWORTHY_ENCRYPTION_KEY: newKey,
      SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS: oldKey,
    });
    expect(open(sealed, rotated)).toBe("shprt_refresh");
    expect(sealedWith(seal("x", rotated))).toBe(rotated.current.id);
    const forgotten = keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: newKey });
    expect(() => open(sealed, forgotten)).toThrow(/SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS/);
  });

  it("refuses an altered value without echoing it", () => {
    const ring = keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: newKey });
    const sealed = seal("shpat_secret_value", ring);
    const parts = sealed.split(":");
    const body = Buffer.from(parts[5]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[5] = body.toString("base64url");
    const altered = parts.join(":");
    expect(() => open(altered, ring)).toThrow(SecretKeyError);
    try {
      open(altered, ring);
    } catch (error) {
      expect((error as Error).message).not.toContain(parts[5]);
    }
  });

  it("passes a value stored before encryption through (it is sealed on its next write)", () => {
    const ring = keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: newKey });
    expect(open("shpat_plain_from_before", ring)).toBe("shpat_plain_from_before");
  });

  it("rejects keys that are not 32 bytes, naming the variable", () => {
    expect(() => keyRingFrom({})).toThrow(/SEAWORTHY_ENCRYPTION_KEY/);
    expect(() => keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: "dG9vIHNob3J0" })).toThrow(
      /32 random bytes/,
    );
    expect(keyRingFrom({ SEAWORTHY_ENCRYPTION_KEY: "0f".repeat(32) }).current.key).toHaveLength(32);
  });
});
