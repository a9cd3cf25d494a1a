/** Products, their options, media, images and metafields. */
import type { GraphQLResolveInfo } from "graphql";
import type { SortValue } from "../connection";
import { timeKey } from "../connection";
import { resolveAppNamespace } from "../custom-data";
import { filterBySearch, type SearchFields } from "../search";
import type { SimImage, SimMetafield, SimProduct } from "../store";
import { entityGuard, gidLegacyId, gidNumber, makeGid } from "../util";
import {
  availableQuantity,
  decimal,
  defaultCursor,
  findMetafield,
  money,
  metafieldOwner,
} from "./common";
import { metafieldDigest } from "./custom-data";
import { isUploadedFile, uploadedImageFields } from "./files";
import {
  argString,
  argStrings,
  argInt,
  byPosition,
  countOf,
  find,
  idKey,
  index,
  resolveConnection,
  typed,
  type Args,
  type ResolverMap,
  type SimContext,
  type TypeResolvers,
} from "./context";

export const isProduct = entityGuard<SimProduct>("Product");
const isMediaImage = entityGuard<SimImage>("MediaImage");
const isMetafield = entityGuard<SimMetafield>("Metafield");

export function totalInventory(ctx: SimContext, product: SimProduct): number {
  return product.variants.reduce((sum, v) => sum + availableQuantity(ctx, v), 0);
}

function productSearch(ctx: SimContext): SearchFields<SimProduct> {
  return {
    text: (p) => [
      p.title,
      p.vendor,
      p.productType,
      p.handle,
      ...p.tags,
      ...p.variants.map((v) => v.sku),
    ],
    fields: {
      id: (p) => gidNumber(p.id),
      title: (p) => p.title,
      handle: (p) => p.handle,
      vendor: (p) => p.vendor,
      product_type: (p) => p.productType,
      status: (p) => p.status,
      tag: (p) => p.tags,
      sku: (p) => p.variants.flatMap((v) => (v.sku ? [v.sku] : [])),
      barcode: (p) => p.variants.flatMap((v) => (v.barcode ? [v.barcode] : [])),
      created_at: (p) => p.createdAt,
      updated_at: (p) => p.updatedAt,
      published_at: (p) => p.publishedAt,
      // "any" always matches, so it is listed alongside the real state.
      published_status: (p) =>
        p.publishedAt && p.status === "ACTIVE" ? ["published", "any"] : ["unpublished", "any"],
      inventory_total: (p) => totalInventory(ctx, p),
      category_id: (p) => p.category?.id.split("/").pop() ?? null,
      product_category_id: (p) => p.category?.id.split("/").pop() ?? null,
      gift_card: () => false,
      is_price_reduced: (p) =>
        p.variants.some(
          (v) => v.compareAtPrice !== null && Number(v.compareAtPrice) > Number(v.price),
        ),
      variant_id: (p) => p.variants.map((v) => String(gidNumber(v.id))),
    },
  };
}

export function productSortKey(ctx: SimContext, args: Args): (p: SimProduct) => SortValue {
  switch (argString(args, "sortKey")) {
    case "TITLE":
      return (p) => p.title.toLowerCase();
    case "UPDATED_AT":
      return (p) => timeKey(p.updatedAt);
    case "CREATED_AT":
      return (p) => timeKey(p.createdAt);
    case "PUBLISHED_AT":
      return (p) => timeKey(p.publishedAt);
    case "VENDOR":
      return (p) => p.vendor.toLowerCase();
    case "PRODUCT_TYPE":
      return (p) => p.productType.toLowerCase();
    case "INVENTORY_TOTAL":
      return (p) => totalInventory(ctx, p);
    default:
      return idKey;
  }
}

export function productConnection(
  ctx: SimContext,
  info: GraphQLResolveInfo,
  args: Args,
  items: () => readonly SimProduct[],
  positional = false,
): unknown {
  const sortKey = argString(args, "sortKey");
  const key =
    positional && (sortKey === null || sortKey === "COLLECTION_DEFAULT" || sortKey === "MANUAL")
      ? byPosition
      : productSortKey(ctx, args);
  return resolveConnection(ctx, info, args, { items, key, search: productSearch(ctx) });
}

export function filteredProducts(ctx: SimContext, query: string | null): SimProduct[] {
  return filterBySearch(ctx.store.products, query, productSearch(ctx)).items;
}

interface ImageView {
  id: string;
  url: string;
  src: string;
  originalSrc: string;
  transformedSrc: string;
  altText: string | null;
  width: number;
  height: number;
}

