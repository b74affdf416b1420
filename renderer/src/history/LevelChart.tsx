/**
 * The running level over time as a step line: where each programme started, each move up (a
 * circle), each step back (a red triangle pointing down, and a word in the table), each decision
 * the clinician changed (a ring), and the rest days as hatched spans in a row under the dates.
 */
import { useId } from 'react';
import type { TimelineSeries } from '../../../shared/domain/timeline';
import type { DateFormat } from '../../../shared/time/dates';
import { addDays, formatDate } from '../../../shared/time/dates';
import { ChartFrame, DateAxis, LegendItem, ValueAxis } from './ChartFrame';
import type { DateDomain } from './chart-scale';
import { CHART, shortDate, xScale, yScale } from './chart-scale';
import { CircleMark, DiamondMark, TriangleDownMark } from './marks';

const HEIGHT = 256;
const PLOT_TOP = CHART.top + 6;
const PLOT_BOTTOM = 200;
/** Rest days get a row of their own under the dates, so they never hide the line. */
const REST_ROW = 236;
const REST_HEIGHT = 14;

const CHANGE_WORDS = { start: 'Programme started', up: 'Moved up', same: 'Stayed', down: 'Stepped back' } as const;

function levelTicks(max: number): number[] {
  const step = max <= 10 ? 1 : max <= 20 ? 2 : 5;
  const ticks: number[] = [];
  for (let v = 1; v <= max; v += step) ticks.push(v);
  return ticks;
}

export function LevelChart({
  level,
  domain,
  dateFormat,
}: {
  level: TimelineSeries['level'];
  domain: DateDomain | null;
  dateFormat: DateFormat;
}) {
  const hatch = `${useId()}-rest`;
  const { points, rests, stepBacks } = level;
  const top = Math.max(level.levelCount ?? 1, ...points.map((p) => p.level));
  const x = domain ? xScale(domain) : () => 0;
  const y = yScale(1, Math.max(2, top), PLOT_TOP, PLOT_BOTTOM);
  const right = CHART.width - CHART.right;
  const last = points[points.length - 1];
  const restDays = rests.reduce((n, r) => n + r.days, 0);
  const description =
    points.length === 0 || !last
      ? ''
      : `Running level from ${formatDate(points[0]!.date, dateFormat)}: started at level ${points[0]!.level}, ` +
        `now level ${last.level} of ${level.levelCount ?? top}; ${stepBacks.length} ` +
        `${stepBacks.length === 1 ? 'step back' : 'steps back'}; ${restDays} rest ${restDays === 1 ? 'day' : 'days'} ` +
        `given by the rules or the clinician.`;

  let path = '';
  points.forEach((p, i) => {
    const px = x(p.date).toFixed(1);
    const py = y(p.level).toFixed(1);
    path += i === 0 || p.change === 'start' ? `M${px} ${py}` : `H${px}V${py}`;
  });
  if (last && domain) path += `H${right.toFixed(1)}`;

  return (
    <ChartFrame
      title="Running level"
      description={description}
      empty={
        points.length === 0 || !domain ? 'No running programme yet: the level appears here once one is given.' : null
      }
      height={HEIGHT}
      legend={
        <>
          <LegendItem label="Level (step line)">
            <line x1={-7} x2={7} y1={0} y2={0} className="level-line" />
          </LegendItem>
          <LegendItem label="Programme started">
            <DiamondMark x={0} y={0} size={5} className="mark mark--start" />
          </LegendItem>
          <LegendItem label="Moved up or stayed">
            <CircleMark x={0} y={0} size={3.5} className="mark mark--level" />
          </LegendItem>
          <LegendItem label="Step back">
            <TriangleDownMark x={0} y={0} size={6} className="mark mark--step-back" />
          </LegendItem>
          <LegendItem label="Decision changed by the clinician">
            <circle cx={0} cy={0} r={6} className="mark mark--override" />
          </LegendItem>
          <LegendItem label="Rest days">
            <rect x={-7} y={-6} width={14} height={12} className="rest-span" fill={`url(#${hatch})`} />
          </LegendItem>
        </>
      }
      table={
        <>
          <table className="table chart__table">
            <caption className="visually-hidden">Running level</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Level</th>
                <th scope="col">Change</th>
                <th scope="col">Decided by</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={`${p.date}-${p.checkInId ?? 'start'}-${p.level}`}>
                  <th scope="row">{formatDate(p.date, dateFormat)}</th>
                  <td>{p.level}</td>
                  <td>{CHANGE_WORDS[p.change]}</td>
                  <td>{p.change === 'start' ? '' : p.override ? 'The clinician (changed)' : 'The rules'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table chart__table">
            <caption className="chart__table-caption">Rest days</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Days</th>
              </tr>
            </thead>
            <tbody>
              {rests.length === 0 ? (
                <tr>
                  <td colSpan={3}>No rest days given.</td>
                </tr>
              ) : (
                rests.map((r) => (
                  <tr key={r.checkInId}>
                    <td>{formatDate(r.from, dateFormat)}</td>
                    <td>{formatDate(r.to, dateFormat)}</td>
                    <td>{r.days}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </>
      }
    >
      {domain ? (
        <>
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className="rest-span__fill" />
              <line x1="0" y1="0" x2="0" y2="6" className="rest-span__hatch" />
            </pattern>
          </defs>
          <text x={CHART.left - 8} y={REST_ROW + REST_HEIGHT / 2 + 4} textAnchor="end" className="chart__row-label">
            Rest
          </text>
          <line
            x1={CHART.left}
            x2={right}
            y1={REST_ROW + REST_HEIGHT / 2}
            y2={REST_ROW + REST_HEIGHT / 2}
            className="chart__grid"
          />
          {rests.map((r) => (
            <rect
              key={r.checkInId}
              x={x(r.from)}
              y={REST_ROW}
              width={Math.max(2, x(addDays(r.to, 1)) - x(r.from))}
              height={REST_HEIGHT}
              fill={`url(#${hatch})`}
              className="rest-span"
            >
              <title>{`Rest: ${r.days} ${r.days === 1 ? 'day' : 'days'} from ${shortDate(r.from)}`}</title>
            </rect>
          ))}
          <ValueAxis values={levelTicks(top)} y={y} />
          <text x={right + 8} y={y(top) + 4} className="chart__note">
            {level.levelCount ? `Last level: ${level.levelCount}` : ''}
          </text>
          <DateAxis domain={domain} top={PLOT_TOP} bottom={PLOT_BOTTOM} />
          <path d={path} className="level-line" />
          {points.map((p) => {
            const px = x(p.date);
            const py = y(p.level);
            const label = `${shortDate(p.date)}: ${CHANGE_WORDS[p.change].toLowerCase()}, level ${p.level}${p.override ? ' (decision changed by the clinician)' : ''}`;
            return (
              <g key={`${p.date}-${p.checkInId ?? 'start'}`}>
                {p.change === 'start' ? (
                  <DiamondMark x={px} y={py} size={6} className="mark mark--start">
                    <title>{label}</title>
                  </DiamondMark>
                ) : p.change === 'down' ? (
                  <TriangleDownMark x={px} y={py} className="mark mark--step-back">
                    <title>{label}</title>
                  </TriangleDownMark>
                ) : (
                  <CircleMark x={px} y={py} size={3.5} className="mark mark--level">
                    <title>{label}</title>
                  </CircleMark>
                )}
                {p.override ? <circle cx={px} cy={py} r={9} className="mark mark--override" /> : null}
              </g>
            );
          })}
        </>
      ) : null}
    </ChartFrame>
  );
}
