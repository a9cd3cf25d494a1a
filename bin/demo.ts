/**
 * `npm run demo`: the whole app on this machine with no Shopify account. Applies migrations,
 * starts the simulated store, seeds the demo shop, and serves the app on localhost.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import http from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { createServer as createViteServer } from "vite";
import { parseEnv } from "../app/env.server";
import { migrate } from "../app/db/migrate.server";
import { generateStore } from "../simulator/catalog/generate";
import { startSimulator } from "../simulator";
import type * as SeedModule from "../app/demo/seed.server";

if (process.env.NODE_ENV === "production") {
  console.error(
    "demo: refusing to start with NODE_ENV=production. The demo serves a simulated store and must never run in production.",
  );
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const host = "127.0.0.1";
const appUrl = `http://localhost:${port}`;

// Fresh secrets each run: nothing the demo signs or stores is valid anywhere else.
const apiSecret = randomBytes(24).toString("hex");
const accessToken = `shpat_demo_${randomBytes(16).toString("hex")}`;
Object.assign(process.env, {
  NODE_ENV: "development",
  SEAWORTHY_DEMO: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/demo.sqlite",
  SHOPIFY_API_KEY: process.env.SHOPIFY_API_KEY ?? "seaworthy-demo",
  SHOPIFY_API_SECRET: apiSecret,
  SHOPIFY_APP_URL: appUrl,
});

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
    accessToken,
    apiSecret,
    appUrl: `http://${host}:${port}`,
  });
  process.env.SIMULATOR_URL = simulator.url;
  parseEnv(process.env); // fail fast, naming every bad variable

  const app = express();
  app.disable("x-powered-by");
  const server = http.createServer(app);
  const vite = await createViteServer({
    server: { middlewareMode: true, hmr: { server } },
    appType: "custom",
  });
  app.use(vite.middlewares);
  const build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  app.all("*", createRequestHandler({ build }));

  const seed = (await vite.ssrLoadModule("/app/demo/seed.server.ts")) as typeof SeedModule;
  const seeded = await seed.seedDemoShop(accessToken);
  console.log(
    `demo: seeded ${seeded.shop} (${store.products.length} products, ${store.orders.length} orders, ${seeded.markets} markets)`,
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  console.log(`demo: simulated store at ${simulator.url}`);
  console.log(`\n  Seaworthy demo is running: ${appUrl}/app\n`);

  const stop = async () => {
    server.close();
    await Promise.allSettled([vite.close(), simulator.close()]);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
