/**
 * The storefront theme app extension (extensions/seaworthy-theme), rendered by a real Liquid
 * engine (liquidjs) with the label JSON the app itself computes (computeLabels on the app's
 * fixtures), so the blocks and the label writer cannot drift apart. Shopify's `t` filter is
 * implemented against the extension's own locale files; `{% schema %}` is parsed, not rendered.
 * Shopify's own linter (theme-check, app-extension config) must find nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "@shopify/theme-check-node";
import { Liquid, Tag, TokenKind, type TagToken, type TopLevelToken } from "liquidjs";
import { describe, expect, it } from "vitest";
import { cert, EU_REP, input, MAKER, product, profileFor } from "../app/compliance/fixtures";
import { BADGE_TYPES, computeLabels, labelsJson } from "../app/compliance/labels";
import { EPR_OBLIGATIONS } from "../app/compliance/packs/epr";
import type { EvaluateInput, MerchantProfile } from "../app/compliance/types";

const ROOT = fileURLToPath(new URL("../extensions/seaworthy-theme", import.meta.url));
const BLOCKS = readdirSync(join(ROOT, "blocks")).filter((f) => f.endsWith(".liquid"));
const SNIPPETS = readdirSync(join(ROOT, "snippets")).filter((f) => f.endsWith(".liquid"));

type Messages = { [key: string]: string | Messages };
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), "utf8")) as unknown;
const LOCALE_FILES = readdirSync(join(ROOT, "locales"));
const storefrontLocales = LOCALE_FILES.filter((f) => !f.includes(".schema."));
const schemaLocales = LOCALE_FILES.filter((f) => f.includes(".schema."));

function lookup(messages: Messages, key: string): string | undefined {
  let at: string | Messages | undefined = messages;
  for (const part of key.split(".")) at = typeof at === "object" ? at[part] : undefined;
  return typeof at === "string" ? at : undefined;
}

function flatKeys(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === "string" ? [prefix + k] : flatKeys(v, `${prefix}${k}.`),
  );
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/** Shopify picks `zh-CN.json`, else `zh.json`, else the default file; a missing key falls back. */
function messagesFor(isoCode: string): Messages[] {
  const base = readJson("locales/en.default.json") as Messages;
  const exact = storefrontLocales.find((f) => f === `${isoCode}.json`);
  const language = storefrontLocales.find((f) => f === `${isoCode.split("-")[0]}.json`);
  const chosen = exact ?? language;
  return chosen ? [readJson(`locales/${chosen}`) as Messages, base] : [base];
}

/** Parsed and dropped, as Shopify does on the storefront. */
class SchemaTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    while (remain.length) {
      const next = remain.shift()!;
      if (next.kind === TokenKind.Tag && (next as TagToken).name === "endschema") return;
    }
    throw new Error("{% schema %} is not closed");
  }
  *render(): Generator<never, void, unknown> {}
}

function engine(): Liquid {
  const liquid = new Liquid({
    root: [join(ROOT, "snippets")],
    extname: ".liquid",
    strictFilters: true,
    ownPropertyOnly: true,
  });
  liquid.registerTag("schema", SchemaTag);
  liquid.registerFilter("t", function (this: { context: { getSync(p: string[]): unknown } }, key) {
    const iso = String(this.context.getSync(["request", "locale", "iso_code"]) ?? "en");
    const text = messagesFor(iso)
      .map((m) => lookup(m, String(key)))
      .find((v) => v !== undefined);
    // Shopify prints "translation missing: …"; a test should not let that through.
    if (text === undefined) throw new Error(`translation missing: ${iso}.${String(key)}`);
    return String(key).endsWith("_html") ? text : escapeHtml(text);
  });
  return liquid;
}

interface SettingSpec {
  id?: string;
  type: string;
  default?: unknown;
  label?: string;
  content?: string;
  options?: { value: string; label: string }[];
}
interface BlockSchema {
  name: string;
  target: string;
  stylesheet?: string;
  settings: SettingSpec[];
}

