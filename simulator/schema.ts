/**
 * Loads the real Admin GraphQL schema of a pinned API version from the introspection files that
 * @shopify/dev-mcp ships, so the simulator validates queries exactly against what Shopify serves.
 * Building the schema takes a few hundred milliseconds, hence the per-version cache.
 */
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import {
  assertValidSchema,
  buildClientSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { isRecord } from "./util";

export const DEFAULT_API_VERSION = "2026-10";

const cache = new Map<string, GraphQLSchema>();

export function adminSchemaFile(version: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(
    here,
    "..",
    "node_modules",
    "@shopify",
    "dev-mcp",
    "dist",
    "data",
    `admin_${version}.json.gz`,
  );
}

function introspectionFrom(json: unknown): IntrospectionQuery {
  // The dev-mcp files are `{data: {__schema}, offline_scopes}`; plain introspection dumps are
  // `{__schema}`. Accept both so a refreshed file does not silently break the simulator.
  const candidate = isRecord(json) && isRecord(json.data) ? json.data : json;
  if (!isRecord(candidate) || !isRecord(candidate.__schema)) {
    throw new Error("Admin schema file is not a GraphQL introspection result");
  }
  // Shape checked above; buildClientSchema validates the rest as it builds.
  return candidate as unknown as IntrospectionQuery;
}

export function loadAdminSchema(version: string = DEFAULT_API_VERSION): GraphQLSchema {
  const cached = cache.get(version);
  if (cached) return cached;
  const file = adminSchemaFile(version);
  if (!existsSync(file)) throw new Error(`No Admin schema for API version ${version} at ${file}`);
  const schema = buildClientSchema(
    introspectionFrom(JSON.parse(gunzipSync(readFileSync(file)).toString("utf8"))),
  );
  // Validate once up front: graphql-js would otherwise do it lazily inside the first request.
  assertValidSchema(schema);
  cache.set(version, schema);
  return schema;
}
