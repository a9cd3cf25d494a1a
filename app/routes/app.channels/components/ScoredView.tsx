import { useNavigate, useSearchParams } from "@remix-run/react";
import { Card, InlineGrid, Tabs } from "@shopify/polaris";
import { CHANNEL_IDS } from "../../../channels/types";
import { useT } from "../../../i18n/i18n";
import type { Scored } from "../types";
import { ChannelChart } from "./ChannelChart";
import { ChannelFigures } from "./ChannelFigures";
import { RankedList, type Go } from "./RankedList";
import { TopRules } from "./TopRules";

/** The page once anything is scored: the chart, the channel tabs, what to fix, the ranked list. */
export function ScoredView({ data }: { data: Scored }) {
  const t = useT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { params } = data;
  const channel = params.channel;
  const current = data.summary.find((s) => s.channel === channel);

  /** Changes some filters and goes back to page 1 (a filter change makes the old page meaningless). */
  const go: Go = (next, keepPage = false) => {
    const p = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if (!keepPage) p.delete("page");
    navigate(`?${p.toString()}`, { preventScrollReset: true });
  };

  return (
    <>
      <Card>
        <ChannelChart summary={data.summary} />
      </Card>
      <Card padding="0">
        <Tabs
          tabs={CHANNEL_IDS.map((id) => ({
            id: `channel-${id}`,
            content: t(`channel.${id}`),
            accessibilityLabel: t(`channel.${id}`),
          }))}
          selected={CHANNEL_IDS.indexOf(channel)}
          onSelect={(i) => go({ channel: CHANNEL_IDS[i] ?? "amazon", rule: null })}
        />
      </Card>
      {/* What to fix sits above the list, which gets the full width its columns need. */}
      <InlineGrid columns={{ xs: 1, md: ["oneThird", "twoThirds"] }} gap="400" alignItems="start">
        {current ? <ChannelFigures summary={current} /> : <span />}
        <TopRules data={data} channel={channel} />
      </InlineGrid>
      <RankedList data={data} go={go} />
    </>
  );
}
