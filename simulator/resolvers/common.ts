/** Value objects shared by several resources (money, counts, inventory sums, metafields). */
import { GraphQLError } from "graphql";
import { encodeCursor } from "../connection";
import { resolveAppNamespace } from "../custom-data";
import type { SimMetafield, SimVariant } from "../store";
import { gidNumber } from "../util";
import { find, index, type SimContext } from "./context";

export function money(
  amount: string,
  currencyCode: string,
): { amount: string; currencyCode: string } {
  return { amount, currencyCode };
}

export function moneyBag(
  amount: string,
  currencyCode: string,
): { shopMoney: ReturnType<typeof money>; presentmentMoney: ReturnType<typeof money> } {
  return { shopMoney: money(amount, currencyCode), presentmentMoney: money(amount, currencyCode) };
}

/** Shopify prints decimals without trailing zeros beyond one place ("19.99", "20.0"). */
export function decimal(n: number): string {
  const s = (Math.round(n * 100) / 100).toFixed(2);
  return s.endsWith("0") ? s.slice(0, -1) : s;
}

export function availableQuantity(ctx: SimContext, variant: SimVariant): number {
  const levels = index(ctx).levelsByItem.get(variant.inventoryItem.id) ?? [];
  return levels.reduce((sum, l) => sum + l.available, 0);
}

export function defaultCursor(id: string): string {
  const n = gidNumber(id);
  return encodeCursor(n, n);
}

export function notFound(what: string): never {
  throw new GraphQLError(`simulator: ${what} not found in the simulated store`);
}

/** The owner of a metafield, found through the index (metafields only hang off products today). */
export function metafieldOwner(ctx: SimContext, metafield: SimMetafield): unknown {
  return find(ctx, (i) => i.metafields, metafield.id)?.owner ?? null;
}

/** `metafield(namespace, key)`: Shopify also accepts key "namespace.key" with no namespace. */
export function findMetafield(
  list: readonly SimMetafield[],
  namespace: string | null,
  key: string,
): SimMetafield | null {
  // `$app:x` is how an app names its reserved namespace; the store holds the resolved name.
  let ns = namespace?.startsWith("$app") ? resolveAppNamespace(namespace) : namespace;
  let k = key;
  if (ns === null && key.includes(".")) {
    const dot = key.indexOf(".");
    ns = resolveAppNamespace(key.slice(0, dot));
    k = key.slice(dot + 1);
  }
  return list.find((m) => m.key === k && (ns === null || m.namespace === ns)) ?? null;
}

export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "currency" }).of(code) ?? code;
  } catch {
    return code;
  }
}
