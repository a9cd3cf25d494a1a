import { existsSync, mkdirSync, statSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { createClient } from "@libsql/client";
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

  it("installs the demo shop on expiring tokens, stored sealed in an owner-only database file", async () => {
    const client = createClient({ url: `file:${demo.databaseFile}` });
    try {
      const { rows } = await client.execute(
        "SELECT accessToken, refreshToken, expires, refreshTokenExpires FROM Session WHERE isOnline = 0",
      );
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(String(row.accessToken)).toMatch(/^enc:v1:/);
      expect(String(row.refreshToken)).toMatch(/^enc:v1:/);
      expect(row.expires).not.toBeNull();
      expect(row.refreshTokenExpires).not.toBeNull();
      expect(JSON.stringify(rows)).not.toMatch(/shp(at|rt)_/);
    } finally {
      client.close();
    }
    expect(statSync(demo.databaseFile).mode & 0o077).toBe(0);
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

  it("serves the favicon every page links, from the build's copy of public/", async () => {
    // An unknown URL renders the root error page: the one page every visitor can reach.
    const html = await (await fetch(`${demo.url}/no-such-page`)).text();
    for (const [href, type] of [
      ["/favicon.svg", "image/svg+xml"],
      ["/favicon.ico", "image/"],
    ] as const) {
      expect(html).toMatch(new RegExp(`<link rel="icon" href="${href}"`));
      const response = await fetch(`${demo.url}${href}`);
      expect([response.status, response.headers.get("content-type")]).toEqual([
        200,
        expect.stringContaining(type),
      ]);
    }
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
    // One marker per product kind, and one per list value (materials, packaging, warnings, Prop 65).
    expect(await page.locator('[data-testid="profile-source"][data-flag]').count()).toBe(15);
    expect(await page.locator('[data-testid="profile-source"][data-field]').count()).toBe(4);
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

  // The pages changed with the profile's list values, checked as a merchant uses them. Each page
  // must render without the error boundary, uncaught errors or console errors.
  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      // Chromium asks for /favicon.ico, which the app does not serve.
      if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
        problems.push(`console: ${m.text()}`);
    });
    return problems;
  }
  async function expectNoErrorBoundary(page: Page) {
    expect(await page.getByText("Something went wrong").count()).toBe(0);
  }
  /** The number at the end of the demo's keyboard's gid: it has GPSR, EPR and channel findings. */
  const keyboard = store.products.find((p) => p.title.startsWith("Low Profile 75% Keyboard"))!;
  const keyboardNumber = keyboard.id.split("/").pop()!;
  /** The text Polaris shows under a field (its help text), e.g. "Inferred" or "Confirmed". */
  const helpOf = (page: Page, label: string) =>
    page
      .getByLabel(label, { exact: true })
      .evaluate(
        (input) =>
          document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent ?? "",
      );

  async function openChecked(page: Page, path: string) {
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(`${demo.url}${path}`);
      if ((await page.getByTestId("compliance-finding").count()) > 0) return;
      if (Date.now() > deadline) throw new Error(`no compliance findings on ${path} after 150 s`);
      await page.waitForTimeout(2000);
    }
  }

  it("edits a product's facts: list rows, recycled content, Prop 65 and the warnings fix link", async () => {
    const page = await browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const problems = watch(page);
    await openChecked(page, `/app/compliance/products/${keyboardNumber}`);
    const profile = page.locator("#profile");
    await profile.waitFor();
    await expectNoErrorBoundary(page);
    const recycled = page.getByLabel("Recycled content (%)", { exact: true });
    await recycled.waitFor();
    expect(await helpOf(page, "Recycled content (%)")).toBe("Inferred");
    const prop65 = page.getByRole("checkbox", { name: /Prop 65 list/ });
    expect(await prop65.isVisible()).toBe(true);

    // The fix link of a missing French warning opens an empty French field, focused.
    await page.getByRole("link", { name: "Add the warnings in French" }).first().click();
    await page.waitForURL(/[?&]safety=fr/);
    const french = page.getByLabel("French (fr)", { exact: true });
    await french.waitFor();
    expect(await french.inputValue()).toBe("");
    expect(await french.evaluate((e) => e === document.activeElement)).toBe(true);

    // Rows are added and removed; the form keeps the rows left, in order.
    const materials = page.locator('input[name^="materials."][name$=".material"]');
    const shares = page.locator('input[name^="materials."][name$=".share"]');
    expect(await materials.count()).toBe(0);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Add material" }).click();
    expect(await materials.count()).toBe(3);
    const rows = [
      ["aluminium", "60"],
      ["glass", "10"],
      ["abs plastic", "40"],
    ] as const;
    for (const [i, [material, share]] of rows.entries()) {
      await materials.nth(i).fill(material);
      await shares.nth(i).fill(share);
    }
    await profile.getByRole("button", { name: "Remove" }).nth(1).click();
    expect(
      await materials.evaluateAll((es) => es.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(["aluminium", "abs plastic"]);

    await recycled.fill("30");
    await prop65.check();
    await page.getByLabel("Listed chemicals", { exact: true }).fill("lead, BPA");
    await page.getByLabel("Harm", { exact: true }).selectOption("reproductive");
    await french.fill("Attention : contient de petites pièces.");
    await page.screenshot({ path: ".tmp/screenshots/compliance-profile-edit.png", fullPage: true });
    await page.getByRole("button", { name: "Confirm these facts" }).click();
    await page.getByTestId("profile-saved").waitFor();

    // A fresh load shows every value saved, now confirmed.
    await page.goto(`${demo.url}/app/compliance/products/${keyboardNumber}`);
    await recycled.waitFor();
    expect(await recycled.inputValue()).toBe("30");
    expect(await helpOf(page, "Recycled content (%)")).toBe("Confirmed");
    expect(
      await materials.evaluateAll((es) => es.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(["aluminium", "abs plastic"]);
    expect(await shares.evaluateAll((es) => es.map((e) => (e as HTMLInputElement).value))).toEqual([
      "60",
      "40",
    ]);
    expect(await prop65.isChecked()).toBe(true);
    expect(await page.getByLabel("Listed chemicals", { exact: true }).inputValue()).toBe(
      "lead, BPA",
    );
    expect(await page.getByLabel("Harm", { exact: true }).inputValue()).toBe("reproductive");
    expect(await page.getByLabel("French (fr)", { exact: true }).inputValue()).toBe(
      "Attention : contient de petites pièces.",
    );
    const sources = await page
      .locator('[data-testid="profile-source"][data-field]')
      .evaluateAll((es) =>
        es.map((e) => `${e.getAttribute("data-field")}:${e.getAttribute("data-source")}`),
      );
    expect(sources).toEqual([
      "materials:merchant",
      "packaging:inferred",
      "safetyInfo:merchant",
      "prop65:merchant",
    ]);
    // The ticked kinds are saved ticked (a box without a value was read as unticked).
    const kinds = page.locator('[data-testid="profile-source"][data-flag]');
    expect(await kinds.evaluateAll((es) => es.map((e) => e.getAttribute("data-source")))).toEqual(
      Array(15).fill("merchant"),
    );
    expect(await page.getByRole("checkbox", { name: "Physical goods" }).isChecked()).toBe(true);
    await profile.screenshot({ path: ".tmp/screenshots/compliance-profile-saved.png" });
    await expectNoErrorBoundary(page);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it("opens a held registration for editing from its fix on the EPR page", async () => {
    const page = await browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const problems = watch(page);
    await page.goto(`${demo.url}/app/compliance/epr`);
    await page.getByRole("heading", { name: "Add a registration" }).waitFor();
    await page.getByLabel("Market", { exact: true }).selectOption("DE");
    await page.getByLabel("Stream", { exact: true }).selectOption("packaging");
    await page.getByLabel("Registration number", { exact: true }).fill("DE1234567890123");
    await page.getByLabel("Registered as", { exact: true }).selectOption("third_party");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("registration-saved").waitFor();

    // The save re-checks the products: a LUCID number held as a third party gets a fix.
    const fix = page.getByRole("link", {
      name: "Correct the Packaging registration for Germany (DE)",
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      await openChecked(page, `/app/compliance/products/${keyboardNumber}`);
      if ((await fix.count()) > 0) break;
      if (Date.now() > deadline)
        throw new Error("no epr-de-packaging-role fix 60 s after the save");
      await page.waitForTimeout(1000);
    }
    await fix.first().click();
    await page.waitForURL(/\/app\/compliance\/epr\?country=DE&stream=packaging/);
    await page.getByRole("heading", { name: "Edit the registration" }).waitFor();
    expect(await page.getByLabel("Registration number", { exact: true }).inputValue()).toBe(
      "DE1234567890123",
    );
    expect(await page.getByLabel("Registered as", { exact: true }).inputValue()).toBe(
      "third_party",
    );
    await page.screenshot({ path: ".tmp/screenshots/epr-edit.png" });
    await page.getByLabel("Registered as", { exact: true }).selectOption("producer");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "Add a registration" }).waitFor();
    await page.getByText("Producer", { exact: true }).first().waitFor();
    expect(await page.getByTestId("registration-number").allTextContents()).toEqual([
      "DE1234567890123",
    ]);
    await expectNoErrorBoundary(page);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it("edits recycled content and Prop 65 for ticked products on the bulk page", async () => {
    const page = await browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const problems = watch(page);
    // The table fills once the first sync has brought the products in.
    const deadline = Date.now() + 150_000;
    for (;;) {
      await page.goto(`${demo.url}/app/compliance/bulk`);
      await page.getByTestId("bulk-scope").waitFor();
      if ((await page.locator("tbody tr a").count()) > 0) break;
      if (Date.now() > deadline) throw new Error("no products on the bulk page after 150 s");
      await page.waitForTimeout(2000);
    }
    await expectNoErrorBoundary(page);
    // Every column starts in view: long titles are cut rather than pushing the rest aside.
    const table = page.locator("table").first();
    const [lastColumn, visibleEnd] = await table.evaluate((t) => [
      t.querySelector("thead th:last-child")!.getBoundingClientRect().left,
      t.parentElement!.getBoundingClientRect().right,
    ]);
    expect(lastColumn).toBeLessThan(visibleEnd!);
    const first = page.locator("tbody tr").first();
    const title = await first.getByRole("link").textContent();
    const product = store.products.find((p) => p.title.startsWith(title!.replace(/…$/, "")))!;
    await first.getByRole("checkbox").check();
    await page.getByTestId("bulk-scope").filter({ hasText: "the 1 selected" }).waitFor();

    await page.getByLabel("Recycled content (%)", { exact: true }).selectOption("set");
    await page.getByLabel("California Prop 65 warning", { exact: true }).selectOption("set");
    // The select keeps its label; the value's field has the same one.
    await page.getByRole("textbox", { name: "Recycled content (%)" }).fill("25");
    await page.getByLabel("Listed chemicals", { exact: true }).fill("lead");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await page.getByTestId("bulk-preview").waitFor();
    expect(await page.getByTestId("bulk-preview").textContent()).toBe(
      "Recycled content (%), California Prop 65 warning will change on 1 product.",
    );
    await page.screenshot({ path: ".tmp/screenshots/compliance-bulk.png", fullPage: true });
    await page.getByRole("button", { name: /^Apply/ }).click();
    await page
      .locator('[data-testid="bulk-status"][data-status="done"]')
      .waitFor({ timeout: 60_000 });

    await page.goto(`${demo.url}/app/compliance/products/${product.id.split("/").pop()}`);
    const recycled = page.getByLabel("Recycled content (%)", { exact: true });
    await recycled.waitFor();
    expect(await recycled.inputValue()).toBe("25");
    expect(await helpOf(page, "Recycled content (%)")).toBe("Confirmed");
    expect(await page.getByRole("checkbox", { name: /Prop 65 list/ }).isChecked()).toBe(true);
    expect(await page.getByLabel("Listed chemicals", { exact: true }).inputValue()).toBe("lead");
    await expectNoErrorBoundary(page);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it("lists a product's channels best first (#1 of n) and the channel list eligible first", async () => {
    const page = await browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const problems = watch(page);
    await page.goto(`${demo.url}/app/products/${keyboardNumber}`);
    await page.getByTestId("product-chart").waitFor();
    await expectNoErrorBoundary(page);
    const cards = await page.getByTestId("product-channel").evaluateAll((es) =>
      es.map((e) => {
        const score = e.querySelector('[data-testid="product-channel-score"]');
        return {
          rank: e.getAttribute("data-rank"),
          heading: e.querySelector("h2")?.textContent ?? "",
          score: Number(score?.textContent),
          // The badge beside the score: Eligible or Blocked.
          eligible: score?.closest("p")?.parentElement?.textContent?.includes("Eligible") ?? false,
        };
      }),
    );
    expect(cards.length).toBe(8);
    cards.forEach((c, i) => {
      expect(c.rank).toBe(String(i + 1));
      expect(c.heading.startsWith(`#${i + 1} of 8 · `)).toBe(true);
    });
    // Eligible first, then by score.
    const order = cards.map((c) => [c.eligible ? 0 : 1, -c.score]);
    expect([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual(order);
    expect(cards.some((c) => c.eligible) && cards.some((c) => !c.eligible)).toBe(true);
    // The chart shows the channels in the same order.
    const chart = await page.getByTestId("product-chart").textContent();
    const names = cards.map((c) => c.heading.replace(/^#\d+ of 8 · /, ""));
    const at = names.map((n) => chart!.indexOf(n));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    await page.screenshot({ path: ".tmp/screenshots/product-ranked.png", fullPage: true });

    // The channel list: the blocked products come after every eligible one, each group by score.
    // On Ozon 3 of the demo's products are blocked: the last page ends with them.
    const listed = () =>
      page.locator("tbody tr", { has: page.getByTestId("ranked-score") }).evaluateAll((rows) =>
        rows.map((r) => {
          const cells = [...(r as HTMLTableRowElement).cells];
          const at = cells.findIndex((c) => c.querySelector('[data-testid="ranked-score"]'));
          // Score, band, then the eligible column (a badge, with its tone as hidden text).
          return {
            eligible: cells[at + 2]?.textContent?.includes("Yes") ?? false,
            blocked: cells[at + 2]?.textContent?.includes("No") ?? false,
            score: Number(cells[at]?.textContent),
            cells: cells.map((c) => c.textContent).join(" | "),
          };
        }),
      );
    await openScoredChannels(page, "?channel=ozon&page=7");
    const last = await listed();
    expect(last.filter((r) => r.eligible === r.blocked)).toEqual([]);
    const lastOrder = last.map((r) => [r.eligible ? 0 : 1, -r.score]);
    expect([...lastOrder].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual(lastOrder);
    expect(last.at(-1)!.blocked).toBe(true);
    await openScoredChannels(page, "?channel=ozon&sort=worst");
    const worst = await listed();
    expect(worst[0]!.blocked).toBe(true);
    await expectNoErrorBoundary(page);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});
