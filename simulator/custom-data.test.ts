import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SIM_APP_ID } from "./custom-data";
import type { Simulator } from "./server";
import { asArray, dig, gql, startTestSimulator } from "./testing";

const PRODUCT = "gid://shopify/Product/101";
const SHOP = "gid://shopify/Shop/1";
const APP_NS = `app--${SIM_APP_ID}--compliance`;

let sim: Simulator;
beforeEach(async () => {
  sim = await startTestSimulator({ now: () => new Date("2026-12-01T09:00:00Z") });
});
afterEach(() => sim.close());

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key type value compareDigest }
    userErrors { field message code elementIndex }
  }
}`;

const READ = `query Read($id: ID!) {
  product(id: $id) {
    labels: metafield(namespace: "$app:compliance", key: "labels") { namespace value jsonValue }
    metafields(first: 20, namespace: "$app:compliance") { nodes { key value } }
  }
  shop { metafield(namespace: "$app:compliance", key: "registrations") { value } }
}`;

const labels = (value: unknown) => ({
  ownerId: PRODUCT,
  namespace: "$app:compliance",
  key: "labels",
  type: "json",
  value: JSON.stringify(value),
});

describe("metafieldsSet", () => {
  it("GIVEN $app namespaces WHEN set THEN they resolve to the app's reserved namespace and read back", async () => {
    const set = await gql(sim, SET, {
      metafields: [
        labels({ badges: ["GOTS"] }),
        {
          ownerId: SHOP,
          namespace: "$app:compliance",
          key: "registrations",
          type: "json",
          value: "[]",
        },
      ],
    });
    expect(dig(set.body, "data", "metafieldsSet", "userErrors")).toEqual([]);
    const written = asArray(dig(set.body, "data", "metafieldsSet", "metafields"));
    expect(written.map((m) => dig(m, "namespace"))).toEqual([APP_NS, APP_NS]);

    const read = await gql(sim, READ, { id: PRODUCT });
    expect(dig(read.body, "data", "product", "labels")).toEqual({
      namespace: APP_NS,
      value: '{"badges":["GOTS"]}',
      jsonValue: { badges: ["GOTS"] },
    });
    expect(dig(read.body, "data", "product", "metafields", "nodes")).toEqual([
      { key: "labels", value: '{"badges":["GOTS"]}' },
    ]);
    expect(dig(read.body, "data", "shop", "metafield", "value")).toBe("[]");
  });

  it("updates in place: a second set keeps the id and changes the value", async () => {
    const first = await gql(sim, SET, { metafields: [labels({ v: 1 })] });
    const second = await gql(sim, SET, { metafields: [labels({ v: 2 })] });
    const id = (r: typeof first) => dig(r.body, "data", "metafieldsSet", "metafields", 0, "id");
    expect(id(second)).toBe(id(first));
    expect(dig(second.body, "data", "metafieldsSet", "metafields", 0, "value")).toBe('{"v":2}');
  });

  it("is atomic: one invalid value and nothing is written, with the element's index", async () => {
    const result = await gql(sim, SET, {
      metafields: [labels({ ok: true }), { ...labels({}), key: "broken", value: "{not json" }],
    });
    expect(dig(result.body, "data", "metafieldsSet", "userErrors")).toEqual([
      {
        field: ["metafields", "1", "value"],
        message: "Value is invalid JSON.",
        code: "INVALID_VALUE",
        elementIndex: 1,
      },
    ]);
    const read = await gql(sim, READ, { id: PRODUCT });
    expect(dig(read.body, "data", "product", "labels")).toBeNull();
  });

  it("refuses more than 25 metafields in one call", async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ ...labels({ i }), key: `k${i}x` }));
    const result = await gql(sim, SET, { metafields: many });
    expect(dig(result.body, "data", "metafieldsSet", "userErrors", 0, "code")).toBe(
      "LESS_THAN_OR_EQUAL_TO",
    );
    const ok = await gql(sim, SET, { metafields: many.slice(0, 25) });
    expect(dig(ok.body, "data", "metafieldsSet", "userErrors")).toEqual([]);
  });

  it("honours compareDigest: a stale digest and a null digest on an existing metafield are refused", async () => {
    const first = await gql(sim, SET, { metafields: [labels({ v: 1 })] });
    const digest = dig(first.body, "data", "metafieldsSet", "metafields", 0, "compareDigest");
    const fresh = await gql(sim, SET, {
      metafields: [{ ...labels({ v: 2 }), compareDigest: digest }],
    });
    expect(dig(fresh.body, "data", "metafieldsSet", "userErrors")).toEqual([]);
    const stale = await gql(sim, SET, {
      metafields: [{ ...labels({ v: 3 }), compareDigest: digest }],
    });
    expect(dig(stale.body, "data", "metafieldsSet", "userErrors", 0, "code")).toBe("STALE_OBJECT");
    const mustBeNew = await gql(sim, SET, {
      metafields: [{ ...labels({ v: 4 }), compareDigest: null }],
    });
    expect(dig(mustBeNew.body, "data", "metafieldsSet", "userErrors", 0, "code")).toBe(
      "STALE_OBJECT",
    );
  });

  it("refuses another app's namespace, unknown types and unknown owners", async () => {
    const other = await gql(sim, SET, {
      metafields: [{ ...labels({}), namespace: "app--1234--compliance" }],
    });
    expect(dig(other.body, "data", "metafieldsSet", "userErrors", 0, "code")).toBe(
      "APP_NOT_AUTHORIZED",
    );
    const badType = await gql(sim, SET, { metafields: [{ ...labels({}), type: "jsonish" }] });
    expect(dig(badType.body, "data", "metafieldsSet", "userErrors", 0, "code")).toBe(
      "INVALID_TYPE",
    );
    const noOwner = await gql(sim, SET, {
      metafields: [{ ...labels({}), ownerId: "gid://shopify/Product/999999" }],
    });
    expect(dig(noOwner.body, "data", "metafieldsSet", "userErrors", 0, "code")).toBe("INVALID");
  });
});

const DELETE = `mutation Delete($metafields: [MetafieldIdentifierInput!]!) {
  metafieldsDelete(metafields: $metafields) {
    deletedMetafields { ownerId namespace key }
    userErrors { field message }
  }
}`;

describe("metafieldsDelete", () => {
  it("GIVEN a product and a shop metafield WHEN deleted THEN they no longer read back; a missing one is null", async () => {
    await gql(sim, SET, {
      metafields: [
        labels({ v: 1 }),
        {
          ownerId: SHOP,
          namespace: "$app:compliance",
          key: "registrations",
          type: "json",
          value: "[]",
        },
      ],
    });
    const del = await gql(sim, DELETE, {
      metafields: [
        { ownerId: PRODUCT, namespace: "$app:compliance", key: "labels" },
        { ownerId: PRODUCT, namespace: "$app:compliance", key: "profile" },
        { ownerId: SHOP, namespace: "$app:compliance", key: "registrations" },
      ],
    });
    expect(dig(del.body, "data", "metafieldsDelete")).toEqual({
      deletedMetafields: [
        { ownerId: PRODUCT, namespace: APP_NS, key: "labels" },
        null,
        { ownerId: SHOP, namespace: APP_NS, key: "registrations" },
      ],
      userErrors: [],
    });
    const read = await gql(sim, READ, { id: PRODUCT });
    expect(dig(read.body, "data", "product", "labels")).toBeNull();
    expect(dig(read.body, "data", "shop", "metafield")).toBeNull();
  });

  it("refuses another app's namespace and then deletes nothing", async () => {
    await gql(sim, SET, { metafields: [labels({ v: 1 })] });
    const del = await gql(sim, DELETE, {
      metafields: [
        { ownerId: PRODUCT, namespace: "$app:compliance", key: "labels" },
        { ownerId: PRODUCT, namespace: "app--1--other", key: "labels" },
      ],
    });
    expect(dig(del.body, "data", "metafieldsDelete", "userErrors")).toEqual([
      { field: ["metafields", "1", "namespace"], message: "Access to this namespace is denied." },
    ]);
    const read = await gql(sim, READ, { id: PRODUCT });
    expect(dig(read.body, "data", "product", "labels", "value")).toBe('{"v":1}');
  });
});

const DEFINE_FIELD = `mutation Define($definition: MetafieldDefinitionInput!) {
  metafieldDefinitionCreate(definition: $definition) {
    createdDefinition { id namespace key type { name } ownerType access { storefront } }
    userErrors { field message code }
  }
}`;

describe("metafield definitions", () => {
  const definition = {
    name: "Compliance labels",
    namespace: "$app:compliance",
    key: "labels",
    type: "json",
    ownerType: "PRODUCT",
    access: { storefront: "PUBLIC_READ" },
  };

  it("creates once, refuses a second with TAKEN, lists it, and holds metafields to its type", async () => {
    const created = await gql(sim, DEFINE_FIELD, { definition });
    expect(
      dig(created.body, "data", "metafieldDefinitionCreate", "createdDefinition"),
    ).toMatchObject({
      namespace: APP_NS,
      key: "labels",
      type: { name: "json" },
      ownerType: "PRODUCT",
      access: { storefront: "PUBLIC_READ" },
    });
    const again = await gql(sim, DEFINE_FIELD, { definition });
    expect(dig(again.body, "data", "metafieldDefinitionCreate", "userErrors", 0, "code")).toBe(
      "TAKEN",
    );

    const list = await gql(
      sim,
      `{ metafieldDefinitions(first: 10, ownerType: PRODUCT, namespace: "$app:compliance") { nodes { key } } }`,
    );
    expect(dig(list.body, "data", "metafieldDefinitions", "nodes")).toEqual([{ key: "labels" }]);

    // With a definition the type may be left out, and a different type is refused.
    const { type: _type, ...withoutType } = labels({ a: 1 });
    const untyped = await gql(sim, SET, { metafields: [withoutType] });
    expect(dig(untyped.body, "data", "metafieldsSet", "metafields", 0, "type")).toBe("json");
    const wrong = await gql(sim, SET, {
      metafields: [{ ...labels({}), type: "single_line_text_field", value: "x" }],
    });
    expect(dig(wrong.body, "data", "metafieldsSet", "userErrors", 0, "code")).toBe("INVALID_TYPE");
  });
});

const DEFINE_OBJECT = `mutation DefineObject($definition: MetaobjectDefinitionCreateInput!) {
  metaobjectDefinitionCreate(definition: $definition) {
    metaobjectDefinition { id type fieldDefinitions { key required type { name } } }
    userErrors { field message code }
  }
}`;

const UPSERT = `mutation Upsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {
  metaobjectUpsert(handle: $handle, metaobject: $metaobject) {
    metaobject { id handle type displayName fields { key value } validTo: field(key: "valid_to") { value } }
    userErrors { field message code }
  }
}`;

describe("metaobjects", () => {
  const certificate = {
    type: "$app:certificate",
    name: "Certificate",
    displayNameKey: "number",
    fieldDefinitions: [
      { key: "kind", name: "Kind", type: "single_line_text_field", required: true },
      { key: "number", name: "Number", type: "single_line_text_field", required: true },
      { key: "valid_to", name: "Valid to", type: "date" },
    ],
  };
  const handle = { type: "$app:certificate", handle: "gots-123" };

  it("upserts by type and handle: creates, then updates the same object", async () => {
    const defined = await gql(sim, DEFINE_OBJECT, { definition: certificate });
    expect(
      dig(defined.body, "data", "metaobjectDefinitionCreate", "metaobjectDefinition", "type"),
    ).toBe(`app--${SIM_APP_ID}--certificate`);
    const created = await gql(sim, UPSERT, {
      handle,
      metaobject: {
        fields: [
          { key: "kind", value: "GOTS" },
          { key: "number", value: "CU 123456" },
          { key: "valid_to", value: "2027-06-30" },
        ],
      },
    });
    expect(dig(created.body, "data", "metaobjectUpsert", "userErrors")).toEqual([]);
    expect(dig(created.body, "data", "metaobjectUpsert", "metaobject", "displayName")).toBe(
      "CU 123456",
    );
    const updated = await gql(sim, UPSERT, {
      handle,
      metaobject: { fields: [{ key: "valid_to", value: "2028-06-30" }] },
    });
    const id = (r: typeof created) => dig(r.body, "data", "metaobjectUpsert", "metaobject", "id");
    expect(id(updated)).toBe(id(created));
    expect(dig(updated.body, "data", "metaobjectUpsert", "metaobject", "validTo", "value")).toBe(
      "2028-06-30",
    );
    const listed = await gql(
      sim,
      `{ metaobjects(type: "$app:certificate", first: 5) { nodes { handle } } }`,
    );
    expect(dig(listed.body, "data", "metaobjects", "nodes")).toEqual([{ handle: "gots-123" }]);
  });

  it("refuses an undefined type, an unknown field, a missing required field and a bad value", async () => {
    const noType = await gql(sim, UPSERT, { handle, metaobject: { fields: [] } });
    expect(dig(noType.body, "data", "metaobjectUpsert", "userErrors", 0, "code")).toBe(
      "UNDEFINED_OBJECT_TYPE",
    );
    await gql(sim, DEFINE_OBJECT, { definition: certificate });
    const unknown = await gql(sim, UPSERT, {
      handle,
      metaobject: { fields: [{ key: "colour", value: "red" }] },
    });
    const codes = (r: typeof unknown) =>
      asArray(dig(r.body, "data", "metaobjectUpsert", "userErrors")).map((e) => dig(e, "code"));
    expect(codes(unknown)).toContain("UNDEFINED_OBJECT_FIELD");
    const missing = await gql(sim, UPSERT, {
      handle,
      metaobject: { fields: [{ key: "kind", value: "CE" }] },
    });
    expect(codes(missing)).toEqual(["OBJECT_FIELD_REQUIRED"]);
    const badDate = await gql(sim, UPSERT, {
      handle,
      metaobject: {
        fields: [
          { key: "kind", value: "CE" },
          { key: "number", value: "1" },
          { key: "valid_to", value: "30/06/2027" },
        ],
      },
    });
    expect(codes(badDate)).toEqual(["INVALID_VALUE"]);
    const listed = await gql(
      sim,
      `{ metaobjects(type: "$app:certificate", first: 5) { nodes { id } } }`,
    );
    expect(dig(listed.body, "data", "metaobjects", "nodes")).toEqual([]);
  });
});

it("tells the app its own id, which $app namespaces resolve to", async () => {
  const result = await gql(sim, `{ currentAppInstallation { app { id } } }`);
  expect(dig(result.body, "data", "currentAppInstallation", "app", "id")).toBe(
    `gid://shopify/App/${SIM_APP_ID}`,
  );
});
