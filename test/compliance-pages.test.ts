/**
 * The Compliance pages' loaders and actions, the audit CSV and the printable report, called as
 * Remix calls them with App Bridge's signed session token for SHOP. OTHER has rows with the same
 * product ids everywhere: none of them may show, change or leak.
 */
import { Session } from "@shopify/shopify-api";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { parse } from "csv-parse/sync";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { showFindings } from "../app/compliance/queries.server";
import type * as JobsModule from "../app/compliance/jobs.server";
import { PACKS_VERSION } from "../app/compliance/packs/version";
import { makeFinding } from "../app/compliance/render";
import type { ComplianceFinding } from "../app/compliance/types";
import { db } from "../app/db.server";
import { getJobQueue } from "../app/background.server";
import {
  action as overviewAction,
  loader as overviewLoader,
} from "../app/routes/app.compliance._index/route";
import {
  action as certificatesAction,
  loader as certificatesLoader,
} from "../app/routes/app.compliance.vault/route";
import { loader as exportLoader } from "../app/routes/app.compliance.export";
import {
  action as productAction,
  loader as productLoader,
} from "../app/routes/app.compliance.products.$id/route";
import {
  action as registrationsAction,
  loader as registrationsLoader,
} from "../app/routes/app.compliance.epr/route";
import { loader as reportLoader } from "../app/routes/app.compliance.report/route";
import { sessionStorage } from "../app/shopify.server";

// "Check now" and vault changes queue through the process-wide queue: BullMQ when REDIS_URL is set,
// whose workers run in `npm run worker`, not in this process, so drain() would wait forever. This
// file checks the pages; the two runners are held to one contract in app/jobs. Jobs run inline here.
delete process.env.REDIS_URL;

// Vault changes queue re-evaluations; here we only check that they are asked for, for SHOP. The
// routes hand the vault `onVaultChange(queue)`; this records what it is called with instead.
const vaultChanged = vi.hoisted(() =>
  vi.fn(async (_shop: string, _change: { kind: string; productId?: string }) => {}),
);
vi.mock("../app/compliance/jobs.server", async (importOriginal) => {
  const actual = await importOriginal<typeof JobsModule>();
  return { ...actual, onVaultChange: vi.fn(() => vaultChanged) };
});

const SHOP = "test-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const gid = (n: number) => `gid://shopify/Product/${n}`;
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function args(path: string, params: Record<string, string> = {}, init?: RequestInit) {
  const request = await setUpValidRequest(
    {
      type: RequestType.Bearer,
      store: "test-shop",
      apiKey: "testApiKey",
      apiSecretKey: "testApiSecretKey",
    },
    new Request(`https://my-test-app.myshopify.io${path}`, init),
  );
  return { request, params, context: {} };
}
const post = (path: string, body: Record<string, string | string[]>, params = {}) => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body))
    for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return args(path, params, { method: "POST", body: form });
};

const plain = (f: ComplianceFinding) => JSON.parse(JSON.stringify(f)) as ComplianceFinding;
const eprDe = () =>
  plain(
    makeFinding("epr-de-packaging", "DE", "physical (inferred): Mugs", {
      register: "LUCID (Zentrale Stelle Verpackungsregister)",
      format: "DE + 13 digits",
      stream: "packaging",
    }),
  );
const claim = () =>
  plain(
    makeFinding(
      "claim-generic",
      "EU",
      "description: “An eco-friendly mug for every day.”",
      { term: "eco-friendly", where: "description", lang: "en", from: "2026-09-27" },
      { severity: "warning", suggestion: "A mug for every day." },
    ),
  );
const gpsr = () =>
  plain(
    makeFinding("gpsr-manufacturer", "EU", "manufacturer: none", {
      missing: "name, postal address",
    }),
  );