function imageView(image: SimImage): ImageView {
  return {
    id: makeGid("ProductImage", gidNumber(image.id)),
    url: image.url,
    src: image.url,
    originalSrc: image.url,
    transformedSrc: image.url,
    altText: image.alt,
    width: image.width,
    height: image.height,
  };
}

function priceRange(
  ctx: SimContext,
  product: SimProduct,
  pick: (p: SimProduct["variants"][number]) => string | null,
): unknown {
  const prices = product.variants
    .map(pick)
    .filter((p): p is string => p !== null)
    .map(Number);
  const currency = ctx.store.shop.currencyCode;
  const min = prices.length ? Math.min(...prices) : 0;
  const max = prices.length ? Math.max(...prices) : 0;
  return {
    minVariantPrice: money(decimal(min), currency),
    maxVariantPrice: money(decimal(max), currency),
  };
}

function metafieldConnection(
  ctx: SimContext,
  info: GraphQLResolveInfo,
  args: Args,
  list: readonly SimMetafield[],
): unknown {
  const raw = argString(args, "namespace");
  const namespace = raw?.startsWith("$app") ? resolveAppNamespace(raw) : raw;
  const keys = argStrings(args, "keys")?.map((k) =>
    k.startsWith("$app")
      ? `${resolveAppNamespace(k.slice(0, k.lastIndexOf(".")))}${k.slice(k.lastIndexOf("."))}`
      : k,
  );
  return resolveConnection(ctx, info, args, {
    items: () =>
      list.filter(
        (m) =>
          (namespace === null || m.namespace === namespace) &&
          (keys === undefined || keys.includes(`${m.namespace}.${m.key}`)),
      ),
    key: byPosition,
  });
}

/** Images made by `fileCreate` are MediaImages too, but no product's media: they answer their own fields. */
function orUploadedImage(fields: TypeResolvers): TypeResolvers {
  const out: TypeResolvers = {};
  for (const [name, fn] of Object.entries(fields)) {
    const own = uploadedImageFields[name];
    out[name] = (source, args, ctx, info) =>
      isUploadedFile(source)
        ? own
          ? own(source)
          : (source as unknown as Record<string, unknown>)[name]
        : fn(source, args, ctx, info);
  }
  return out;
}

export function metafieldResolvers(): ResolverMap {
  return {
    Metafield: typed("Metafield", isMetafield, {
      createdAt: (m) => m.updatedAt,
      legacyResourceId: (m) => gidLegacyId(m.id),
      jsonValue: (m) => {
        if (m.type === "json" || m.type.startsWith("list.")) {
          try {
            return JSON.parse(m.value);
          } catch {
            return m.value;
          }
        }
        if (m.type.startsWith("number_")) return Number(m.value);
        if (m.type === "boolean") return m.value === "true";
        return m.value;
      },
      compareDigest: (m) => metafieldDigest(m),
      sizeInBytes: (m) => Buffer.byteLength(m.value),
      owner: (m, _a, ctx) => metafieldOwner(ctx, m),
      // Only products carry metafields in the simulated store.
      ownerType: () => "PRODUCT",
      definition: () => null,
      reference: () => null,
    }),
  };
}

