/**
 * `npm run taxonomy:generate -- <path to categories.txt>`: regenerates the taxonomy the app ships
 * (app/taxonomy/shopify-categories.tsv) from Shopify/product-taxonomy's `dist/en/categories.txt`.
 * It refuses a file the compact form would not rebuild byte for byte. A new release may change
 * category paths: run the taxonomy tests after, and copy the release's LICENSE if it changed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { TAXONOMY_FILE, compactCategories, parseCategories } from "../app/taxonomy/categories";

const source = process.argv[2];
if (!source) {
  console.error("usage: npm run taxonomy:generate -- <path to categories.txt>");
  process.exit(2);
}

try {
  const compact = compactCategories(readFileSync(source, "utf8"));
  writeFileSync(TAXONOMY_FILE, compact);
  const { release, paths } = parseCategories(compact);
  console.log(
    `taxonomy: ${paths.size} categories of release ${release} written to ${TAXONOMY_FILE}`,
  );
} catch (error) {
  console.error(`taxonomy:generate failed: ${(error as Error).message}`);
  process.exit(1);
}
