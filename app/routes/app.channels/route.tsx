import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Page } from "@shopify/polaris";
import { requireAdmin } from "../../admin.server";
import { getJobQueue } from "../../background.server";
import { channelsPage, queueScoreNow } from "../../channels/page.server";
import { rankedParams } from "../../channels/queries.server";
import { isChannelId } from "../../channels/types";
import { RouteError } from "../../components/RouteError";
import { db } from "../../db.server";
import { resolveLocale, useT } from "../../i18n/i18n";
import { NotScored } from "./components/NotScored";
import { ScoredView } from "./components/ScoredView";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  // An unknown channel in a hand-edited link is said in words, not a 400 page.
  const badChannel = search.channel && !isChannelId(search.channel) ? search.channel : null;
  const params = rankedParams.parse(badChannel ? { ...search, channel: undefined } : search);
  const page = await channelsPage(db(), shop, params, (language) =>
    resolveLocale(request, language),
  );
  return { ...page, badChannel };
};

/** "Score now": queues a full rescore of the shop (deduped while one is waiting or running). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return (await queueScoreNow(getJobQueue(), shop))
    ? { ok: true as const }
    : { ok: false as const };
};

export default function Channels() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Page title={t("channels.title")} subtitle={t("channels.subtitle")}>
      <BlockStack gap="400">
        {data.badChannel ? (
          <Banner tone="warning">{t("channels.badChannel", { channel: data.badChannel })}</Banner>
        ) : null}
        {data.scored ? <ScoredView data={data} /> : <NotScored />}
      </BlockStack>
    </Page>
  );
}

/** Errors as words inside the admin frame, never a stack trace. */
export function ErrorBoundary() {
  return <RouteError title="channels.title" />;
}
