import { randomBytes } from "node:crypto";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "simulator/**/*.test.ts",
      "test/**/*.test.ts",
      "bin/**/*.test.ts",
    ],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-file.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      NODE_ENV: "test",
      // The values of @shopify/shopify-app-remix's testConfig(), so its signing helpers match.
      SHOPIFY_API_KEY: "testApiKey",
      SHOPIFY_API_SECRET: "testApiSecretKey",
      SHOPIFY_APP_URL: "https://my-test-app.myshopify.io",
      LOG_LEVEL: "silent",
      // A fresh key per run, as the demo makes one: no key in the repository, none reused.
      SEAWORTHY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    },
  },
});
