/**
 * `npx tsx bench/compliance-pure.ts [--products N]`: the pure compliance pass (inferProfile +
 * evaluateCompliance) over the demo catalogue, timed after generation and mapping. Prints
 * `{"products":N,"fullPassMs":…,"cpuMs":…}` on stdout; target ≤ 2000 ms for 100k products.
 */
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import type { ProductFacts } from "../app/channels/types";
import { evaluateCompliance, inferProfile, type Registration } from "../app/compliance";
import { generateStore } from "../simulator/catalog/generate";
import type { SimProduct } from "../simulator/store";

const GRAMS = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 } as const;

/** Store product -> ProductFacts (no sales, certificates unknown), as the mirror would give it. */
function toFacts(p: SimProduct): ProductFacts {
  return {
    id: p.id,
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    productType: p.productType || null,
    categoryId: p.category?.id ?? null,
    categoryName: p.category?.fullName ?? null,
    tags: p.tags,
    status: p.status,
    descriptionHtml: p.descriptionHtml,
    seoTitle: p.seo.title,
    seoDescription: p.seo.description,
    variants: p.variants.map((v) => {
      const item = v.inventoryItem;
      return {
        id: v.id,
        sku: v.sku,
        barcode: v.barcode,
        price: Number(v.price),
        compareAtPrice: v.compareAtPrice === null ? null : Number(v.compareAtPrice),
        unitCost: item.unitCost ? Number(item.unitCost.amount) : null,
        grams: item.weight ? item.weight.value * GRAMS[item.weight.unit] : null,
        countryOfOrigin: item.countryCodeOfOrigin,
        hsCode: item.harmonizedSystemCode,
        available: null,
      };
    }),
    images: p.media.map((m) => ({ url: m.url, alt: m.alt, width: m.width, height: m.height })),
    metafields: p.metafields.map((m) => ({
      namespace: m.namespace,
      key: m.key,
      type: m.type,
      value: m.value,
    })),
    collections: [],
    sales: null,
    certificates: null,
  };
}

const { values } = parseArgs({ options: { products: { type: "string", default: "100000" } } });
const count = Number(values.products);
const log = (msg: string) => console.error(msg);

log(`generating ${count} products …`);
const products = generateStore({ seed: 1, products: count }).products.map(toFacts);
const markets = ["US", "DE", "FR", "ES", "IT", "NL", "GB", "RU"];
const registrations: Registration[] = [
  { country: "DE", stream: "packaging", number: "DE1234567890123", role: "producer" },
  { country: "FR", stream: "packaging", number: "FR123456_01ABCD" },
];
const today = "2026-12-01";

// Collect the generator's garbage first: it is not part of the compliance pass.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
// Warm up the regexes and the JIT on a slice, then time the full pass.
for (const product of products.slice(0, 2000)) {
  evaluateCompliance({
    product,
    profile: inferProfile(product),
    registrations,
    certificates: [],
    markets,
    today,
  });
}
gc();
const cpu0 = process.cpuUsage();
const start = performance.now();
let findings = 0;
for (const product of products) {
  const profile = inferProfile(product);
  findings += evaluateCompliance({
    product,
    profile,
    registrations,
    certificates: [],
    markets,
    today,
  }).length;
}
const fullPassMs = Math.round(performance.now() - start);
const cpu = process.cpuUsage(cpu0);
// cpuMs (this process, all threads incl. GC) is less at the mercy of a loaded machine.
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
log(`  ${findings} findings`);
console.log(JSON.stringify({ products: count, fullPassMs, cpuMs }));