async function seed() {
  const markets = (codes: string[]) => [
    { id: "m1", name: "Europe", handle: "eu", active: true, currencyCode: "EUR", countries: codes },
  ];
  await db().shop.createMany({
    data: [
      { shop: SHOP, name: "Mine", locales: [], markets: markets(["DE", "FR"]), settings: {} },
      { shop: OTHER, name: "OTHER", locales: [], markets: markets(["JP"]), settings: {} },
    ],
  });
  await db().product.createMany({
    data: [
      { shop: SHOP, id: gid(1), title: '=HYPERLINK("http://x.example","click")', handle: "one" },
      { shop: SHOP, id: gid(2), title: 'Mine 2, "quoted"', handle: "two" },
      { shop: SHOP, id: gid(3), title: "<script>alert(1)</script> mug", handle: "three" },
      ...[1, 2, 3, 999].map((n) => ({
        shop: OTHER,
        id: gid(n),
        title: `OTHER secret ${n}`,
        handle: `o-${n}`,
      })),
    ],
  });
  const result = (shop: string, n: number, findings: ComplianceFinding[]) => ({
    shop,
    productId: gid(n),
    findings: JSON.stringify(findings),
    blockers: findings.filter((f) => f.severity === "blocker").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
    markets: " DE FR ",
    gate: findings.some((f) => f.kind === "epr") ? " DE " : " ",
    packsVersion: PACKS_VERSION,
  });
  const secret = { ...eprDe(), market: "FR", message: "OTHER secret finding", evidence: "OTHER" };
  await db().complianceResult.createMany({
    data: [
      result(SHOP, 1, [eprDe(), claim()]),
      result(SHOP, 2, [gpsr()]),
      result(SHOP, 3, [claim()]),
      result(OTHER, 1, [secret, secret]),
      result(OTHER, 2, [secret]),
    ],
  });
  await db().complianceSnapshot.createMany({
    data: [
      { shop: SHOP, day: day(-1), market: "DE", severity: "blocker", findings: 3, products: 2 },
      { shop: SHOP, day: day(0), market: "DE", severity: "blocker", findings: 2, products: 2 },
      { shop: SHOP, day: day(0), market: "DE", severity: "warning", findings: 2, products: 2 },
      { shop: SHOP, day: day(0), market: "FR", severity: "blocker", findings: 1, products: 1 },
      { shop: OTHER, day: day(0), market: "JP", severity: "blocker", findings: 77, products: 7 },
    ],
  });
  await db().complianceCertificate.createMany({
    data: [
      { shop: SHOP, kind: "CE", number: "DOC-1", validFrom: day(-300), validTo: day(10) },
      { shop: SHOP, kind: "GOTS", number: "GOTS-OLD", validFrom: day(-400), validTo: day(-5) },
      { shop: SHOP, kind: "FSC", number: "FSC-OK", validFrom: day(-5), validTo: null },
      { shop: OTHER, kind: "UL", number: "OTHER-UL", validFrom: day(-5), validTo: day(3) },
    ],
  });
  await db().eprRegistration.create({
    data: { shop: OTHER, country: "DE", stream: "packaging", number: "DE9999999999999" },
  });
}

beforeAll(async () => {
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "s",
      isOnline: false,
      accessToken: "shpat_pages_test",
      scope: "read_products",
    }),
  );
  await seed();
});

afterEach(() => vaultChanged.mockClear());

