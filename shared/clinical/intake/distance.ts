/**
 * Running distances. Stored canonically as whole metres, beside the unit the clinician typed in,
 * so a weekly volume typed as 25 mi is kept exactly enough to show "25 mi" again and sums and
 * comparisons never mix units. 1 mi = 1609.344 m (international mile).
 */
import { z } from 'zod';
import { UNITS, type DistanceUnit } from '../../domain/settings';
import { formatNumber } from './format';

export const METRES_PER_UNIT: Readonly<Record<DistanceUnit, number>> = { km: 1000, mi: 1609.344 };

/** A distance as stored: whole metres, and the unit to show it in. */
export interface Distance {
  metres: number;
  unit: DistanceUnit;
}

/** The stored form of a distance typed by the clinician ("25" with "mi" selected). */
export function distanceFromEntry(value: number, unit: DistanceUnit): Distance {
  return { metres: Math.round(value * METRES_PER_UNIT[unit]), unit };
}

/** The distance in a unit, unrounded. */
export function distanceIn(distance: Distance, unit: DistanceUnit): number {
  return distance.metres / METRES_PER_UNIT[unit];
}

/** "40 km", "25 mi", "12.5 km": one decimal at most, in the unit it was typed in unless told. */
export function formatDistance(distance: Distance, unit: DistanceUnit = distance.unit): string {
  return `${formatNumber(distanceIn(distance, unit))} ${unit}`;
}

/**
 * A stored distance from 0 to `maxKm`. The message gives the range in both units, since the
 * clinician may have typed either.
 */
export function distanceSchema(label: string, maxKm: number) {
  const maxMetres = maxKm * 1000;
  const maxMiles = Math.floor(maxMetres / METRES_PER_UNIT.mi);
  const message = `${label} must be from 0 to ${maxKm} km (${maxMiles} mi).`;
  const missing = `${label} is missing: enter it in km or miles.`;
  return z.strictObject(
    {
      metres: z
        .number({ error: message })
        .refine((v) => Number.isInteger(v) && v >= 0 && v <= maxMetres, { error: message }),
      unit: z.enum(UNITS, { error: `${label}: choose kilometres or miles.` }),
    },
    { error: (iss) => (iss.code === 'invalid_type' ? missing : undefined) },
  );
}
