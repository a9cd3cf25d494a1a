import { z } from "zod";
import type { ProductMediaRow, ProductRow, VariantRow } from "../mirror/rows";
import { ChunkBuilder, type ProductRows } from "./chunks";
import { scanProducts } from "./json-elements";
import type { ImportChunk, ImportInput, ImportOptions } from "./types";
import {
  emptyToNull,
  isoDate,
  normalizeTags,
  parseMoney,
  productStatus,
  weightUnit,
} from "./values";

/*
 * REST Admin products (`GET /products.json`, webhooks' product payloads). Only what the mirror
 * keeps is validated; everything else is ignored. Ids arrive as JSON numbers that can exceed
 * 2^53 (Shopify's webhook examples do), so they are read from the source text, never rounded.
 */

// Webhook payloads are parsed by JSON.parse, so ids past 2^53 arrive rounded (Shopify's own
// examples have such ids); admin_graphql_api_id, when present, carries the exact id and wins.
const id = z
  .union([
    z.number().nonnegative().refine(Number.isInteger, "must be a whole number"),
    z.string().regex(/^\d+$/),
  ])
  .transform((v) => (typeof v === "number" ? BigInt(v).toString() : v));
const text = z.string().nullish();
/** Prices are strings in REST; hand-made files may use numbers. */
const amount = z.union([z.string(), z.number()]).nullish();
const optionValue = z.union([z.string(), z.number()]).transform(String);

const variantSchema = z.object({
  id,
  admin_graphql_api_id: text,
  title: text,
  price: amount,
  compare_at_price: amount,
  sku: text,
  barcode: text,
  position: z.number().int().nullish(),
  option1: optionValue.nullish(),
  option2: optionValue.nullish(),
  option3: optionValue.nullish(),
  grams: z.number().nullish(),
  weight: z.number().nullish(),
  weight_unit: text,
  inventory_item_id: id.nullish(),
  updated_at: text,
});

const imageSchema = z.object({
  id,
  admin_graphql_api_id: text,
  src: text,
  alt: text,
  width: z.number().int().nullish(),
  height: z.number().int().nullish(),
  position: z.number().int().nullish(),
});

export const productSchema = z.object({
  id,
  admin_graphql_api_id: text,
  title: z.string(),
  handle: z.string().min(1),
  body_html: text,
  vendor: text,
  product_type: text,
  status: text,
  tags: z.union([z.string(), z.array(z.string())]).nullish(),
  created_at: text,
  updated_at: text,
  published_at: text,
  options: z
    .array(
      z.object({
        name: z.string(),
        position: z.number().nullish(),
        values: z.array(optionValue).nullish(),
      }),
    )
    .nullish(),
  variants: z.array(variantSchema).nullish(),
  images: z.array(imageSchema).nullish(),
  /** Since 2024-07 REST products carry their taxonomy category. */
  category: z.object({ admin_graphql_api_id: text, name: text }).nullish(),
  metafields_global_title_tag: text,
  metafields_global_description_tag: text,
});

export type RestProduct = z.infer<typeof productSchema>;

/**
 * Streams products from a REST `products.json` (`{"products":[…]}`), a top-level array of
 * products, or a single `{"product":{…}}`, in chunks of about `batchSize` products. A product
 * that is not valid JSON or fails validation is reported (line of its opening brace, index,
 * handle when readable) and skipped; only broken nesting ends the import early.
 */
