import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { chunksOf, collectChunks, type Collected } from "../../../test/helpers/import";
import type { ProductRow } from "../mirror/rows";
import { parseProductCsv, type ProductCsvOptions } from "./csv";
import type { ImportInput } from "./types";

const catalog = (name: string) => path.resolve("test", "fixtures", "catalogs", name);
const SAMPLES = [
  "shopifypartners_apparel.csv",
  "shopifypartners_home-and-garden.csv",
  "shopifypartners_jewelery.csv",
];

const collect = (input: ImportInput | string, options?: ProductCsvOptions): Promise<Collected> =>
  collectChunks(parseProductCsv(input, options));

const product = (all: Collected, handle: string) => {
  const found = all.products.find((p) => p.handle === handle);
  if (!found) throw new Error(`no product ${handle}`);
  return found;
};
const variantsOf = (all: Collected, p: ProductRow) =>
  all.variants.filter((v) => v.productId === p.id);
const mediaOf = (all: Collected, p: ProductRow) => all.media.filter((m) => m.productId === p.id);

/** The physical line (1-based) of the first line containing `needle`, as an editor shows it. */
const lineOf = (text: string, needle: string) =>
  text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle)) + 1;

/**
 * Expected counts computed independently of the parser under test, with csv-parse's synchronous
 * parser: products = distinct handles; variants = rows with any variant column filled; images =
 * distinct (handle, URL) over Image Src and Variant Image.
 */
function expectedCounts(file: string) {
  const rows: Record<string, string>[] = parse(readFileSync(file), { columns: true, bom: true });
  const variantColumns = [
    "Option1 Value",
    "Option2 Value",
    "Option3 Value",
    "Variant SKU",
    "Variant Grams",
    "Variant Inventory Qty",
    "Variant Price",
    "Variant Compare At Price",
    "Variant Barcode",
    "Variant Image",
    "Cost per item",
  ];
  const images = new Set<string>();
  for (const row of rows) {
    for (const url of [row["Image Src"], row["Variant Image"]]) {
      if (url) images.add(`${row.Handle} ${url}`);
    }
  }
  return {
    products: new Set(rows.map((row) => row.Handle)).size,
    variants: rows.filter((row) => variantColumns.some((c) => row[c])).length,
    images: images.size,
  };
}

