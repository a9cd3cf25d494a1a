/**
 * The Channels page's data (/app/channels): the per-channel summary and, once anything is scored,
 * one channel's ranked list with what to fix. The route authenticates and parses; this shapes.
 */
import type { Db } from "../db.server";
import type { Locale } from "../i18n/i18n";
import type { JobQueue } from "../jobs/types";
import { logger } from "../logger.server";
import { getShopSettings } from "../shop/settings.server";
import { rescoreAllJob } from "./jobs.server";
import {
  channelSummary,
  collectionOptions,
  describeRules,
  filterFromParams,
  rankedProducts,
  ruleCounts,
  ruleTitle,
  type RankedParams,
} from "./queries.server";

/**
 * The page for these filters. `localeOf` turns the shop's language setting into the admin's
 * locale (it needs the request, which stays in the route); the settings are read alongside the
 * summary so the page costs no extra round trip.
 */
export async function channelsPage(
  database: Db,
  shop: string,
  params: RankedParams,
  localeOf: (language: string) => Locale,
) {
  const [summary, settings] = await Promise.all([
    channelSummary(database, shop),
    getShopSettings(database, shop),
  ]);
  const locale = localeOf(settings.language);
  if (summary.every((s) => s.products === 0)) {
    return { scored: false as const, summary };
  }
  const filter = filterFromParams(params);
  const [page, rules, collections] = await Promise.all([
    rankedProducts(database, shop, filter, params.page),
    ruleCounts(database, shop, params.channel),
    collectionOptions(database, shop),
  ]);
  // What to fix: blockers and warnings only; info findings cost no points.
  const actionable = rules.filter((r) => r.severity !== "info").slice(0, 10);
  const texts = await describeRules(
    database,
    shop,
    params.channel,
    actionable.map((r) => r.rule),
    locale,
  );
  return {
    scored: true as const,
    summary,
    params,
    page,
    topRules: actionable.map((r, i) => ({ ...r, ...texts[i]! })),
    // Every rule that fired on the channel, for the rule filter.
    ruleOptions: rules.map((r) => ({ value: r.rule, label: ruleTitle(params.channel, r.rule) })),
    // The picker and the URL carry the numeric part of the collection's gid.
    collections: collections.map((c) => ({
      value: c.id.split("/").pop() ?? c.id,
      label: c.title,
    })),
  };
}

/**
 * "Score now": queues a full rescore of the shop, deduped while one is waiting or running.
 * False when the queue refused it (logged here; the page says so in words).
 */
export async function queueScoreNow(
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
): Promise<boolean> {
  try {
    await queue.enqueue(
      rescoreAllJob,
      shop,
      { reason: "score-now" },
      { jobId: `channels-rescore-all:${shop}` },
    );
    return true;
  } catch (error) {
    logger.error(
      { shop, op: "channels.score-now", err: (error as Error).message },
      "could not queue scoring",
    );
    return false;
  }
}
