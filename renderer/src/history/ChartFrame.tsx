/**
 * What every history chart shares: a title, the picture with its description for screen readers,
 * a legend in words and shapes, the same values as a real table behind "Show values as a table",
 * and an empty state in words.
 */
import { useId, type ReactNode } from 'react';
import type { DateDomain } from './chart-scale';
import { CHART, dateTicks, shortDate, spansYears, xScale } from './chart-scale';

export function ChartFrame({
  title,
  description,
  empty,
  height,
  legend,
  table,
  children,
  summary = null,
}: {
  title: string;
  description: string;
  /** The words shown instead of the chart when there is nothing to draw; null when there is. */
  empty: string | null;
  height: number;
  legend: ReactNode;
  table: ReactNode;
  children: ReactNode;
  /** One line in words under the title (what changed since the first score); null for none. */
  summary?: string | null;
}) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="chart__title">
        {title}
      </h3>
      {summary !== null && empty === null ? <p className="chart__summary">{summary}</p> : null}
      {empty !== null ? (
        <p className="chart__empty">{empty}</p>
      ) : (
        <>
          <svg
            className="chart__svg"
            viewBox={`0 0 ${CHART.width} ${height}`}
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-desc`}
          >
            <desc id={`${id}-desc`}>{description}</desc>
            {children}
          </svg>
          <div className="chart__legend">{legend}</div>
          <details className="chart__values">
            <summary>Show values as a table</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}

/** The date axis along the bottom of a plot, with light vertical grid lines. */
export function DateAxis({ domain, top, bottom }: { domain: DateDomain; top: number; bottom: number }) {
  const x = xScale(domain);
  const withYear = spansYears(domain);
  return (
    <g className="chart__axis" aria-hidden="true">
      <line x1={CHART.left} x2={CHART.width - CHART.right} y1={bottom} y2={bottom} className="chart__axis-line" />
      {dateTicks(domain).map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={top} y2={bottom} className="chart__grid" />
          <text x={x(d)} y={bottom + 16} textAnchor="middle" className="chart__tick">
            {shortDate(d, withYear)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Value grid lines and labels along the left. */
export function ValueAxis({
  values,
  y,
  format = String,
}: {
  values: readonly number[];
  y: (v: number) => number;
  format?: (v: number) => string;
}) {
  return (
    <g className="chart__axis" aria-hidden="true">
      {values.map((v) => (
        <g key={v}>
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y(v)} y2={y(v)} className="chart__grid" />
          <text x={CHART.left - 8} y={y(v) + 4} textAnchor="end" className="chart__tick">
            {format(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** One legend entry: a small drawing of the mark and its words. */
export function LegendItem({ children, label }: { children: ReactNode; label: string }) {
  return (
    <span className="chart__legend-item">
      <svg viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true">
        {children}
      </svg>
      {label}
    </span>
  );
}
