/**
 * `npm run demo`: the whole app on this machine with no Shopify account. Applies migrations,
 * starts the simulated store, seeds the demo shop, and serves the app on localhost.
 *
 * By default it serves a production build (built when the sources are newer than build/), which
 * loads fast and behaves the same on every start. `npm run demo -- --dev` serves through Vite's
 * dev server instead, with hot reload, for working on the UI.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { parseEnv } from "../app/env.server";
import { migrate } from "../app/db/migrate.server";
import { generateStore } from "../simulator/catalog/generate";
import { startSimulator } from "../simulator";

if (process.env.NODE_ENV === "production") {
  console.error(
    "demo: refusing to start with NODE_ENV=production. The demo serves a simulated store and must never run in production.",
  );
  process.exit(1);
}

const devMode = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = "127.0.0.1";
const appUrl = `http://localhost:${port}`;

// The demo is the embedded default: jobs run inside this process, whatever the shell has set.
delete process.env.REDIS_URL;

// Fresh secrets each run: nothing the demo signs or stores is valid anywhere else. The shop's
// tokens come from the simulator's token endpoint (expiring, as Shopify issues them now); this
// non-expiring one is the simulator's legacy token, which the demo never stores.
const apiSecret = randomBytes(24).toString("hex");
const legacyToken = `shpat_demo_${randomBytes(16).toString("hex")}`;

/**
 * The demo's own encryption key, made once and kept beside its database (owner-only), so the
 * sealed tokens of data/demo.sqlite still open on the next start. A set variable wins.
 */
function demoEncryptionKey(): string {
  if (process.env.SEAWORTHY_ENCRYPTION_KEY) return process.env.SEAWORTHY_ENCRYPTION_KEY;
  const file = path.resolve("data", "demo.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
Object.assign(process.env, {
  NODE_ENV: "development", // never "production": demo mode refuses it (app/env.server.ts)
  SEAWORTHY_DEMO: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/demo.sqlite",
  SHOPIFY_API_KEY: process.env.SHOPIFY_API_KEY ?? "seaworthy-demo",
  SHOPIFY_API_SECRET: apiSecret,
  SHOPIFY_APP_URL: appUrl,
  SEAWORTHY_ENCRYPTION_KEY: demoEncryptionKey(),
});

/** Newest modification time of any file below `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function ensureBuild() {
  const server = path.resolve("build/server/index.js");
  const sources = Math.max(
    newest("app"),
    newest("public"), // the build copies it to build/client
    statSync("vite.config.ts").mtimeMs,
    statSync("package.json").mtimeMs,
  );
  if (existsSync(server) && statSync(server).mtimeMs > sources) return server;
  console.log("demo: building the app (once; again only when app/ changes)…");
  execFileSync(path.resolve("node_modules/.bin/remix"), ["vite:build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  return server;
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL!;
  if (databaseUrl.startsWith("file:")) mkdirSync("data", { recursive: true });
  const report = await migrate(databaseUrl);
  console.log(
    `demo: database ${databaseUrl} — ${report.applied.length} migration(s) applied, ${report.total} in total`,
  );

  const store = generateStore({
    seed: Number(process.env.DEMO_SEED ?? 1),
    products: Number(process.env.DEMO_PRODUCTS ?? 320),
    shopDomain: process.env.DEMO_SHOP ?? "seaworthy-demo.myshopify.com",
  });
  const simulator = await startSimulator({
    store,
    accessToken: legacyToken,
    apiKey: process.env.SHOPIFY_API_KEY,
    apiSecret,
    appUrl: `http://${host}:${port}`,
  });
  process.env.SIMULATOR_URL = simulator.url;
  parseEnv(process.env); // fail fast, naming every bad variable

  const app = express();
  app.disable("x-powered-by");
  const server = http.createServer(app);
  let closeVite = async () => {};

  if (devMode) {
    const { createServer } = await import("vite");
    const vite = await createServer({
      server: { middlewareMode: true, hmr: { server } },
      appType: "custom",
    });
    closeVite = () => vite.close();
    app.use(vite.middlewares);
    app.all(
      "*",
      createRequestHandler({
        build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
      }),
    );
  } else {
    const build = (await import(pathToFileURL(ensureBuild()).href)) as ServerBuild;
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
    app.all("*", createRequestHandler({ build, mode: "production" }));
  }

  // The same install path a real shop goes through, run from the sources against the simulator.
  const { seedDemoShop } = await import("../app/demo/seed.server");
  const seeded = await seedDemoShop();
  console.log(
    `demo: seeded ${seeded.shop} (${store.products.length} products, ${store.orders.length} orders, ${seeded.markets} markets)`,
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} is in use; try PORT=4000 npm run demo`)
          : error,
      ),
    );
    server.listen(port, host, resolve);
  });
  console.log(`demo: simulated store at ${simulator.url}`);
  console.log(`\n  Seaworthy demo is running: ${appUrl}/app\n`);

  const stop = async () => {
    server.close();
    await Promise.allSettled([closeVite(), simulator.close()]);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
