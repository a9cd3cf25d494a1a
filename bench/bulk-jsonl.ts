import { createWriteStream } from "node:fs";
import { once } from "node:events";

/**
 * Writes a bulk-operation JSONL file shaped exactly like the BulkProducts query's output on
 * Shopify: one line per product, then its children (variants, images, metafields) each carrying
 * `__parentId`. Streams to disk, so any size fits in memory. Deterministic for the same options.
 */
export interface BulkFileOptions {
  products: number;
  variants?: number;
  images?: number;
  metafields?: number;
  /** Interleave some children after later products, as Shopify may. */
  shuffleChildren?: boolean;
}

export function productGid(n: number) {
  return `gid://shopify/Product/${7_000_000_000_000 + n}`;
}

function productLine(n: number) {
  return {
    id: productGid(n),
    title: `Seaworthy Product ${n} – Thermal Mug ${n % 7}`,
    handle: `product-${n}`,
    vendor: "Seaworthy",
    productType: "Mugs",
    descriptionHtml: `<p>Double-wall stainless mug number ${n}. Keeps drinks hot for 12 hours.</p>`,
    status: n % 25 === 0 ? "DRAFT" : "ACTIVE",
    tags: ["kitchen", "gift", `batch-${n % 10}`],
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: `2026-10-${String((n % 28) + 1).padStart(2, "0")}T12:00:00Z`,
    publishedAt: "2026-01-02T00:00:00Z",
    category: {
      id: "gid://shopify/TaxonomyCategory/hg-11-10-3-11",
      name: "Mugs",
      fullName: "Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs",
    },
    seo: { title: null, description: null },
    options: [{ name: "Color", values: ["Black", "White", "Blue", "Red", "Green"] }],
  };
}

function variantLine(n: number, v: number) {
  const id = n * 10 + v;
  return {
    id: `gid://shopify/ProductVariant/${8_000_000_000_000 + id}`,
    title: ["Black", "White", "Blue", "Red", "Green", "Grey", "Pink", "Navy"][v % 8],
    sku: `SW-${n}-${v}`,
    barcode: v % 4 === 3 ? null : String(6_900_000_000_000 + id),
    price: (19.9 + (n % 30)).toFixed(2),
    compareAtPrice: v === 0 ? "39.90" : null,
    position: v + 1,
    updatedAt: "2026-10-01T12:00:00Z",
    selectedOptions: [{ name: "Color", value: "Black" }],
    inventoryItem: {
      id: `gid://shopify/InventoryItem/${9_000_000_000_000 + id}`,
      countryCodeOfOrigin: "CN",
      harmonizedSystemCode: "732393",
      unitCost: { amount: "6.40", currencyCode: "USD" },
      measurement: { weight: { unit: "GRAMS", value: 350 } },
    },
    __parentId: productGid(n),
  };
}

function imageLine(n: number, i: number) {
  return {
    id: `gid://shopify/MediaImage/${5_000_000_000_000 + n * 10 + i}`,
    alt: i === 0 ? `Product ${n} front` : null,
    image: {
      url: `https://cdn.shopify.com/s/files/1/0000/0001/products/p${n}-${i}.jpg`,
      width: 1200,
      height: 1600,
    },
    __parentId: productGid(n),
  };
}

function metafieldLine(n: number, m: number) {
  return {
    id: `gid://shopify/Metafield/${4_000_000_000_000 + n * 10 + m}`,
    namespace: "reviews",
    key: m === 0 ? "rating" : `note_${m}`,
    type: m === 0 ? "rating" : "single_line_text_field",
    value: m === 0 ? '{"value":"4.6","scale_min":"1.0","scale_max":"5.0"}' : "ok",
    updatedAt: "2026-10-01T12:00:00Z",
    __parentId: productGid(n),
  };
}

/** Writes the file; returns how many lines of each kind it holds. */
export async function writeBulkProductsFile(file: string, o: BulkFileOptions) {
  const variants = o.variants ?? 5;
  const images = o.images ?? 3;
  const metafields = o.metafields ?? 0;
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let held: string[] = [];
  const write = async (line: object) => {
    if (!out.write(JSON.stringify(line) + "\n")) await once(out, "drain");
  };
  for (let n = 1; n <= o.products; n++) {
    await write(productLine(n));
    const children: object[] = [];
    for (let v = 0; v < variants; v++) children.push(variantLine(n, v));
    for (let i = 0; i < images; i++) children.push(imageLine(n, i));
    for (let m = 0; m < metafields; m++) children.push(metafieldLine(n, m));
    if (o.shuffleChildren && n % 3 === 0) {
      held = held.concat(children.map((c) => JSON.stringify(c)));
    } else {
      for (const child of children) await write(child);
    }
    if (held.length > 50 || n === o.products) {
      for (const line of held) if (!out.write(line + "\n")) await once(out, "drain");
      held = [];
    }
  }
  out.end();
  await once(out, "finish");
  return {
    products: o.products,
    variants: o.products * variants,
    images: o.products * images,
    metafields: o.products * metafields,
  };
}
