/**
 * The one way background work gets a shop's offline access token: valid for a while yet,
 * refreshed shortly before it expires (Shopify's expiring offline tokens live 60 minutes) or once
 * after Shopify rejected it, migrated from a non-expiring token on first use, and never refreshed
 * by two processes at once.
 *
 * Refresh tokens rotate, so two processes spending the same one would leave one of them holding
 * a pair Shopify may retire. A lease on the shop's ShopToken row (a compare-and-set UPDATE, the
 * same on SQLite and PostgreSQL; it expires, so a process killed mid-refresh blocks nobody for
 * long) lets one process refresh while the others wait and then read the pair it stored. The new
 * pair is stored in one UPDATE of the session row. When the answer is lost on the way back, the
 * stored refresh token is still the old one and is simply sent again: Shopify keeps accepting it
 * until its replacement is first used.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db.server";
import { demoTarget } from "../env.server";
import { PermanentJobError } from "../jobs/errors";
import { logger } from "../logger.server";
import { open, seal, sealOptional, openOptional } from "../secrets/cipher.server";
import {
  migrateGrant,
  refreshGrant,
  TokenEndpointError,
  type TokenEndpointOptions,
  type TokenPair,
} from "./token-endpoint.server";

/** Refresh this long before expiry: past the library's own 5-minute check, so it never races us. */
export const REFRESH_BEFORE_MS = 10 * 60 * 1000;
/** A refresh holds the lease at most this long (three attempts with a 10 s timeout fit). */
const LEASE_MS = 60_000;
const ATTEMPTS = 3;

/** The shop must open the app again (its refresh token is dead); retrying cannot help. */
export class ShopNeedsReauthError extends PermanentJobError {
  override name = "ShopNeedsReauthError";
  constructor(
    readonly shop: string,
    readonly reason: string,
  ) {
    super(
      `Seaworthy's access to ${shop} has ended (${reason}). Open Seaworthy from the Shopify admin to reconnect; background work for this shop is paused until then.`,
    );
  }
}

/** The shop has no offline session at all (never installed, or uninstalled). */
export class NoOfflineSessionError extends PermanentJobError {
  override name = "NoOfflineSessionError";
  constructor(readonly shop: string) {
    super(`${shop} has no offline session: the app is not installed there (or was uninstalled).`);
  }
}

export interface OfflineSession {
  id: string;
  shop: string;
  accessToken: string;
  scope: string | null;
  expires: Date | null;
  refreshToken: string | null;
  refreshTokenExpires: Date | null;
}