describe("parseProductCsv on Shopify's sample catalogs", () => {
  // The same numbers, verified by hand with Python's csv module (distinct handles; rows with
  // variant data; distinct handle+URL over Image Src and Variant Image).
  const verified: Record<string, { products: number; variants: number; images: number }> = {
    "shopifypartners_apparel.csv": { products: 20, variants: 22, images: 20 },
    "shopifypartners_home-and-garden.csv": { products: 20, variants: 21, images: 21 },
    "shopifypartners_jewelery.csv": { products: 20, variants: 23, images: 41 },
  };

  it.each(SAMPLES)("imports %s completely", async (name) => {
    const all = await collect(createReadStream(catalog(name)));
    const counts = {
      products: all.products.length,
      variants: all.variants.length,
      images: all.media.length,
    };
    expect(counts).toEqual(expectedCounts(catalog(name)));
    expect(counts).toEqual(verified[name]);
    expect(all.problems).toEqual([]);
    expect(all.skipped).toEqual([]);
    expect(new Set(all.products.map((p) => p.id)).size).toBe(all.products.length);
    expect(new Set(all.variants.map((v) => v.id)).size).toBe(all.variants.length);
    expect(new Set(all.media.map((m) => m.id)).size).toBe(all.media.length);
  });

  it("maps a product with continuation rows: variants, option values, extra images", async () => {
    const all = await collect(createReadStream(catalog("shopifypartners_jewelery.csv")));
    const anchor = product(all, "leather-anchor");
    expect(anchor).toMatchObject({
      id: "gid://seaworthy-import/Product/leather-anchor",
      title: "Anchor Bracelet Mens",
      vendor: "Company 123",
      productType: "Bracelet",
      tags: "Anchor, Gold, Leather, Silver",
      status: "ACTIVE",
      options: JSON.stringify([{ name: "Color", values: ["Gold", "Silver"] }]),
      createdAt: null,
    });
    expect(variantsOf(all, anchor)).toMatchObject([
      {
        id: "gid://seaworthy-import/ProductVariant/leather-anchor/1",
        title: "Gold",
        price: "69.99",
        compareAtPrice: "85",
        position: 1,
        selectedOptions: JSON.stringify([{ name: "Color", value: "Gold" }]),
        inventoryItemId: null,
        weight: 0,
        weightUnit: "GRAMS",
      },
      {
        id: "gid://seaworthy-import/ProductVariant/leather-anchor/2",
        title: "Silver",
        price: "55",
      },
    ]);
    // Two variant rows with images, then a row with only Image columns.
    expect(mediaOf(all, anchor).map((m) => [m.id, m.position])).toEqual([
      ["gid://seaworthy-import/MediaImage/leather-anchor/1", 1],
      ["gid://seaworthy-import/MediaImage/leather-anchor/2", 2],
      ["gid://seaworthy-import/MediaImage/leather-anchor/3", 3],
    ]);
    // Variant Grams is grams whatever the display unit (oz here).
    expect(variantsOf(all, product(all, "boho-earrings"))[0]).toMatchObject({
      weight: 28,
      weightUnit: "GRAMS",
    });
  });

  it("keeps a multi-line Body (HTML) whole and later line numbers right", async () => {
    const file = catalog("shopifypartners_jewelery.csv");
    const text = readFileSync(file, "utf8");
    const all = await collect(text);
    expect(product(all, "choker-with-gold-pendant").descriptionHtml).toContain(
      "<li>14k yellow gold</li>\n<li>Leather</li>",
    );
    // Break a price on a row after two multi-line bodies; the problem names the editor's line.
    const broken = text.replace(
      "manual,47.99,49.99,true,true,,https://burst.shopifycdn.com/photos/choker-with-triangle",
      "manual,abc,49.99,true,true,,https://burst.shopifycdn.com/photos/choker-with-triangle",
    );
    expect(broken).not.toBe(text);
    const crlf = broken.replace(/\r?\n/g, "\r\n");
    for (const input of [broken, crlf, "\uFEFF" + crlf]) {
      const result = await collect(input);
      expect(result.problems).toEqual([
        {
          line: lineOf(input, "choker-with-triangle,Choker with Triangle"),
          handle: "choker-with-triangle",
          reason: 'Variant Price "abc" is not a number; the variant is kept without it',
        },
      ]);
      // Verified by hand: line 23 in an editor, though only the 16th record (the 8-line body
      // above it counts 7 extra lines).
      expect(result.problems[0]?.line).toBe(23);
      expect(result.variants).toHaveLength(23);
      expect(variantsOf(result, product(result, "choker-with-triangle"))[0]?.price).toBeNull();
    }
  });

  it("reads a BOM, CRLF line ends and a stream cut into tiny chunks the same way", async () => {
    const text = readFileSync(catalog("shopifypartners_jewelery.csv"), "utf8");
    const plain = await collect(text);
    const bomCrlf = await collect("\uFEFF" + text.replace(/\r?\n/g, "\r\n"));
    const tiny = await collect(Readable.from(chunksOf(Buffer.from("\uFEFF" + text), 7)));
    for (const other of [bomCrlf, tiny]) {
      expect(other.products.map((p) => p.handle)).toEqual(plain.products.map((p) => p.handle));
      expect(other.variants).toEqual(plain.variants);
      expect(other.media).toEqual(plain.media);
      expect(other.problems).toEqual([]);
    }
    // Inside quoted values CRLF is data; the rest of the row is unchanged.
    expect(product(bomCrlf, "gemstone").descriptionHtml).toContain("</p>\r\n<ul>");
  });

  it("gives the same ids on every parse, so a re-import updates the same rows", async () => {
    const first = await collect(createReadStream(catalog("shopifypartners_apparel.csv")));
    const second = await collect(createReadStream(catalog("shopifypartners_apparel.csv")));
    expect(second.products).toEqual(first.products);
    expect(second.variants).toEqual(first.variants);
    expect(second.media).toEqual(first.media);
    expect(variantsOf(first, product(first, "classic-varsity-top")).map((v) => v.id)).toEqual([
      "gid://seaworthy-import/ProductVariant/classic-varsity-top/1",
      "gid://seaworthy-import/ProductVariant/classic-varsity-top/2",
      "gid://seaworthy-import/ProductVariant/classic-varsity-top/3",
    ]);
  });

  it("emits chunks of batchSize products without splitting a product", async () => {
    const all = await collect(createReadStream(catalog("shopifypartners_jewelery.csv")), {
      batchSize: 3,
    });
    expect(all.chunks.map((c) => c.rows.Product?.length)).toEqual([3, 3, 3, 3, 3, 3, 2]);
    for (const chunk of all.chunks) {
      const ids = new Set(chunk.rows.Product?.map((p) => p.id));
      for (const child of [...(chunk.rows.Variant ?? []), ...(chunk.rows.ProductMedia ?? [])]) {
        expect(ids.has(child.productId)).toBe(true);
      }
    }
  });
});

