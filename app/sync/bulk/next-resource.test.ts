import { describe, expect, it } from "vitest";
import { BULK_RESOURCES, nextResource } from "./bulk-sync.server";

describe("a full sync's order", () => {
  it("runs products, collections, inventory, orders, one after another, then stops", () => {
    expect(BULK_RESOURCES).toEqual(["products", "collections", "inventory", "orders"]);
    expect(["products", "collections", "inventory", "orders"].map(nextResource)).toEqual([
      "collections",
      "inventory",
      "orders",
      null,
    ]);
    expect(nextResource("nonsense")).toBeNull();
  });
});
