/**
 * Secrets at rest (offline access and refresh tokens, later the platform connectors' tokens):
 * AES-256-GCM with a key from the environment. A stored value names the key that sealed it, so
 * keys rotate without a flag day: the current key seals, every listed key opens, and
 * `npm run keys:rotate` re-seals what an older key (or no key, before encryption) left behind.
 *
 * Stored form: `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts). The key id is the
 * first 8 bytes of the key's SHA-256, so nobody has to name keys and a wrong key is caught by id
 * before GCM's tag check would fail with a less helpful message.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";

const PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface KeyRing {
  /** Seals every new value. */
  current: { id: string; key: Buffer };
  /** Opens values: the current key and every previous one, by id. */
  byId: Map<string, Buffer>;
}

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

/** A key as configured: 32 bytes, base64 (or base64url) or 64 hex characters. */
const keyText = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const bytes = /^[0-9a-f]{64}$/i.test(text)
      ? Buffer.from(text, "hex")
      : Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length !== 32) {
      ctx.addIssue({
        code: "custom",
        message: "must be 32 random bytes, base64- or hex-encoded (e.g. `openssl rand -base64 32`)",
      });
      return z.NEVER;
    }
    return bytes;
  });

export const keyEnvSchema = z.object({
  SEAWORTHY_ENCRYPTION_KEY: keyText,
  /** Keys that sealed values before the current one; comma-separated. Still open, never seal. */
  SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").filter((k) => k.trim() !== ""))
    .pipe(z.array(keyText)),
});

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/** A key ring from an environment; throws SecretKeyError naming the variable. */
export function keyRingFrom(source: Record<string, string | undefined>): KeyRing {
  const parsed = keyEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join(".") || "SEAWORTHY_ENCRYPTION_KEY"} ${i.message}`,
    );
    throw new SecretKeyError(
      `Secrets cannot be encrypted: ${problems.join("; ")}. See the README's Configuration section.`,
    );
  }
  const current = parsed.data.SEAWORTHY_ENCRYPTION_KEY;
  const byId = new Map<string, Buffer>();
  for (const key of [current, ...parsed.data.SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS])
    byId.set(keyId(key), key);
  return { current: { id: keyId(current), key: current }, byId };
}

let cached: { source: string; ring: KeyRing } | undefined;

/** The process's key ring, read from process.env (re-read when the variables change: tests). */
export function keyRing(): KeyRing {
  const source = `${process.env.SEAWORTHY_ENCRYPTION_KEY ?? ""}|${process.env.SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS ?? ""}`;
  if (cached?.source !== source) cached = { source, ring: keyRingFrom(process.env) };
  return cached.ring;
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** The key id a stored value was sealed with; null for a plain (never encrypted) value. */
export function sealedWith(value: string): string | null {
  return isSealed(value) ? (value.slice(PREFIX.length).split(":")[0] ?? null) : null;
}

export function seal(plain: string, keys?: KeyRing): string {
  const ring = keys ?? keyRing();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${PREFIX}${ring.current.id}:${iv.toString("base64url")}:${tag.toString("base64url")}:${body.toString("base64url")}`;
}

/**
 * The plain value. A value stored before encryption existed is returned as it is (it is sealed
 * on its next write, or by keys:rotate); a sealed one whose key is not in the ring, or whose tag
 * does not match, throws SecretKeyError without echoing the value.
 */
export function open(stored: string, keys?: KeyRing): string {
  if (!isSealed(stored)) return stored;
  const ring = keys ?? keyRing();
  const [id, iv, tag, body] = stored.slice(PREFIX.length).split(":");
  const key = id ? ring.byId.get(id) : undefined;
  if (!key || iv === undefined || tag === undefined || body === undefined)
    throw new SecretKeyError(
      key
        ? "A stored secret is damaged (it does not have the enc:v1 form)."
        : `A stored secret was sealed with key ${id ?? "?"}, which is not configured: add it to SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS.`,
    );
  const tagBytes = Buffer.from(tag, "base64url");
  if (tagBytes.length !== TAG_BYTES)
    throw new SecretKeyError("A stored secret is damaged (bad tag).");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SecretKeyError(
      `A stored secret sealed with key ${id} does not open: it was altered, or the key is wrong.`,
    );
  }
}

/** Null-tolerant forms for optional columns. */
export const sealOptional = (plain: string | null | undefined, ring?: KeyRing) =>
  plain == null || plain === "" ? (plain ?? null) : seal(plain, ring);
export const openOptional = (stored: string | null | undefined, ring?: KeyRing) =>
  stored == null || stored === "" ? (stored ?? null) : open(stored, ring);

/** A fresh random key in the form SEAWORTHY_ENCRYPTION_KEY takes. */
export function generateKey(): string {
  return randomBytes(32).toString("base64");
}
