/**
 * The clinic's readiness thresholds (one row). Without a row the clinic uses the defaults of
 * shared/clinical/intake/readiness.ts, which carry their sources. Changes are versioned and audited.
 */
import type { ReadinessSettings, ReadinessSettingsUpdate } from '../../shared/domain/intake';
import { DEFAULT_READINESS_THRESHOLDS, type ReadinessThresholds } from '../../shared/clinical/intake/readiness';
import type { SwellingGrade } from '../../shared/clinical/intake/physical-tests';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { stale } from '../util/errors';
import { ownKeys } from '../util/keys';

interface ThresholdRow {
  brisk_walk_minutes: number;
  walking_pain_below: number;
  hopping_pain_below: number;
  heel_raise_lsi_at_least: number;
  hop_lsi_at_least: number;
  knee_swelling_at_most: SwellingGrade;
  acl_weeks_after_surgery: number;
  knee_rom_percent_at_least: number;
  knee_strength_lsi_at_least: number;
  knee_surgery_hop_lsi_at_least: number;
  bone_stress_walk_phase_weeks: number;
  postnatal_weeks_at_least: number;
  updated_at: string;
  updated_by_name: string | null;
  version: number;
}

function readRow(db: Db): ThresholdRow | undefined {
  return db
    .prepare<unknown[], ThresholdRow>(
      `SELECT t.brisk_walk_minutes, t.walking_pain_below, t.hopping_pain_below, t.heel_raise_lsi_at_least,
              t.hop_lsi_at_least, t.knee_swelling_at_most, t.acl_weeks_after_surgery, t.knee_rom_percent_at_least,
              t.knee_strength_lsi_at_least, t.knee_surgery_hop_lsi_at_least, t.bone_stress_walk_phase_weeks,
              t.postnatal_weeks_at_least, t.updated_at, c.name AS updated_by_name, t.version
       FROM readiness_thresholds t LEFT JOIN clinicians c ON c.id = t.updated_by WHERE t.id = 1`,
    )
    .get();
}

function thresholdsOf(row: ThresholdRow): ReadinessThresholds {
  return {
    briskWalkMinutes: row.brisk_walk_minutes,
    walkingPainBelow: row.walking_pain_below,
    hoppingPainBelow: row.hopping_pain_below,
    heelRaiseLsiAtLeast: row.heel_raise_lsi_at_least,
    hopLsiAtLeast: row.hop_lsi_at_least,
    kneeSwellingAtMost: row.knee_swelling_at_most,
    aclWeeksAfterSurgery: row.acl_weeks_after_surgery,
    kneeRomPercentAtLeast: row.knee_rom_percent_at_least,
    kneeStrengthLsiAtLeast: row.knee_strength_lsi_at_least,
    kneeSurgeryHopLsiAtLeast: row.knee_surgery_hop_lsi_at_least,
    boneStressWalkPhaseWeeks: row.bone_stress_walk_phase_weeks,
    postnatalWeeksAtLeast: row.postnatal_weeks_at_least,
  };
}

/** The thresholds the readiness checklist uses in this clinic now. */
export function clinicThresholds(db: Db): ReadinessThresholds {
  const row = readRow(db);
  return row ? thresholdsOf(row) : { ...DEFAULT_READINESS_THRESHOLDS };
}

export function readReadinessSettings(db: Db): ReadinessSettings {
  const row = readRow(db);
  if (!row) {
    return {
      thresholds: { ...DEFAULT_READINESS_THRESHOLDS },
      usingDefaults: true,
      updatedAt: null,
      updatedBy: null,
      version: 0,
    };
  }
  const thresholds = thresholdsOf(row);
  const usingDefaults = ownKeys(thresholds).every((k) => thresholds[k] === DEFAULT_READINESS_THRESHOLDS[k]);
  return { thresholds, usingDefaults, updatedAt: row.updated_at, updatedBy: row.updated_by_name, version: row.version };
}

export function updateReadinessSettings(
  db: Db,
  clock: Clock,
  clinicianId: number,
  req: ReadinessSettingsUpdate,
): ReadinessSettings {
  return db
    .transaction(() => {
      const before = readReadinessSettings(db);
      if (before.version !== req.expectedVersion) throw stale('The readiness thresholds');
      // An update without the newer thresholds (an older client) keeps their stored values, never resets them.
      const t = { ...before.thresholds, ...req.thresholds };
      db.prepare(
        `INSERT INTO readiness_thresholds (id, brisk_walk_minutes, walking_pain_below, hopping_pain_below,
           heel_raise_lsi_at_least, hop_lsi_at_least, knee_swelling_at_most, acl_weeks_after_surgery,
           knee_rom_percent_at_least, knee_strength_lsi_at_least, knee_surgery_hop_lsi_at_least,
           bone_stress_walk_phase_weeks, postnatal_weeks_at_least, updated_at, updated_by, version)
         VALUES (1, @briskWalkMinutes, @walkingPainBelow, @hoppingPainBelow, @heelRaiseLsiAtLeast, @hopLsiAtLeast,
           @kneeSwellingAtMost, @aclWeeksAfterSurgery, @kneeRomPercentAtLeast, @kneeStrengthLsiAtLeast,
           @kneeSurgeryHopLsiAtLeast, @boneStressWalkPhaseWeeks, @postnatalWeeksAtLeast, @now, @clinicianId, 1)
         ON CONFLICT (id) DO UPDATE SET brisk_walk_minutes = excluded.brisk_walk_minutes,
           walking_pain_below = excluded.walking_pain_below, hopping_pain_below = excluded.hopping_pain_below,
           heel_raise_lsi_at_least = excluded.heel_raise_lsi_at_least, hop_lsi_at_least = excluded.hop_lsi_at_least,
           knee_swelling_at_most = excluded.knee_swelling_at_most,
           acl_weeks_after_surgery = excluded.acl_weeks_after_surgery,
           knee_rom_percent_at_least = excluded.knee_rom_percent_at_least,
           knee_strength_lsi_at_least = excluded.knee_strength_lsi_at_least,
           knee_surgery_hop_lsi_at_least = excluded.knee_surgery_hop_lsi_at_least,
           bone_stress_walk_phase_weeks = excluded.bone_stress_walk_phase_weeks,
           postnatal_weeks_at_least = excluded.postnatal_weeks_at_least, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by, version = readiness_thresholds.version + 1`,
      ).run({ ...t, now: clock.now().toISOString(), clinicianId });
      const after = readReadinessSettings(db);
      appendAudit(db, clock, {
        clinicianId,
        action: 'update',
        entity: 'readiness_thresholds',
        entityId: 1,
        patientId: null,
        summary: 'Changed the readiness-to-run thresholds',
        before: before.thresholds,
        after: after.thresholds,
      });
      return after;
    })
    .immediate();
}
