/**
 * Expiring offline tokens end to end, against the simulated store's token endpoint (which keeps
 * Shopify's rules: rotation, the old refresh token accepted until its replacement is used,
 * 401 for expired access tokens): GIVEN a shop's stored pair, WHEN background work needs the
 * Admin API, THEN it gets a valid token, and the database only ever holds sealed ones.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { PrismaClient } from "@prisma/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, db, type Db } from "../db.server";
import { createInlineRunner } from "../jobs/inline";
import type { JobFailure } from "../jobs/types";
import { isSealed, open, seal } from "../secrets/cipher.server";
import { completeBulkSync, startBulkSync } from "../sync/bulk/bulk-sync.server";
import { adminClientForShop } from "../sync/admin-for-shop.server";
import { bulkStartJob } from "../sync/jobs.server";
import { accessStatus } from "../sync/status.server";
import { generateStore } from "../../simulator/catalog/generate";
import { startSimulator, type Simulator } from "../../simulator";
import { TEST_DATABASE_URL, scratchDatabase } from "../../test/helpers/postgres";
import { migrate } from "../db/migrate.server";
import { migrateTokenJob } from "./jobs.server";
import { freshOfflineSession, ShopNeedsReauthError } from "./offline-token.server";
import { SealedSessionStorage } from "./session-storage.server";

const SHOP = "token-shop.myshopify.com";
const LEGACY = "shpat_legacy_nonexpiring_token";
const store = generateStore({ seed: 5, products: 12, shopDomain: SHOP });
let sim: Simulator;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulator({
    store,
    accessToken: LEGACY,
    apiKey: process.env.SHOPIFY_API_KEY!,
    apiSecret: process.env.SHOPIFY_API_SECRET!,
    webhookSubscriptions: [],
  });
  // Background work reaches the simulator the way the demo does (its token endpoint included).
  Object.assign(process.env, { SEAWORTHY_DEMO: "1", SIMULATOR_URL: sim.url, DEMO_SHOP: SHOP });
  workDir = mkdtempSync(path.join(tmpdir(), "seaworthy-token-"));
});

afterAll(async () => {
  for (const k of ["SEAWORTHY_DEMO", "SIMULATOR_URL", "DEMO_SHOP"]) delete process.env[k];
  await sim?.close();
  rmSync(workDir, { recursive: true, force: true });
});

beforeEach(async () => {
  sim.faults.reset();
  sim.tokens.requests.length = 0;
  await db().session.deleteMany({});
  await db().shopToken.deleteMany({});
});

afterEach(async () => {
  // Whatever a test did, no token ever sits in the database in the clear.
  for (const row of await db().session.findMany()) {
    expect(isSealed(row.accessToken)).toBe(true);
    if (row.refreshToken) expect(isSealed(row.refreshToken)).toBe(true);
    expect(JSON.stringify(row)).not.toMatch(/shp(at|rt)_/);
  }
});

/** The shop as an install leaves it: an expiring pair, stored sealed, expiring in `minutes`. */
async function installExpiring(minutes = 60, database: Db = db()) {
  const pair = sim.tokens.issueExpiring();
  await database.session.create({
    data: {
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "",
      isOnline: false,
      scope: pair.scope,
      accessToken: seal(pair.accessToken),
      expires: new Date(Date.now() + minutes * 60_000),
      refreshToken: seal(pair.refreshToken),
      refreshTokenExpires: new Date(Date.now() + pair.refreshTokenExpiresIn * 1000),
    },
  });
  return pair;
}

async function stored() {
  const row = await db().session.findFirstOrThrow({ where: { shop: SHOP, isOnline: false } });
  return {
    accessToken: open(row.accessToken),
    refreshToken: row.refreshToken ? open(row.refreshToken) : null,
    expires: row.expires,
  };
}

/** The app's session storage, as shopify.server.ts builds it. */
const sealedStorage = () =>
  new SealedSessionStorage(new PrismaSessionStorage(db() as unknown as PrismaClient), db());