describe("parseProductCsv on hand-made files", () => {
  it("imports a minimal export with only Handle and Title, or Handle, Title and a price", async () => {
    const minimal = await collect("Handle,Title\nmug,Mug\ncup,Cup\n");
    expect(minimal.products.map((p) => [p.id, p.title, p.status, p.tags, p.options])).toEqual([
      ["gid://seaworthy-import/Product/mug", "Mug", "ACTIVE", "", null],
      ["gid://seaworthy-import/Product/cup", "Cup", "ACTIVE", "", null],
    ]);
    expect(minimal.variants).toEqual([]);
    expect(minimal.problems).toEqual([]);

    const priced = await collect("handle , TITLE,Variant Price\r\nmug,Mug,12.50\r\nmug,,13\r\n");
    expect(priced.variants.map((v) => [v.id, v.price, v.title, v.selectedOptions])).toEqual([
      ["gid://seaworthy-import/ProductVariant/mug/1", "12.50", null, null],
      ["gid://seaworthy-import/ProductVariant/mug/2", "13", null, null],
    ]);
  });

  it("strips one leading apostrophe from barcodes and keeps the digits as text", async () => {
    const csv = [
      "Handle,Title,Variant SKU,Variant Barcode",
      "mug,Mug,'0001,'0123456789012",
      "mug,,B, ' 0042 ",
      "mug,,C,''7",
      "mug,,D,",
    ].join("\n");
    const all = await collect(csv);
    expect(all.variants.map((v) => [v.sku, v.barcode])).toEqual([
      ["'0001", "0123456789012"],
      ["B", "0042"],
      ["C", "'7"],
      ["D", null],
    ]);
  });

  it("names categories from English, localised and gid values; ids only from the taxonomy", async () => {
    const csv = [
      "Handle,Title,Product Category,Google Shopping / Google Product Category",
      "a,A,Apparel & Accessories > Jewelry > Necklaces,",
      "b,B,Bekleidung & Accessoires > Schmuck > Halsketten,",
      "c,C,gid://shopify/TaxonomyCategory/aa-6-3,",
      "d,D,Apparel & Accessories > Clothing > Shirts & Tops,",
      "e,E,,Apparel & Accessories > Clothing > Dresses",
      "f,F,,212",
    ].join("\n");
    const all = await collect(csv);
    expect(all.products.map((p) => [p.handle, p.categoryId, p.categoryName])).toEqual([
      ["a", "gid://shopify/TaxonomyCategory/aa-6-8", "Necklaces"],
      ["b", null, "Halsketten"],
      ["c", "gid://shopify/TaxonomyCategory/aa-6-3", "Bracelets"],
      // Google's old path, not in Shopify's 2025-08 taxonomy: a name, no id.
      ["d", null, "Shirts & Tops"],
      ["e", null, "Dresses"],
      ["f", null, null],
    ]);
    expect(all.problems).toEqual([]);

    const without = await collect(csv, { taxonomyFile: "/nonexistent/categories.txt" });
    expect(without.products.map((p) => [p.categoryId, p.categoryName])).toEqual([
      [null, "Necklaces"],
      [null, "Halsketten"],
      ["gid://shopify/TaxonomyCategory/aa-6-3", null],
      [null, "Shirts & Tops"],
      [null, "Dresses"],
      [null, null],
    ]);
    expect(without.problems).toEqual([
      {
        line: 2,
        handle: "a",
        reason:
          "categories are imported without ids: the Shopify taxonomy file /nonexistent/categories.txt could not be read",
      },
    ]);
  });

  it("reports bad rows with their lines and imports the rest", async () => {
    const csv = [
      /* 1 */ "Handle,Title,Body (HTML),Variant Price,Image Src",
      /* 2 */ 'shirt,Shirt,"<p>Soft,',
      /* 3 */ 'warm</p>",10,https://x/1.jpg',
      /* 4 */ ",,,11,",
      /* 5 */ "ghost,,,12,",
      /* 6 */ "shirt-2,Shirt 2,,ten,",
      /* 7 */ 'shirt-3,Shirt "3",,13,',
      /* 8 */ 'shirt-4,"Shirt "4" big",,14,',
      /* 9 */ "",
      /* 10 */ "shirt-5,Shirt 5,,15,https://x/5.jpg",
    ].join("\n");
    const all = await collect(csv);
    expect(all.products.map((p) => p.handle)).toEqual(["shirt", "shirt-2", "shirt-5"]);
    expect(product(all, "shirt").descriptionHtml).toBe("<p>Soft,\nwarm</p>");
    expect(all.variants.map((v) => [v.productId.split("/").at(-1), v.price])).toEqual([
      ["shirt", "10"],
      ["shirt-2", null],
      ["shirt-5", "15"],
    ]);
    expect(all.skipped).toEqual([
      { line: 4, reason: "the row has no Handle" },
      {
        line: 5,
        handle: "ghost",
        reason: 'no product to add this row to: the first row of handle "ghost" has no Title',
      },
      {
        line: 7,
        reason:
          'malformed field: a quote inside an unquoted field (quote the whole field and double the quotes inside: "")',
      },
      {
        line: 8,
        reason:
          'malformed quoted field: text follows a closing quote (a quote inside a quoted field must be doubled: "")',
      },
    ]);
    expect(all.problems).toEqual([
      {
        line: 6,
        handle: "shirt-2",
        reason: 'Variant Price "ten" is not a number; the variant is kept without it',
      },
    ]);
  });

  it("stops with a fatal problem naming the line of a quote that is never closed", async () => {
    const csv = [
      "Handle,Title,Body (HTML)",
      "a,A,ok",
      "b,B,fine",
      'c,C,"never closed',
      "d,D,x",
      "",
    ].join("\n");
    const all = await collect(csv);
    expect(all.products.map((p) => p.handle)).toEqual(["a", "b"]);
    expect(all.problems).toEqual([
      {
        line: 4,
        fatal: true,
        reason:
          "a quoted field opened on line 4 is never closed, so lines 4–5 could not be read; fix the quotes and import again",
      },
    ]);
  });

  it("says how many lines a malformed quote swallowed before the parser recovered", async () => {
    const csv = ["Handle,Title", 'a,"A"x', "b,B", 'c,"C"', "d,D"].join("\n");
    const all = await collect(csv);
    expect(all.products.map((p) => p.handle)).toEqual(["d"]);
    expect(all.skipped).toEqual([
      {
        line: 2,
        reason:
          'malformed quoted field: text follows a closing quote (a quote inside a quoted field must be doubled: ""); lines 2–4 were skipped with it',
      },
    ]);
  });

  it("refuses a file without Handle or Title columns, and an empty file", async () => {
    expect((await collect("SKU,Price\nA,1\n")).problems).toEqual([
      {
        line: 1,
        fatal: true,
        reason:
          "the header row has no Handle or Title column, so this is not a Shopify product CSV (or not comma-, semicolon- or tab-separated)",
      },
    ]);
    expect((await collect("")).problems).toEqual([
      { line: 0, fatal: true, reason: "the file is empty: no header row" },
    ]);
  });

  it("continues a handle that reappears later with the next variant and image numbers", async () => {
    const csv = [
      "Handle,Title,Option1 Name,Option1 Value,Variant Price,Image Src",
      "tee,Tee,Size,S,10,https://x/s.jpg",
      "cap,Cap,Title,Default Title,5,",
      "tee,,,M,11,https://x/m.jpg",
    ].join("\n");
    const all = await collect(csv);
    expect(all.products.map((p) => p.handle)).toEqual(["tee", "cap"]);
    expect(all.variants.map((v) => [v.id, v.selectedOptions])).toEqual([
      [
        "gid://seaworthy-import/ProductVariant/tee/1",
        JSON.stringify([{ name: "Size", value: "S" }]),
      ],
      [
        "gid://seaworthy-import/ProductVariant/cap/1",
        JSON.stringify([{ name: "Title", value: "Default Title" }]),
      ],
      [
        "gid://seaworthy-import/ProductVariant/tee/2",
        JSON.stringify([{ name: "Size", value: "M" }]),
      ],
    ]);
    expect(all.media.map((m) => m.id)).toEqual([
      "gid://seaworthy-import/MediaImage/tee/1",
      "gid://seaworthy-import/MediaImage/tee/2",
    ]);
    expect(all.problems).toEqual([]);
    expect(all.skipped).toEqual([]);
  });

  it("reads the 2025 template's column names, Status, weights and cost", async () => {
    const csv = [
      "Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online store,Status,SKU,Barcode,Option1 name,Option1 value,Price,Compare-at price,Cost per item,Weight value (grams),Product image URL,Image position,Image alt text,SEO title",
      'Mug,mug,<p>Big</p>,Acme,Home & Garden > Kitchen & Dining,Mugs,"b, a",TRUE,Draft,M-1,\'0042,Size,L,9.5,12,3.25,350,https://x/m.jpg,1,A mug,Mug!',
    ].join("\n");
    const all = await collect(csv);
    expect(all.products).toEqual([
      {
        id: "gid://seaworthy-import/Product/mug",
        title: "Mug",
        handle: "mug",
        vendor: "Acme",
        productType: "Mugs",
        categoryId: expect.stringMatching(/^gid:\/\/shopify\/TaxonomyCategory\//),
        categoryName: "Kitchen & Dining",
        tags: "b, a",
        status: "DRAFT",
        descriptionHtml: "<p>Big</p>",
        seoTitle: "Mug!",
        seoDescription: null,
        options: JSON.stringify([{ name: "Size", values: ["L"] }]),
        createdAt: null,
        updatedAt: null,
        publishedAt: null,
        featuredMediaId: null,
      },
    ]);
    expect(all.variants[0]).toMatchObject({
      sku: "M-1",
      barcode: "0042",
      price: "9.5",
      compareAtPrice: "12",
      unitCost: "3.25",
      weight: 350,
      weightUnit: "GRAMS",
    });
    expect(all.media).toEqual([
      {
        id: "gid://seaworthy-import/MediaImage/mug/1",
        productId: "gid://seaworthy-import/Product/mug",
        url: "https://x/m.jpg",
        alt: "A mug",
        width: null,
        height: null,
        position: 1,
      },
    ]);

    const old = await collect(
      "Handle,Title,Published,Variant Weight,Variant Weight Unit,Variant Grams\na,A,false,1.5,lb,680\nb,B,TRUE,,,20\n",
    );
    expect(old.products.map((p) => p.status)).toEqual(["DRAFT", "ACTIVE"]);
    expect(old.variants.map((v) => [v.weight, v.weightUnit])).toEqual([
      [1.5, "POUNDS"],
      [20, "GRAMS"],
    ]);
  });

  it("accepts a semicolon-separated file re-saved by a spreadsheet", async () => {
    const text = 'Handle;Title;Variant Price\nmug;"Mug; big";4.5\n';
    for (const input of [text, Readable.from(chunksOf(Buffer.from(text), 2))]) {
      const all = await collect(input);
      expect(all.products.map((p) => p.title)).toEqual(["Mug; big"]);
      expect(all.variants.map((v) => v.price)).toEqual(["4.5"]);
    }
  });
});
