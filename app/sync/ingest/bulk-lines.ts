import type { RowsByTable, MirrorTable } from "../mirror/rows";

/**
 * Maps one line of a bulk operation's JSONL (https://shopify.dev/docs/api/usage/bulk-operations/queries)
 * to a mirror row. Pure: no I/O, no state, so the same line always gives the same row and a
 * resumed ingest reaches exactly the state of an uninterrupted one. Children name their parent in
 * `__parentId` and may arrive after unrelated lines; each row stores its parent's id, so order does
 * not matter. Field names differ across API versions (bodyHtml/descriptionHtml, originalSrc/url,
 * altText/alt, priceV2/price, compareAtPriceV2/compareAtPrice, productCategory/category); all are
 * read.
 */

export type Mapped = { [T in MirrorTable]: { table: T; row: RowsByTable[T] } }[MirrorTable];
export type MapResult = Mapped | { skip: string };

type Json = Record<string, unknown>;

const str = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const obj = (v: unknown): Json | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null;
const json = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));

/** "gid://shopify/ProductVariant/1" → "ProductVariant" (escaped slashes are already undone by JSON.parse). */
export function gidType(id: string): string | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(id);
  return match ? match[1]! : null;
}

function product(line: Json): Mapped {
  const category = obj(line.category) ?? obj(line.productCategory)?.productTaxonomyNode;
  const seo = obj(line.seo);
  const tags = Array.isArray(line.tags) ? line.tags.map(String).join(", ") : (str(line.tags) ?? "");
  return {
    table: "Product",
    row: {
      id: String(line.id),
      title: str(line.title) ?? "",
      handle: str(line.handle) ?? "",
      vendor: str(line.vendor),
      productType: str(line.productType),
      categoryId: str(obj(category)?.id),
      categoryName: str(obj(category)?.fullName) ?? str(obj(category)?.name),
      tags,
      status: str(line.status) ?? "ACTIVE",
      descriptionHtml: str(line.descriptionHtml) ?? str(line.bodyHtml),
      seoTitle: str(seo?.title),
      seoDescription: str(seo?.description),
      options: json(line.options),
      createdAt: str(line.createdAt),
      updatedAt: str(line.updatedAt),
      publishedAt: str(line.publishedAt),
      featuredMediaId: str(obj(line.featuredMedia)?.id),
    },
  };
}

function variant(line: Json, parent: string): Mapped {
  const item = obj(line.inventoryItem);
  const cost = obj(item?.unitCost);
  const weight = obj(obj(item?.measurement)?.weight);
  return {
    table: "Variant",
    row: {
      id: String(line.id),
      productId: str(obj(line.product)?.id) ?? parent,
      title: str(line.title),
      sku: str(line.sku),
      barcode: str(line.barcode),
      price: str(line.price) ?? str(obj(line.priceV2)?.amount),
      compareAtPrice: str(line.compareAtPrice) ?? str(obj(line.compareAtPriceV2)?.amount),
      position: num(line.position),
      selectedOptions: json(line.selectedOptions),
      inventoryItemId: str(item?.id),
      unitCost: str(cost?.amount),
      unitCostCurrency: str(cost?.currencyCode),
      countryOfOrigin: str(item?.countryCodeOfOrigin),
      hsCode: str(item?.harmonizedSystemCode),
      weight: num(weight?.value),
      weightUnit: str(weight?.unit),
      updatedAt: str(line.updatedAt),
    },
  };
}

function media(line: Json, parent: string): Mapped {
  const image = obj(line.image) ?? obj(line.preview)?.image;
  const img = obj(image);
  return {
    table: "ProductMedia",
    row: {
      id: String(line.id),
      productId: parent,
      url:
        str(img?.url) ??
        str(img?.originalSrc) ??
        str(line.originalSrc) ??
        str(line.url) ??
        str(line.src),
      // MediaImage has `alt`; the older `images` connection's Image has `altText` on the line.
      alt: str(line.alt) ?? str(img?.altText) ?? str(line.altText),
      width: num(img?.width ?? line.width),
      height: num(img?.height ?? line.height),
      position: null,
    },
  };
}

