/**
 * Custom data: metafield and metaobject definitions, `metafieldsSet`, `metafieldsDelete`,
 * `metaobjectUpsert` and the
 * reads that go with them. Behaviour follows Shopify's documentation for API 2026-10:
 * - `metafieldsSet` takes at most 25 metafields, is atomic (one bad input and nothing is written),
 *   honours `compareDigest` (null = must not exist yet), and resolves `$app` namespaces;
 * - a metafield with a definition takes the definition's type, and a different type is refused;
 * - `metaobjectUpsert` creates or updates by (type, handle), refuses fields the definition does
 *   not have, requires required fields on create and checks every value against its field type.
 * Metafields can be set on products and on the shop; other owners fail loudly as not simulated.
 */
import { GraphQLError } from "graphql";
import {
  emptyCustomData,
  isKnownType,
  isOtherAppsNamespace,
  resolveAppNamespace,
  resolveAppType,
  SIM_APP_ID,
  valueProblem,
  type SimCustomData,
  type SimMetafieldDefinition,
  type SimMetaobject,
  type SimMetaobjectDefinition,
} from "../custom-data";
import type { SimMetafield, SimStore } from "../store";
import { invalidateIndex } from "../store-index";
import { entityGuard, gidType, isoSeconds, isRecord, makeGid } from "../util";
import {
  argString,
  byPosition,
  find,
  resolveConnection,
  typed,
  type ResolverMap,
  type SimContext,
} from "./context";

export const MAX_METAFIELDS_PER_SET = 25;

export function customData(store: SimStore): SimCustomData {
  return (store.custom ??= emptyCustomData());
}

export function shopMetafields(store: SimStore): SimMetafield[] {
  return (store.shop.metafields ??= []);
}

/** The digest `compareDigest` compares against: changes whenever the value is written. */
export function metafieldDigest(m: SimMetafield): string {
  return Buffer.from(`${m.id}:${m.updatedAt}:${m.value}`).toString("base64");
}

/** Next free metafield id across every owner the simulator stores metafields on. */
export function nextMetafieldId(store: SimStore): string {
  let max = 0;
  const scan = (list: readonly SimMetafield[]) => {
    for (const m of list) max = Math.max(max, Number(m.id.split("/").pop()) || 0);
  };
  for (const p of store.products) scan(p.metafields);
  scan(shopMetafields(store));
  return makeGid("Metafield", max + 1);
}

function nextId(type: string, list: readonly { id: string }[]): string {
  let max = 0;
  for (const item of list) max = Math.max(max, Number(item.id.split("/").pop()) || 0);
  return makeGid(type, max + 1);
}

interface UserError {
  field: string[] | null;
  message: string;
  code: string;
  elementIndex?: number | null;
}