describe("the Compliance overview", () => {
  it("shows SHOP's markets, counts, chart, most blocked products and expiring certificates only", async () => {
    const data = await overviewLoader(await args("/app/compliance"));
    expect(JSON.stringify(data)).not.toContain("OTHER");
    expect(data.markets).toEqual({ active: ["DE", "FR"], synced: ["DE", "FR"], override: null });
    expect(data.state).toMatchObject({ products: 3, evaluated: 3, outdated: 0 });
    expect(data.counts?.day).toBe(day(0));
    expect(
      data.counts?.markets.map((m) => [m.market, m.blocker.findings, m.warning.findings]),
    ).toEqual([
      ["DE", 2, 2],
      ["FR", 1, 0],
    ]);
    expect(data.overTime).toEqual([
      { day: day(-1), blocker: 3, warning: 0, info: 0 },
      { day: day(0), blocker: 3, warning: 2, info: 0 },
    ]);
    expect(data.blocked.map((b) => [b.productId, b.blockers])).toEqual([
      [gid(1), 1],
      [gid(2), 1],
    ]);
    expect(data.certificates.map((c) => [c.number, c.status])).toEqual([
      ["DOC-1", "expiring"],
      ["GOTS-OLD", "expired"],
    ]);
    expect(data.list).toBeNull();
  });

  it("lists the products behind a count, an EU finding counting for each EU market", async () => {
    const de = await overviewLoader(await args("/app/compliance?market=DE&severity=blocker"));
    expect(de.list?.rows.map((r) => [r.productId, r.matching])).toEqual([
      [gid(1), 1],
      [gid(2), 1],
    ]);
    // OTHER's FR blockers on products 1 and 2 are not SHOP's.
    const fr = await overviewLoader(await args("/app/compliance?market=FR&severity=blocker"));
    expect(fr.list?.rows.map((r) => r.productId)).toEqual([gid(2)]);
    expect(JSON.stringify(fr)).not.toContain("OTHER");
    const claims = await overviewLoader(await args("/app/compliance?kind=green_claim"));
    expect(claims.list?.total).toBe(2);
    const junk = await overviewLoader(await args("/app/compliance?market=<x>&severity=worst"));
    expect(junk.filter).toMatchObject({ market: undefined, severity: undefined, page: 1 });
  });

  it("saves the merchant's markets with a field error for a bad code, and queues checks", async () => {
    const enqueue = vi
      .spyOn(getJobQueue(), "enqueue")
      .mockResolvedValue({ id: "queued", deduped: false });
    try {
      const bad = await overviewAction(
        await post("/app/compliance", { intent: "markets", markets: "DE, Germany" }),
      );
      expect(bad).toMatchObject({ ok: false, intent: "markets" });
      expect(Object.keys(bad.fieldErrors)).toEqual(["markets"]);
      const good = await overviewAction(
        await post("/app/compliance", { intent: "markets", markets: "es, DE" }),
      );
      expect(good).toMatchObject({ ok: true });
      expect((await overviewLoader(await args("/app/compliance"))).markets).toEqual({
        active: ["DE", "ES"],
        synced: ["DE", "FR"],
        override: ["DE", "ES"],
      });
      expect(
        await overviewAction(await post("/app/compliance", { intent: "markets-reset" })),
      ).toMatchObject({ ok: true });
      expect((await overviewLoader(await args("/app/compliance"))).markets.override).toBeNull();
      expect(
        await overviewAction(await post("/app/compliance", { intent: "publish" })),
      ).toMatchObject({ ok: true });
      expect(enqueue.mock.calls.map((c) => [c[0].name, c[1]])).toEqual([
        ["compliance.evaluate-all", SHOP],
        ["compliance.evaluate-all", SHOP],
        ["compliance.publish-labels", SHOP],
      ]);
      const other = await db().shop.findUnique({
        where: { shop: OTHER },
        select: { settings: true },
      });
      expect(other?.settings).toEqual({});
    } finally {
      enqueue.mockRestore();
    }
  });
});

describe("EPR registrations", () => {
  it("shows the format check's error as a field error, in the admin's language", async () => {
    const bad = await registrationsAction(
      await post("/app/compliance/epr", {
        intent: "save",
        country: "DE",
        stream: "packaging",
        number: "12345",
      }),
    );
    expect(bad).toEqual({
      ok: false,
      intent: "save",
      fieldErrors: {
        number:
          "This is not a LUCID (Zentrale Stelle Verpackungsregister) number: expected DE + 13 digits.",
      },
    });
    const zh = await registrationsAction(
      await post("/app/compliance/epr?locale=zh-CN", {
        intent: "save",
        country: "D",
        stream: "packaging",
        number: "",
      }),
    );
    expect(zh).toMatchObject({
      ok: false,
      fieldErrors: { country: "请选择注册机构所在国家。", number: "请输入注册号。" },
    });
    expect(vaultChanged).not.toHaveBeenCalled();
  });

  it("adds, lists, refuses a duplicate and never touches OTHER's registration", async () => {
    const saved = await registrationsAction(
      await post("/app/compliance/epr", {
        intent: "save",
        country: "de",
        stream: "packaging",
        number: "LUCID: DE 1234567890123",
        role: "producer",
      }),
    );
    expect(saved).toEqual({ ok: true, intent: "save", number: "DE1234567890123" });
    expect(vaultChanged).toHaveBeenCalledWith(SHOP, { kind: "registrations" });
    const twice = await registrationsAction(
      await post("/app/compliance/epr", {
        intent: "save",
        country: "DE",
        stream: "packaging",
        number: "DE1234567890124",
      }),
    );
    expect(twice).toMatchObject({
      ok: false,
      fieldErrors: { stream: expect.stringContaining("already") },
    });
    const page = await registrationsLoader(await args("/app/compliance/epr"));
    expect(page.registrations.map((r) => [r.country, r.stream, r.number])).toEqual([
      ["DE", "packaging", "DE1234567890123"],
    ]);
    expect(page.expected.find((e) => e.country === "DE" && e.stream === "packaging")?.held).toBe(
      true,
    );
    expect(JSON.stringify(page)).not.toContain("DE9999999999999");
    const theirs = await db().eprRegistration.findFirstOrThrow({ where: { shop: OTHER } });
    const edit = await registrationsAction(
      await post("/app/compliance/epr", {
        intent: "save",
        id: theirs.id,
        country: "DE",
        stream: "weee",
        number: "DE12345678",
      }),
    );
    expect(edit).toMatchObject({ ok: false, fieldErrors: { form: expect.any(String) } });
    const del = await registrationsAction(
      await post("/app/compliance/epr", { intent: "delete", id: theirs.id }),
    );
    expect(del.ok).toBe(false);
    expect(await db().eprRegistration.findUnique({ where: { id: theirs.id } })).toMatchObject({
      shop: OTHER,
      stream: "packaging",
      number: "DE9999999999999",
    });
    const mine = page.registrations[0]!;
    expect(
      await registrationsAction(
        await post("/app/compliance/epr", { intent: "delete", id: mine.id }),
      ),
    ).toEqual({ ok: true, intent: "delete" });
  });
});

