import { env } from "./env.server";
import type { AdminGraphql } from "./graphql/client.server";
import { authenticate, unauthenticated } from "./shopify.server";

export interface AdminRequestContext {
  shop: string;
  graphql: AdminGraphql;
  /** True when serving the built-in simulated store (npm run demo). */
  demo: boolean;
}

/**
 * Authenticates an admin page request. In Shopify this is the embedded session token check. In
 * demo mode (never in production, see env.server.ts) a plain browser on this machine is served
 * the demo shop through its stored offline session, so the same loaders run without a login.
 */
export async function requireAdmin(request: Request): Promise<AdminRequestContext> {
  const config = env();
  if (config.SEAWORTHY_DEMO) {
    const { admin, session } = await unauthenticated
      .admin(config.DEMO_SHOP)
      .catch((error: unknown) => {
        throw new Response(
          `The demo shop ${config.DEMO_SHOP} has no session. Start the demo with "npm run demo", which seeds it. (${(error as Error).message})`,
          { status: 503 },
        );
      });
    return { shop: session.shop, graphql: admin.graphql as AdminGraphql, demo: true };
  }
  const { admin, session } = await authenticate.admin(request);
  return { shop: session.shop, graphql: admin.graphql as AdminGraphql, demo: false };
}
