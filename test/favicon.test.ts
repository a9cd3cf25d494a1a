import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { links } from "../app/root";

describe("favicon", () => {
  // The build copies public/ to build/client, which `npm start` and the demo serve at the root;
  // the demo's browser test fetches them over HTTP (test/e2e/demo.browser.test.ts).
  const icons = links().filter((link) => "rel" in link && link.rel === "icon");

  it("links an SVG and an ICO that exist in public/", () => {
    expect(icons.map((link) => ("href" in link ? link.href : undefined)).sort()).toEqual([
      "/favicon.ico",
      "/favicon.svg",
    ]);
    const svg = readFileSync(path.join("public", "favicon.svg"), "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const ico = readFileSync(path.join("public", "favicon.ico"));
    // ICONDIR: reserved 0, type 1 (icon), at least one image; the image a 32×32 PNG.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    expect(ico.subarray(ico.readUInt32LE(18), ico.readUInt32LE(18) + 8)).toEqual(
      Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    );
  });
});
