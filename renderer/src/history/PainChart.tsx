/**
 * Pain during and after each run (0-10), with the soreness answers the rules read as marks in two
 * rows underneath: warm-up and the day after. Faint bands show the pain-monitoring zones (0-2
 * safe, up to 5 acceptable if it settles by the next morning).
 */
import type { PainPoint } from '../../../shared/domain/timeline';
import type { DateFormat } from '../../../shared/time/dates';
import { formatDate } from '../../../shared/time/dates';
import { ChartFrame, DateAxis, LegendItem, ValueAxis } from './ChartFrame';
import type { DateDomain } from './chart-scale';
import { CHART, shortDate, xScale, yScale } from './chart-scale';
import { CircleMark, DiamondMark, SquareMark, TriangleUpMark } from './marks';

const HEIGHT = 300;
const PLOT_TOP = CHART.top;
const PLOT_BOTTOM = 190;
const WARM_UP_ROW = 232;
const NEXT_DAY_ROW = 262;

type Severity = 'none' | 'mild' | 'marked' | 'stop';

/** Warm-up answers by how much they matter to the rules: none, went away, came back, continued. */
export function warmUpWords(p: PainPoint): { words: string; severity: Severity } {
  if (p.warmUp === 'none') return { words: 'No soreness', severity: 'none' };
  if (p.warmUp === 'continued') return { words: 'Continued', severity: 'stop' };
  if (p.warmUp === 'unknown') return { words: 'Not known', severity: 'marked' };
  if (p.cameBack === 'unknown') return { words: 'Went away, came back not known', severity: 'marked' };
  return p.cameBack ? { words: 'Went away, came back', severity: 'marked' } : { words: 'Went away', severity: 'mild' };
}

export function nextDayWords(p: PainPoint): { words: string; severity: Severity } {
  if (p.nextDay === 'none') return { words: 'No soreness', severity: 'none' };
  if (p.nextDay === 'muscular') return { words: 'Muscle only', severity: 'mild' };
  if (p.nextDay === 'injury_site') return { words: 'At the injury', severity: 'stop' };
  if (p.nextDay === 'unknown') return { words: 'Not known', severity: 'marked' };
  return { words: 'Not muscular', severity: 'stop' };
}

function SeverityMark({ x, y, severity, label }: { x: number; y: number; severity: Severity; label: string }) {
  const title = <title>{label}</title>;
  switch (severity) {
    case 'none':
      return (
        <CircleMark x={x} y={y} size={4} className="mark mark--none">
          {title}
        </CircleMark>
      );
    case 'mild':
      return (
        <DiamondMark x={x} y={y} className="mark mark--mild">
          {title}
        </DiamondMark>
      );
    case 'marked':
      return (
        <TriangleUpMark x={x} y={y} size={6} className="mark mark--marked">
          {title}
        </TriangleUpMark>
      );
    case 'stop':
      return (
        <SquareMark x={x} y={y} size={5} className="mark mark--stop">
          {title}
        </SquareMark>
      );
  }
}