function schemaOf(file: string): BlockSchema {
  const source = readFileSync(join(ROOT, "blocks", file), "utf8");
  const match = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source);
  if (!match) throw new Error(`${file} has no schema`);
  return JSON.parse(match[1]!) as BlockSchema;
}

/** The settings a freshly added block has: each setting's default, as the theme editor sets. */
function defaults(file: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of schemaOf(file).settings)
    if (s.id) out[s.id] = s.default ?? (s.type === "checkbox" ? false : null);
  return out;
}

type Labels = ReturnType<typeof computeLabels>;

/** The product drop as Liquid sees it: the JSON metafield's `.value` is the parsed label set. */
function productDrop(labels: Labels | null) {
  return {
    title: "Ceramic Mug",
    metafields: labels
      ? { "$app:compliance": { labels: { type: "json", value: JSON.parse(labelsJson(labels)) } } }
      : {},
  };
}

async function render(
  block: string,
  labels: Labels | null,
  options: { locale?: string; settings?: Record<string, unknown> } = {},
): Promise<string> {
  const drop = productDrop(labels);
  const source = readFileSync(join(ROOT, "blocks", block), "utf8");
  // Shopify's global objects are seen inside `{% render %}` snippets too; `block` is not.
  const globals = { product: drop, request: { locale: { iso_code: options.locale ?? "en" } } };
  const scope = {
    block: {
      id: "AbC123",
      shopify_attributes: "",
      settings: { ...defaults(block), product: drop, ...options.settings },
    },
  };
  return engine().parseAndRender(source, scope, { globals });
}

const SCRIPT_MAKER = { ...MAKER, name: "Evil <script>alert(1)</script> Ltd" };
const TODAY = "2026-12-01";

/** A mug sold to France, Germany and the US, with every kind of label the app writes. */
function fullLabels(merchant: MerchantProfile = {}, overrides: Partial<EvaluateInput> = {}) {
  const p = product();
  return computeLabels({
    ...input(p, {
      markets: ["FR", "DE", "US"],
      today: TODAY,
      registrations: [{ country: "FR", stream: "packaging", number: "fr 123456_01abcd" }],
      certificates: [
        cert({ id: "g", type: "GOTS", number: "CU 817233", issuer: "Control Union" }),
        cert({ id: "f", type: "FSC", number: "FSC-C000001", validTo: "2026-06-30" }),
        cert({ id: "e", type: "EU_ECOLABEL", number: "DE/020/0123", document: {} }),
      ],
      ...overrides,
    }),
    profile: profileFor(p, {
      manufacturer: SCRIPT_MAKER,
      prop65: { chemicals: ["Lead"], endpoint: "cancer" },
      ...merchant,
    }),
  });
}

