import type { AbstractFetchFunc } from "@shopify/shopify-api/runtime";

/**
 * In demo mode the Shopify library's outgoing calls go to the simulated store: a request for
 * https://<demo shop>/admin/... becomes <simulator>/<demo shop>/admin/..., unchanged otherwise
 * (same method, headers, body). Any other host is refused, so demo mode cannot reach a real shop.
 */
export function demoFetch(
  simulatorUrl: string,
  demoShop: string,
  base: typeof fetch = fetch,
): AbstractFetchFunc {
  const target = simulatorUrl.replace(/\/$/, "");
  return async (input, init) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    if (url.hostname !== demoShop) {
      throw new Error(
        `Demo mode only talks to the simulated shop ${demoShop}, not ${url.hostname}`,
      );
    }
    return base(`${target}/${demoShop}${url.pathname}${url.search}`, init);
  };
}