/** A line through the values present; a run without a score breaks the line. */
function linePath(points: readonly { x: number; y: number | null }[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function PainChart({
  points,
  domain,
  dateFormat,
}: {
  points: readonly PainPoint[];
  domain: DateDomain | null;
  dateFormat: DateFormat;
}) {
  const scored = points.filter((p) => p.painDuring !== null || p.painAfter !== null);
  const worst = Math.max(0, ...points.map((p) => Math.max(p.painDuring ?? 0, p.painAfter ?? 0)));
  const last = points[points.length - 1];
  const description =
    points.length === 0
      ? ''
      : `Pain scores of ${points.length} ${points.length === 1 ? 'run' : 'runs'} from ${formatDate(points[0]!.runDate, dateFormat)} ` +
        `to ${formatDate(last!.runDate, dateFormat)}; highest ${worst} out of 10; last run: pain during ` +
        `${last!.painDuring ?? 'not recorded'}, after ${last!.painAfter ?? 'not recorded'}. Warm-up and next-day soreness are marked below the lines.`;
  const x = domain ? xScale(domain) : () => 0;
  const y = yScale(0, 10, PLOT_TOP, PLOT_BOTTOM);
  const right = CHART.width - CHART.right;
  return (
    <ChartFrame
      title="Pain and soreness after each run"
      description={description}
      empty={points.length === 0 || !domain ? 'No check-ins yet: pain and soreness appear here after the first.' : null}
      height={HEIGHT}
      legend={
        <>
          <LegendItem label="Pain during the run">
            <line x1={-7} x2={7} y1={0} y2={0} className="pain-line pain-line--during" />
            <CircleMark x={0} y={0} size={3.5} className="mark mark--during" />
          </LegendItem>
          <LegendItem label="Pain after the run">
            <line x1={-7} x2={7} y1={0} y2={0} className="pain-line pain-line--after" />
            <SquareMark x={0} y={0} size={3} className="mark mark--after" />
          </LegendItem>
          <LegendItem label="No soreness">
            <CircleMark x={0} y={0} size={4} className="mark mark--none" />
          </LegendItem>
          <LegendItem label="Went away / muscle only">
            <DiamondMark x={0} y={0} className="mark mark--mild" />
          </LegendItem>
          <LegendItem label="Came back during the run">
            <TriangleUpMark x={0} y={0} size={6} className="mark mark--marked" />
          </LegendItem>
          <LegendItem label="Continued / not muscular">
            <SquareMark x={0} y={0} size={5} className="mark mark--stop" />
          </LegendItem>
        </>
      }
      table={
        <table className="table chart__table">
          <caption className="visually-hidden">Pain and soreness after each run</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Pain during</th>
              <th scope="col">Pain after</th>
              <th scope="col">Warm-up soreness</th>
              <th scope="col">Next-day soreness</th>
              <th scope="col">Swelling</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.checkInId}>
                <th scope="row">{formatDate(p.runDate, dateFormat)}</th>
                <td>{p.painDuring === null ? 'Not recorded' : `${p.painDuring}/10`}</td>
                <td>{p.painAfter === null ? 'Not recorded' : `${p.painAfter}/10`}</td>
                <td>{warmUpWords(p).words}</td>
                <td>{nextDayWords(p).words}</td>
                <td>{p.swelling === 'unknown' ? 'Not known' : p.swelling ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {domain ? (
        <>
          <rect x={CHART.left} y={y(2)} width={right - CHART.left} height={y(0) - y(2)} className="zone zone--safe" />
          <rect
            x={CHART.left}
            y={y(5)}
            width={right - CHART.left}
            height={y(2) - y(5)}
            className="zone zone--acceptable"
          />
          <text x={right + 8} y={y(1) + 4} className="chart__note">
            0–2 safe
          </text>
          <text x={right + 8} y={y(3.5) + 4} className="chart__note">
            3–5 acceptable
          </text>
          <text x={right + 8} y={y(7.5) + 4} className="chart__note">
            over 5: not acceptable
          </text>
          <ValueAxis values={[0, 2, 5, 10]} y={y} />
          <DateAxis domain={domain} top={PLOT_TOP} bottom={PLOT_BOTTOM} />
          <path
            d={linePath(points.map((p) => ({ x: x(p.runDate), y: p.painDuring === null ? null : y(p.painDuring) })))}
            className="pain-line pain-line--during"
          />
          <path
            d={linePath(points.map((p) => ({ x: x(p.runDate), y: p.painAfter === null ? null : y(p.painAfter) })))}
            className="pain-line pain-line--after"
          />
          {scored.map((p) => (
            <g key={p.checkInId}>
              {p.painDuring !== null ? (
                <CircleMark x={x(p.runDate)} y={y(p.painDuring)} size={4} className="mark mark--during">
                  <title>{`${shortDate(p.runDate)}: pain during ${p.painDuring}/10`}</title>
                </CircleMark>
              ) : null}
              {p.painAfter !== null ? (
                <SquareMark x={x(p.runDate)} y={y(p.painAfter)} size={3.5} className="mark mark--after">
                  <title>{`${shortDate(p.runDate)}: pain after ${p.painAfter}/10`}</title>
                </SquareMark>
              ) : null}
            </g>
          ))}
          <text x={CHART.left - 8} y={WARM_UP_ROW + 4} textAnchor="end" className="chart__row-label">
            Warm-up
          </text>
          <text x={CHART.left - 8} y={NEXT_DAY_ROW + 4} textAnchor="end" className="chart__row-label">
            Next day
          </text>
          <line x1={CHART.left} x2={right} y1={WARM_UP_ROW} y2={WARM_UP_ROW} className="chart__grid" />
          <line x1={CHART.left} x2={right} y1={NEXT_DAY_ROW} y2={NEXT_DAY_ROW} className="chart__grid" />
          {points.map((p) => {
            const w = warmUpWords(p);
            const n = nextDayWords(p);
            return (
              <g key={p.checkInId}>
                <SeverityMark
                  x={x(p.runDate)}
                  y={WARM_UP_ROW}
                  severity={w.severity}
                  label={`${shortDate(p.runDate)}, warm-up: ${w.words}`}
                />
                <SeverityMark
                  x={x(p.runDate)}
                  y={NEXT_DAY_ROW}
                  severity={n.severity}
                  label={`${shortDate(p.runDate)}, next day: ${n.words}`}
                />
              </g>
            );
          })}
        </>
      ) : null}
    </ChartFrame>
  );
}
