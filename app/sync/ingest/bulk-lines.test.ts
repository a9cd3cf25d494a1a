/**
 * mapBulkLine across Admin API versions: the same product, variant or image written in an older
 * version's field names (bodyHtml, productCategory.productTaxonomyNode, priceV2, originalSrc, the
 * `images` connection) must give the same mirror row as the current names, and gids escaped the
 * way Shopify's JSONL writes them ("gid:\/\/shopify\/…") must come out as plain gids.
 */
import { describe, expect, it } from "vitest";
import { gidType, mapBulkLine, type MapResult } from "./bulk-lines";

type Json = Record<string, unknown>;

function mapped(line: Json) {
  const result: MapResult = mapBulkLine(line);
  if ("skip" in result) throw new Error(`skipped: ${result.skip}`);
  return result;
}
/** A line's row without the keys that legitimately differ between the two shapes compared. */
function rowOf(line: Json, ...without: string[]) {
  const row: Json = { ...mapped(line).row };
  for (const key of without) delete row[key];
  return row;
}
/** `line` without `keys`, plus `extra`: the same object in another API version's field names. */
function reshape(line: Json, keys: string[], extra: Json): Json {
  const copy: Json = { ...line };
  for (const key of keys) delete copy[key];
  return { ...copy, ...extra };
}

const PRODUCT = "gid://shopify/Product/8046292508996";

/** A product line as the current BulkProducts query returns it. */
const product = {
  id: PRODUCT,
  title: "Centella Moisturizer – 50 ml",
  handle: "centella-moisturizer-50-ml",
  vendor: "Lumi Bloom",
  productType: "Moisturizer",
  descriptionHtml: "<p>Formulated for sensitive skin.</p>",
  status: "DRAFT",
  tags: ["creator pick", "skincare"],
  createdAt: "2026-06-27T06:27:26Z",
  updatedAt: "2026-09-09T05:49:54Z",
  publishedAt: null,
  category: {
    id: "gid://shopify/TaxonomyCategory/hb-3-2-9-20",
    name: "Face Moisturizers",
    fullName: "Health & Beauty > Personal Care > Cosmetics > Skin Care > Face Moisturizers",
  },
  seo: { title: "Centella Moisturizer | Lumi Bloom", description: "Gentle and effective." },
  featuredMedia: { id: "gid://shopify/MediaImage/20" },
  options: [{ name: "Size", values: ["50 ml", "100 ml"] }],
};

describe("product lines", () => {
  it("map every field of the current API's product", () => {
    expect(mapped(product)).toEqual({
      table: "Product",
      row: {
        id: product.id,
        title: product.title,
        handle: product.handle,
        vendor: product.vendor,
        productType: product.productType,
        categoryId: product.category.id,
        categoryName: product.category.fullName,
        tags: product.tags.join(", "),
        status: product.status,
        descriptionHtml: product.descriptionHtml,
        seoTitle: product.seo.title,
        seoDescription: product.seo.description,
        options: JSON.stringify(product.options),
        createdAt: product.createdAt,
        updatedAt: product.updatedAt,
        publishedAt: null,
        featuredMediaId: product.featuredMedia.id,
      },
    });
  });

  it("read bodyHtml (older versions) as descriptionHtml", () => {
    const old = reshape(product, ["descriptionHtml"], { bodyHtml: product.descriptionHtml });
    expect(rowOf(old)).toEqual(rowOf(product));
    expect(rowOf(old).descriptionHtml).toBe(product.descriptionHtml);
  });

  it("prefer descriptionHtml when a line has both", () => {
    expect(rowOf({ ...product, bodyHtml: "<p>stale</p>" }).descriptionHtml).toBe(
      product.descriptionHtml,
    );
  });

  it("read productCategory.productTaxonomyNode (older versions) as the category", () => {
    const old = reshape(product, ["category"], {
      productCategory: {
        productTaxonomyNode: {
          id: "gid://shopify/ProductTaxonomyNode/4451",
          name: product.category.name,
          fullName: product.category.fullName,
        },
      },
    });
    expect(rowOf(old, "categoryId")).toEqual(rowOf(product, "categoryId"));
    expect(rowOf(old).categoryId).toBe("gid://shopify/ProductTaxonomyNode/4451");
    expect(rowOf(old).categoryName).toBe(product.category.fullName);
  });

  it("fall back to the category's name when it has no fullName, and to none without one", () => {
    const { fullName: _, ...leaf } = product.category;
    expect(rowOf({ ...product, category: leaf }).categoryName).toBe(product.category.name);
    const none = rowOf({ ...product, category: null, productCategory: null });
    expect([none.categoryId, none.categoryName]).toEqual([null, null]);
  });
});

