/**
 * Distances, times and speeds of running levels.
 *
 * Stored in one canonical unit each (distance in metres, time in minutes, speed in km/h) and shown
 * in the clinic's unit (Settings: km or mi). Templates written in miles are stored through `miles()`
 * so that "0.1 mi" shows back as exactly "0.1 mi".
 */
/** The distance units a clinic can choose in its settings. */
export const UNITS = ['km', 'mi'] as const;
export type DistanceUnit = (typeof UNITS)[number];

/** The international mile (docs/clinical-sources.md#programmes rounds it to 1.609 km). */
export const METRES_PER_MILE = 1609.344;
export const METRES_PER_KM = 1000;
const KM_PER_MILE = METRES_PER_MILE / METRES_PER_KM;

/** Metres in `n` miles. */
export function miles(n: number): number {
  return n * METRES_PER_MILE;
}

/** Metres in `n` kilometres. */
export function kilometres(n: number): number {
  return n * METRES_PER_KM;
}

/** km/h for a speed in miles per hour. */
export function mph(n: number): number {
  return n * KM_PER_MILE;
}

/** A number rounded to at most `maxDecimals` places, without trailing zeros ("2", "0.25", "3.22"). */
export function formatNumber(value: number, maxDecimals: number): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Whether a distance is a whole number of tenths of the unit (to a metre): 0.1 mi, 2.5 km. */
export function inTenths(metres: number, units: DistanceUnit): boolean {
  const step = (units === 'km' ? METRES_PER_KM : METRES_PER_MILE) / 10;
  return Math.abs(metres / step - Math.round(metres / step)) * step < 1;
}

/**
 * A distance in a unit, in sensible steps: tenths ("0.1 mi", "3.2 km"), or hundredths below one
 * unit ("0.25 mi"); never three decimals a patient would have to measure.
 */
export function formatDistance(metres: number, units: DistanceUnit): string {
  const perUnit = units === 'km' ? METRES_PER_KM : METRES_PER_MILE;
  const value = metres / perUnit;
  return `${formatNumber(value, value < 1 ? 2 : 1)} ${units}`;
}

/** A time in minutes, to 1 decimal: "4 min", "1.5 min". */
export function formatMinutes(minutes: number): string {
  return `${formatNumber(minutes, 1)} min`;
}

/** A speed in the clinic's unit, to 1 decimal: "9.7 km/h", "6 mph". */
export function formatSpeed(kmh: number, units: DistanceUnit): string {
  return units === 'km' ? `${formatNumber(kmh, 1)} km/h` : `${formatNumber(kmh / KM_PER_MILE, 1)} mph`;
}
