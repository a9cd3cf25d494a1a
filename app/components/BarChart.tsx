import { BlockStack, InlineStack, Text } from "@shopify/polaris";
import { Fragment, useId } from "react";

export interface BarSegment {
  /** Legend label; segments with the same label share a legend entry and colour. */
  label: string;
  value: number;
  /** A CSS colour, normally a Polaris token such as `var(--p-color-bg-fill-success)`. */
  color: string;
}

export interface BarGroup {
  /** The row's label (a channel). */
  label: string;
  /** One or more horizontal bars under the label, each stacked from its segments. */
  bars: { name: string; segments: BarSegment[]; /** Shown at the bar's end. */ total: string }[];
}

/**
 * A small horizontal stacked bar chart: plain SVG and CSS grid, so it renders the same on the
 * server and in the browser (no measuring, no client-only library). The figures are also in a
 * table that screen readers get instead of the drawing, and each segment has a tooltip.
 */
export function BarChart({
  title,
  groups,
  max,
  testId,
  legend: fixedLegend,
}: {
  title: string;
  /** The legend in this order; by default, every segment label in order of first appearance. */
  legend?: { label: string; color: string }[];
  groups: BarGroup[];
  /** The value a full-width bar stands for (e.g. 100 for scores, the largest total for counts). */
  max: number;
  testId?: string;
}) {
  const id = useId();
  const legend = new Map<string, string>(fixedLegend?.map((l) => [l.label, l.color]));
  if (!fixedLegend)
    for (const g of groups)
      for (const b of g.bars) for (const s of b.segments) legend.set(s.label, s.color);
  const scale = max > 0 ? max : 1;
  return (
    <figure style={{ margin: 0 }} data-testid={testId} aria-labelledby={`${id}-title`}>
      <BlockStack gap="300">
        <figcaption id={`${id}-title`}>
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
        </figcaption>
        <InlineStack gap="400" aria-hidden="true">
          {[...legend].map(([label, color]) => (
            <InlineStack key={label} gap="100" blockAlign="center" wrap={false}>
              <span
                style={{
                  display: "inline-block",
                  width: 12,
                  height: 12,
                  borderRadius: 3,
                  background: color,
                }}
              />
              <Text as="span" variant="bodySm">
                {label}
              </Text>
            </InlineStack>
          ))}
        </InlineStack>
        <div
          aria-hidden="true"
          style={{
            display: "grid",
            gridTemplateColumns: "minmax(90px, max-content) 1fr minmax(48px, max-content)",
            columnGap: 12,
            rowGap: 6,
            alignItems: "center",
          }}
        >
          {groups.map((g) => (
            <Fragment key={g.label}>
              {g.bars.map((bar, i) => (
                <Fragment key={bar.name}>
                  <Text as="span" variant="bodySm" fontWeight={i === 0 ? "semibold" : "regular"}>
                    {i === 0 ? g.label : ""}
                  </Text>
                  <svg
                    width="100%"
                    height={i === 0 ? 16 : 8}
                    viewBox="0 0 100 10"
                    preserveAspectRatio="none"
                    style={{ display: "block", background: "var(--p-color-bg-surface-secondary)" }}
                  >
                    {
                      bar.segments.reduce<{ x: number; nodes: JSX.Element[] }>(
                        (acc, s) => {
                          const w = (Math.max(0, s.value) / scale) * 100;
                          acc.nodes.push(
                            <rect
                              key={s.label}
                              x={acc.x}
                              y={0}
                              width={w}
                              height={10}
                              style={{ fill: s.color }}
                            >
                              <title>{`${g.label} · ${s.label}: ${s.value}`}</title>
                            </rect>,
                          );
                          return { x: acc.x + w, nodes: acc.nodes };
                        },
                        { x: 0, nodes: [] },
                      ).nodes
                    }
                  </svg>
                  <Text as="span" variant="bodySm" tone="subdued" numeric>
                    {bar.total}
                  </Text>
                </Fragment>
              ))}
            </Fragment>
          ))}
        </div>
        <table
          style={{
            position: "absolute",
            width: 1,
            height: 1,
            overflow: "hidden",
            clip: "rect(0 0 0 0)",
            whiteSpace: "nowrap",
          }}
        >
          <caption>{title}</caption>
          <tbody>
            {groups.map((g) => (
              <tr key={g.label}>
                <th scope="row">{g.label}</th>
                {g.bars.flatMap((b) =>
                  b.segments.map((s) => (
                    <td key={`${b.name}-${s.label}`}>{`${s.label}: ${s.value}`}</td>
                  )),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </BlockStack>
    </figure>
  );
}
