import { describe, expect, it } from "vitest";
import { db } from "../../db.server";
import { productRow } from "../../../test/helpers/rows";
import { openMirrorWriter } from "./writer.server";

describe("the mirror writer", () => {
  it("never lets an older version overwrite a newer one (late webhook, or a bulk snapshot taken earlier)", async () => {
    const shop = "writer-shop.myshopify.com";
    const writer = await openMirrorWriter(process.env.DATABASE_URL!, shop);
    const title = async () =>
      (
        await db().product.findUniqueOrThrow({
          where: { shop_id: { shop, id: "gid://shopify/Product/42" } },
        })
      ).title;
    try {
      await writer.write({ Product: [productRow("v2", "2026-11-02T10:00:00Z")] });
      await writer.write({ Product: [productRow("v1 (older)", "2026-11-01T10:00:00Z")] });
      expect(await title()).toBe("v2");
      await writer.write({ Product: [productRow("v2 again", "2026-11-02T10:00:00Z")] });
      expect(await title()).toBe("v2 again");
      await writer.write({ Product: [productRow("v3", "2026-11-03T10:00:00+08:00")] });
      expect(await title()).toBe("v3");
      await writer.write({ Product: [productRow("no date", null)] });
      expect(await title()).toBe("no date");
    } finally {
      await writer.close();
    }
  });
});