const variant = {
  id: "gid://shopify/ProductVariant/4042675140504",
  title: "50 ml",
  sku: "LMB-BEA-00001-50ML",
  barcode: "6990033569510",
  price: "19.99",
  compareAtPrice: "24.99",
  position: 1,
  updatedAt: "2026-09-09T05:49:54Z",
  selectedOptions: [{ name: "Size", value: "50 ml" }],
  inventoryItem: {
    id: "gid://shopify/InventoryItem/5012090344027",
    countryCodeOfOrigin: "CN",
    harmonizedSystemCode: "330499",
    unitCost: { amount: "4.1", currencyCode: "USD" },
    measurement: { weight: { unit: "GRAMS", value: 154 } },
  },
  __parentId: PRODUCT,
};

describe("variant lines", () => {
  it("map every field of the current API's variant", () => {
    const item = variant.inventoryItem;
    expect(mapped(variant)).toEqual({
      table: "Variant",
      row: {
        id: variant.id,
        productId: PRODUCT,
        title: variant.title,
        sku: variant.sku,
        barcode: variant.barcode,
        price: variant.price,
        compareAtPrice: variant.compareAtPrice,
        position: variant.position,
        selectedOptions: JSON.stringify(variant.selectedOptions),
        inventoryItemId: item.id,
        unitCost: item.unitCost.amount,
        unitCostCurrency: item.unitCost.currencyCode,
        countryOfOrigin: item.countryCodeOfOrigin,
        hsCode: item.harmonizedSystemCode,
        weight: item.measurement.weight.value,
        weightUnit: item.measurement.weight.unit,
        updatedAt: variant.updatedAt,
      },
    });
  });

  it("read priceV2 and compareAtPriceV2 (older versions) as price and compareAtPrice", () => {
    const old = reshape(variant, ["price", "compareAtPrice"], {
      priceV2: { amount: variant.price, currencyCode: "USD" },
      compareAtPriceV2: { amount: variant.compareAtPrice, currencyCode: "USD" },
    });
    expect(rowOf(old)).toEqual(rowOf(variant));
    expect([rowOf(old).price, rowOf(old).compareAtPrice]).toEqual([
      variant.price,
      variant.compareAtPrice,
    ]);
  });

  it("keep a missing compare-at price missing in either shape", () => {
    expect(rowOf({ ...variant, compareAtPrice: null }).compareAtPrice).toBeNull();
    const old = reshape(variant, ["price", "compareAtPrice"], {
      priceV2: { amount: variant.price, currencyCode: "USD" },
      compareAtPriceV2: null,
    });
    expect(rowOf(old).compareAtPrice).toBeNull();
  });

  it("take the product from `product { id }` when the line has no parent", () => {
    const { __parentId: _, ...bare } = variant;
    expect(rowOf({ ...bare, product: { id: PRODUCT } }).productId).toBe(PRODUCT);
  });
});

describe("image lines", () => {
  const url = "https://cdn.shopify.com/s/files/1/0000/0001/products/centella-1.jpg";
  const alt = "Centella Moisturizer – front view";
  /** A product's MediaImage as the current BulkProducts query returns it. */
  const media = {
    id: "gid://shopify/MediaImage/3015312314661",
    alt,
    image: { url, width: 1000, height: 800 },
    __parentId: PRODUCT,
  };
  const expected = {
    id: media.id,
    productId: PRODUCT,
    url,
    alt,
    width: media.image.width,
    height: media.image.height,
    position: null,
  };

  it("map every field of the current API's MediaImage", () => {
    expect(mapped(media)).toEqual({ table: "ProductMedia", row: expected });
  });

  it("read image.originalSrc and image.altText (older versions) as url and alt", () => {
    const old = reshape(media, ["alt", "image"], {
      image: { originalSrc: url, altText: alt, width: 1000, height: 800 },
    });
    expect(rowOf(old)).toEqual(expected);
  });

  it("read the image of preview { image } when the line has no image of its own", () => {
    const preview = reshape(media, ["image"], { preview: { image: media.image } });
    expect(rowOf(preview)).toEqual(expected);
  });

  it("read the older `images` connection's ProductImage lines (originalSrc, url or src; altText)", () => {
    const image = {
      id: "gid://shopify/ProductImage/3015312314661",
      altText: alt,
      width: 1000,
      height: 800,
      __parentId: PRODUCT,
    };
    for (const source of ["originalSrc", "url", "src"]) {
      const line = { ...image, [source]: url };
      expect(rowOf(line, "id"), source).toEqual(rowOf(media, "id"));
      expect(rowOf(line).id).toBe(image.id);
    }
  });

  it("skip an image without a parent product", () => {
    const { __parentId: _, ...orphan } = media;
    expect(mapBulkLine(orphan)).toEqual({ skip: "MediaImage without a parent product" });
  });
});

