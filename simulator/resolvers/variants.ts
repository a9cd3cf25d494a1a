/** Product variants, inventory items and inventory levels. */
import { timeKey, type SortValue } from "../connection";
import { filterBySearch, type SearchFields } from "../search";
import type { SimInventoryItem, SimInventoryLevel, SimProduct, SimVariant } from "../store";
import { entityGuard, gidLegacyId, gidNumber, makeGid } from "../util";
import { availableQuantity, defaultCursor, notFound } from "./common";
import {
  argString,
  argStrings,
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
} from "./context";

export const isVariant = entityGuard<SimVariant>("ProductVariant");
const isInventoryItem = entityGuard<SimInventoryItem>("InventoryItem");
const isInventoryLevel = entityGuard<SimInventoryLevel>("InventoryLevel");

export function productOfVariant(ctx: SimContext, variant: SimVariant): SimProduct {
  return find(ctx, (i) => i.variants, variant.id)?.product ?? notFound(`product of ${variant.id}`);
}

interface VariantRow {
  id: string;
  variant: SimVariant;
  product: SimProduct;
}

function variantRows(ctx: SimContext): VariantRow[] {
  return ctx.store.products.flatMap((product) =>
    product.variants.map((variant) => ({ id: variant.id, variant, product })),
  );
}

function variantSearch(ctx: SimContext): SearchFields<VariantRow> {
  return {
    text: (r) => [r.variant.title, r.variant.sku, r.variant.barcode, r.product.title],
    fields: {
      id: (r) => gidNumber(r.id),
      sku: (r) => r.variant.sku,
      barcode: (r) => r.variant.barcode,
      title: (r) => r.variant.title,
      product_id: (r) => gidNumber(r.product.id),
      product_status: (r) => r.product.status,
      product_type: (r) => r.product.productType,
      vendor: (r) => r.product.vendor,
      tag: (r) => r.product.tags,
      created_at: (r) => r.variant.createdAt,
      updated_at: (r) => r.variant.updatedAt,
      inventory_quantity: (r) => availableQuantity(ctx, r.variant),
      price: (r) => Number(r.variant.price),
    },
  };
}

function variantRowKey(ctx: SimContext, args: Args): (r: VariantRow) => SortValue {
  switch (argString(args, "sortKey")) {
    case "SKU":
      return (r) => r.variant.sku ?? "";
    case "TITLE":
    case "NAME":
      return (r) => r.variant.title.toLowerCase();
    case "FULL_TITLE":
      return (r) => `${r.product.title} - ${r.variant.title}`.toLowerCase();
    case "POSITION":
      return (r) => r.variant.position;
    case "INVENTORY_QUANTITY":
    case "INVENTORY_LEVELS_AVAILABLE":
      return (r) => availableQuantity(ctx, r.variant);
    default:
      return idKey;
  }
}

function levelQuantity(level: SimInventoryLevel, name: string): number {
  switch (name) {
    case "available":
      return level.available;
    case "on_hand":
      return level.onHand;
    case "committed":
      return Math.max(0, level.onHand - level.available);
    default:
      return 0; // incoming, reserved, damaged, safety_stock, quality_control: not modelled
  }
}

