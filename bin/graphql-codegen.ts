/**
 * `npm run graphql:codegen`: writes the result and variable types of the operations in
 * app/graphql/ from the pinned Admin schema, with @shopify/api-codegen-preset. It runs offline:
 * the schema is the introspection @shopify/dev-mcp ships, unpacked into .tmp/ (the preset would
 * otherwise download it from shopify.dev). app/graphql/generated.test.ts fails when the committed
 * output is stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { generate } from "@graphql-codegen/cli";
import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";
import { DEFAULT_API_VERSION } from "../app/graphql/admin-client/options";
import { adminSchemaFile } from "../simulator/schema";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const GENERATED_DIR = "app/graphql/generated";

/**
 * One operation per file, named like it. The bulk queries (BulkProducts, BulkCollections,
 * BulkInventory, BulkOrders) are left out: they only go to bulkOperationRunQuery as a string and
 * come back as JSONL lines with `__parentId`, not in the shape their selection would suggest.
 */
const DOCUMENTS = [
  "app/graphql/[A-Z]*.ts",
  "!app/graphql/Bulk{Products,Collections,Inventory,Orders}.ts",
];

/** The dev-mcp file, as a plain `{__schema}` introspection JSON file codegen can load. */
function unpackSchema(version: string): string {
  const json: unknown = JSON.parse(gunzipSync(readFileSync(adminSchemaFile(version))).toString());
  // dev-mcp wraps it as `{data: {__schema}, offline_scopes}`; codegen wants the introspection only.
  const data = (json as { data?: unknown }).data ?? json;
  const file = path.join(root, ".tmp", "graphql", `admin_${version}.schema.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
  return file;
}

/** The generated files, by path relative to the repository, without writing them. */
export async function graphqlCodegen(
  version: string = DEFAULT_API_VERSION,
): Promise<Map<string, string>> {
  const schema = unpackSchema(version);
  const outputs = await generate(
    {
      cwd: root,
      silent: true,
      schema,
      documents: DOCUMENTS,
      // The preset's finder for `#graphql` template literals rides along in the spread; the
      // comment name is what codegen's own typing knows.
      pluckConfig: { ...pluckConfig, gqlMagicComment: "graphql" },
      generates: {
        // The whole schema: the preset's operation types Pick<> fields from its object types.
        [`${GENERATED_DIR}/admin.types.d.ts`]: {
          plugins: ["typescript"],
          // As the preset's shopifyApiTypes() has it, less the descriptions (half the size).
          config: {
            defaultScalarType: "string",
            scalars: { JSON: "unknown" },
            disableDescriptions: true,
            // Operation types Pick<> from these: a nullable field is `T | null`, not optional.
            avoidOptionals: { field: true },
            // String unions, so fixtures and comparisons take plain literals ("ACTIVE").
            enumsAsTypes: true,
          },
        },
        [`${GENERATED_DIR}/admin.generated.d.ts`]: {
          preset,
          documents: DOCUMENTS,
          presetConfig: { apiType: ApiType.Admin },
          // Shopify sends a null field as `null`, never leaves it out: `field: T | null`, not `field?:`.
          config: { avoidOptionals: { field: true } },
        },
      },
    },
    false,
  );
  return new Map(
    outputs.map((o: { filename: string; content: string }) => [
      path.relative(root, path.resolve(root, o.filename)),
      o.content,
    ]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    for (const [file, content] of await graphqlCodegen()) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
      console.log(`graphql:codegen wrote ${file}`);
    }
  } catch (error) {
    console.error(`graphql:codegen failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
