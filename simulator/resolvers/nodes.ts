/** `node(id:)` / `nodes(ids:)`: dispatch on the gid's type segment. */
import { gidNumber, gidType, makeGid } from "../util";
import { readFile } from "./files";
import { argString, argStrings, find, type ResolverMap, type SimContext } from "./context";

export function findNode(ctx: SimContext, id: string): unknown {
  const type = gidType(id);
  const store = ctx.store;
  switch (type) {
    case "Product":
      return find(ctx, (i) => i.products, id) ?? null;
    case "ProductVariant":
      return find(ctx, (i) => i.variants, id)?.variant ?? null;
    case "InventoryItem":
      return find(ctx, (i) => i.inventoryItems, id)?.item ?? null;
    case "InventoryLevel":
      return find(ctx, (i) => i.inventoryLevels, id) ?? null;
    case "MediaImage":
      return find(ctx, (i) => i.media, id)?.image ?? readFile(ctx, id);
    case "GenericFile":
      return readFile(ctx, id);
    case "Metafield":
      return find(ctx, (i) => i.metafields, id)?.metafield ?? null;
    case "Collection":
      return find(ctx, (i) => i.collections, id) ?? null;
    case "Location":
      return find(ctx, (i) => i.locations, id) ?? null;
    case "Market":
      return find(ctx, (i) => i.markets, id) ?? null;
    case "Order":
      return find(ctx, (i) => i.orders, id) ?? null;
    case "LineItem":
      return find(ctx, (i) => i.lineItems, id)?.lineItem ?? null;
    case "Customer":
      return find(ctx, (i) => i.customers, id)?.customer ?? null;
    case "BulkOperation":
      return ctx.services.bulk.get(id);
    case "Shop":
      return store.shop.id === id ? store.shop : null;
    case "ProductOption": {
      for (const p of store.products) {
        const option = p.options.find((o) => o.id === id);
        if (option)
          return {
            ...option,
            optionValues: option.values.map((v, i) => ({
              id: makeGid("ProductOptionValue", gidNumber(option.id) * 100 + i + 1),
              name: v,
              hasVariants: true,
              swatch: null,
            })),
          };
      }
      return null;
    }
    case "TaxonomyCategory": {
      const category = store.products.find((p) => p.category?.id === id)?.category;
      return category
        ? {
            ...category,
            isLeaf: true,
            isRoot: false,
            isArchived: false,
            level: category.fullName.split(" > ").length,
          }
        : null;
    }
    default:
      return null;
  }
}

export function nodeResolvers(): ResolverMap {
  return {
    QueryRoot: {
      node: (_s, args, ctx) => findNode(ctx, argString(args, "id") ?? ""),
      nodes: (_s, args, ctx) => (argStrings(args, "ids") ?? []).map((id) => findNode(ctx, id)),
    },
  };
}
