/**
 * What must never appear in a log line: Shopify access, refresh and session tokens, sealed
 * values, and this run's own secrets (the app's client secret, the encryption key).
 */
const TOKEN_PATTERNS: readonly [string, RegExp][] = [
  ["a Shopify access or refresh token", /\bshp(at|rt|ua|ca|ss)_[0-9a-z_]{8,}/i],
  ["a sealed secret", /\benc:v1:[0-9a-f]{16}:/],
  ["a session token (JWT)", /\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/],
];

export interface LeakFinding {
  line: number;
  what: string;
}

/** Every line of `text` that carries a token or one of `secrets`; never echoes the secret. */
export function findSecrets(text: string, secrets: readonly string[]): LeakFinding[] {
  const found: LeakFinding[] = [];
  const known = secrets.filter((s) => s.length >= 8);
  text.split("\n").forEach((line, index) => {
    for (const [what, pattern] of TOKEN_PATTERNS)
      if (pattern.test(line)) found.push({ line: index + 1, what });
    for (const secret of known)
      if (line.includes(secret)) found.push({ line: index + 1, what: "a configured secret" });
  });
  return found;
}