/** The metafield list of an owner, and the owner type definitions are keyed by. */
function ownerOf(
  ctx: SimContext,
  ownerId: string,
): { list: SimMetafield[]; ownerType: string } | null {
  const type = gidType(ownerId);
  if (type === "Product") {
    const product = find(ctx, (i) => i.products, ownerId);
    return product ? { list: product.metafields, ownerType: "PRODUCT" } : null;
  }
  if (type === "Shop") {
    return ctx.store.shop.id === ownerId
      ? { list: shopMetafields(ctx.store), ownerType: "SHOP" }
      : null;
  }
  throw new GraphQLError(
    `metafieldsSet on ${type ?? ownerId} owners is not implemented in the simulator`,
    { extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR" } },
  );
}

function metafieldsSet(ctx: SimContext, args: Record<string, unknown>) {
  const inputs = Array.isArray(args.metafields) ? args.metafields : [];
  if (inputs.length > MAX_METAFIELDS_PER_SET) {
    return {
      metafields: null,
      userErrors: [
        {
          field: ["metafields"],
          message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_SET}.`,
          code: "LESS_THAN_OR_EQUAL_TO",
          elementIndex: null,
        },
      ],
    };
  }
  const definitions = customData(ctx.store).metafieldDefinitions;
  const errors: UserError[] = [];
  const plans: {
    list: SimMetafield[];
    existing: SimMetafield | undefined;
    namespace: string;
    key: string;
    type: string;
    value: string;
  }[] = [];
  inputs.forEach((raw: unknown, i) => {
    const fail = (field: string, code: string, message: string) =>
      errors.push({ field: ["metafields", String(i), field], message, code, elementIndex: i });
    if (!isRecord(raw)) return;
    const owner = ownerOf(ctx, String(raw.ownerId ?? ""));
    if (!owner) return fail("ownerId", "INVALID", "Owner does not exist.");
    const namespace = resolveAppNamespace(typeof raw.namespace === "string" ? raw.namespace : null);
    if (isOtherAppsNamespace(namespace))
      return fail("namespace", "APP_NOT_AUTHORIZED", "Access to this namespace is denied.");
    const key = typeof raw.key === "string" ? raw.key : "";
    if (key.length < 2)
      return fail("key", "TOO_SHORT", "Key is too short (minimum is 2 characters).");
    if (key.length > 64)
      return fail("key", "TOO_LONG", "Key is too long (maximum is 64 characters).");
    const definition = definitions.find(
      (d) => d.ownerType === owner.ownerType && d.namespace === namespace && d.key === key,
    );
    const existing = owner.list.find((m) => m.namespace === namespace && m.key === key);
    const type =
      (typeof raw.type === "string" ? raw.type : null) ?? definition?.type ?? existing?.type;
    if (!type) return fail("type", "BLANK", "Type can't be blank.");
    if (!isKnownType(type))
      return fail("type", "INVALID_TYPE", `Type '${type}' is not a valid type.`);
    if (definition && definition.type !== type)
      return fail(
        "type",
        "INVALID_TYPE",
        `Type must be consistent with the definition's type: '${definition.type}'.`,
      );
    const value = typeof raw.value === "string" ? raw.value : "";
    const problem = valueProblem(type, value);
    if (problem) return fail("value", "INVALID_VALUE", problem);
    if ("compareDigest" in raw) {
      const digest = raw.compareDigest;
      const stale =
        digest === null
          ? existing !== undefined
          : !existing || metafieldDigest(existing) !== digest;
      if (stale)
        return fail(
          "compareDigest",
          "STALE_OBJECT",
          "The resource has been updated since it was loaded.",
        );
    }
    plans.push({ list: owner.list, existing, namespace, key, type, value });
  });
  // Atomic, as documented: one bad input and nothing is written.
  if (errors.length) return { metafields: null, userErrors: errors };

  const now = isoSeconds(ctx.services.now());
  const written = plans.map((p) => {
    if (p.existing) {
      if (p.existing.value !== p.value || p.existing.type !== p.type) p.existing.updatedAt = now;
      p.existing.value = p.value;
      p.existing.type = p.type;
      return p.existing;
    }
    const created: SimMetafield = {
      id: nextMetafieldId(ctx.store),
      namespace: p.namespace,
      key: p.key,
      type: p.type,
      value: p.value,
      updatedAt: now,
    };
    p.list.push(created);
    return created;
  });
  invalidateIndex(ctx.store);
  return { metafields: written, userErrors: [] };
}

/**
 * `metafieldsDelete`: by owner, namespace and key. As documented, a metafield (or owner) that is
 * not there comes back as null and the call still succeeds. Another app's namespace is a user
 * error, and then nothing is deleted (like metafieldsSet; Shopify does not document this case).
 */
function metafieldsDelete(ctx: SimContext, args: Record<string, unknown>) {
  const inputs = Array.isArray(args.metafields) ? args.metafields : [];
  const errors: { field: string[]; message: string }[] = [];
  const plans: { list: SimMetafield[]; found: SimMetafield; ownerId: string }[] = [];
  const deleted: ({ ownerId: string; namespace: string; key: string } | null)[] = [];
  inputs.forEach((raw: unknown, i) => {
    if (!isRecord(raw)) return;
    const ownerId = String(raw.ownerId ?? "");
    const namespace = resolveAppNamespace(typeof raw.namespace === "string" ? raw.namespace : null);
    if (isOtherAppsNamespace(namespace)) {
      errors.push({
        field: ["metafields", String(i), "namespace"],
        message: "Access to this namespace is denied.",
      });
      return;
    }
    const owner = ownerOf(ctx, ownerId);
    const found = owner?.list.find((m) => m.namespace === namespace && m.key === raw.key);
    if (!owner || !found) return void deleted.push(null);
    plans.push({ list: owner.list, found, ownerId });
    deleted.push({ ownerId, namespace, key: found.key });
  });
  if (errors.length) return { deletedMetafields: null, userErrors: errors };
  for (const p of plans) p.list.splice(p.list.indexOf(p.found), 1);
  if (plans.length) invalidateIndex(ctx.store);
  return { deletedMetafields: deleted, userErrors: [] };
}

function access(input: unknown): { admin: string | null; storefront: string | null } {
  const a = isRecord(input) ? input : {};
  return {
    admin: typeof a.admin === "string" ? a.admin : null,
    storefront: typeof a.storefront === "string" ? a.storefront : null,
  };
}

function metafieldDefinitionCreate(ctx: SimContext, args: Record<string, unknown>) {
  const input = isRecord(args.definition) ? args.definition : {};
  const errors: UserError[] = [];
  const fail = (field: string, code: string, message: string) => {
    errors.push({ field: ["definition", field], message, code });
    return { createdDefinition: null, userErrors: errors };
  };
  const namespace = resolveAppNamespace(
    typeof input.namespace === "string" ? input.namespace : null,
  );
  const key = typeof input.key === "string" ? input.key : "";
  const type = typeof input.type === "string" ? input.type : "";
  const ownerType = typeof input.ownerType === "string" ? input.ownerType : "";
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (isOtherAppsNamespace(namespace))
    return fail("namespace", "RESERVED_NAMESPACE_KEY", "Namespace is reserved for another app.");
  if (!name) return fail("name", "BLANK", "Name can't be blank.");
  if (key.length < 2)
    return fail("key", "TOO_SHORT", "Key is too short (minimum is 2 characters).");
  if (!isKnownType(type)) return fail("type", "INCLUSION", `Type '${type}' is not a valid type.`);
  const definitions = customData(ctx.store).metafieldDefinitions;
  if (
    definitions.some((d) => d.ownerType === ownerType && d.namespace === namespace && d.key === key)
  )
    return fail("key", "TAKEN", "Key is in use for this namespace and owner type.");
  const created: SimMetafieldDefinition = {
    id: nextId("MetafieldDefinition", definitions),
    namespace,
    key,
    name,
    description: typeof input.description === "string" ? input.description : null,
    type,
    ownerType,
    access: access(input.access),
  };
  definitions.push(created);
  return { createdDefinition: created, userErrors: [] };
}

function metaobjectDefinitionCreate(ctx: SimContext, args: Record<string, unknown>) {
  const input = isRecord(args.definition) ? args.definition : {};
  const fail = (field: string, code: string, message: string) => ({
    metaobjectDefinition: null,
    userErrors: [{ field: ["definition", field], message, code }],
  });
  const type = resolveAppType(typeof input.type === "string" ? input.type : "");
  if (type.length < 3)
    return fail("type", "TOO_SHORT", "Type is too short (minimum is 3 characters).");
  const definitions = customData(ctx.store).metaobjectDefinitions;
  if (definitions.some((d) => d.type === type))
    return fail("type", "TAKEN", "Type has already been taken.");
  const raw = Array.isArray(input.fieldDefinitions) ? input.fieldDefinitions.filter(isRecord) : [];
  const fields = raw.map((f) => ({
    key: typeof f.key === "string" ? f.key : "",
    name: typeof f.name === "string" ? f.name : typeof f.key === "string" ? f.key : "",
    type: typeof f.type === "string" ? f.type : "",
    required: f.required === true,
    description: typeof f.description === "string" ? f.description : null,
  }));
  const bad = fields.findIndex((f) => !isKnownType(f.type));
  if (bad >= 0)
    return fail(
      "fieldDefinitions",
      "INVALID",
      `Field type '${fields[bad]!.type}' is not a valid type.`,
    );
  const keys = new Set(fields.map((f) => f.key));
  if (keys.size !== fields.length)
    return fail("fieldDefinitions", "DUPLICATE_FIELD_INPUT", "Field keys must be unique.");
  const displayNameKey = typeof input.displayNameKey === "string" ? input.displayNameKey : null;
  if (displayNameKey && !keys.has(displayNameKey))
    return fail("displayNameKey", "INVALID", "Display name key must be one of the field keys.");
  const now = isoSeconds(ctx.services.now());
  const created: SimMetaobjectDefinition = {
    id: nextId("MetaobjectDefinition", definitions),
    type,
    name: typeof input.name === "string" ? input.name : type,
    description: typeof input.description === "string" ? input.description : null,
    displayNameKey,
    fieldDefinitions: fields,
    access: access(input.access),
    createdAt: now,
    updatedAt: now,
  };
  definitions.push(created);
  return { metaobjectDefinition: created, userErrors: [] };
}

function metaobjectUpsert(ctx: SimContext, args: Record<string, unknown>) {
  const handleInput = isRecord(args.handle) ? args.handle : {};
  const type = resolveAppType(typeof handleInput.type === "string" ? handleInput.type : "");
  const handle = typeof handleInput.handle === "string" ? handleInput.handle : "";
  const input = isRecord(args.metaobject) ? args.metaobject : {};
  const data = customData(ctx.store);
  const errors: UserError[] = [];
  const definition = data.metaobjectDefinitions.find((d) => d.type === type);
  if (!definition) {
    return {
      metaobject: null,
      userErrors: [
        {
          field: ["handle", "type"],
          message: `No metaobject definition exists for type "${type}"`,
          code: "UNDEFINED_OBJECT_TYPE",
        },
      ],
    };
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(handle)) {
    return {
      metaobject: null,
      userErrors: [
        { field: ["handle", "handle"], message: "Handle is invalid.", code: "URL_HANDLE_INVALID" },
      ],
    };
  }
  const fieldInputs = Array.isArray(input.fields) ? input.fields.filter(isRecord) : [];
  const values = new Map<string, string>();
  fieldInputs.forEach((f, i) => {
    const key = typeof f.key === "string" ? f.key : "";
    const value = typeof f.value === "string" ? f.value : "";
    const fieldDef = definition.fieldDefinitions.find((d) => d.key === key);
    if (!fieldDef) {
      errors.push({
        field: ["metaobject", "fields", String(i)],
        message: `Field definition "${key}" does not exist`,
        code: "UNDEFINED_OBJECT_FIELD",
        elementIndex: i,
      });
      return;
    }
    if (values.has(key)) {
      errors.push({
        field: ["metaobject", "fields", String(i)],
        message: `Field "${key}" is given twice`,
        code: "DUPLICATE_FIELD_INPUT",
        elementIndex: i,
      });
      return;
    }
    const problem =
      value === ""
        ? null
        : (valueProblem(fieldDef.type, value) ??
          (fieldDef.type === "file_reference" && !fileExists(ctx, value)
            ? "The file does not exist."
            : null));
    if (problem) {
      errors.push({
        field: ["metaobject", "fields", String(i)],
        message: `Value is invalid for ${key}: ${problem}`,
        code: "INVALID_VALUE",
        elementIndex: i,
      });
      return;
    }
    values.set(key, value);
  });
  const existing = data.metaobjects.find((m) => m.type === type && m.handle === handle);
  for (const def of definition.fieldDefinitions) {
    const present = values.has(def.key)
      ? values.get(def.key) !== ""
      : Boolean(existing?.fields.find((f) => f.key === def.key)?.value);
    if (def.required && !present)
      errors.push({
        field: ["metaobject", "fields"],
        message: `${def.name} can't be blank`,
        code: "OBJECT_FIELD_REQUIRED",
      });
  }
  if (errors.length) return { metaobject: null, userErrors: errors };

  const now = isoSeconds(ctx.services.now());
  const target: SimMetaobject = existing ?? {
    id: nextId("Metaobject", data.metaobjects),
    type,
    handle,
    fields: [],
    createdAt: now,
    updatedAt: now,
  };
  for (const [key, value] of values) {
    const fieldType = definition.fieldDefinitions.find((d) => d.key === key)!.type;
    const field = target.fields.find((f) => f.key === key);
    if (value === "") target.fields = target.fields.filter((f) => f.key !== key);
    else if (field) field.value = value;
    else target.fields.push({ key, type: fieldType, value });
  }
  target.updatedAt = now;
  if (!existing) data.metaobjects.push(target);
  return { metaobject: target, userErrors: [] };
}

/** Uploaded files (fileCreate) and product images can be referenced; nothing else exists. */
function fileExists(ctx: SimContext, id: string): boolean {
  return (
    (ctx.store.files?.files ?? []).some((f) => f.id === id) ||
    ctx.store.products.some((p) => p.media.some((m) => m.id === id))
  );
}

/** Deletes a metaobject by id; an unknown id is RECORD_NOT_FOUND, as in Shopify. */
function metaobjectDelete(ctx: SimContext, args: Record<string, unknown>) {
  const data = customData(ctx.store);
  const id = typeof args.id === "string" ? args.id : "";
  const at = data.metaobjects.findIndex((m) => m.id === id);
  if (at < 0)
    return {
      deletedId: null,
      userErrors: [{ field: ["id"], message: "Record not found", code: "RECORD_NOT_FOUND" }],
    };
  data.metaobjects.splice(at, 1);
  return { deletedId: id, userErrors: [] };
}

/**
 * Adds fields to a definition (`fieldDefinitions: [{create: …}]`); updates and deletes of fields
 * and the other inputs are not simulated, and fail loudly.
 */
function metaobjectDefinitionUpdate(ctx: SimContext, args: Record<string, unknown>) {
  const definition = customData(ctx.store).metaobjectDefinitions.find((d) => d.id === args.id);
  const fail = (field: string[], code: string, message: string) => ({
    metaobjectDefinition: null,
    userErrors: [{ field, message, code }],
  });
  if (!definition) return fail(["id"], "RECORD_NOT_FOUND", "Record not found");
  const input = isRecord(args.definition) ? args.definition : {};
  for (const key of Object.keys(input))
    if (key !== "fieldDefinitions" && key !== "resetFieldOrder")
      throw new GraphQLError(
        `metaobjectDefinitionUpdate of ${key} is not implemented in the simulator`,
        { extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR" } },
      );
  const ops = Array.isArray(input.fieldDefinitions) ? input.fieldDefinitions.filter(isRecord) : [];
  const added: SimMetaobjectDefinition["fieldDefinitions"] = [];
  for (const [i, op] of ops.entries()) {
    if (!isRecord(op.create))
      throw new GraphQLError(
        "metaobjectDefinitionUpdate field updates and deletes are not implemented in the simulator",
        { extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR" } },
      );
    const f = op.create;
    const key = typeof f.key === "string" ? f.key : "";
    const type = typeof f.type === "string" ? f.type : "";
    const at = ["definition", "fieldDefinitions", String(i), "create"];
    if (!isKnownType(type))
      return fail([...at, "type"], "INVALID", `Field type '${type}' is not a valid type.`);
    if ([...definition.fieldDefinitions, ...added].some((d) => d.key === key))
      return fail([...at, "key"], "OBJECT_FIELD_TAKEN", `Field "${key}" already exists.`);
    added.push({
      key,
      name: typeof f.name === "string" ? f.name : key,
      type,
      required: f.required === true,
      description: typeof f.description === "string" ? f.description : null,
    });
  }
  definition.fieldDefinitions.push(...added);
  definition.updatedAt = isoSeconds(ctx.services.now());
  return { metaobjectDefinition: definition, userErrors: [] };
}

const isMetaobject = (v: unknown): v is SimMetaobject =>
  isRecord(v) && typeof v.id === "string" && gidType(v.id) === "Metaobject";
const isMetaobjectDefinition = entityGuard<SimMetaobjectDefinition>("MetaobjectDefinition");
const isMetafieldDefinition = entityGuard<SimMetafieldDefinition>("MetafieldDefinition");
const isShop = entityGuard<SimStore["shop"]>("Shop");

function definitionOf(ctx: SimContext, m: SimMetaobject) {
  return customData(ctx.store).metaobjectDefinitions.find((d) => d.type === m.type) ?? null;
}

function fieldView(f: { key: string; type: string; value: string }) {
  let jsonValue: unknown = f.value;
  if (f.type === "json" || f.type.startsWith("list.")) {
    try {
      jsonValue = JSON.parse(f.value);
    } catch {
      jsonValue = f.value;
    }
  } else if (f.type === "boolean") jsonValue = f.value === "true";
  else if (f.type.startsWith("number_")) jsonValue = Number(f.value);
  return {
    key: f.key,
    type: f.type,
    value: f.value,
    jsonValue,
    reference: null,
    references: null,
    definition: null,
    thumbnail: null,
  };
}

const typeView = (name: string) => ({ name, category: name.startsWith("list.") ? "LIST" : "TEXT" });

export function customDataResolvers(): ResolverMap {
  return {
    Mutation: {
      metafieldsSet: (_s, args, ctx) => metafieldsSet(ctx, args),
      metafieldsDelete: (_s, args, ctx) => metafieldsDelete(ctx, args),
      metafieldDefinitionCreate: (_s, args, ctx) => metafieldDefinitionCreate(ctx, args),
      metaobjectDefinitionCreate: (_s, args, ctx) => metaobjectDefinitionCreate(ctx, args),
      metaobjectUpsert: (_s, args, ctx) => metaobjectUpsert(ctx, args),
      metaobjectDelete: (_s, args, ctx) => metaobjectDelete(ctx, args),
      metaobjectDefinitionUpdate: (_s, args, ctx) => metaobjectDefinitionUpdate(ctx, args),
    },
    QueryRoot: {
      currentAppInstallation: () => ({
        id: makeGid("AppInstallation", SIM_APP_ID),
        app: { id: makeGid("App", SIM_APP_ID), title: "Seaworthy", handle: "seaworthy" },
      }),
      metafieldDefinitions: (_s, args, ctx, info) => {
        const ownerType = argString(args, "ownerType");
        const namespace = argString(args, "namespace");
        const key = argString(args, "key");
        const ns = namespace === null ? null : resolveAppNamespace(namespace);
        return resolveConnection(ctx, info, args, {
          items: () =>
            customData(ctx.store).metafieldDefinitions.filter(
              (d) =>
                d.ownerType === ownerType &&
                (ns === null || d.namespace === ns) &&
                (key === null || d.key === key),
            ),
          key: byPosition,
        });
      },
      metaobjectDefinitionByType: (_s, args, ctx) =>
        customData(ctx.store).metaobjectDefinitions.find(
          (d) => d.type === resolveAppType(argString(args, "type") ?? ""),
        ) ?? null,
      metaobjectDefinitions: (_s, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => customData(ctx.store).metaobjectDefinitions,
          key: byPosition,
        }),
      metaobjects: (_s, args, ctx, info) => {
        const type = resolveAppType(argString(args, "type") ?? "");
        return resolveConnection(ctx, info, args, {
          items: () => customData(ctx.store).metaobjects.filter((m) => m.type === type),
          key: byPosition,
        });
      },
      metaobject: (_s, args, ctx) =>
        customData(ctx.store).metaobjects.find((m) => m.id === argString(args, "id")) ?? null,
      metaobjectByHandle: (_s, args, ctx) => {
        const h = isRecord(args.handle) ? args.handle : {};
        const type = resolveAppType(typeof h.type === "string" ? h.type : "");
        return (
          customData(ctx.store).metaobjects.find((m) => m.type === type && m.handle === h.handle) ??
          null
        );
      },
    },
    Metaobject: typed("Metaobject", isMetaobject, {
      fields: (m) => m.fields.map(fieldView),
      field: (m, args) => {
        const f = m.fields.find((x) => x.key === argString(args, "key"));
        return f ? fieldView(f) : null;
      },
      displayName: (m, _a, ctx) => {
        const def = definitionOf(ctx, m);
        const named = def?.displayNameKey
          ? m.fields.find((f) => f.key === def.displayNameKey)
          : undefined;
        return named?.value ?? m.handle;
      },
      definition: (m, _a, ctx) => definitionOf(ctx, m),
      capabilities: () => ({ publishable: null, onlineStore: null }),
    }),
    MetaobjectDefinition: typed("MetaobjectDefinition", isMetaobjectDefinition, {
      fieldDefinitions: (d) =>
        d.fieldDefinitions.map((f) => ({
          ...f,
          type: typeView(f.type),
          validations: [],
          capabilities: {},
        })),
      access: (d) => ({
        admin: d.access.admin ?? "PUBLIC_READ_WRITE",
        storefront: d.access.storefront ?? "NONE",
        customerAccount: "NONE",
      }),
      metaobjectsCount: (d, _a, ctx) =>
        customData(ctx.store).metaobjects.filter((m) => m.type === d.type).length,
    }),
    MetafieldDefinition: typed("MetafieldDefinition", isMetafieldDefinition, {
      type: (d) => typeView(d.type),
      access: (d) => ({
        admin: d.access.admin ?? "PUBLIC_READ_WRITE",
        storefront: d.access.storefront ?? "NONE",
        customerAccount: "NONE",
      }),
      validations: () => [],
    }),
    Shop: typed("Shop", isShop, {
      metafield: (_s, args, ctx) => {
        const ns = resolveAppNamespace(argString(args, "namespace"));
        return (
          shopMetafields(ctx.store).find(
            (m) => m.namespace === ns && m.key === argString(args, "key"),
          ) ?? null
        );
      },
      metafields: (_s, args, ctx, info) => {
        const namespace = argString(args, "namespace");
        const ns = namespace === null ? null : resolveAppNamespace(namespace);
        return resolveConnection(ctx, info, args, {
          items: () => shopMetafields(ctx.store).filter((m) => ns === null || m.namespace === ns),
          key: byPosition,
        });
      },
    }),
  };
}