describe("the certificate vault", () => {
  it("lists SHOP's certificates with their status", async () => {
    const data = await certificatesLoader(await args("/app/compliance/vault"));
    expect(data.certificates.map((c) => [c.type, c.number, c.status])).toEqual([
      ["CE", "DOC-1", "expiring"],
      ["FSC", "FSC-OK", "valid"],
      ["GOTS", "GOTS-OLD", "expired"],
    ]);
    expect(JSON.stringify(data)).not.toContain("OTHER");
  });

  it("answers field errors for a bad certificate, in the admin's language", async () => {
    const bad = await certificatesAction(
      await post("/app/compliance/vault", {
        intent: "save",
        kind: "CE",
        number: "",
        scopeKind: "all",
        validFrom: "2026-02-30",
        documentUrl: "not a url",
      }),
    );
    expect(bad).toEqual({
      ok: false,
      fieldErrors: {
        number: "Enter the certificate number.",
        validFrom: "Use a real date, like 2026-12-31.",
        documentUrl: "Enter the document's full address (https://…).",
      },
    });
    const backwards = await certificatesAction(
      await post("/app/compliance/vault?locale=zh-CN", {
        intent: "save",
        kind: "CE",
        number: "X",
        scopeKind: "all",
        validFrom: "2026-05-01",
        validTo: "2026-04-01",
      }),
    );
    expect(backwards).toEqual({
      ok: false,
      fieldErrors: { validTo: "到期日期不能早于生效日期。" },
    });
    // A product only OTHER has cannot be a scope of SHOP's certificate.
    const foreign = await certificatesAction(
      await post("/app/compliance/vault", {
        intent: "save",
        kind: "CE",
        number: "X",
        scopeKind: "products",
        products: "999",
        validFrom: "2026-05-01",
      }),
    );
    expect(foreign).toMatchObject({
      ok: false,
      fieldErrors: { scope: expect.stringContaining("not in your store") },
    });
    expect(vaultChanged).not.toHaveBeenCalled();
  });

  it("adds a certificate for chosen products, edits it, and cannot reach OTHER's", async () => {
    const saved = await certificatesAction(
      await post("/app/compliance/vault", {
        intent: "save",
        kind: "UL",
        number: "UL-77",
        issuer: "UL Solutions",
        scopeKind: "products",
        products: "1\n2",
        validFrom: day(-1),
        validTo: day(400),
        documentUrl: "https://example.com/ul.pdf",
      }),
    );
    expect(saved).toEqual({ ok: true, intent: "save" });
    expect(vaultChanged).toHaveBeenCalledWith(SHOP, { kind: "certificates" });
    const data = await certificatesLoader(await args("/app/compliance/vault"));
    const ul = data.certificates.find((c) => c.number === "UL-77")!;
    expect(ul).toMatchObject({
      scope: { kind: "products", productIds: [gid(1), gid(2)] },
      status: "valid",
      documentUrl: "https://example.com/ul.pdf",
    });
    expect(data.titles[gid(2)]).toBe('Mine 2, "quoted"');
    const theirs = await db().complianceCertificate.findFirstOrThrow({ where: { shop: OTHER } });
    const edit = await certificatesAction(
      await post("/app/compliance/vault", {
        intent: "save",
        id: theirs.id,
        kind: "UL",
        number: "HIJACKED",
        scopeKind: "all",
        validFrom: day(-1),
      }),
    );
    expect(edit.ok).toBe(false);
    const del = await certificatesAction(
      await post("/app/compliance/vault", { intent: "delete", id: theirs.id }),
    );
    expect(del.ok).toBe(false);
    expect(await db().complianceCertificate.findUnique({ where: { id: theirs.id } })).toMatchObject(
      {
        number: "OTHER-UL",
      },
    );
    expect(
      await certificatesAction(
        await post("/app/compliance/vault", { intent: "delete", id: ul.id }),
      ),
    ).toEqual({ ok: true, intent: "delete" });
  });
});