describe("compliance labels block", () => {
  it("shows the GPSR parties and safety text, escaped", async () => {
    const labels = fullLabels();
    const html = await render("compliance-labels.liquid", labels);
    expect(html).toContain("Evil &lt;script&gt;alert(1)&lt;/script&gt; Ltd");
    expect(html).not.toContain("<script>");
    expect(html).toContain(escapeHtml(MAKER.postalAddress));
    expect(html).toContain(`href="mailto:${MAKER.electronicAddress}"`);
    expect(html).toContain("Responsible person in the EU");
    expect(html).toContain(escapeHtml(EU_REP.name));
    expect(html).toContain(escapeHtml(EU_REP.postalAddress));
    expect(html).toContain('<p class="sw-labels__warning" lang="en">Not for microwave use.</p>');
  });

  it("shows the safety text in the shopper's language, else English, else every language", async () => {
    const labels = fullLabels();
    const de = await render("compliance-labels.liquid", labels, { locale: "de" });
    expect(de).toContain('lang="de">Nicht für die Mikrowelle.</p>');
    expect(de).toContain("Hersteller");
    const zh = await render("compliance-labels.liquid", labels, { locale: "zh-CN" });
    expect(zh).toContain('lang="en">Not for microwave use.</p>');

    const germanOnly = fullLabels({ safetyInfo: { de: "Heiß!\nVorsicht." } });
    const fr = await render("compliance-labels.liquid", germanOnly, { locale: "fr" });
    expect(fr).toContain('lang="de">Heiß!<br />\nVorsicht.</p>');
  });

  it("shows only the badges the labels list, linked to their documents", async () => {
    const labels = fullLabels();
    // The app's labels drop the expired FSC certificate; the block has nothing else to go by.
    expect(labels.badges.map((b) => b.type)).toEqual(["EU_ECOLABEL", "GOTS"]);
    const html = await render("compliance-labels.liquid", labels);
    expect(html).toContain("GOTS (Global Organic Textile Standard)");
    expect(html).toContain("EU Ecolabel");
    expect(html).not.toContain("FSC");
    expect(html).toContain('href="https://example.com/cert.pdf"');
    expect(html.match(/View certificate/g)).toHaveLength(1); // the ecolabel has no document
    expect(html).toContain("CU 817233");
    expect(html).toContain("Control Union");
  });

  it("prints the Prop 65 warning exactly as the labels carry it, with its symbol", async () => {
    const labels = fullLabels();
    expect(labels.prop65).toBe(
      "⚠ WARNING: Cancer risk from exposure to Lead. See www.P65Warnings.ca.gov.",
    );
    const html = await render("compliance-labels.liquid", labels);
    expect(html).toContain(`<p class="sw-labels__prop65-text" lang="en">${labels.prop65}</p>`);
    const off = await render("compliance-labels.liquid", labels, {
      settings: { show_prop65: false },
    });
    expect(off).not.toContain("WARNING");
  });

  it("shows the French IDU and the Triman notice", async () => {
    const labels = fullLabels();
    const html = await render("compliance-labels.liquid", labels);
    expect(html).toMatch(/Unique identifier \(IDU\)\s*– Packaging: <span[^>]*>FR123456_01ABCD</);
    expect(html).toContain("Sorting instructions (Triman and Info-tri)");
    const fr = await render("compliance-labels.liquid", labels, { locale: "fr" });
    expect(fr).toContain("Identifiant unique (IDU)");
    expect(fr).toContain("Emballages");
  });

  it("renders nothing for a product without labels, or with an empty label set", async () => {
    expect((await render("compliance-labels.liquid", null)).trim()).toBe("");
    const empty = computeLabels(input(product(), { markets: ["JP"], today: TODAY }));
    expect(empty).toMatchObject({ badges: [], gpsr: null, epr: [], france: null, prop65: null });
    expect((await render("compliance-labels.liquid", empty)).trim()).toBe("");
    // Only a badge to show, and the merchant turned badges off: still nothing.
    const badgeOnly = computeLabels(
      input(product(), { markets: ["JP"], today: TODAY, certificates: [cert()] }),
    );
    const html = await render("compliance-labels.liquid", badgeOnly, {
      settings: { show_badges: false },
    });
    expect(html.trim()).toBe("");
  });

  it("uses the zh-CN strings for a zh-CN shopper", async () => {
    const html = await render("compliance-labels.liquid", fullLabels(), { locale: "zh-CN" });
    for (const text of [
      "产品安全与合规",
      "制造商",
      "欧盟责任人",
      "唯一标识号（IDU）",
      "欧盟生态标签",
    ])
      expect(html).toContain(text);
    expect(html).toContain("查看证书");
    expect(html).not.toContain("Manufacturer");
  });

  it("follows the merchant's heading and compact style, escaping the heading", async () => {
    const html = await render("compliance-labels.liquid", fullLabels(), {
      settings: { heading: "Safety & <b>care</b>", style: "compact" },
    });
    expect(html).toMatch(/^<details class="sw-labels sw-labels--compact"/);
    expect(html).toContain(
      '<summary class="sw-labels__summary">\n        <h2 class="sw-labels__heading" id="sw-labels-AbC123">Safety &amp; &lt;b&gt;care&lt;/b&gt;</h2>',
    );
    const expanded = await render("compliance-labels.liquid", fullLabels());
    expect(expanded).toMatch(/^<section class="sw-labels" aria-labelledby="sw-labels-AbC123"/);
    expect(expanded).toContain(">Product safety &amp; compliance</h2>");
  });
});

