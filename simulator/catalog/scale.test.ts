import { describe, expect, it } from "vitest";
import { generateStore } from "./generate";
import { MAX_ORDERS } from "./orders";

// One 100k-product run (~0.9 GB of heap, a few seconds): proves generation is linear and fits in
// memory. The timeout is generous because CI machines are shared; locally it takes 4-8 s.
describe("scale", () => {
  it("generates a 100,000-product store", { timeout: 60_000 }, () => {
    const started = performance.now();
    const store = generateStore({ products: 100_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(store.products).toHaveLength(100_000);
    expect(store.orders).toHaveLength(MAX_ORDERS);
    expect(store.inventoryLevels.length).toBeGreaterThan(store.products.length);
    expect(new Set(store.products.map((p) => p.handle)).size).toBe(100_000);
    console.info(`100k products in ${seconds.toFixed(1)} s`);
  });
});
