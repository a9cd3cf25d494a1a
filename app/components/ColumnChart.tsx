import { BlockStack, InlineStack, Text } from "@shopify/polaris";
import { useId } from "react";

export interface Column {
  /** The column's label under the axis (a day). */
  label: string;
  /** Stacked bottom up, in the legend's order; null for a day with no data (no column drawn). */
  values: number[] | null;
}

/**
 * Stacked columns over time: plain SVG, so it renders the same on the server and in the browser
 * (as BarChart). The figures are also in a visually hidden table for screen readers, and each
 * column has a tooltip with its numbers.
 */
export function ColumnChart({
  title,
  legend,
  columns,
  testId,
  height = 160,
  locale,
}: {
  title: string;
  legend: { label: string; color: string }[];
  columns: Column[];
  testId?: string;
  height?: number;
  /** For the axis numbers. */
  locale?: string;
}) {
  const id = useId();
  const totals = columns.map((c) => (c.values ?? []).reduce((a, b) => a + Math.max(0, b), 0));
  const max = Math.max(1, ...totals);
  // A round top for the axis, so the labels read as numbers people use (10, 50, 200…).
  const step = 10 ** Math.floor(Math.log10(max));
  const top = Math.ceil(max / step) * step;
  const width = Math.max(columns.length, 1) * 24;
  const barWidth = 14;
  const every = Math.max(1, Math.ceil(columns.length / 6));
  return (
    <figure style={{ margin: 0 }} data-testid={testId} aria-labelledby={`${id}-title`}>
      <BlockStack gap="300">
        <figcaption id={`${id}-title`}>
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
        </figcaption>
        <InlineStack gap="400" aria-hidden="true">
          {legend.map((l) => (
            <InlineStack key={l.label} gap="100" blockAlign="center" wrap={false}>
              <span
                style={{
                  display: "inline-block",
                  width: 12,
                  height: 12,
                  borderRadius: 3,
                  background: l.color,
                }}
              />
              <Text as="span" variant="bodySm">
                {l.label}
              </Text>
            </InlineStack>
          ))}
        </InlineStack>
        <div
          aria-hidden="true"
          style={{ display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: 8 }}
        >
          <div
            style={{
              display: "flex",
              flexDirection: "column",
              justifyContent: "space-between",
              height,
              textAlign: "right",
            }}
          >
            <Text as="span" variant="bodySm" tone="subdued" numeric>
              {top.toLocaleString(locale)}
            </Text>
            <Text as="span" variant="bodySm" tone="subdued" numeric>
              {(top / 2).toLocaleString(locale)}
            </Text>
            <Text as="span" variant="bodySm" tone="subdued" numeric>
              0
            </Text>
          </div>
          <svg
            width="100%"
            height={height}
            viewBox={`0 0 ${width} 100`}
            preserveAspectRatio="none"
            style={{
              display: "block",
              borderLeft: "1px solid var(--p-color-border)",
              borderBottom: "1px solid var(--p-color-border)",
            }}
          >
            <line
              x1={0}
              x2={width}
              y1={50}
              y2={50}
              style={{ stroke: "var(--p-color-border-secondary)", strokeWidth: 0.5 }}
              vectorEffect="non-scaling-stroke"
            />
            {columns.map((c, i) => {
              let y = 100;
              const x = i * 24 + (24 - barWidth) / 2;
              return (
                <g key={c.label}>
                  <title>
                    {`${c.label}: ${c.values ? legend.map((l, k) => `${l.label} ${c.values?.[k] ?? 0}`).join(", ") : "—"}`}
                  </title>
                  {(c.values ?? []).map((v, k) => {
                    const h = (Math.max(0, v) / top) * 100;
                    y -= h;
                    return (
                      <rect
                        key={legend[k]?.label ?? k}
                        x={x}
                        y={y}
                        width={barWidth}
                        height={h}
                        style={{ fill: legend[k]?.color ?? "var(--p-color-bg-fill-tertiary)" }}
                      />
                    );
                  })}
                </g>
              );
            })}
          </svg>
          <span />
          <div style={{ display: "grid", gridTemplateColumns: `repeat(${columns.length}, 1fr)` }}>
            {columns.map((c, i) => (
              // Counted from the end, so the latest column is always labelled.
              <span key={c.label} style={{ whiteSpace: "nowrap", textAlign: "center" }}>
                <Text as="span" variant="bodySm" tone="subdued">
                  {(columns.length - 1 - i) % every === 0 ? c.label : ""}
                </Text>
              </span>
            ))}
          </div>
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
          <thead>
            <tr>
              <th scope="col" />
              {legend.map((l) => (
                <th key={l.label} scope="col">
                  {l.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.label}>
                <th scope="row">{c.label}</th>
                {legend.map((l, k) => (
                  <td key={l.label}>{c.values ? (c.values[k] ?? 0) : "—"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </BlockStack>
    </figure>
  );
}