export function mapBulkLine(line: Json): MapResult {
  const id = str(line.id);
  const parent = str(line.__parentId);
  if (!id)
    return {
      skip: parent ? "child without id (a fragment that matched nothing)" : "line without id",
    };
  const type = gidType(id);
  switch (type) {
    case "Product":
      // Under a collection, a product line is a membership, not the product itself.
      if (parent && gidType(parent) === "Collection") {
        return { table: "CollectionProduct", row: { collectionId: parent, productId: id } };
      }
      return product(line);
    case "ProductVariant":
      return variant(line, parent ?? "");
    case "MediaImage":
    case "ProductImage":
    case "Image":
      return parent ? media(line, parent) : { skip: `${type} without a parent product` };
    case "Metafield":
      return {
        table: "Metafield",
        row: {
          id,
          ownerId: parent ?? str(obj(line.owner)?.id) ?? "",
          namespace: str(line.namespace) ?? "",
          key: str(line.key) ?? "",
          type: str(line.type) ?? "",
          value: str(line.value) ?? "",
          updatedAt: str(line.updatedAt),
        },
      };
    case "Collection":
      return {
        table: "Collection",
        row: {
          id,
          title: str(line.title) ?? "",
          handle: str(line.handle) ?? "",
          updatedAt: str(line.updatedAt),
        },
      };
    case "Location":
      return {
        table: "Location",
        row: {
          id,
          name: str(line.name) ?? "",
          countryCode: str(obj(line.address)?.countryCode),
          isActive: line.isActive !== false,
        },
      };
    case "InventoryLevel": {
      const quantities = Array.isArray(line.quantities) ? (line.quantities as Json[]) : [];
      const quantity = (name: string) => num(quantities.find((q) => q.name === name)?.quantity);
      const itemId = str(obj(line.item)?.id) ?? parent;
      const locationId = str(obj(line.location)?.id);
      if (!itemId || !locationId) return { skip: "InventoryLevel without item or location" };
      return {
        table: "InventoryLevel",
        row: {
          inventoryItemId: itemId,
          locationId,
          available: quantity("available") ?? num(line.available) ?? 0,
          onHand: quantity("on_hand"),
          updatedAt: str(line.updatedAt),
        },
      };
    }
    case "Order":
      return order(line);
    case "LineItem":
      return {
        table: "OrderLine",
        row: {
          id,
          orderId: parent ?? "",
          productId: str(obj(line.product)?.id),
          variantId: str(obj(line.variant)?.id),
          sku: str(line.sku),
          title: str(line.title) ?? "",
          quantity: num(line.quantity) ?? 0,
          unitPrice: str(obj(obj(line.originalUnitPriceSet)?.shopMoney)?.amount),
        },
      };
    case "InventoryItem":
      return { skip: "InventoryItem (its levels carry what the mirror keeps)" };
    default:
      return { skip: `unknown type ${type ?? id}` };
  }
}

function money(v: unknown): string | null {
  return str(obj(obj(v)?.shopMoney)?.amount);
}

function visit(v: unknown) {
  const o = obj(v);
  if (!o) return null;
  return {
    landingPage: str(o.landingPage),
    referrerUrl: str(o.referrerUrl),
    source: str(o.source),
    occurredAt: str(o.occurredAt),
    utmParameters: obj(o.utmParameters),
  };
}

function order(line: Json): Mapped {
  const journey = obj(line.customerJourneySummary);
  const first = visit(journey?.firstVisit);
  const last = visit(journey?.lastVisit);
  const utm = obj(first?.utmParameters) ?? obj(last?.utmParameters);
  const currency =
    str(line.currencyCode) ?? str(obj(obj(line.totalPriceSet)?.shopMoney)?.currencyCode) ?? "";
  return {
    table: "Order",
    row: {
      id: String(line.id),
      name: str(line.name) ?? "",
      createdAt: str(line.createdAt) ?? new Date(0).toISOString(),
      processedAt: str(line.processedAt),
      updatedAt: str(line.updatedAt),
      cancelledAt: str(line.cancelledAt),
      test: line.test === true,
      currencyCode: currency,
      subtotal: money(line.subtotalPriceSet),
      totalDiscounts: money(line.totalDiscountsSet),
      total: money(line.totalPriceSet) ?? "0",
      discountCodes: Array.isArray(line.discountCodes)
        ? line.discountCodes.map(String).join(",")
        : "",
      landingSite: first?.landingPage ?? null,
      referringSite: first?.referrerUrl ?? null,
      sourceName: str(line.sourceName),
      customAttributes: json(line.customAttributes),
      utmSource: str(utm?.source),
      utmMedium: str(utm?.medium),
      utmCampaign: str(utm?.campaign),
      utmContent: str(utm?.content),
      utmTerm: str(utm?.term),
      customerJourney: journey
        ? JSON.stringify({
            firstVisit: first,
            lastVisit: last,
            daysToConversion: num(journey.daysToConversion),
          })
        : null,
      customerId: str(obj(line.customer)?.id),
      shippingCountry: str(obj(line.shippingAddress)?.countryCodeV2),
    },
  };
}
