/**
 * A small hand-written store for the simulator's own tests (the demo catalog comes from
 * simulator/catalog/generate.ts). Every call returns a fresh copy because mutations change the
 * store in place.
 */
import { DEMO_SHOP_DOMAIN, type SimStore, type SimVariant, type SimProduct } from "./store";

const T0 = "2026-09-01T10:00:00Z";
const T1 = "2026-10-01T12:00:00Z";
const T2 = "2026-11-01T08:30:00Z";

function variant(
  n: number,
  position: number,
  title: string,
  fields: Partial<Omit<SimVariant, "id" | "inventoryItem">> & {
    cost?: string | null;
    origin?: string | null;
    hs?: string | null;
    grams?: number | null;
  },
): SimVariant {
  return {
    id: `gid://shopify/ProductVariant/${n}`,
    title,
    position,
    sku: fields.sku ?? null,
    barcode: fields.barcode ?? null,
    price: fields.price ?? "10.00",
    compareAtPrice: fields.compareAtPrice ?? null,
    selectedOptions: fields.selectedOptions ?? [{ name: "Title", value: title }],
    inventoryItem: {
      id: `gid://shopify/InventoryItem/${n + 1000}`,
      tracked: true,
      unitCost: fields.cost ? { amount: fields.cost, currencyCode: "USD" } : null,
      countryCodeOfOrigin: fields.origin ?? null,
      harmonizedSystemCode: fields.hs ?? null,
      weight: fields.grams == null ? null : { value: fields.grams, unit: "GRAMS" },
    },
    createdAt: fields.createdAt ?? T0,
    updatedAt: fields.updatedAt ?? T1,
  };
}

function products(): SimProduct[] {
  return [
    {
      id: "gid://shopify/Product/101",
      title: "Harbor Rain Jacket",
      handle: "harbor-rain-jacket",
      vendor: "Seaworthy Supply",
      productType: "Jackets",
      descriptionHtml: "<p>A <strong>waterproof</strong> shell for wet harbours.</p>",
      status: "ACTIVE",
      tags: ["outerwear", "rain", "bestseller"],
      category: {
        id: "gid://shopify/TaxonomyCategory/aa-1-10-2-10",
        name: "Rain Coats",
        fullName: "Apparel & Accessories > Clothing > Outerwear > Coats & Jackets > Rain Coats",
      },
      seo: { title: "Harbor Rain Jacket | Seaworthy", description: "Waterproof jacket" },
      options: [
        {
          id: "gid://shopify/ProductOption/201",
          name: "Size",
          position: 1,
          values: ["S", "M", "L"],
        },
      ],
      createdAt: T0,
      updatedAt: T1,
      publishedAt: T0,
      variants: [
        variant(301, 1, "S", {
          sku: "HRJ-S",
          barcode: "0012345678905",
          price: "89.00",
          compareAtPrice: "99.00",
          selectedOptions: [{ name: "Size", value: "S" }],
          cost: "31.50",
          origin: "VN",
          hs: "6201.40",
          grams: 540,
        }),
        variant(302, 2, "M", {
          sku: "HRJ-M",
          barcode: "0012345678912",
          price: "89.00",
          selectedOptions: [{ name: "Size", value: "M" }],
          cost: "31.50",
          origin: "VN",
          hs: "6201.40",
          grams: 560,
        }),
        variant(303, 3, "L", {
          sku: "HRJ-L",
          barcode: "12345",
          price: "89.00",
          selectedOptions: [{ name: "Size", value: "L" }],
          cost: "31.50",
          origin: "VN",
          grams: 590,
        }),
      ],
      media: [
        {
          id: "gid://shopify/MediaImage/401",
          alt: "Jacket front",
          url: "https://cdn.shopify.com/s/files/1/0001/harbor-front.jpg",
          width: 1200,
          height: 1600,
        },
        {
          id: "gid://shopify/MediaImage/402",
          alt: null,
          url: "https://cdn.shopify.com/s/files/1/0001/harbor-back.jpg",
          width: 1200,
          height: 1600,
        },
      ],
      metafields: [
        {
          id: "gid://shopify/Metafield/501",
          namespace: "custom",
          key: "material",
          type: "single_line_text_field",
          value: "Recycled nylon",
          updatedAt: T1,
        },
        {
          id: "gid://shopify/Metafield/502",
          namespace: "custom",
          key: "care",
          type: "json",
          value: '{"wash":"30C"}',
          updatedAt: T1,
        },
      ],
      seedCategory: "apparel",
    },
    {
      id: "gid://shopify/Product/102",
      title: "Brass Deck Lamp",
      handle: "brass-deck-lamp",
      vendor: "Lumen & Co",
      productType: "Lighting",
      descriptionHtml: "<p>Solid brass lamp.</p>",
      status: "ACTIVE",
      tags: ["home", "lighting"],
      category: null,
      seo: { title: null, description: null },
      options: [
        {
          id: "gid://shopify/ProductOption/202",
          name: "Title",
          position: 1,
          values: ["Default Title"],
        },
      ],
      createdAt: T0,
      updatedAt: T2,
      publishedAt: T0,
      variants: [
        variant(304, 1, "Default Title", {
          sku: "BDL-1",
          barcode: null,
          price: "145.00",
          cost: "60.00",
          origin: "IN",
          hs: "9405.20",
          grams: 2100,
        }),
      ],
      media: [
        {
          id: "gid://shopify/MediaImage/403",
          alt: "Lamp",
          url: "https://cdn.shopify.com/s/files/1/0001/lamp.jpg",
          width: 800,
          height: 800,
        },
      ],
      metafields: [],
      seedCategory: "home",
    },
    {
      id: "gid://shopify/Product/103",
      title: "Signal Flag Tote",
      handle: "signal-flag-tote",
      vendor: "Seaworthy Supply",
      productType: "Bags",
      descriptionHtml: "",
      status: "DRAFT",
      tags: ["bags"],
      category: null,
      seo: { title: null, description: null },
      options: [
        {
          id: "gid://shopify/ProductOption/203",
          name: "Color",
          position: 1,
          values: ["Red", "Blue"],
        },
      ],
      createdAt: T1,
      updatedAt: T1,
      publishedAt: null,
      variants: [
        variant(305, 1, "Red", {
          sku: "SFT-R",
          price: "24.00",
          selectedOptions: [{ name: "Color", value: "Red" }],
        }),
        variant(306, 2, "Blue", {
          sku: null,
          price: "24.00",
          selectedOptions: [{ name: "Color", value: "Blue" }],
        }),
      ],
      media: [],
      metafields: [],
      seedCategory: "apparel",
    },
    {
      id: "gid://shopify/Product/104",
      title: "Compass Keyring",
      handle: "compass-keyring",
      vendor: "Lumen & Co",
      productType: "Accessories",
      descriptionHtml: "<p>Points north, mostly.</p>",
      status: "ARCHIVED",
      tags: ["gifts"],
      category: null,
      seo: { title: null, description: null },
      options: [
        {
          id: "gid://shopify/ProductOption/204",
          name: "Title",
          position: 1,
          values: ["Default Title"],
        },
      ],
      createdAt: T0,
      updatedAt: T0,
      publishedAt: T0,
      variants: [
        variant(307, 1, "Default Title", {
          sku: "CK-1",
          barcode: "4006381333931",
          price: "12.50",
          compareAtPrice: "15.00",
        }),
      ],
      media: [],
      metafields: [],
      seedCategory: "gifts",
    },
  ];
}