export interface TokenOptions {
  /** The token Shopify just answered 401 to: refresh unless the stored one is already newer. */
  rejected?: string;
  /** Token endpoint settings; default from the environment (see endpointFor). */
  endpoint?: Partial<TokenEndpointOptions>;
  now?: () => Date;
  /** Trade a non-expiring token for an expiring pair (see needsWork). */
  migrate?: boolean;
  /**
   * When another process holds the lease: wait for its pair (default), or return what is stored
   * at once (a web request, e.g. a webhook that must answer within 5 s, does not wait).
   */
  wait?: boolean;
  /** Identifies this caller's lease (tests run two "processes" in one). */
  owner?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The shop's offline session with its secrets opened; null when it has none. */
export async function loadOfflineSession(db: Db, shop: string): Promise<OfflineSession | null> {
  const row = await db.session.findFirst({
    where: { shop, isOnline: false },
    select: {
      id: true,
      shop: true,
      accessToken: true,
      scope: true,
      expires: true,
      refreshToken: true,
      refreshTokenExpires: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    accessToken: open(row.accessToken),
    refreshToken: openOptional(row.refreshToken),
  };
}

/**
 * Where the token endpoint is and who we are. Workers need SHOPIFY_API_KEY and SHOPIFY_API_SECRET
 * for this (a refresh is signed with the client secret); the demo shop's endpoint is the
 * simulator's, decided from the checked environment like its Admin API.
 */
export function endpointFor(shop: string, overrides: Partial<TokenEndpointOptions> = {}) {
  const clientId = overrides.clientId ?? process.env.SHOPIFY_API_KEY;
  const clientSecret = overrides.clientSecret ?? process.env.SHOPIFY_API_SECRET;
  if (!clientId || !clientSecret)
    throw new Error(
      `Cannot refresh ${shop}'s access token: SHOPIFY_API_KEY and SHOPIFY_API_SECRET must be set in this process (web and worker alike).`,
    );
  const demo = demoTarget(process.env);
  const url =
    overrides.url ??
    (demo && shop === demo.shop
      ? `${demo.url.replace(/\/$/, "")}/${shop}/admin/oauth/access_token`
      : undefined);
  return { ...overrides, shop, clientId, clientSecret, ...(url ? { url } : {}) };
}

function needsWork(
  session: OfflineSession,
  now: Date,
  rejected: string | undefined,
  migrate = false,
): boolean {
  if (rejected !== undefined) return session.accessToken === rejected;
  // A non-expiring token works until Shopify's deadline; it is migrated where asked (the
  // merchant opening the app, the migration job), not in the middle of someone's sync.
  if (session.expires === null) return migrate;
  return session.expires.getTime() - now.getTime() < REFRESH_BEFORE_MS;
}

async function tryLease(db: Db, shop: string, owner: string, now: Date): Promise<boolean> {
  // Single statements, each atomic on its own on SQLite and PostgreSQL alike (Prisma's create and
  // updateMany wrap reads and writes in transactions that two connections can deadlock on).
  await db.$executeRaw`INSERT INTO "ShopToken" ("shop", "status", "updatedAt")
    VALUES (${shop}, 'expiring', ${now}) ON CONFLICT ("shop") DO NOTHING`;
  const until = new Date(now.getTime() + LEASE_MS);
  const taken = await db.$executeRaw`UPDATE "ShopToken"
    SET "leaseOwner" = ${owner}, "leaseUntil" = ${until}, "updatedAt" = ${now}
    WHERE "shop" = ${shop} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})`;
  return taken === 1;
}

async function releaseLease(db: Db, shop: string, owner: string, failed = false) {
  await db.shopToken.updateMany({
    where: { shop, leaseOwner: owner },
    data: { leaseOwner: null, leaseUntil: null, ...(failed ? { failedAt: new Date() } : {}) },
  });
}

/** Marks the shop as needing the merchant; every job for it stops with ShopNeedsReauthError. */
async function markDead(db: Db, shop: string, reason: string) {
  await db.shopToken.upsert({
    where: { shop },
    create: { shop, status: "reauth", reason, failedAt: new Date() },
    update: { status: "reauth", reason, failedAt: new Date(), leaseOwner: null, leaseUntil: null },
  });
  logger.warn(
    { shop, op: "auth.offline-token" },
    "offline token dead: the shop must open the app again",
  );
}

/** Stores a new pair in one statement, with the state row, in one transaction. */
export async function storePair(db: Db, session: OfflineSession, pair: TokenPair, owner?: string) {
  await db.$transaction([
    db.session.update({
      where: { id: session.id },
      data: {
        accessToken: seal(pair.accessToken),
        expires: pair.expires,
        refreshToken: sealOptional(pair.refreshToken),
        refreshTokenExpires: pair.refreshTokenExpires,
        ...(pair.scope ? { scope: pair.scope } : {}),
      },
    }),
    db.shopToken.upsert({
      where: { shop: session.shop },
      create: {
        shop: session.shop,
        status: pair.expires ? "expiring" : "legacy",
        refreshedAt: new Date(),
      },
      update: {
        status: pair.expires ? "expiring" : "legacy",
        reason: null,
        refreshedAt: new Date(),
        ...(owner ? { leaseOwner: null, leaseUntil: null } : {}),
      },
    }),
  ]);
}

/** One grant, retried while the answer is lost (same refresh token each time; see the top). */
async function grant(session: OfflineSession, endpoint: TokenEndpointOptions): Promise<TokenPair> {
  for (let attempt = 1; ; attempt++) {
    try {
      return session.expires === null
        ? await migrateGrant(endpoint, session.accessToken)
        : await refreshGrant(endpoint, session.refreshToken ?? "");
    } catch (error) {
      const transient = error instanceof TokenEndpointError && error.kind === "transient";
      if (!transient || attempt >= ATTEMPTS) throw error;
      await sleep(250 * 2 ** attempt);
    }
  }
}

/**
 * The shop's offline session with an access token that is valid for at least a few minutes
 * (or, with `rejected`, a different one than Shopify just refused).
 */
export async function freshOfflineSession(
  db: Db,
  shop: string,
  options: TokenOptions = {},
): Promise<OfflineSession> {
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? randomUUID();
  const deadline = now().getTime() + LEASE_MS * 2;
  for (;;) {
    const session = await loadOfflineSession(db, shop);
    if (!session) throw new NoOfflineSessionError(shop);
    const state = await db.shopToken.findUnique({
      where: { shop },
      select: { status: true, reason: true },
    });
    if (state?.status === "reauth")
      throw new ShopNeedsReauthError(shop, state.reason ?? "access revoked");
    if (!needsWork(session, now(), options.rejected, options.migrate)) return session;

    if (session.expires !== null && !session.refreshToken) {
      // An expiring token without its refresh token cannot be renewed in the background.
      if (options.rejected === undefined && session.expires > now()) return session;
      await markDead(db, shop, "no refresh token was stored");
      throw new ShopNeedsReauthError(shop, "no refresh token was stored");
    }
    if (session.refreshTokenExpires && session.refreshTokenExpires <= now()) {
      await markDead(db, shop, "the refresh token expired after 90 days unused");
      throw new ShopNeedsReauthError(shop, "the refresh token expired after 90 days unused");
    }
    if (!(await tryLease(db, shop, owner, now()))) {
      if (options.wait === false) return session;
      // Another process is refreshing: wait for its pair rather than spend the token twice.
      if (now().getTime() > deadline)
        throw new Error(`Timed out waiting for another process to refresh ${shop}'s token.`);
      await sleep(200);
      continue;
    }
    try {
      // Re-read under the lease: another process may have renewed the pair since our first read.
      const current = await loadOfflineSession(db, shop);
      if (!current) throw new NoOfflineSessionError(shop);
      if (
        current.accessToken !== session.accessToken &&
        !needsWork(current, now(), options.rejected, options.migrate)
      ) {
        await releaseLease(db, shop, owner);
        return current;
      }
      if (current.expires === null && options.rejected !== undefined) {
        // Shopify refused a non-expiring token: it was revoked, nothing can renew it.
        await markDead(db, shop, "Shopify rejected the access token");
        throw new ShopNeedsReauthError(shop, "Shopify rejected the access token");
      }
      let pair: TokenPair;
      try {
        pair = await grant(current, endpointFor(shop, options.endpoint));
      } catch (error) {
        const transient = error instanceof TokenEndpointError && error.kind === "transient";
        if (transient && current.expires === null) {
          // A non-expiring token still works until Shopify's deadline: use it, migrate later.
          await releaseLease(db, shop, owner, true);
          logger.warn(
            { shop, op: "auth.offline-token", err: (error as Error).message },
            "non-expiring token not migrated yet; using it for now",
          );
          return current;
        }
        throw error;
      }
      await storePair(db, current, pair, owner);
      logger.info(
        { shop, op: "auth.offline-token", migrated: current.expires === null },
        current.expires === null
          ? "non-expiring token migrated to an expiring one"
          : "offline token refreshed",
      );
      return { ...current, ...pair, scope: pair.scope ?? current.scope };
    } catch (error) {
      if (error instanceof TokenEndpointError && error.kind === "dead") {
        await markDead(db, shop, error.message);
        throw new ShopNeedsReauthError(shop, error.code ?? "the token endpoint refused");
      }
      if (!(error instanceof ShopNeedsReauthError))
        await releaseLease(db, shop, owner, true).catch(() => {});
      throw error;
    }
  }
}

/** A token source for the Admin client: cached until close to expiry, renewed after a 401. */
export function offlineTokenSource(db: Db, shop: string, options: TokenOptions = {}) {
  let cached: OfflineSession | null = null;
  const now = options.now ?? (() => new Date());
  return {
    async current(): Promise<string> {
      if (cached && !needsWork(cached, now(), undefined)) return cached.accessToken;
      cached = await freshOfflineSession(db, shop, options);
      return cached.accessToken;
    },
    async rejected(token: string): Promise<string> {
      cached = await freshOfflineSession(db, shop, { ...options, rejected: token });
      return cached.accessToken;
    },
  };
}

export type OfflineTokenSource = ReturnType<typeof offlineTokenSource>;
