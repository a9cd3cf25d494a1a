import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com",
  SEAWORTHY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

function problems(env: Record<string, string>): string[] {
  try {
    parseEnv(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
}

describe("parseEnv", () => {
  it("accepts a minimal environment and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe("file:./data/dev.sqlite");
    expect(env.SEAWORTHY_DEMO).toBe(false);
    expect(env.SCOPES).toContain("read_products");
  });

  it("names every missing variable in one error", () => {
    const found = problems({});
    expect(found.join("\n")).toMatch(/SHOPIFY_API_KEY/);
    expect(found.join("\n")).toMatch(/SHOPIFY_API_SECRET/);
    expect(found.join("\n")).toMatch(/SHOPIFY_APP_URL/);
  });

  it("rejects a database URL that is neither SQLite nor PostgreSQL", () => {
    expect(problems({ ...valid, DATABASE_URL: "mysql://x" }).join()).toMatch(
      /DATABASE_URL must be a SQLite file: URL/,
    );
    expect(problems({ ...valid, DATABASE_URL: "postgresql://u@127.0.0.1/db" })).toEqual([]);
  });

  it("refuses demo mode in production", () => {
    const found = problems({
      ...valid,
      NODE_ENV: "production",
      SEAWORTHY_DEMO: "1",
      SIMULATOR_URL: "http://127.0.0.1:1",
    });
    expect(found.join()).toMatch(/demo mode cannot run with NODE_ENV=production/);
  });

  it("refuses a demo simulator that is not on this machine", () => {
    expect(
      problems({ ...valid, SEAWORTHY_DEMO: "1", SIMULATOR_URL: "http://10.0.0.5:8080" }).join(),
    ).toMatch(/must point at this machine/);
    expect(problems({ ...valid, SEAWORTHY_DEMO: "1" }).join()).toMatch(
      /SIMULATOR_URL is required in demo mode/,
    );
    expect(
      problems({ ...valid, SEAWORTHY_DEMO: "1", SIMULATOR_URL: "http://localhost:4000" }),
    ).toEqual([]);
  });

  it("rejects a demo shop that is not a myshopify domain", () => {
    expect(problems({ ...valid, DEMO_SHOP: "evil.com" }).join()).toMatch(
      /DEMO_SHOP must be a \*\.myshopify\.com domain/,
    );
  });

  it("requires a 32-byte encryption key and checks the previous ones too", () => {
    const { SEAWORTHY_ENCRYPTION_KEY: _key, ...withoutKey } = valid;
    expect(problems(withoutKey).join()).toMatch(/SEAWORTHY_ENCRYPTION_KEY is required/);
    expect(problems({ ...valid, SEAWORTHY_ENCRYPTION_KEY: "c2hvcnQ=" }).join()).toMatch(
      /SEAWORTHY_ENCRYPTION_KEY must be 32 random bytes/,
    );
    expect(problems({ ...valid, SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS: "nope" }).join()).toMatch(
      /SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS/,
    );
    expect(problems({ ...valid, SEAWORTHY_ENCRYPTION_KEY: "ab".repeat(32) })).toEqual([]);
  });
});
