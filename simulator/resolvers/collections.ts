/** Collections and their product lists. */
import { timeKey } from "../connection";
import { filterBySearch, type SearchFields } from "../search";
import type { SimCollection, SimProduct } from "../store";
import { entityGuard, gidLegacyId, gidNumber } from "../util";
import {
  argString,
  countOf,
  find,
  idKey,
  resolveConnection,
  typed,
  type ResolverMap,
  type SimContext,
} from "./context";
import { productConnection } from "./products";

const isCollection = entityGuard<SimCollection>("Collection");

const collectionSearch: SearchFields<SimCollection> = {
  text: (c) => [c.title, c.handle],
  fields: {
    id: (c) => gidNumber(c.id),
    title: (c) => c.title,
    handle: (c) => c.handle,
    updated_at: (c) => c.updatedAt,
    product_id: (c) => c.productIds.map((id) => String(gidNumber(id))),
    collection_type: () => "custom",
  },
};

function productsOf(ctx: SimContext, collection: SimCollection): SimProduct[] {
  return collection.productIds.flatMap((id) => {
    const p = find(ctx, (i) => i.products, id);
    return p ? [p] : [];
  });
}

export function collectionResolvers(): ResolverMap {
  return {
    QueryRoot: {
      collections: (_s, args, ctx, info) => {
        const sortKey = argString(args, "sortKey");
        return resolveConnection(ctx, info, args, {
          items: () => ctx.store.collections,
          key:
            sortKey === "TITLE"
              ? (c) => c.title.toLowerCase()
              : sortKey === "UPDATED_AT"
                ? (c) => timeKey(c.updatedAt)
                : idKey,
          search: collectionSearch,
        });
      },
      collection: (_s, args, ctx) =>
        find(ctx, (i) => i.collections, argString(args, "id") ?? "") ?? null,
      collectionByHandle: (_s, args, ctx) =>
        ctx.store.collections.find((c) => c.handle === argString(args, "handle")) ?? null,
      collectionsCount: (_s, args, ctx) =>
        countOf(
          filterBySearch(ctx.store.collections, argString(args, "query"), collectionSearch).items
            .length,
          args,
        ),
    },
    Collection: typed("Collection", isCollection, {
      products: (c, args, ctx, info) =>
        productConnection(ctx, info, args, () => productsOf(ctx, c), true),
      productsCount: (c, _a, ctx) => ({ count: productsOf(ctx, c).length, precision: "EXACT" }),
      hasProduct: (c, args) => c.productIds.includes(argString(args, "id") ?? ""),
      description: (c) => c.descriptionHtml.replace(/<[^>]*>/g, "").trim(),
      legacyResourceId: (c) => gidLegacyId(c.id),
      seo: () => ({ title: null, description: null }),
      sortOrder: () => "MANUAL",
      image: () => null,
      templateSuffix: () => null,
      sources: () => [],
    }),
  };
}
