/** Test fixtures: a plain product, a full merchant profile, certificates. Not used at runtime. */
import { inferProfile, mergeProfile } from "./profile";
import type {
  Certificate,
  ComplianceProfile,
  EvaluateInput,
  MerchantProfile,
  Party,
  ProductFacts,
} from "./types";

export function product(overrides: Partial<ProductFacts> = {}): ProductFacts {
  return {
    id: "gid://shopify/Product/1",
    handle: "ceramic-mug",
    title: "Ceramic Mug",
    vendor: "Seaworthy Home",
    productType: "Mug",
    categoryId: "gid://shopify/TaxonomyCategory/hg-11-10-5-5",
    categoryName: "Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs",
    tags: [],
    status: "ACTIVE",
    descriptionHtml: "<p>A sturdy mug for coffee.</p>",
    seoTitle: null,
    seoDescription: null,
    variants: [
      {
        id: "gid://shopify/ProductVariant/1",
        sku: "MUG-1",
        barcode: "6901234567892",
        price: 12,
        compareAtPrice: null,
        unitCost: 3,
        grams: 300,
        countryOfOrigin: "CN",
        hsCode: "691200",
        available: 10,
      },
    ],
    images: [
      { url: "https://cdn.shopify.com/mug.jpg", alt: "Mug, front view", width: 1200, height: 1200 },
    ],
    metafields: [],
    collections: ["gid://shopify/Collection/7"],
    sales: null,
    certificates: null,
    ...overrides,
  };
}

export const MAKER: Party = {
  name: "Ningbo Ceramics Co., Ltd.",
  postalAddress: "88 Harbour Road, Ningbo, Zhejiang",
  country: "CN",
  electronicAddress: "compliance@ningbo-ceramics.example",
};

export const EU_REP: Party = {
  name: "EU Rep GmbH",
  postalAddress: "Hafenstraße 1, 20457 Hamburg",
  country: "DE",
  electronicAddress: "gpsr@eurep.example",
};

/** A product whose GPSR data is complete, so other rules can be tested alone. */
export function profileFor(p: ProductFacts, merchant: MerchantProfile = {}): ComplianceProfile {
  return mergeProfile(inferProfile(p), {
    manufacturer: MAKER,
    euResponsiblePerson: EU_REP,
    safetyInfo: {
      en: "Not for microwave use.",
      de: "Nicht für die Mikrowelle.",
      fr: "Ne pas utiliser au micro-ondes.",
      es: "No apto para microondas.",
      it: "Non adatto al microonde.",
      nl: "Niet geschikt voor de magnetron.",
    },
    ...merchant,
  });
}

export function cert(overrides: Partial<Certificate> = {}): Certificate {
  return {
    id: "cert-1",
    type: "EU_ECOLABEL",
    number: "DE/020/0123",
    issuer: "RAL gGmbH",
    scope: { kind: "all" },
    validFrom: "2025-01-01",
    validTo: "2027-06-30",
    document: { url: "https://example.com/cert.pdf" },
    ...overrides,
  };
}

export function input(p: ProductFacts, overrides: Partial<EvaluateInput> = {}): EvaluateInput {
  return {
    product: p,
    profile: profileFor(p),
    registrations: [],
    certificates: [],
    markets: ["DE"],
    today: "2026-12-01",
    ...overrides,
  };
}
