/**
 * Sessions behind an order: the landing page (with UTM parameters), the referrer, and the
 * customer journey's first and last visits. The journey is derived from the same URL the order's
 * landingSite holds, so the two always agree.
 */
import type { SimOrder, SimUtm, SimVisit } from "../store";
import {
  CREATORS,
  GOOGLE_CAMPAIGNS,
  NEWSLETTER_CAMPAIGNS,
  REFERRERS,
  SOCIAL_CAMPAIGNS,
  type Channel,
  type Creator,
} from "./campaigns";
import type { Rng } from "./random";
import { DAY_MS, HOUR_MS, iso } from "./time";

export interface Touch {
  source: string;
  /** Path and query, as REST's landing_site reports it. */
  path: string;
  referrer: string | null;
}

const UTM_KEYS = ["source", "medium", "campaign", "content", "term"] as const;

function withQuery(path: string, params: [string, string][]): string {
  if (params.length === 0) return path;
  return `${path}?${new URLSearchParams(params).toString()}`;
}

function clickId(rng: Rng): string {
  let id = "";
  for (let i = 0; i < 22; i++) id += "abcdefghijklmnopqrstuvwxyz0123456789".charAt(rng.int(0, 35));
  return id;
}

/** One session's entry point for a channel. `productPath` is where deep links land. */
export function touchFor(
  rng: Rng,
  channel: Channel,
  productPath: string,
  creator: Creator | null,
): Touch {
  switch (channel) {
    case "creator": {
      const c = creator ?? CREATORS[0];
      if (!c) return { source: "direct", path: "/", referrer: null };
      const params: [string, string][] = [
        ["utm_source", c.platform],
        ["utm_medium", rng.chance(0.7) ? "creator" : "social"],
        ["utm_campaign", c.campaign],
        ["utm_content", c.handle],
      ];
      // Platforms append their own click ids; the app must ignore them.
      if (rng.chance(0.5))
        params.push([c.platform === "tiktok" ? "ttclid" : "fbclid", clickId(rng)]);
      return {
        source: c.platform,
        path: withQuery(productPath, params),
        referrer: REFERRERS[c.platform],
      };
    }
    case "social": {
      const platform = rng.chance(0.5) ? "tiktok" : "instagram";
      const params: [string, string][] = [
        ["utm_source", platform],
        ["utm_medium", "social"],
        ["utm_campaign", rng.pick(SOCIAL_CAMPAIGNS)],
      ];
      return {
        source: platform,
        path: withQuery(rng.chance(0.5) ? productPath : "/", params),
        referrer: REFERRERS[platform],
      };
    }
    case "google": {
      const campaign = rng.pick(GOOGLE_CAMPAIGNS);
      const params: [string, string][] = [
        ["utm_source", "google"],
        ["utm_medium", "cpc"],
        ["utm_campaign", campaign],
      ];
      if (campaign === "brand_search") params.push(["utm_term", "seaworthy"]);
      params.push(["gclid", clickId(rng)]);
      const path = campaign === "brand_search" ? "/" : productPath;
      return { source: "google", path: withQuery(path, params), referrer: REFERRERS.google };
    }
    case "newsletter": {
      const params: [string, string][] = [
        ["utm_source", "newsletter"],
        ["utm_medium", "email"],
        ["utm_campaign", rng.pick(NEWSLETTER_CAMPAIGNS)],
      ];
      return { source: "email", path: withQuery(productPath, params), referrer: null };
    }
    case "direct":
      return { source: "direct", path: rng.chance(0.6) ? "/" : productPath, referrer: null };
  }
}

/** Parses utm_* from a landing page URL the way Shopify fills CustomerVisit.utmParameters. */
export function parseUtm(url: string): SimUtm | null {
  const params = new URL(url).searchParams;
  const utm: SimUtm = { source: null, medium: null, campaign: null, content: null, term: null };
  let any = false;
  for (const key of UTM_KEYS) {
    const value = params.get(`utm_${key}`);
    if (value !== null) {
      utm[key] = value;
      any = true;
    }
  }
  return any ? utm : null;
}

function visit(touch: Touch, origin: string, atMs: number): SimVisit {
  const landingPage = origin + touch.path;
  return {
    landingPage,
    referrerUrl: touch.referrer,
    source: touch.source,
    occurredAt: iso(atMs),
    utmParameters: parseUtm(landingPage),
  };
}

/**
 * A journey that starts with `first`. Half the buyers convert in the first session; the rest come
 * back up to 30 days later (Shopify's attribution window), a third of them through another
 * channel (typically typing the URL or searching the brand), which is what makes last-click and
 * first-click attribution disagree.
 */
export function journeyFor(
  rng: Rng,
  first: Touch,
  origin: string,
  orderMs: number,
): SimOrder["customerJourney"] {
  const days = rng.weighted([
    [0, 50],
    [rng.int(1, 7), 30],
    [rng.int(8, 30), 20],
  ] as const);
  const lastMs = orderMs - rng.int(3, 90) * 60_000;
  if (days === 0) {
    // One session: first and last visit are the same session (separate objects: plain data).
    return {
      firstVisit: visit(first, origin, lastMs),
      lastVisit: visit(first, origin, lastMs),
      daysToConversion: 0,
    };
  }
  const firstMs = orderMs - days * DAY_MS - rng.next() * 12 * HOUR_MS;
  let last = first;
  if (rng.chance(0.35)) {
    last = rng.chance(0.6)
      ? { source: "direct", path: "/", referrer: null }
      : {
          source: "google",
          path: withQuery("/", [
            ["utm_source", "google"],
            ["utm_medium", "cpc"],
            ["utm_campaign", "brand_search"],
            ["utm_term", "seaworthy"],
          ]),
          referrer: REFERRERS.google,
        };
  }
  return {
    firstVisit: visit(first, origin, firstMs),
    lastVisit: visit(last, origin, lastMs),
    daysToConversion: days,
  };
}
