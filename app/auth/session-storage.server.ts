/**
 * Shopify's session storage contract, kept: the Prisma storage the template uses, wrapped so that
 *  - access and refresh tokens are sealed before they reach the database and opened on the way
 *    out (app/secrets/cipher.server.ts);
 *  - an offline session handed to the Shopify library is already fresh: renewed through the one
 *    token path (app/auth/offline-token.server.ts, under the shop's lease) and, if the shop still
 *    holds a non-expiring token, migrated, which is what "the merchant opens the app" does;
 *  - the library never sees a refresh token, so it never spends one on its own beside our lease.
 * A shop whose refresh token is dead gets no session back: the library then asks Shopify for a
 * new pair by token exchange (the merchant has the app open), and storing it clears the mark.
 */
import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import type { Db } from "../db.server";
import { logger } from "../logger.server";
import { open, openOptional, seal, sealOptional } from "../secrets/cipher.server";
import { freshOfflineSession, ShopNeedsReauthError } from "./offline-token.server";

export class SealedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly db: Db,
  ) {}

  async storeSession(session: Session): Promise<boolean> {
    if (!session.isOnline && !session.accessToken) {
      // The library "invalidates" a refused token by storing the session without it. Keep the
      // refresh token (it still renews the pair) and mark the access token spent instead.
      await this.db.session.updateMany({
        where: { id: session.id },
        data: { expires: new Date(0) },
      });
      return true;
    }
    const sealed = new Session(session.toObject());
    if (session.accessToken) sealed.accessToken = seal(session.accessToken);
    const refresh = sealOptional(session.refreshToken);
    if (refresh) sealed.refreshToken = refresh;
    const stored = await this.inner.storeSession(sealed);
    if (!session.isOnline) {
      // A pair from a token exchange: whatever killed the last one, this shop works again.
      await this.db.shopToken.upsert({
        where: { shop: session.shop },
        create: { shop: session.shop, status: session.expires ? "expiring" : "legacy" },
        update: {
          status: session.expires ? "expiring" : "legacy",
          reason: null,
          refreshedAt: new Date(),
          leaseOwner: null,
          leaseUntil: null,
        },
      });
    }
    return stored;
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.inner.loadSession(id);
    if (!session) return undefined;
    opened(session);
    if (session.isOnline) return session;
    try {
      // Not waiting on another process's refresh: webhooks load the session too, and must
      // answer within 5 s. The token refreshed 10 minutes early is still good meanwhile.
      const fresh = await freshOfflineSession(this.db, session.shop, {
        migrate: true,
        wait: false,
      });
      session.accessToken = fresh.accessToken;
      session.expires = fresh.expires ?? undefined;
      if (fresh.scope) session.scope = fresh.scope;
    } catch (error) {
      if (error instanceof ShopNeedsReauthError) return undefined;
      // Shopify unreachable: hand over what is stored; the request's own call will say more.
      logger.warn(
        { shop: session.shop, op: "session.load", err: (error as Error).message },
        "offline token not renewed",
      );
    }
    return withoutRefreshToken(session);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    const sessions = await this.inner.findSessionsByShop(shop);
    return sessions.map((s) => withoutRefreshToken(opened(s)));
  }
}

function opened(session: Session): Session {
  if (session.accessToken) session.accessToken = open(session.accessToken);
  const refresh = openOptional(session.refreshToken);
  if (refresh) session.refreshToken = refresh;
  return session;
}

function withoutRefreshToken(session: Session): Session {
  session.refreshToken = undefined;
  session.refreshTokenExpires = undefined;
  return session;
}
