/**
 * Outcome measure totals over time: LEFS (0-80), VISA-A (0-100) and the PSFS average (0-10), each
 * with its minimal-important-change band around the first score (9, 6.5 and 2 points) and the
 * change from the first score to the last in words.
 */
import { formatOneDecimal } from '../../../shared/clinical/intake/format';
import type { MeaningfulChangeBand, OutcomeChangeLine, OutcomePoint } from '../../../shared/domain/timeline';
import type { DateFormat } from '../../../shared/time/dates';
import { formatDate } from '../../../shared/time/dates';
import { ChartFrame, DateAxis, LegendItem, ValueAxis } from './ChartFrame';
import { CHART, dateDomain, shortDate, xScale, yScale } from './chart-scale';
import { CircleMark, SquareMark } from './marks';

const HEIGHT = 210;
const PLOT_TOP = CHART.top + 4;
const PLOT_BOTTOM = 176;

type Band = MeaningfulChangeBand | null;

function signedChange(change: number): string {
  return `${change > 0 ? '+' : ''}${formatOneDecimal(change)}`;
}

function pointLabel(p: OutcomePoint): string {
  return p.thisEpisode ? 'This episode' : 'Earlier episode';
}

export function OutcomeChart({
  title,
  unit,
  max,
  ticks,
  points,
  band,
  change = null,
  empty,
  dateFormat,
}: {
  title: string;
  unit: string;
  max: number;
  ticks: number[];
  points: readonly OutcomePoint[];
  band: Band;
  /** The change from the first score to the last, in words; null with one score. */
  change?: OutcomeChangeLine | null;
  empty: string;
  dateFormat: DateFormat;
}) {
  const domain = dateDomain(points.map((p) => p.date));
  const x = domain ? xScale(domain) : () => 0;
  const y = yScale(0, max, PLOT_TOP, PLOT_BOTTOM);
  const right = CHART.width - CHART.right;
  const first = points[0];
  const last = points[points.length - 1];
  let description = '';
  if (first && last) {
    description =
      `${title}: ${points.length} ${points.length === 1 ? 'score' : 'scores'}, first ${first.value} of ${max} on ` +
      `${formatDate(first.date, dateFormat)}, last ${last.value} on ${formatDate(last.date, dateFormat)}.`;
    if (band) {
      description += ` A change of ${formatOneDecimal(band.meaningfulChange)} points or more from the first score (outside ${formatOneDecimal(band.lower)} to ${formatOneDecimal(band.upper)}) is the minimal important change.`;
    }
    if (change) description += ` ${change.words}.`;
  }
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.date).toFixed(1)} ${y(p.value).toFixed(1)}`).join('');
  return (
    <ChartFrame
      title={title}
      description={description}
      empty={points.length === 0 || !domain ? empty : null}
      summary={change ? `${change.words}.` : null}
      height={HEIGHT}
      legend={
        <>
          <LegendItem label="This episode">
            <CircleMark x={0} y={0} size={4.5} className="mark mark--outcome" />
          </LegendItem>
          <LegendItem label="Earlier episode">
            <SquareMark x={0} y={0} size={4} className="mark mark--outcome-earlier" />
          </LegendItem>
          {band ? (
            <LegendItem
              label={`Within ${formatOneDecimal(band.meaningfulChange)} points of the first score: less than the minimal important change`}
            >
              <rect x={-7} y={-5} width={14} height={10} className="mcid-band" />
            </LegendItem>
          ) : null}
        </>
      }
      table={
        <table className="table chart__table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">{unit}</th>
              <th scope="col">Recorded at</th>
              {band ? <th scope="col">Change from the first</th> : null}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => {
              const difference = band ? Math.round((p.value - band.baseline) * 10) / 10 : 0;
              return (
                <tr key={`${p.date}-${i}`}>
                  <th scope="row">{formatDate(p.date, dateFormat)}</th>
                  <td>{p.value}</td>
                  <td>{p.label}</td>
                  {band ? (
                    <td>
                      {i === 0
                        ? 'First score'
                        : `${signedChange(difference)}${Math.abs(difference) >= band.meaningfulChange ? ' (minimal important change reached)' : ''}`}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      }
    >
      {domain ? (
        <>
          {band ? (
            <>
              <rect
                x={x(band.date)}
                y={y(band.upper)}
                width={right - x(band.date)}
                height={y(band.lower) - y(band.upper)}
                className="mcid-band"
              />
              <line x1={x(band.date)} x2={right} y1={y(band.upper)} y2={y(band.upper)} className="mcid-line" />
              <line x1={x(band.date)} x2={right} y1={y(band.lower)} y2={y(band.lower)} className="mcid-line" />
              <text x={right + 8} y={y(band.upper) + 4} className="chart__note">
                {`+${formatOneDecimal(band.meaningfulChange)}: ${formatOneDecimal(band.upper)}`}
              </text>
              <text x={right + 8} y={y(band.lower) + 4} className="chart__note">
                {`−${formatOneDecimal(band.meaningfulChange)}: ${formatOneDecimal(band.lower)}`}
              </text>
            </>
          ) : null}
          <ValueAxis values={ticks} y={y} />
          <DateAxis domain={domain} top={PLOT_TOP} bottom={PLOT_BOTTOM} />
          {points.length > 1 ? <path d={line} className="outcome-line" /> : null}
          {points.map((p, i) => {
            const label = `${shortDate(p.date, true)}: ${p.value} (${pointLabel(p).toLowerCase()})`;
            return p.thisEpisode ? (
              <CircleMark key={`${p.date}-${i}`} x={x(p.date)} y={y(p.value)} size={5} className="mark mark--outcome">
                <title>{label}</title>
              </CircleMark>
            ) : (
              <SquareMark
                key={`${p.date}-${i}`}
                x={x(p.date)}
                y={y(p.value)}
                size={4.5}
                className="mark mark--outcome-earlier"
              >
                <title>{label}</title>
              </SquareMark>
            );
          })}
          {points.map((p, i) => (
            <text
              key={`v-${p.date}-${i}`}
              x={x(p.date) + 9}
              y={y(p.value) + 4}
              textAnchor="start"
              className="chart__value"
            >
              {p.value}
            </text>
          ))}
        </>
      ) : null}
    </ChartFrame>
  );
}
