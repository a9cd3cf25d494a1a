/**
 * The store mirror's rows as the sync code produces them, one interface per table, and the spec
 * the batch writer turns into SQL. Columns match prisma/<provider>/schema.prisma (the writer's
 * test checks every column exists). Dates are ISO strings; JSON-ish columns are JSON text; every
 * row's shop is supplied by the writer, never by the row.
 */

export interface ProductRow {
  id: string;
  title: string;
  handle: string;
  vendor: string | null;
  productType: string | null;
  categoryId: string | null;
  categoryName: string | null;
  /** Comma-separated, as Shopify's REST and CSV formats carry them. */
  tags: string;
  status: string;
  descriptionHtml: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  /** JSON: [{name, values[]}] */
  options: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  publishedAt: string | null;
  /** The media shown first (Shopify's featured media): bulk files carry no media positions. */
  featuredMediaId: string | null;
}

export interface VariantRow {
  id: string;
  productId: string;
  title: string | null;
  sku: string | null;
  barcode: string | null;
  price: string | null;
  compareAtPrice: string | null;
  position: number | null;
  /** JSON: [{name, value}] */
  selectedOptions: string | null;
  inventoryItemId: string | null;
  unitCost: string | null;
  unitCostCurrency: string | null;
  countryOfOrigin: string | null;
  hsCode: string | null;
  weight: number | null;
  weightUnit: string | null;
  updatedAt: string | null;
}

export interface ProductMediaRow {
  id: string;
  productId: string;
  url: string | null;
  alt: string | null;
  width: number | null;
  height: number | null;
  position: number | null;
}

export interface MetafieldRow {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  updatedAt: string | null;
}

export interface CollectionRow {
  id: string;
  title: string;
  handle: string;
  updatedAt: string | null;
}

export interface CollectionProductRow {
  collectionId: string;
  productId: string;
}

export interface LocationRow {
  id: string;
  name: string;
  countryCode: string | null;
  isActive: boolean;
}

export interface InventoryLevelRow {
  inventoryItemId: string;
  locationId: string;
  available: number;
  onHand: number | null;
  updatedAt: string | null;
}

export interface OrderRow {
  id: string;
  name: string;
  createdAt: string;
  processedAt: string | null;
  updatedAt: string | null;
  cancelledAt: string | null;
  test: boolean;
  currencyCode: string;
  subtotal: string | null;
  totalDiscounts: string | null;
  total: string;
  /** Comma-separated codes. */
  discountCodes: string;
  landingSite: string | null;
  referringSite: string | null;
  sourceName: string | null;
  /** JSON: [{key, value}] */
  customAttributes: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
  /** JSON: {firstVisit, lastVisit, daysToConversion} without personal data. */
  customerJourney: string | null;
  customerId: string | null;
  shippingCountry: string | null;
}

export interface OrderLineRow {
  id: string;
  orderId: string;
  productId: string | null;
  variantId: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  unitPrice: string | null;
}

export interface RowsByTable {
  Product: ProductRow;
  Variant: VariantRow;
  ProductMedia: ProductMediaRow;
  Metafield: MetafieldRow;
  Collection: CollectionRow;
  CollectionProduct: CollectionProductRow;
  Location: LocationRow;
  InventoryLevel: InventoryLevelRow;
  Order: OrderRow;
  OrderLine: OrderLineRow;
}

export type MirrorTable = keyof RowsByTable;

/** Rows to write, grouped by table. */
export type RowBatch = { [T in MirrorTable]?: RowsByTable[T][] };

interface TableSpec<T extends MirrorTable> {
  /** The primary key after `shop`. */
  key: readonly (keyof RowsByTable[T] & string)[];
  columns: readonly (keyof RowsByTable[T] & string)[];
  /** Columns holding ISO dates, converted to each database's DateTime representation. */
  dates: readonly (keyof RowsByTable[T] & string)[];
  /** Boolean columns (SQLite stores 0/1). */
  booleans?: readonly (keyof RowsByTable[T] & string)[];
  /** Whether the table has the writer-maintained `syncedAt` column. */
  synced: boolean;
}

export const TABLES: { [T in MirrorTable]: TableSpec<T> } = {
  Product: {
    key: ["id"],
    columns: [
      "id",
      "title",
      "handle",
      "vendor",
      "productType",
      "categoryId",
      "categoryName",
      "tags",
      "status",
      "descriptionHtml",
      "seoTitle",
      "seoDescription",
      "options",
      "createdAt",
      "updatedAt",
      "publishedAt",
      "featuredMediaId",
    ],
    dates: ["createdAt", "updatedAt", "publishedAt"],
    synced: true,
  },
  Variant: {
    key: ["id"],
    columns: [
      "id",
      "productId",
      "title",
      "sku",
      "barcode",
      "price",
      "compareAtPrice",
      "position",
      "selectedOptions",
      "inventoryItemId",
      "unitCost",
      "unitCostCurrency",
      "countryOfOrigin",
      "hsCode",
      "weight",
      "weightUnit",
      "updatedAt",
    ],
    dates: ["updatedAt"],
    synced: true,
  },
  ProductMedia: {
    key: ["id"],
    columns: ["id", "productId", "url", "alt", "width", "height", "position"],
    dates: [],
    synced: true,
  },
  Metafield: {
    key: ["id"],
    columns: ["id", "ownerId", "namespace", "key", "type", "value", "updatedAt"],
    dates: ["updatedAt"],
    synced: true,
  },
  Collection: {
    key: ["id"],
    columns: ["id", "title", "handle", "updatedAt"],
    dates: ["updatedAt"],
    synced: true,
  },
  CollectionProduct: {
    key: ["collectionId", "productId"],
    columns: ["collectionId", "productId"],
    dates: [],
    synced: true,
  },
  Location: {
    key: ["id"],
    columns: ["id", "name", "countryCode", "isActive"],
    dates: [],
    booleans: ["isActive"],
    synced: true,
  },
  InventoryLevel: {
    key: ["inventoryItemId", "locationId"],
    columns: ["inventoryItemId", "locationId", "available", "onHand", "updatedAt"],
    dates: ["updatedAt"],
    synced: true,
  },
  Order: {
    key: ["id"],
    columns: [
      "id",
      "name",
      "createdAt",
      "processedAt",
      "updatedAt",
      "cancelledAt",
      "test",
      "currencyCode",
      "subtotal",
      "totalDiscounts",
      "total",
      "discountCodes",
      "landingSite",
      "referringSite",
      "sourceName",
      "customAttributes",
      "utmSource",
      "utmMedium",
      "utmCampaign",
      "utmContent",
      "utmTerm",
      "customerJourney",
      "customerId",
      "shippingCountry",
    ],
    dates: ["createdAt", "processedAt", "updatedAt", "cancelledAt"],
    booleans: ["test"],
    synced: true,
  },
  OrderLine: {
    key: ["id"],
    columns: ["id", "orderId", "productId", "variantId", "sku", "title", "quantity", "unitPrice"],
    dates: [],
    synced: true,
  },
};