export function variantResolvers(): ResolverMap {
  return {
    QueryRoot: {
      productVariants: (_s, args, ctx, info) => {
        const rows = resolveConnection(ctx, info, args, {
          items: () => variantRows(ctx),
          key: variantRowKey(ctx, args),
          search: variantSearch(ctx),
        });
        // The rows carried the parent product for searching and sorting; expose the variants.
        return {
          ...rows,
          edges: rows.edges.map((e) => ({
            cursor: e.cursor,
            node: isRow(e.node) ? e.node.variant : e.node,
          })),
          nodes: rows.nodes.map((n) => (isRow(n) ? n.variant : n)),
        };
      },
      productVariant: (_s, args, ctx) =>
        find(ctx, (i) => i.variants, argString(args, "id") ?? "")?.variant ?? null,
      productVariantsCount: (_s, args, ctx) =>
        countOf(
          filterBySearch(variantRows(ctx), argString(args, "query"), variantSearch(ctx)).items
            .length,
          args,
        ),
      inventoryItem: (_s, args, ctx) =>
        find(ctx, (i) => i.inventoryItems, argString(args, "id") ?? "")?.item ?? null,
      // The root connection the inventory bulk sync reads (inventoryItems → inventoryLevels).
      inventoryItems: (_s, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => [...index(ctx).inventoryItems.values()].map((entry) => entry.item),
          key: idKey,
        }),
      inventoryLevel: (_s, args, ctx) =>
        find(ctx, (i) => i.inventoryLevels, argString(args, "id") ?? "") ?? null,
    },
    ProductVariant: typed("ProductVariant", isVariant, {
      product: (v, _a, ctx) => productOfVariant(ctx, v),
      displayName: (v, _a, ctx) => `${productOfVariant(ctx, v).title} - ${v.title}`,
      inventoryQuantity: (v, _a, ctx) => availableQuantity(ctx, v),
      sellableOnlineQuantity: (v, _a, ctx) => availableQuantity(ctx, v),
      availableForSale: (v, _a, ctx) =>
        productOfVariant(ctx, v).status === "ACTIVE" &&
        (!v.inventoryItem.tracked || availableQuantity(ctx, v) > 0),
      inventoryPolicy: () => "DENY",
      taxable: () => true,
      legacyResourceId: (v) => gidLegacyId(v.id),
      defaultCursor: (v) => defaultCursor(v.id),
      selectedOptions: (v, _a, ctx) => {
        const product = productOfVariant(ctx, v);
        return v.selectedOptions.map((s) => {
          const option = product.options.find((o) => o.name === s.name);
          const position = option ? option.values.indexOf(s.value) + 1 : 0;
          return {
            name: s.name,
            value: s.value,
            optionValue: {
              id: makeGid("ProductOptionValue", option ? gidNumber(option.id) * 100 + position : 0),
              name: s.value,
              hasVariants: true,
              swatch: null,
            },
          };
        });
      },
      metafields: (_v, args, ctx, info) =>
        resolveConnection(ctx, info, args, { items: () => [], key: byPosition }),
      metafield: () => null,
      media: (_v, args, ctx, info) =>
        resolveConnection(ctx, info, args, { items: () => [], key: byPosition }),
      image: () => null,
      requiresComponents: () => false,
      showUnitPrice: () => false,
    }),
    InventoryItem: typed("InventoryItem", isInventoryItem, {
      sku: (item, _a, ctx) => find(ctx, (i) => i.inventoryItems, item.id)?.variant.sku ?? null,
      variant: (item, _a, ctx) =>
        find(ctx, (i) => i.inventoryItems, item.id)?.variant ?? notFound(`variant of ${item.id}`),
      variants: (item, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => {
            const entry = find(ctx, (i) => i.inventoryItems, item.id);
            return entry ? [entry.variant] : [];
          },
          key: idKey,
        }),
      measurement: (item) => ({
        id: makeGid("InventoryItemMeasurement", gidNumber(item.id)),
        weight: item.weight,
      }),
      requiresShipping: () => true,
      legacyResourceId: (item) => gidLegacyId(item.id),
      createdAt: (item, _a, ctx) =>
        find(ctx, (i) => i.inventoryItems, item.id)?.variant.createdAt ?? null,
      updatedAt: (item, _a, ctx) =>
        find(ctx, (i) => i.inventoryItems, item.id)?.variant.updatedAt ?? null,
      duplicateSkuCount: () => 0,
      inventoryHistoryUrl: () => null,
      provinceCodeOfOrigin: () => null,
      inventoryLevels: (item, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => index(ctx).levelsByItem.get(item.id) ?? [],
          key: (l) => gidNumber(l.locationId),
        }),
      inventoryLevel: (item, args, ctx) =>
        (index(ctx).levelsByItem.get(item.id) ?? []).find(
          (l) => l.locationId === argString(args, "locationId"),
        ) ?? null,
      locationsCount: (item, _a, ctx) => ({
        count: (index(ctx).levelsByItem.get(item.id) ?? []).length,
        precision: "EXACT",
      }),
    }),
    InventoryLevel: typed("InventoryLevel", isInventoryLevel, {
      location: (l, _a, ctx) =>
        find(ctx, (i) => i.locations, l.locationId) ?? notFound(l.locationId),
      item: (l, _a, ctx) =>
        find(ctx, (i) => i.inventoryItems, l.inventoryItemId)?.item ?? notFound(l.inventoryItemId),
      quantities: (l, args) =>
        (argStrings(args, "names") ?? []).map((name) => ({
          id: makeGid(
            "InventoryQuantity",
            `${gidNumber(l.id)}?inventory_item_id=${gidNumber(l.inventoryItemId)}&name=${name}`,
          ),
          name,
          quantity: levelQuantity(l, name),
          updatedAt: l.updatedAt,
        })),
      isActive: () => true,
      canDeactivate: () => false,
      deactivationAlert: () => null,
      createdAt: (l) => l.updatedAt,
    }),
  };
}

function isRow(value: unknown): value is VariantRow {
  return typeof value === "object" && value !== null && "variant" in value && "product" in value;
}

/** Variants ordered by an updated_at query, used by the variant REST payloads. */
export function variantsByUpdatedAt(product: SimProduct): SimVariant[] {
  return [...product.variants].sort((a, b) => timeKey(b.updatedAt) - timeKey(a.updatedAt));
}