export function productResolvers(): ResolverMap {
  return {
    QueryRoot: {
      products: (_s, args, ctx, info) =>
        productConnection(ctx, info, args, () => ctx.store.products),
      product: (_s, args, ctx) => find(ctx, (i) => i.products, argString(args, "id") ?? "") ?? null,
      productByHandle: (_s, args, ctx) =>
        ctx.store.products.find((p) => p.handle === argString(args, "handle")) ?? null,
      productByIdentifier: (_s, args, ctx) => {
        const identifier = args.identifier;
        if (typeof identifier !== "object" || identifier === null) return null;
        const id = "id" in identifier && typeof identifier.id === "string" ? identifier.id : null;
        const handle =
          "handle" in identifier && typeof identifier.handle === "string"
            ? identifier.handle
            : null;
        if (id) return find(ctx, (i) => i.products, id) ?? null;
        if (handle) return ctx.store.products.find((p) => p.handle === handle) ?? null;
        return null;
      },
      productsCount: (_s, args, ctx) =>
        countOf(filteredProducts(ctx, argString(args, "query")).length, args),
    },
    Product: typed("Product", isProduct, {
      bodyHtml: (p) => p.descriptionHtml,
      description: (p, args) => {
        const text = p.descriptionHtml
          .replace(/<[^>]*>/g, "")
          .replace(/\s+/g, " ")
          .trim();
        const truncateAt = argInt(args, "truncateAt");
        return truncateAt !== null && text.length > truncateAt
          ? `${text.slice(0, truncateAt)}…`
          : text;
      },
      legacyResourceId: (p) => gidLegacyId(p.id),
      defaultCursor: (p) => defaultCursor(p.id),
      onlineStoreUrl: (p, _a, ctx) =>
        p.status === "ACTIVE" && p.publishedAt
          ? `${ctx.store.shop.primaryDomainUrl}/products/${p.handle}`
          : null,
      options: (p, args) => {
        const first = argInt(args, "first");
        const list = first === null ? p.options : p.options.slice(0, first);
        return list.map((o) => ({
          ...o,
          optionValues: o.values.map((v, i) => ({
            id: makeGid("ProductOptionValue", gidNumber(o.id) * 100 + i + 1),
            name: v,
            hasVariants: p.variants.some((variant) =>
              variant.selectedOptions.some((s) => s.name === o.name && s.value === v),
            ),
            swatch: null,
          })),
        }));
      },
      variants: (p, args, ctx, info) => {
        const sortKey = argString(args, "sortKey");
        return resolveConnection(ctx, info, args, {
          items: () => p.variants,
          key:
            sortKey === "ID"
              ? idKey
              : sortKey === "SKU"
                ? (v) => v.sku ?? ""
                : sortKey === "TITLE" || sortKey === "NAME"
                  ? (v) => v.title
                  : (v) => v.position,
        });
      },
      variantsCount: (p) => ({ count: p.variants.length, precision: "EXACT" }),
      totalVariants: (p) => p.variants.length,
      totalInventory: (p, _a, ctx) => totalInventory(ctx, p),
      tracksInventory: (p) => p.variants.some((v) => v.inventoryItem.tracked),
      hasOnlyDefaultVariant: (p) =>
        p.variants.length === 1 && p.variants[0]?.title === "Default Title",
      hasOutOfStockVariants: (p, _a, ctx) =>
        p.variants.some((v) => v.inventoryItem.tracked && availableQuantity(ctx, v) <= 0),
      media: (p, args, ctx, info) =>
        resolveConnection(ctx, info, args, { items: () => p.media, key: byPosition }),
      mediaCount: (p) => ({ count: p.media.length, precision: "EXACT" }),
      featuredMedia: (p) => p.media[0] ?? null,
      featuredImage: (p) => (p.media[0] ? imageView(p.media[0]) : null),
      images: (p, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => p.media.map(imageView),
          key: byPosition,
        }),
      metafields: (p, args, ctx, info) => metafieldConnection(ctx, info, args, p.metafields),
      metafield: (p, args) =>
        findMetafield(p.metafields, argString(args, "namespace"), argString(args, "key") ?? ""),
      collections: (p, args, ctx, info) => {
        const sortKey = argString(args, "sortKey");
        return resolveConnection(ctx, info, args, {
          items: () => index(ctx).collectionsByProduct.get(p.id) ?? [],
          key:
            sortKey === "TITLE"
              ? (c) => c.title.toLowerCase()
              : sortKey === "UPDATED_AT"
                ? (c) => timeKey(c.updatedAt)
                : idKey,
        });
      },
      inCollection: (p, args, ctx) =>
        (index(ctx).collectionsByProduct.get(p.id) ?? []).some(
          (c) => c.id === argString(args, "id"),
        ),
      priceRangeV2: (p, _a, ctx) => priceRange(ctx, p, (v) => v.price),
      priceRange: (p, _a, ctx) => priceRange(ctx, p, (v) => v.price),
      compareAtPriceRange: (p, _a, ctx) =>
        p.variants.some((v) => v.compareAtPrice !== null)
          ? priceRange(ctx, p, (v) => v.compareAtPrice)
          : null,
      publishedOnCurrentPublication: (p) => p.publishedAt !== null && p.status === "ACTIVE",
      publishedOnCurrentChannel: (p) => p.publishedAt !== null && p.status === "ACTIVE",
      templateSuffix: () => null,
      isGiftCard: () => false,
    }),
    MediaImage: orUploadedImage(
      typed("MediaImage", isMediaImage, {
        image: (m) => imageView(m),
        preview: (m) => ({ image: imageView(m), status: "READY" }),
        mediaContentType: () => "IMAGE",
        status: () => "READY",
        fileStatus: () => "READY",
        mimeType: (m) => (/\.png($|\?)/i.test(m.url) ? "image/png" : "image/jpeg"),
        mediaErrors: () => [],
        mediaWarnings: () => [],
        fileErrors: () => [],
        createdAt: (m, _a, ctx) => find(ctx, (i) => i.media, m.id)?.product.createdAt ?? null,
        updatedAt: (m, _a, ctx) => find(ctx, (i) => i.media, m.id)?.product.updatedAt ?? null,
      }),
    ),
    ...metafieldResolvers(),
  };
}