export function fixtureStore(): SimStore {
  const productList = products();
  const variants = productList.flatMap((p) => p.variants);
  return {
    shop: {
      id: "gid://shopify/Shop/1",
      name: "Seaworthy Demo",
      email: "owner@seaworthy-demo.example",
      myshopifyDomain: DEMO_SHOP_DOMAIN,
      primaryDomainUrl: "https://seaworthy-demo.example",
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
      planDisplayName: "Shopify",
      countryCode: "US",
      contactEmail: "hello@seaworthy-demo.example",
      locales: [
        { locale: "en", primary: true, published: true, name: "English" },
        { locale: "de", primary: false, published: true, name: "German" },
        { locale: "ja", primary: false, published: false, name: "Japanese" },
      ],
    },
    products: productList,
    collections: [
      {
        id: "gid://shopify/Collection/601",
        title: "Outerwear",
        handle: "outerwear",
        descriptionHtml: "<p>Coats</p>",
        updatedAt: T1,
        productIds: ["gid://shopify/Product/101"],
      },
      {
        id: "gid://shopify/Collection/602",
        title: "Gifts",
        handle: "gifts",
        descriptionHtml: "",
        updatedAt: T2,
        productIds: [
          "gid://shopify/Product/102",
          "gid://shopify/Product/104",
          "gid://shopify/Product/101",
        ],
      },
    ],
    locations: [
      {
        id: "gid://shopify/Location/701",
        name: "Brooklyn Warehouse",
        countryCode: "US",
        isActive: true,
      },
      {
        id: "gid://shopify/Location/702",
        name: "Rotterdam 3PL",
        countryCode: "NL",
        isActive: true,
      },
    ],
    inventoryLevels: variants.flatMap((v, i) => {
      const itemNumber = v.inventoryItem.id.split("/").pop() ?? "0";
      const levels = [
        {
          id: `gid://shopify/InventoryLevel/${800 + i}?inventory_item_id=${itemNumber}`,
          inventoryItemId: v.inventoryItem.id,
          locationId: "gid://shopify/Location/701",
          available: 10 + i,
          onHand: 12 + i,
          updatedAt: T1,
        },
      ];
      if (i % 2 === 0) {
        levels.push({
          id: `gid://shopify/InventoryLevel/${900 + i}?inventory_item_id=${itemNumber}`,
          inventoryItemId: v.inventoryItem.id,
          locationId: "gid://shopify/Location/702",
          available: 3,
          onHand: 3,
          updatedAt: T1,
        });
      }
      return levels;
    }),
    markets: [
      {
        id: "gid://shopify/Market/1001",
        name: "United States",
        handle: "us",
        enabled: true,
        primary: true,
        currencyCode: "USD",
        countryCodes: ["US"],
      },
      {
        id: "gid://shopify/Market/1002",
        name: "European Union",
        handle: "eu",
        enabled: true,
        primary: false,
        currencyCode: "EUR",
        countryCodes: ["DE", "FR", "NL"],
      },
    ],
    orders: [
      {
        id: "gid://shopify/Order/1101",
        name: "#1001",
        createdAt: "2026-10-05T14:00:00Z",
        processedAt: "2026-10-05T14:00:00Z",
        updatedAt: "2026-10-05T14:05:00Z",
        cancelledAt: null,
        test: false,
        currencyCode: "USD",
        subtotal: "178.00",
        totalDiscounts: "17.80",
        total: "170.20",
        discountCodes: ["CREATOR10"],
        customAttributes: [{ key: "creator", value: "mia" }],
        landingSite:
          "/products/harbor-rain-jacket?utm_source=tiktok&utm_medium=social&utm_campaign=fall",
        referringSite: "https://www.tiktok.com/",
        sourceName: "web",
        customerJourney: {
          firstVisit: {
            landingPage:
              "https://seaworthy-demo.example/products/harbor-rain-jacket?utm_source=tiktok&utm_medium=social&utm_campaign=fall",
            referrerUrl: "https://www.tiktok.com/",
            source: "tiktok",
            occurredAt: "2026-10-03T09:00:00Z",
            utmParameters: {
              source: "tiktok",
              medium: "social",
              campaign: "fall",
              content: null,
              term: null,
            },
          },
          lastVisit: {
            landingPage: "https://seaworthy-demo.example/",
            referrerUrl: null,
            source: "direct",
            occurredAt: "2026-10-05T13:50:00Z",
            utmParameters: null,
          },
          daysToConversion: 2,
        },
        customer: {
          id: "gid://shopify/Customer/1201",
          email: "ana@example.com",
          firstName: "Ana",
          lastName: "Lopez",
          phone: null,
        },
        shippingCountryCode: "US",
        lineItems: [
          {
            id: "gid://shopify/LineItem/1301",
            title: "Harbor Rain Jacket",
            quantity: 2,
            sku: "HRJ-M",
            productId: "gid://shopify/Product/101",
            variantId: "gid://shopify/ProductVariant/302",
            unitPrice: "89.00",
          },
        ],
      },
      {
        id: "gid://shopify/Order/1102",
        name: "#1002",
        createdAt: "2026-10-20T18:00:00Z",
        processedAt: "2026-10-20T18:00:00Z",
        updatedAt: "2026-10-21T09:00:00Z",
        cancelledAt: null,
        test: true,
        currencyCode: "USD",
        subtotal: "157.50",
        totalDiscounts: "0.00",
        total: "157.50",
        discountCodes: [],
        customAttributes: [],
        landingSite: null,
        referringSite: null,
        sourceName: "web",
        customerJourney: null,
        customer: null,
        shippingCountryCode: "DE",
        lineItems: [
          {
            id: "gid://shopify/LineItem/1302",
            title: "Brass Deck Lamp",
            quantity: 1,
            sku: "BDL-1",
            productId: "gid://shopify/Product/102",
            variantId: "gid://shopify/ProductVariant/304",
            unitPrice: "145.00",
          },
          {
            id: "gid://shopify/LineItem/1303",
            title: "Compass Keyring",
            quantity: 1,
            sku: "CK-1",
            productId: "gid://shopify/Product/104",
            variantId: "gid://shopify/ProductVariant/307",
            unitPrice: "12.50",
          },
        ],
      },
    ],
  };
}
