/**
 * The resolver map for the whole Admin schema plus the two hooks graphql-js needs:
 * - a field resolver: an explicit resolver when the map has one, else the same-named property of
 *   the source (the store is shaped like the Admin objects), else a "zero value" for the field's
 *   type: null when nullable, [] for lists, "" / 0 / false / the first enum value for scalars, and
 *   an empty object for objects (whose fields then resolve the same way). Fields the store has no
 *   data for therefore answer empty instead of failing the whole query, as long as the schema
 *   allows it. Unknown mutations fail loudly: pretending to write would hide app bugs.
 * - a type resolver for interfaces and unions: `__typename` on a view object, else the type
 *   segment of the gid (`gid://shopify/MediaImage/1` is a MediaImage).
 */
import {
  GraphQLError,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from "graphql";
import { gidType, isRecord } from "../util";
import { bulkResolvers } from "./bulk";
import { collectionMutationResolvers } from "./collection-mutations";
import { collectionResolvers } from "./collections";
import { customDataResolvers } from "./custom-data";
import { fileResolvers } from "./files";
import type { ResolverMap, SimContext } from "./context";
import { mutationResolvers } from "./mutations";
import { nodeResolvers } from "./nodes";
import { orderCreateResolvers } from "./order-create";
import { orderResolvers } from "./orders";
import { productResolvers } from "./products";
import { shopResolvers } from "./shop";
import { variantResolvers } from "./variants";

function mergeMaps(maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const target = (out[typeName] ??= {});
      for (const [field, fn] of Object.entries(fields)) {
        if (field in target) throw new Error(`simulator: two resolvers for ${typeName}.${field}`);
        target[field] = fn;
      }
    }
  }
  return out;
}

export const resolverMap: ResolverMap = mergeMaps([
  shopResolvers(),
  productResolvers(),
  variantResolvers(),
  collectionResolvers(),
  orderResolvers(),
  nodeResolvers(),
  bulkResolvers(),
  mutationResolvers(),
  collectionMutationResolvers(),
  orderCreateResolvers(),
  customDataResolvers(),
  fileResolvers(),
]);

/** Resolver entries whose type or field is not in the schema (a test keeps this empty). */
export function unknownResolverFields(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const [typeName, fields] of Object.entries(resolverMap)) {
    const type = schema.getType(typeName);
    for (const field of Object.keys(fields)) {
      if (!type || !isObjectType(type) || !(field in type.getFields()))
        out.push(`${typeName}.${field}`);
    }
  }
  return out;
}

const ZERO_SCALARS: Record<string, unknown> = {
  String: "",
  ID: "",
  Int: 0,
  Float: 0,
  Boolean: false,
  Decimal: "0.0",
  Money: "0.0",
  DateTime: "1970-01-01T00:00:00Z",
  Date: "1970-01-01",
  UnsignedInt64: "0",
  JSON: {},
};

export function zeroValue(type: GraphQLOutputType, schema: GraphQLSchema): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isScalarType(inner)) return inner.name in ZERO_SCALARS ? ZERO_SCALARS[inner.name] : "";
  if (isEnumType(inner)) return inner.getValues()[0]?.value ?? null;
  if (isAbstractType(inner)) {
    const first = schema.getPossibleTypes(inner)[0];
    return first ? { __typename: first.name } : null;
  }
  return {};
}

export const fieldResolver: GraphQLFieldResolver<unknown, SimContext> = (
  source,
  args,
  ctx,
  info,
) => {
  const explicit = resolverMap[info.parentType.name]?.[info.fieldName];
  let value: unknown;
  if (explicit) {
    value = explicit(source, args, ctx, info);
  } else if (info.parentType === info.schema.getMutationType()) {
    throw new GraphQLError(
      `The simulated store does not implement the mutation '${info.fieldName}'.`,
      {
        extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR" },
      },
    );
  } else if (
    isRecord(source) &&
    info.fieldName in source &&
    typeof source[info.fieldName] !== "function"
  ) {
    value = source[info.fieldName];
  }
  return value === null || value === undefined ? zeroValue(info.returnType, info.schema) : value;
};

export const typeResolver: GraphQLTypeResolver<unknown, SimContext> = (
  value,
  _ctx,
  info,
  abstractType,
) => {
  if (!isRecord(value)) return undefined;
  const candidates = info.schema.getPossibleTypes(abstractType);
  if (typeof value.__typename === "string") return value.__typename;
  if (typeof value.id === "string") {
    const name = gidType(value.id);
    if (name && candidates.some((t) => t.name === name)) return name;
    // Product images are exposed as `ProductImage` gids but typed `Image`.
    if (name === "ProductImage" && candidates.some((t) => t.name === "Image")) return "Image";
  }
  return undefined;
};