describe("inventory level lines", () => {
  const level = {
    id: "gid://shopify/InventoryLevel/77?inventory_item_id=5012090344027",
    updatedAt: "2026-10-01T00:00:00Z",
    location: { id: "gid://shopify/Location/61" },
    quantities: [
      { name: "available", quantity: 7 },
      { name: "on_hand", quantity: 9 },
    ],
    __parentId: "gid://shopify/InventoryItem/5012090344027",
  };

  it("read quantities by name, and `available` (older versions) when there are none", () => {
    expect(rowOf(level)).toEqual({
      inventoryItemId: level.__parentId,
      locationId: level.location.id,
      available: 7,
      onHand: 9,
      updatedAt: level.updatedAt,
    });
    const old = reshape(level, ["quantities"], { available: 7 });
    expect(rowOf(old, "onHand")).toEqual(rowOf(level, "onHand"));
  });
});

describe("escaped gids", () => {
  // Shopify's JSONL escapes every slash ("gid:\/\/shopify\/Product\/1"): these lines are raw file
  // text, parsed as the ingest parses them.
  const raw = (text: string): Json => JSON.parse(text) as Json;

  it("are plain gids once parsed, for ids and parents alike", () => {
    const productLine = raw(
      String.raw`{"id":"gid:\/\/shopify\/Product\/1","title":"Escaped","handle":"escaped"}`,
    );
    expect(mapped(productLine)).toMatchObject({
      table: "Product",
      row: { id: "gid://shopify/Product/1" },
    });
    const variantLine = raw(
      String.raw`{"id":"gid:\/\/shopify\/ProductVariant\/2","price":"5.00","__parentId":"gid:\/\/shopify\/Product\/1"}`,
    );
    expect(mapped(variantLine)).toMatchObject({
      table: "Variant",
      row: { id: "gid://shopify/ProductVariant/2", productId: "gid://shopify/Product/1" },
    });
    const metafieldLine = raw(
      String.raw`{"id":"gid:\/\/shopify\/Metafield\/3","namespace":"custom","key":"k","type":"single_line_text_field","value":"a\/b","__parentId":"gid:\/\/shopify\/Product\/1"}`,
    );
    expect(mapped(metafieldLine)).toMatchObject({
      table: "Metafield",
      row: { id: "gid://shopify/Metafield/3", ownerId: "gid://shopify/Product/1", value: "a/b" },
    });
  });

  it("still tell a collection's product (a membership) from a product", () => {
    const member = raw(
      String.raw`{"id":"gid:\/\/shopify\/Product\/1","__parentId":"gid:\/\/shopify\/Collection\/9"}`,
    );
    expect(mapped(member)).toEqual({
      table: "CollectionProduct",
      row: { collectionId: "gid://shopify/Collection/9", productId: "gid://shopify/Product/1" },
    });
  });

  it("map order lines and their product and variant references", () => {
    const line = raw(
      String.raw`{"id":"gid:\/\/shopify\/LineItem\/5","title":"Mug","quantity":2,"sku":"M-1","product":{"id":"gid:\/\/shopify\/Product\/1"},"variant":{"id":"gid:\/\/shopify\/ProductVariant\/2"},"originalUnitPriceSet":{"shopMoney":{"amount":"12.5"}},"__parentId":"gid:\/\/shopify\/Order\/4"}`,
    );
    expect(mapped(line)).toEqual({
      table: "OrderLine",
      row: {
        id: "gid://shopify/LineItem/5",
        orderId: "gid://shopify/Order/4",
        productId: "gid://shopify/Product/1",
        variantId: "gid://shopify/ProductVariant/2",
        sku: "M-1",
        title: "Mug",
        quantity: 2,
        unitPrice: "12.5",
      },
    });
  });

  it("are typed only after parsing (gidType reads plain gids)", () => {
    expect(gidType("gid://shopify/ProductVariant/2")).toBe("ProductVariant");
    expect(gidType(String.raw`gid:\/\/shopify\/ProductVariant\/2`)).toBeNull();
  });
});
