/**
 * Running distances in the intake. Stored canonically as whole metres (the unit of
 * shared/clinical/units.ts), beside the unit the clinician typed in, so a weekly distance typed as
 * 25 mi shows back as "25 mi" and sums and comparisons never mix units.
 */
import { z } from 'zod';
import { METRES_PER_KM, METRES_PER_MILE, UNITS, type DistanceUnit } from '../units';

const METRES_PER: Readonly<Record<DistanceUnit, number>> = { km: METRES_PER_KM, mi: METRES_PER_MILE };

/** A distance as stored: whole metres, and the unit it was typed in (to show it in). */
export interface Distance {
  metres: number;
  unit: DistanceUnit;
}

/** The stored form of a distance typed by the clinician ("25" with "mi" selected). */
export function distanceFromEntry(value: number, unit: DistanceUnit): Distance {
  return { metres: Math.round(value * METRES_PER[unit]), unit };
}

/** The distance in a unit, unrounded. */
export function distanceIn(distance: Distance, unit: DistanceUnit): number {
  return distance.metres / METRES_PER[unit];
}

/**
 * A stored distance from 0 to `maxKm`. The message gives the range in both units, since the
 * clinician may have typed either.
 */
export function distanceSchema(label: string, maxKm: number) {
  const maxMetres = maxKm * METRES_PER_KM;
  const maxMiles = Math.floor(maxMetres / METRES_PER_MILE);
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