describe("badges block", () => {
  it("lists the badges, with details only when asked, and nothing without badges", async () => {
    const labels = fullLabels();
    const plain = await render("compliance-badges.liquid", labels);
    expect(plain).toContain('<ul class="sw-labels__badges" aria-label="Certifications">');
    expect(plain).toContain("GOTS (Global Organic Textile Standard)");
    expect(plain).not.toContain("CU 817233");
    const detailed = await render("compliance-badges.liquid", labels, {
      settings: { show_details: true },
    });
    expect(detailed).toContain("CU 817233");
    const none = computeLabels(input(product(), { markets: ["DE"], today: TODAY }));
    expect((await render("compliance-badges.liquid", none)).trim()).toBe("");
  });
});

describe("extension files", () => {
  const liquidSources = [
    ...BLOCKS.map((f) => readFileSync(join(ROOT, "blocks", f), "utf8")),
    ...SNIPPETS.map((f) => readFileSync(join(ROOT, "snippets", f), "utf8")),
  ].join("\n");

  it("has every translation key the blocks use in every storefront locale", () => {
    const literal = [...liquidSources.matchAll(/'([a-z0-9_.]+)'\s*\|\s*t\b/g)].map((m) => m[1]!);
    // Built at render time from label data: every badge type and EPR stream the app can emit.
    const built = [
      ...[...BADGE_TYPES].map((t) => `badge_types.${t.toLowerCase()}`),
      ...EPR_OBLIGATIONS.map((o) => `epr.streams.${o.stream}`),
    ];
    expect(literal.length).toBeGreaterThan(15);
    expect(storefrontLocales.sort()).toEqual([
      "de.json",
      "en.default.json",
      "fr.json",
      "zh-CN.json",
    ]);
    const base = flatKeys(readJson("locales/en.default.json") as Messages).sort();
    for (const file of storefrontLocales) {
      const messages = readJson(`locales/${file}`) as Messages;
      for (const key of [...literal, ...built])
        expect(lookup(messages, key), `${file}: ${key}`).toBeTypeOf("string");
      expect(flatKeys(messages).sort(), file).toEqual(base);
    }
  });

  it("gives each block a schema Shopify accepts, translated in every schema locale", () => {
    expect(BLOCKS.sort()).toEqual(["compliance-badges.liquid", "compliance-labels.liquid"]);
    const assets = readdirSync(join(ROOT, "assets"));
    for (const file of BLOCKS) {
      const schema = schemaOf(file);
      expect(schema.target).toBe("section");
      expect(schema.name).toMatch(/^t:blocks\./);
      if (schema.stylesheet) expect(assets).toContain(schema.stylesheet);
      const ids = schema.settings.flatMap((s) => (s.id ? [s.id] : []));
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of schema.settings) expect(s.id || s.type === "header").toBeTruthy();

      const refs = JSON.stringify(schema)
        .match(/"t:[^"]+"/g)!
        .map((r) => r.slice(3, -1));
      for (const locale of schemaLocales) {
        const messages = readJson(`locales/${locale}`) as Messages;
        for (const key of refs) expect(lookup(messages, key), `${locale}: ${key}`).toBeTruthy();
        // Shopify's limit for a block name in the theme editor.
        expect(lookup(messages, schema.name.slice(2))!.length).toBeLessThan(25);
      }
    }
  });

  it("passes Shopify's theme-check for app extensions", async () => {
    const offenses = await check(ROOT);
    expect(offenses.map((o) => `${o.check} ${o.uri} ${o.message}`)).toEqual([]);
  });
});