describe("one product's findings", () => {
  it("groups findings with one-click fixes and sources, localised, and never OTHER's", async () => {
    const data = await productLoader(await args("/app/compliance/products/1", { id: "1" }));
    if (!data.found) throw new Error("expected the product");
    expect(JSON.stringify(data)).not.toContain("OTHER");
    expect(data.result?.gate).toEqual(["DE"]);
    const [epr, green] = data.result!.findings;
    expect(epr).toMatchObject({
      rule: "epr-de-packaging",
      action: { kind: "registration", country: "DE", stream: "packaging" },
    });
    expect(epr!.sources.length).toBeGreaterThan(0);
    expect(green).toMatchObject({
      action: { kind: "rewrite" },
      suggestion: "A mug for every day.",
    });
    expect(data.profile?.flags.every((f) => f.source === "inferred")).toBe(true);
    const zh = await productLoader(
      await args("/app/compliance/products/1?locale=zh-CN", { id: "1" }),
    );
    if (!zh.found) throw new Error("expected the product");
    expect(zh.result?.findings[0]?.message).toContain("EPR 注册");
    // OTHER's product 999 and a malformed id are not found.
    expect(await productLoader(await args("/app/compliance/products/999", { id: "999" }))).toEqual({
      found: false,
    });
    expect(await productLoader(await args("/app/compliance/products/x", { id: "x" }))).toEqual({
      found: false,
    });
  });

  it("records an accepted rewrite only for a finding the product has", async () => {
    const f = claim();
    const forged = await productAction(
      await post(
        "/app/compliance/products/1",
        { intent: "accept", rule: f.rule, evidence: "made up" },
        { id: "1" },
      ),
    );
    expect(forged.ok).toBe(false);
    // Product 1 of OTHER has no such finding either: the shop decides whose result is read.
    const ok = await productAction(
      await post(
        "/app/compliance/products/1",
        { intent: "accept", rule: f.rule, evidence: f.evidence },
        { id: "1" },
      ),
    );
    expect(ok).toMatchObject({ ok: true, intent: "accept" });
    const data = await productLoader(await args("/app/compliance/products/1", { id: "1" }));
    if (!data.found) throw new Error("expected the product");
    expect(data.accepted).toEqual([
      { rule: f.rule, evidence: f.evidence, acceptedAt: expect.any(String) },
    ]);
    const other = await productLoader(await args("/app/compliance/products/3", { id: "3" }));
    expect(other.found && other.accepted).toEqual([]);
    const theirs = await db().shop.findUnique({
      where: { shop: OTHER },
      select: { settings: true },
    });
    expect(theirs?.settings).toEqual({});
  });

  it("confirms product facts with field errors for half a manufacturer", async () => {
    const half = await productAction(
      await post(
        "/app/compliance/products/2",
        { intent: "profile", "flag.physical": "on", "manufacturer.name": "Maker Ltd" },
        { id: "2" },
      ),
    );
    expect(half.ok).toBe(false);
    expect(half.fieldErrors).toMatchObject({
      "manufacturer.postalAddress": "Fill in all four fields, or leave all of them empty.",
    });
    const saved = await productAction(
      await post(
        "/app/compliance/products/2",
        {
          intent: "profile",
          "flag.physical": "on",
          "flag.toy": "on",
          countryOfOrigin: "cn",
          "manufacturer.name": "Maker Ltd",
          "manufacturer.postalAddress": "1 Road, Shenzhen",
          "manufacturer.country": "CN",
          "manufacturer.electronicAddress": "hi@maker.example",
        },
        { id: "2" },
      ),
    );
    expect(saved).toMatchObject({ ok: true, intent: "profile" });
    expect(vaultChanged).toHaveBeenCalledWith(SHOP, { kind: "profile", productId: gid(2) });
    const data = await productLoader(await args("/app/compliance/products/2", { id: "2" }));
    if (!data.found || !data.profile) throw new Error("expected the profile");
    expect(data.profile.flags.find((f) => f.flag === "toy")).toEqual({
      flag: "toy",
      value: true,
      source: "merchant",
    });
    expect(data.profile.countryOfOrigin).toEqual({ value: "CN", source: "merchant" });
    expect(data.profile.manufacturer.value?.name).toBe("Maker Ltd");
    expect(await db().complianceProfile.count({ where: { shop: OTHER } })).toBe(0);
    // The same product id of OTHER's cannot be given answers through SHOP's page.
    const gone = await productAction(
      await post("/app/compliance/products/999", { intent: "profile" }, { id: "999" }),
    );
    expect(gone.ok).toBe(false);
  });

  it("confirms materials, recycled content, packaging, warnings per language and Prop 65", async () => {
    const saved = await productAction(
      await post(
        "/app/compliance/products/3",
        {
          intent: "profile",
          "flag.physical": "on",
          "materials.0.material": "Stoneware",
          "materials.0.share": "90",
          // A row left blank is dropped; the rows after it keep their place on the form.
          "materials.1.material": "",
          "materials.1.share": "",
          "materials.2.material": "glaze",
          "materials.2.share": "10",
          recycledContentPct: "35,5",
          "packaging.0.material": "paper",
          "packaging.0.grams": "120",
          "packaging.1.material": "plastic",
          "packaging.1.grams": "8",
          "safetyInfo.de": "Nicht für die Mikrowelle geeignet.",
          "safetyInfo.fr": "Ne convient pas au micro-ondes.",
          "safetyInfo.it": "  ",
          "prop65.on": "on",
          "prop65.chemicals": "lead, cadmium",
          "prop65.endpoint": "both",
        },
        { id: "3" },
      ),
    );
    expect(saved).toMatchObject({ ok: true, intent: "profile" });
    expect(vaultChanged).toHaveBeenCalledWith(SHOP, { kind: "profile", productId: gid(3) });
    const data = await productLoader(await args("/app/compliance/products/3", { id: "3" }));
    if (!data.found || !data.profile) throw new Error("expected the profile");
    const merchant = <T>(value: T) => ({ value, source: "merchant" });
    expect(data.profile.materials).toEqual(
      merchant([
        { material: "stoneware", share: 90 },
        { material: "glaze", share: 10 },
      ]),
    );
    expect(data.profile.recycledContentPct).toEqual(merchant(35.5));
    expect(data.profile.packaging).toEqual(
      merchant([
        { material: "paper", grams: 120 },
        { material: "plastic", grams: 8 },
      ]),
    );
    expect(data.profile.safetyInfo).toEqual(
      merchant({ de: "Nicht für die Mikrowelle geeignet.", fr: "Ne convient pas au micro-ondes." }),
    );
    expect(data.profile.prop65).toEqual(
      merchant({ chemicals: ["lead", "cadmium"], endpoint: "both" }),
    );
    // Left empty, a value goes back to inferred; unticked, Prop 65 is a confirmed "none".
    expect(
      await productAction(
        await post("/app/compliance/products/3", { intent: "profile" }, { id: "3" }),
      ),
    ).toMatchObject({ ok: true });
    const cleared = await productLoader(await args("/app/compliance/products/3", { id: "3" }));
    if (!cleared.found || !cleared.profile) throw new Error("expected the profile");
    expect(cleared.profile.recycledContentPct).toEqual({ value: null, source: "inferred" });
    expect(cleared.profile.packaging).toEqual({ value: [], source: "inferred" });
    expect(cleared.profile.safetyInfo).toEqual({ value: {}, source: "inferred" });
    expect(cleared.profile.prop65).toEqual(merchant(null));
    expect(await db().complianceProfile.count({ where: { shop: OTHER } })).toBe(0);
  });

  it("refuses out-of-range values with field errors in words, on the field typed, saving nothing", async () => {
    const before = await db().complianceProfile.findMany({ where: { productId: gid(3) } });
    const bad = await productAction(
      await post(
        "/app/compliance/products/3",
        {
          intent: "profile",
          recycledContentPct: "140",
          "materials.0.material": "cotton",
          "materials.0.share": "0",
          "materials.1.material": "",
          "materials.1.share": "",
          "materials.2.material": "",
          "materials.2.share": "20",
          "packaging.0.material": "paper",
          "packaging.0.grams": "-5",
          "prop65.on": "on",
          "prop65.chemicals": " , ",
          "prop65.endpoint": "cancer",
        },
        { id: "3" },
      ),
    );
    expect(bad).toEqual({
      ok: false,
      fieldErrors: {
        recycledContentPct: "Enter a percentage from 0 to 100.",
        "materials.0.share": "Enter a share above 0 and at most 100 %.",
        "materials.2.material": "Name the material.",
        "packaging.0.grams": "Enter the weight in grams (0 or more).",
        "prop65.chemicals": "Name at least one chemical on the Prop 65 list.",
      },
    });
    const sum = await productAction(
      await post(
        "/app/compliance/products/3?locale=zh-CN",
        {
          intent: "profile",
          "materials.0.material": "cotton",
          "materials.0.share": "70",
          "materials.1.material": "polyester",
          "materials.1.share": "60",
        },
        { id: "3" },
      ),
    );
    expect(sum).toEqual({ ok: false, fieldErrors: { materials: "各材料占比合计超过 100%。" } });
    expect(vaultChanged).not.toHaveBeenCalled();
    expect(await db().complianceProfile.findMany({ where: { productId: gid(3) } })).toEqual(before);
  });

  it("links each held-registration and warnings finding to the form that fixes it", () => {
    const lucid = "LUCID (Zentrale Stelle Verpackungsregister)";
    const shown = showFindings(
      [
        makeFinding("epr-number-format", "DE", "packaging: DE12", {
          register: lucid,
          number: "DE12",
          format: "DE + 13 digits",
        }),
        // A register name the packs no longer use: the stream is read from the evidence.
        makeFinding("epr-number-format", "FR", "weee: FR0", {
          register: "an older name",
          number: "FR0",
          format: "FR + 6 digits + 2 letters + 6 digits",
        }),
        makeFinding("epr-de-packaging-role", "DE", "LUCID DE1234567890123: third_party", {
          role: "third_party",
        }),
        makeFinding("gpsr-safety-language", "BE", "safety information languages: de", {
          market: "BE",
          languages: "nl/fr/de",
          have: "en",
        }),
      ].map(plain),
      "en",
    );
    expect(shown.map((f) => f.action)).toEqual([
      { kind: "editRegistration", country: "DE", stream: "packaging" },
      { kind: "editRegistration", country: "FR", stream: "weee" },
      { kind: "editRegistration", country: "DE", stream: "packaging" },
      { kind: "safetyInfo", language: "nl" },
    ]);
  });
});