export async function* parseProductsJson(
  input: ImportInput | string | Uint8Array,
  options: ImportOptions = {},
): AsyncGenerator<ImportChunk> {
  const out = new ChunkBuilder(options.batchSize);
  for await (const event of scanProducts(input)) {
    if (event.kind === "fatal") {
      out.problems.push({ line: event.line, reason: event.reason, fatal: true });
      break;
    }
    const { line, index } = event;
    const where = `product #${index + 1}`;
    let raw: unknown;
    try {
      raw = parseLossless(event.text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      out.skipped.push({ line, reason: `${where} is not valid JSON: ${message}` });
      continue;
    }
    const parsed = productSchema.safeParse(raw);
    if (!parsed.success) {
      const handle = handleOf(raw);
      out.skipped.push({
        line,
        ...(handle ? { handle } : {}),
        reason: `${where}: ${describe(parsed.error)}`,
      });
      continue;
    }
    const report = (reason: string) =>
      out.problems.push({ line, handle: parsed.data.handle, reason: `${where}: ${reason}` });
    out.add(restProductRows(parsed.data, report));
    const chunk = out.full ? out.take() : null;
    if (chunk) yield chunk;
  }
  const last = out.take();
  if (last) yield last;
}

/** A REST product as mirror rows. */
export function restProductRows(p: RestProduct, report: (reason: string) => void): ProductRows {
  const productId = gid("Product", p.admin_graphql_api_id, p.id);
  const optionNames = [...(p.options ?? [])]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((option) => option.name);
  const status = productStatus(p.status);
  if (p.status && !status)
    report(`status ${JSON.stringify(p.status)} is not active, draft or archived`);

  const product: ProductRow = {
    id: productId,
    title: p.title,
    handle: p.handle,
    vendor: emptyToNull(p.vendor),
    productType: emptyToNull(p.product_type),
    categoryId: emptyToNull(p.category?.admin_graphql_api_id),
    categoryName: emptyToNull(p.category?.name),
    tags: normalizeTags(p.tags),
    // Before 2021 REST had no status; those products were live.
    status: status ?? "ACTIVE",
    descriptionHtml: emptyToNull(p.body_html),
    seoTitle: emptyToNull(p.metafields_global_title_tag),
    seoDescription: emptyToNull(p.metafields_global_description_tag),
    options: p.options?.length
      ? JSON.stringify(p.options.map((o) => ({ name: o.name, values: o.values ?? [] })))
      : null,
    createdAt: isoDate(p.created_at),
    updatedAt: isoDate(p.updated_at),
    publishedAt: isoDate(p.published_at),
    // REST image ids are not media gids; the images' positions say which comes first.
    featuredMediaId: null,
  };

  const variants = (p.variants ?? []).map((v, i): VariantRow => {
    const selected = [v.option1, v.option2, v.option3].flatMap((value, n) =>
      value == null ? [] : [{ name: optionNames[n] ?? `Option${n + 1}`, value }],
    );
    const money = (value: string | number | null | undefined, field: string) => {
      const parsed = parseMoney(value == null ? "" : String(value));
      if (parsed.ok) return parsed.value;
      report(`variant ${v.id} ${field} ${parsed.reason}; kept without it`);
      return null;
    };
    const unit = weightUnit(v.weight_unit);
    const [weight, weightUnitValue] =
      v.weight != null && unit
        ? [v.weight, unit]
        : v.grams != null
          ? [v.grams, "GRAMS"]
          : [null, null];
    return {
      id: gid("ProductVariant", v.admin_graphql_api_id, v.id),
      productId,
      title: emptyToNull(v.title),
      sku: emptyToNull(v.sku),
      barcode: emptyToNull(v.barcode),
      price: money(v.price, "price"),
      compareAtPrice: money(v.compare_at_price, "compare_at_price"),
      position: v.position ?? i + 1,
      selectedOptions: selected.length ? JSON.stringify(selected) : null,
      inventoryItemId: v.inventory_item_id
        ? `gid://shopify/InventoryItem/${v.inventory_item_id}`
        : null,
      // Cost, origin and HS code live on the inventory item, which products.json does not embed.
      unitCost: null,
      unitCostCurrency: null,
      countryOfOrigin: null,
      hsCode: null,
      weight,
      weightUnit: weightUnitValue,
      updatedAt: isoDate(v.updated_at),
    };
  });

  const media = (p.images ?? []).map((image, i): ProductMediaRow => ({
    id: gid("ProductImage", image.admin_graphql_api_id, image.id),
    productId,
    url: emptyToNull(image.src),
    alt: emptyToNull(image.alt),
    width: image.width ?? null,
    height: image.height ?? null,
    position: image.position ?? i + 1,
  }));

  return { product, variants, media };
}

/**
 * The payload's own `admin_graphql_api_id` when it has the expected type: it is a string, so it
 * survives even when the numeric `id` was already rounded by whoever wrote the file.
 */
function gid(type: string, adminId: string | null | undefined, numericId: string): string {
  const prefix = `gid://shopify/${type}/`;
  if (adminId?.startsWith(prefix) && /^\d+$/.test(adminId.slice(prefix.length))) return adminId;
  return prefix + numericId;
}

type Reviver = (
  this: unknown,
  key: string,
  value: unknown,
  context?: { source?: string },
) => unknown;

/**
 * JSON.parse, except that integers beyond 2^53 come back as their digits. Uses the reviver's
 * `context.source` (Node 21+); without it they stay rounded numbers, and the gids then come from
 * `admin_graphql_api_id` where the payload has one.
 */
function parseLossless(json: string): unknown {
  // A reviver makes JSON.parse several times slower; only numbers of 16+ digits can be unsafe.
  if (!/\d{16}/.test(json)) return JSON.parse(json);
  const reviver: Reviver = (_key, value, context) =>
    typeof value === "number" &&
    !Number.isSafeInteger(value) &&
    context?.source !== undefined &&
    /^\d+$/.test(context.source)
      ? context.source
      : value;
  return (JSON.parse as (text: string, reviver: Reviver) => unknown)(json, reviver);
}

function handleOf(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null || !("handle" in raw)) return undefined;
  return typeof raw.handle === "string" && raw.handle !== "" ? raw.handle : undefined;
}

function describe(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : "";
  return issues.join("; ") + more;
}
