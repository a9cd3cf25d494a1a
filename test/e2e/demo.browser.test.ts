import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateStore } from "../../simulator/catalog/generate";
import { startDemo, type DemoProcess } from "../helpers/demo-process";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// On a laptop without Chromium this file is skipped; CI installs Chromium and must run it.
const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);

describe.runIf(canRun)("the demo in a real browser", () => {
  let demo: DemoProcess;
  let browser: Browser;
  const store = generateStore({ seed: 1, products: 320 });

  beforeAll(async () => {
    demo = await startDemo();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    mkdirSync(".tmp/screenshots", { recursive: true });
  }, 180_000);

  afterEach((context) => {
    // When a browser check fails, show what the demo printed: it usually says why.
    if (context.task.result?.state === "fail") console.log(`demo output:\n${demo?.output()}`);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it("answers /healthz with the database kind and migration state", async () => {
    const response = await fetch(`${demo.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      database: "sqlite",
      migrations: { upToDate: true },
      demo: true,
    });
  });

  it("shows the Overview with the demo store's data, in English", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(`${demo.url}/app`);
    const count = page.getByTestId("products-count");
    await count.waitFor({ timeout: 60_000 });
    expect(await count.textContent()).toBe(store.products.length.toLocaleString("en-US"));
    const active = store.products.filter((p) => p.status === "ACTIVE").length;
    expect(await page.getByTestId("active-products").textContent()).toBe(
      active.toLocaleString("en-US"),
    );
    const marketNames = await page.getByTestId("market-name").allTextContents();
    for (const market of store.markets) expect(marketNames.join("|")).toContain(market.name);
    const recent = await page.getByTestId("recent-product").allTextContents();
    expect(recent.length).toBeGreaterThan(0);
    expect(store.products.map((p) => p.title)).toContain(recent[0]);
    expect(await page.getByRole("navigation").textContent()).toContain("Overview");
    await page.screenshot({ path: ".tmp/screenshots/overview-en.png", fullPage: true });
    await page.close();
  }, 120_000);

  it("syncs the demo store into the mirror on start and shows it in the Sync section", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(`${demo.url}/app`);
    const expected = store.products.length.toLocaleString("en-US");
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="sync-count-products"]')?.textContent === n,
      expected,
      { timeout: 90_000 },
    );
    // The full sync goes on to collections, inventory and orders, one bulk operation at a time.
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="sync-count-orders"]')?.textContent === n,
      store.orders.length.toLocaleString("en-US"),
      { timeout: 90_000 },
    );
    expect(await page.getByText("Up to date").count()).toBeGreaterThan(0);
    await page.screenshot({ path: ".tmp/screenshots/overview-synced.png", fullPage: true });
    await page.close();
  }, 120_000);

  it("shows the Overview in Simplified Chinese when the admin's locale is zh-CN", async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/app?locale=zh-CN`);
    await page.getByTestId("products-count").waitFor({ timeout: 60_000 });
    expect(await page.getByRole("navigation").textContent()).toContain("概览");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("h1").first().textContent()).toBe("概览");
    expect(await page.getByTestId("products-count").textContent()).toBe(
      store.products.length.toLocaleString("en-US"),
    );
    await page.screenshot({ path: ".tmp/screenshots/overview-zh-CN.png", fullPage: true });
    await page.close();
  }, 120_000);

  it("navigates to Products and lists the store's products", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(`${demo.url}/app`);
    await page.getByRole("link", { name: "Products" }).click();
    await page.getByTestId("product-title").first().waitFor({ timeout: 60_000 });
    const titles = await page.getByTestId("product-title").allTextContents();
    expect(titles.length).toBe(Math.min(50, store.products.length));
    await page.screenshot({ path: ".tmp/screenshots/products.png" });
    await page.close();
  }, 120_000);

  it("accepts a compliance webhook signed by the simulated store and shows it under Settings", async () => {
    const simulatorUrl = /simulated store at (http:\/\/\S+)/.exec(demo.output())?.[1];
    expect(simulatorUrl).toBeDefined();
    const payload = {
      shop_id: 1,
      shop_domain: "seaworthy-demo.myshopify.com",
      customer: { id: 4242, email: "e2e@example.com" },
      orders_requested: [],
    };
    const sent = await fetch(`${simulatorUrl}/_sim/webhooks/customers/data_request`, {
      method: "POST",
      body: JSON.stringify(payload),
    });
    const { deliveries } = (await sent.json()) as { deliveries: { status: number | null }[] };
    expect(deliveries.map((d) => d.status)).toEqual([200]);
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(`${demo.url}/app/settings`);
    await page.getByText("customers/data_request").first().waitFor({ timeout: 30_000 });
    expect(await page.getByText("4242").count()).toBeGreaterThan(0);
    await page.close();
  }, 120_000);

  // Channel fit: scores are computed by the rescore job that the first full sync queues.
  async function openScoredChannels(page: Page, query = "") {
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(`${demo.url}/app/channels${query}`);
      if ((await page.getByTestId("ranked-title").count()) > 0) return;
      if (Date.now() > deadline) throw new Error("no channel scores 150 s after the demo started");
      await page.waitForTimeout(2000);
    }
  }

  it("ranks the demo's products per channel on the Channels page, with a chart and what to fix", async () => {
    const page = await browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    await openScoredChannels(page);
    expect(await page.locator("h1").first().textContent()).toBe("Channels");
    await page.getByTestId("channels-chart").waitFor();
    const scores = (await page.getByTestId("ranked-score").allTextContents()).map(Number);
    expect(scores.length).toBe(50);
    expect(scores.every((s) => Number.isInteger(s) && s >= 0 && s <= 100)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const titles = await page.getByTestId("ranked-title").allTextContents();
    const known = store.products.map((p) => p.title);
    expect(known.some((t) => t.startsWith(titles[0]!.replace(/…$/, "")))).toBe(true);
    expect(await page.getByTestId("top-rule").count()).toBeGreaterThan(0);
    await page.screenshot({ path: ".tmp/screenshots/channels-en.png", fullPage: true });
    // Another channel's tab ranks the same catalogue by its own rules.
    await page.getByRole("tab", { name: "Ozon" }).click();
    await page.waitForURL(/channel=ozon/);
    // The URL changes before the new list arrives: wait for Ozon's heading, then its scores.
    await page.getByText("Ranked products on Ozon").waitFor();
    expect(await page.getByTestId("ranked-score").count()).toBe(50);
    await page.close();
  }, 240_000);

  it("shows one product's fit on all 8 channels from the ranked list", async () => {
    const page = await browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    await openScoredChannels(page, "?sort=worst");
    await page.getByTestId("ranked-title").first().click();
    await page.waitForURL(/\/app\/products\/\d+$/);
    await page.getByTestId("product-chart").waitFor();
    expect(await page.getByTestId("product-channel").count()).toBe(8);
    expect(await page.getByTestId("product-channel-score").count()).toBe(8);
    await page.screenshot({ path: ".tmp/screenshots/product-fit-en.png", fullPage: true });
    await page.close();
  }, 240_000);

  it("shows the Channels page in Simplified Chinese for a zh-CN admin", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openScoredChannels(page, "?locale=zh-CN");
    expect(await page.locator("h1").first().textContent()).toBe("渠道");
    // Polaris draws the tabs once it has measured them in the browser.
    await page.getByRole("tab", { name: "亚马逊" }).waitFor();
    expect(await page.getByText("亚马逊 产品排名").count()).toBe(1);
    await page.screenshot({ path: ".tmp/screenshots/channels-zh-CN.png", fullPage: true });
    await page.close();
  }, 240_000);

  // Compliance: results come from the evaluate-all job that the first full sync queues.
  it("shows the demo's compliance findings, a product's fixes and the audit report, in English and Chinese", async () => {
    const page = await browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(`${demo.url}/app/compliance`);
      if ((await page.getByTestId("compliance-counts").count()) > 0) break;
      if (Date.now() > deadline)
        throw new Error("no compliance results 150 s after the demo started");
      await page.waitForTimeout(2000);
    }
    expect(await page.locator("h1").first().textContent()).toBe("Compliance");
    const total = store.products.length.toLocaleString("en-US");
    expect(await page.getByTestId("compliance-evaluated").textContent()).toBe(
      `${total} of ${total} products checked`,
    );
    expect(await page.getByTestId("compliance-market").count()).toBeGreaterThan(0);
    await page.getByTestId("compliance-chart").waitFor();
    expect(await page.locator('[data-testid^="count-"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: ".tmp/screenshots/compliance-en.png", fullPage: true });

    // A count opens the products behind it.
    await page.locator('[data-testid$="-blocker"]').first().click();
    await page.getByTestId("compliance-list-title").first().waitFor();
    await page.getByTestId("compliance-list-title").first().click();
    await page.waitForURL(/\/app\/compliance\/products\/\d+$/);
    await page.getByTestId("compliance-finding").first().waitFor();
    expect(await page.getByTestId("compliance-finding").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("profile-source").count()).toBe(15);
    await page.screenshot({ path: ".tmp/screenshots/compliance-product-en.png" });

    const report = await page.request.get(`${demo.url}/app/compliance/report`);
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain("Compliance audit report: All markets");

    const zh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await zh.goto(`${demo.url}/app/compliance?locale=zh-CN`);
    await zh.getByTestId("compliance-counts").waitFor();
    expect(await zh.locator("h1").first().textContent()).toBe("合规");
    expect(await zh.getByText("各市场检查结果").count()).toBe(1);
    expect(await zh.getByTestId("compliance-evaluated").textContent()).toBe(
      `已检查 ${total} / ${total} 个产品`,
    );
    await zh.screenshot({ path: ".tmp/screenshots/compliance-zh-CN.png", fullPage: true });
    await zh.close();
    await page.close();
  }, 240_000);
});