describe("the audit report", () => {
  it("exports one market's findings as CSV with formulas defused, for SHOP only", async () => {
    const response = await exportLoader(await args("/app/compliance/export?market=DE"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="seaworthy-compliance-DE-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await response.text();
    expect(text).not.toContain("OTHER");
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.product_id, r.market, r.rule])).toEqual([
      [gid(1), "DE", "epr-de-packaging"],
      [gid(1), "EU", "claim-generic"],
      [gid(2), "EU", "gpsr-manufacturer"],
      [gid(3), "EU", "claim-generic"],
    ]);
    expect(rows[0]?.title).toBe(`'=HYPERLINK("http://x.example","click")`);
    expect(rows[2]?.title).toBe('Mine 2, "quoted"');
    expect(text).toContain('"Mine 2, ""quoted"""');
    expect(rows[1]?.suggestion).toBe("A mug for every day.");
    expect(rows[0]?.sources).toContain("https://www.modelgroup.com/");
    expect(rows[0]?.sources).not.toContain("file:");
    // A market outside the EU has none of the EU findings.
    const us = parse(
      await (await exportLoader(await args("/app/compliance/export?market=US"))).text(),
      {
        bom: true,
        columns: true,
      },
    ) as unknown[];
    expect(us).toEqual([]);
    expect((await exportLoader(await args("/app/compliance/export?market=Germany"))).status).toBe(
      400,
    );
  });

  it("renders a self-contained printable HTML report with the page's text escaped", async () => {
    const response = await reportLoader(await args("/app/compliance/report?market=DE"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("@media print");
    expect(html).toContain("Compliance audit report: Germany (DE)");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; mug");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toMatch(/<link|<script src|<img src="http/);
    expect(html).not.toContain("OTHER");
    expect(html).toContain("GOTS-OLD");
    const zh = await (
      await reportLoader(await args("/app/compliance/report?market=DE&locale=zh-CN"))
    ).text();
    expect(zh).toContain("合规审核报告");
    expect(zh).toContain('<html lang="zh-CN">');
  });
});

