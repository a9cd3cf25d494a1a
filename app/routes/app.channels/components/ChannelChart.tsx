import { BarChart } from "../../../components/BarChart";
import { BAND_COLOR } from "../../../components/ChannelBits";
import { useLocale, useT } from "../../../i18n/i18n";
import type { Data } from "../types";

/** Per channel: products by band, and how many are eligible. */
export function ChannelChart({ summary }: { summary: Data["summary"] }) {
  const t = useT();
  const locale = useLocale();
  const max = Math.max(1, ...summary.map((s) => s.products));
  return (
    <BarChart
      testId="channels-chart"
      title={t("channels.chartTitle")}
      max={max}
      groups={summary.map((s) => ({
        label: t(`channel.${s.channel}`),
        bars: [
          {
            name: "bands",
            total: s.products.toLocaleString(locale),
            segments: (["excellent", "good", "poor"] as const).map((band) => ({
              label: t(`band.${band}`),
              value: s.bands[band],
              color: BAND_COLOR[band],
            })),
          },
          {
            name: "eligible",
            total: t("channels.chartTotal", {
              eligible: s.eligible.toLocaleString(locale),
              products: s.products.toLocaleString(locale),
            }),
            segments: [
              {
                label: t("channels.eligible"),
                value: s.eligible,
                color: "var(--p-color-bg-fill-emphasis)",
              },
              {
                label: t("channels.notEligible"),
                value: s.products - s.eligible,
                color: "var(--p-color-bg-fill-tertiary)",
              },
            ],
          },
        ],
      }))}
    />
  );
}
