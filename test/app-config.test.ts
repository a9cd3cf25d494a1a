import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPES } from "../app/env.server";
import { API_VERSION } from "../app/shopify.server";
import { officialExample } from "./helpers/webhook";

const tomlText = readFileSync("shopify.app.toml", "utf8");
const toml = parse(tomlText) as {
  embedded: boolean;
  access_scopes: { scopes: string };
  webhooks: {
    api_version: string;
    subscriptions: { topics?: string[]; compliance_topics?: string[]; uri: string }[];
  };
};

describe("shopify.app.toml", () => {
  it("pins webhooks to the same API version as the app", () => {
    expect(API_VERSION).toBe("2026-10");
    expect(toml.webhooks.api_version).toBe(API_VERSION);
  });

  it("declares exactly the scopes the app asks for", () => {
    expect(toml.access_scopes.scopes.split(",").sort()).toEqual(DEFAULT_SCOPES.split(",").sort());
  });

  it("subscribes to the mandatory compliance topics and app lifecycle topics", () => {
    const compliance = toml.webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []);
    const topics = toml.webhooks.subscriptions.flatMap((s) => s.topics ?? []);
    expect(compliance.sort()).toEqual([
      "customers/data_request",
      "customers/redact",
      "shop/redact",
    ]);
    expect(topics).toEqual(expect.arrayContaining(["app/uninstalled", "app/scopes_update"]));
  });

  it("points every subscription at a route that exists and is named in its `# Handled by:` comment", () => {
    for (const sub of toml.webhooks.subscriptions) {
      const routeFile = `app/routes/${sub.uri.slice(1).replace(/\//g, ".")}.tsx`;
      expect(existsSync(routeFile), `${sub.uri} → ${routeFile}`).toBe(true);
      const block = tomlText.slice(0, tomlText.indexOf(`uri = "${sub.uri}"`));
      const comment = block.slice(block.lastIndexOf("# Handled by:"));
      expect(comment).toContain(`/${routeFile}`);
    }
  });

  it("has Shopify's example payload among the test fixtures for every topic it subscribes to", () => {
    const topics = toml.webhooks.subscriptions.flatMap((s) => [
      ...(s.topics ?? []),
      ...(s.compliance_topics ?? []),
    ]);
    expect(topics.length).toBeGreaterThan(10);
    for (const topic of topics) {
      // Throws on a missing file; the example is the topic's own, not another's copied over.
      const example = officialExample(topic);
      expect(example, topic).toBeTypeOf("object");
      const file = `test/fixtures/webhooks/examples-2025-10/${topic}.json`;
      expect((JSON.parse(readFileSync(file, "utf8")) as { name: string }).name).toBe(topic);
    }
  });

  it("has no webhook route that nothing subscribes to", () => {
    const uris = new Set(toml.webhooks.subscriptions.map((s) => s.uri));
    const routes = readdirSync("app/routes").filter((f) => f.startsWith("webhooks."));
    for (const route of routes) {
      expect(uris.has(`/${route.replace(/\.tsx$/, "").replace(/\./g, "/")}`), route).toBe(true);
    }
  });
});