describe("Check now", () => {
  it("re-evaluates SHOP's products with the engine and leaves OTHER's results alone", async () => {
    const result = await overviewAction(await post("/app/compliance", { intent: "check" }));
    expect(result).toMatchObject({ ok: true, intent: "check" });
    await getJobQueue().drain();
    const mine = await db().complianceResult.findMany({
      where: { shop: SHOP },
      orderBy: { productId: "asc" },
    });
    expect(mine.map((r) => r.productId)).toEqual([gid(1), gid(2), gid(3)]);
    // The engine's own findings replaced the seeded ones.
    expect(mine.some((r) => r.findings.includes("A mug for every day."))).toBe(false);
    const theirs = await db().complianceResult.findMany({ where: { shop: OTHER } });
    expect(theirs.map((r) => r.findings.includes("OTHER secret finding"))).toEqual([true, true]);
    expect(await db().complianceSnapshot.count({ where: { shop: OTHER } })).toBe(1);
  });
});

describe("the Prop 65 flag", () => {
  it("saved on the page, is judged by the evaluation it queues: the US warning fires, for SHOP only", async () => {
    const real = await vi.importActual<typeof JobsModule>("../app/compliance/jobs.server");
    vaultChanged.mockImplementation((shop, change) =>
      real.afterVaultChange(
        getJobQueue(),
        shop,
        change as Parameters<typeof real.afterVaultChange>[2],
      ),
    );
    const queue = getJobQueue();
    const original = queue.enqueue.bind(queue);
    const enqueued: string[] = [];
    // The label publish needs the shop on Shopify and waits a minute: recorded, not run.
    const spy = vi.spyOn(queue, "enqueue").mockImplementation(async (job, shop, payload, opts) => {
      enqueued.push(`${job.name} ${shop}`);
      if (job.name === real.publishLabelsJob.name) return { id: "skipped", deduped: false };
      return original(job, shop, payload, opts);
    });
    const us = [
      { id: "m2", name: "US", handle: "us", active: true, currencyCode: "USD", countries: ["US"] },
    ];
    await db().shop.update({ where: { shop: SHOP }, data: { markets: us } });
    const theirsBefore = await db().complianceResult.findMany({ where: { shop: OTHER } });
    const prop65 = async (body: Record<string, string>) => {
      const saved = await productAction(
        await post("/app/compliance/products/1", { intent: "profile", ...body }, { id: "1" }),
      );
      expect(saved).toMatchObject({ ok: true });
      await queue.drain();
      const data = await productLoader(await args("/app/compliance/products/1", { id: "1" }));
      if (!data.found || !data.result) throw new Error("expected a result");
      return data.result.findings.filter((f) => f.rule === "label-prop65");
    };
    try {
      expect(await prop65({})).toEqual([]);
      const fired = await prop65({
        "prop65.on": "on",
        "prop65.chemicals": "lead",
        "prop65.endpoint": "reproductive",
      });
      expect(fired).toMatchObject([{ market: "US", evidence: "prop65: lead" }]);
      expect(fired[0]?.message).toContain(
        "⚠ WARNING: Risk of reproductive harm from exposure to lead.",
      );
      expect(enqueued).toContain(`compliance.evaluate-product ${SHOP}`);
      expect(enqueued.every((e) => e.endsWith(SHOP))).toBe(true);
      expect(await prop65({})).toEqual([]);
      expect(await db().complianceResult.findMany({ where: { shop: OTHER } })).toEqual(
        theirsBefore,
      );
      expect(await db().complianceProfile.count({ where: { shop: OTHER } })).toBe(0);
    } finally {
      spy.mockRestore();
      vaultChanged.mockImplementation(async () => {});
    }
  });
});
