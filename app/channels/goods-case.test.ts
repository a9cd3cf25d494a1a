/**
 * The text scan reads the text lower-cased through a code-unit table instead of copying it with
 * toLowerCase(); texts holding a code unit whose lower case is not one context-free unit ("İ",
 * "Σ") take the copy. Either way the result must be what scanning the lower-cased copy gives.
 */
import { describe, expect, it } from "vitest";
import { scanProductText } from "./goods";

const TEXTS = [
  "LI ION 74WH Power Bank, 20000mAh",
  "Wine-Red Scarf / WINE from Bordeaux",
  "ВОДКА и ПИВО, Литиевая БАТАРЕЯ",
  "Eco Friendly bag 电子烟 E-Cig",
  "İSTANBUL Tabak Beutel, Lithium Akku",
  "ΣΟΦΙΑ lithium ION battery",
  "Kelvin \u212Aey: CBD Öl, Hemp OIL",
  "𐐀 LI 𐐀 ION",
];

describe("scanProductText case handling", () => {
  it.each(TEXTS)("scans %s as its lower-cased copy", (text) => {
    const lower = text.toLowerCase();
    const end = Math.min(text.length, lower.length);
    expect(scanProductText("el-7-15-1", text, 3, end)).toEqual(
      scanProductText("el-7-15-1", lower, 3, end),
    );
  });
});