const outcomes = () => sim.tokens.requests.map((r) => r.outcome);

describe("an expiring offline token", () => {
  it("is refreshed shortly before it expires, and the new pair is stored sealed", async () => {
    const first = await installExpiring(3);
    const session = await freshOfflineSession(db(), SHOP);
    expect(outcomes()).toEqual(["issued"]);
    expect(session.accessToken).not.toBe(first.accessToken);
    const now = await stored();
    expect(now.accessToken).toBe(session.accessToken);
    expect(now.refreshToken).not.toBe(first.refreshToken);
    expect(now.expires!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(sim.tokens.isValidAccessToken(now.accessToken)).toBe(true);
    // Still fresh: no second refresh.
    await freshOfflineSession(db(), SHOP);
    expect(outcomes()).toEqual(["issued"]);
  });

  it("expiring in the middle of a sync is renewed after Shopify's 401 and the sync completes", async () => {
    await installExpiring(60);
    const client = await adminClientForShop(db(), SHOP);
    const { runId } = await startBulkSync({ db: db(), client, shop: SHOP, resource: "products" });
    // Shopify expires the token while the app still believes it has most of an hour left.
    sim.tokens.expireAccessTokens();
    await completeBulkSync({
      db: db(),
      client,
      shop: SHOP,
      runId,
      databaseUrl: process.env.DATABASE_URL!,
      workDir,
      pollMs: 20,
    });
    expect(outcomes()).toEqual(["issued"]);
    const run = await db().syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("completed");
    expect(await db().product.count({ where: { shop: SHOP } })).toBe(store.products.length);
    expect(sim.tokens.isValidAccessToken((await stored()).accessToken)).toBe(true);
  });

  it("refreshed by two workers at once is refreshed once, and both use the one valid pair", async () => {
    await installExpiring(2);
    const other: Db = createDb(process.env.DATABASE_URL!);
    sim.faults.delayMs = 300; // a slow endpoint, so both arrive while the first refresh runs
    try {
      const [a, b] = await Promise.all([
        freshOfflineSession(db(), SHOP, { owner: "worker-a" }),
        freshOfflineSession(other, SHOP, { owner: "worker-b" }),
      ]);
      expect(a.accessToken).toBe(b.accessToken);
      expect(outcomes()).toEqual(["issued"]);
      sim.faults.delayMs = 0;
      // The stored refresh token is the live one: the next refresh goes through.
      sim.tokens.expireAccessTokens();
      const next = await freshOfflineSession(db(), SHOP, { rejected: a.accessToken });
      expect(outcomes()).toEqual(["issued", "issued"]);
      expect(sim.tokens.isValidAccessToken(next.accessToken)).toBe(true);
    } finally {
      await other.$disconnect();
    }
  });

  it("whose refresh answer was lost is recovered with the same refresh token", async () => {
    const first = await installExpiring(1);
    sim.faults.loseTokenResponses = 1;
    const session = await freshOfflineSession(db(), SHOP);
    expect(outcomes()).toEqual(["lost", "issued"]);
    expect(sim.tokens.isValidAccessToken(session.accessToken)).toBe(true);
    const now = await stored();
    expect(now.refreshToken).not.toBe(first.refreshToken);
    // The pair we kept is the one that works from here on.
    sim.tokens.expireAccessTokens();
    await freshOfflineSession(db(), SHOP, { rejected: session.accessToken });
    expect(outcomes()).toEqual(["lost", "issued", "issued"]);
  });
});

describe("a shop on a non-expiring token", () => {
  it("is migrated by the migration job, without the merchant, and the old token stops working", async () => {
    await db().session.create({
      data: {
        id: `offline_${SHOP}`,
        shop: SHOP,
        state: "",
        isOnline: false,
        accessToken: seal(LEGACY),
      },
    });
    expect(await accessStatus(db(), SHOP)).toMatchObject({ status: "legacy" });
    const queue = createInlineRunner({ jobs: [migrateTokenJob] });
    await queue.enqueue(migrateTokenJob, SHOP, {});
    await queue.drain();
    await queue.close();

    const now = await stored();
    expect(now.expires).not.toBeNull();
    expect(now.refreshToken).toMatch(/^shprt_/);
    expect(sim.tokens.isValidAccessToken(now.accessToken)).toBe(true);
    expect(sim.tokens.isValidAccessToken(LEGACY)).toBe(false);
    expect(sim.tokens.requests.map((r) => [r.subjectTokenType, r.outcome])).toEqual([
      ["urn:shopify:params:oauth:token-type:offline-access-token", "issued"],
    ]);
    expect(await accessStatus(db(), SHOP)).toMatchObject({ status: "ok" });
  });

  it("is migrated when the merchant opens the app (the session storage hands the library the new token)", async () => {
    const storage = sealedStorage();
    // The job above migrated LEGACY: a second store of the same shop still holds one.
    const second = await startSimulator({
      store: generateStore({ seed: 6, products: 2, shopDomain: SHOP }),
      accessToken: "shpat_second_legacy_token",
      apiKey: process.env.SHOPIFY_API_KEY!,
      apiSecret: process.env.SHOPIFY_API_SECRET!,
      webhookSubscriptions: [],
    });
    process.env.SIMULATOR_URL = second.url;
    // Stored as the app stored it before: in the clear. Loading seals it on the way.
    await db().session.create({
      data: {
        id: `offline_${SHOP}`,
        shop: SHOP,
        state: "",
        isOnline: false,
        accessToken: "shpat_second_legacy_token",
      },
    });
    const loaded = await storage.loadSession(`offline_${SHOP}`).finally(() => {
      process.env.SIMULATOR_URL = sim.url;
    });
    expect(second.tokens.requests.map((r) => r.outcome)).toEqual(["issued"]);
    expect(second.tokens.isValidAccessToken("shpat_second_legacy_token")).toBe(false);
    await second.close();
    expect(loaded?.accessToken).toMatch(/^shpat_/);
    expect(loaded?.accessToken).not.toBe("shpat_second_legacy_token");
    expect(loaded?.expires).toBeInstanceOf(Date);
    // The library never gets a refresh token, so it never spends one beside our lease.
    expect(loaded?.refreshToken).toBeUndefined();
    expect((await stored()).refreshToken).toMatch(/^shprt_/);
  });
});

describe("the session storage", () => {
  it("does not make a web request wait on another process's refresh", async () => {
    const first = await installExpiring(3);
    await db().shopToken.create({
      data: {
        shop: SHOP,
        leaseOwner: "worker-elsewhere",
        leaseUntil: new Date(Date.now() + 60_000),
      },
    });
    const storage = sealedStorage();
    const started = Date.now();
    const loaded = await storage.loadSession(`offline_${SHOP}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(loaded?.accessToken).toBe(first.accessToken);
    expect(outcomes()).toEqual([]);
    // A background job, by contrast, waits for the pair (here: until the lease lapses).
    await db().shopToken.update({
      where: { shop: SHOP },
      data: { leaseUntil: new Date(Date.now() + 300) },
    });
    const fresh = await freshOfflineSession(db(), SHOP);
    expect(fresh.accessToken).not.toBe(first.accessToken);
    expect(outcomes()).toEqual(["issued"]);
  });

  it("seals what the library stores and opens what it loads; an invalidated token keeps its refresh token", async () => {
    const storage = sealedStorage();
    const pair = sim.tokens.issueExpiring();
    const session = new Session({
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "",
      isOnline: false,
      accessToken: pair.accessToken,
      expires: new Date(Date.now() + 3_600_000),
      refreshToken: pair.refreshToken,
      refreshTokenExpires: new Date(Date.now() + 86_400_000),
    });
    await storage.storeSession(session);
    const raw = await db().session.findFirstOrThrow({ where: { id: session.id } });
    expect(raw.accessToken).not.toContain(pair.accessToken);
    expect(open(raw.accessToken)).toBe(pair.accessToken);
    expect((await storage.loadSession(session.id))?.accessToken).toBe(pair.accessToken);
    expect(outcomes()).toEqual([]); // fresh: nothing to refresh

    // Shopify answered 401 inside a request: the library stores the session without its token.
    const invalidated = new Session({ ...session.toObject(), accessToken: undefined });
    invalidated.accessToken = undefined;
    await storage.storeSession(invalidated);
    const reloaded = await storage.loadSession(session.id);
    expect(outcomes()).toEqual(["issued"]);
    expect(sim.tokens.isValidAccessToken(reloaded!.accessToken!)).toBe(true);
  });
});

// Last: revoking every token of the shop also ends the non-expiring one the tests above use.
describe("a dead refresh token", () => {
  it("that is dead stops the shop's jobs at once, says so on the Sync card, and comes back when the app is opened", async () => {
    await installExpiring(1);
    sim.tokens.revokeAll(); // as after an uninstall Seaworthy missed, or a revoked grant
    const failures: JobFailure[] = [];
    const queue = createInlineRunner({
      jobs: [bulkStartJob],
      onFailed: (failure) => void failures.push(failure),
    });
    await queue.enqueue(bulkStartJob, SHOP, { resource: "products" });
    await queue.drain();
    await queue.close();
    expect(failures).toHaveLength(1);
    expect(failures[0]!.attempts).toBe(1); // not retried: retrying cannot help
    expect(failures[0]!.error).toBeInstanceOf(ShopNeedsReauthError);
    expect(failures[0]!.error.message).toMatch(/Open Seaworthy from the Shopify admin/);
    expect(outcomes()).toEqual(["invalid_grant"]);
    expect(await accessStatus(db(), SHOP)).toMatchObject({ status: "reauth" });

    // Later jobs fail the same way without asking Shopify again.
    await expect(adminClientForShop(db(), SHOP)).rejects.toBeInstanceOf(ShopNeedsReauthError);
    expect(outcomes()).toEqual(["invalid_grant"]);

    // The merchant opens the app: the library's token exchange stores a new pair.
    const storage = sealedStorage();
    const pair = sim.tokens.issueExpiring();
    await storage.storeSession(
      new Session({
        id: `offline_${SHOP}`,
        shop: SHOP,
        state: "",
        isOnline: false,
        accessToken: pair.accessToken,
        expires: new Date(Date.now() + pair.expiresIn * 1000),
        refreshToken: pair.refreshToken,
        refreshTokenExpires: new Date(Date.now() + pair.refreshTokenExpiresIn * 1000),
      }),
    );
    expect(await accessStatus(db(), SHOP)).toMatchObject({ status: "ok" });
    const client = await adminClientForShop(db(), SHOP);
    await expect(
      client.request({ name: "ShopName", document: "query ShopName { shop { name } }" }),
    ).resolves.toBeTruthy();
  });
});

describe.runIf(TEST_DATABASE_URL)("on PostgreSQL", () => {
  it("two processes refreshing one shop at once refresh once and share the pair", async () => {
    const scratch = await scratchDatabase();
    await migrate(scratch.url);
    const [one, two] = [createDb(scratch.url), createDb(scratch.url)];
    try {
      await installExpiring(1, one);
      sim.faults.delayMs = 300;
      const [a, b] = await Promise.all([
        freshOfflineSession(one, SHOP, { owner: "pg-a" }),
        freshOfflineSession(two, SHOP, { owner: "pg-b" }),
      ]);
      expect(a.accessToken).toBe(b.accessToken);
      expect(outcomes()).toEqual(["issued"]);
      const lease = await one.shopToken.findUniqueOrThrow({ where: { shop: SHOP } });
      expect(lease).toMatchObject({ status: "expiring", leaseOwner: null, leaseUntil: null });
    } finally {
      await Promise.all([one.$disconnect(), two.$disconnect()]);
      await scratch.drop();
    }
  });
});
