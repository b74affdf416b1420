/**
 * Version 9: the thresholds of the readiness gates per diagnosis (shared/clinical/intake/
 * readiness-gates.ts), clinic-editable beside the common ones and audited the same way. A clinic
 * that already changed its thresholds keeps them, and gets the gates' defaults (the same numbers
 * as `ReadinessThresholds` in shared/clinical/intake/readiness.ts, with their sources there).
 */
import type { Migration } from '../migrate';

export const migration0009: Migration = {
  version: 9,
  name: 'readiness gates per diagnosis',
  sql: /* sql */ `
ALTER TABLE readiness_thresholds ADD COLUMN acl_weeks_after_surgery INTEGER NOT NULL DEFAULT 12
  CHECK (acl_weeks_after_surgery BETWEEN 5 AND 52);
ALTER TABLE readiness_thresholds ADD COLUMN knee_rom_percent_at_least INTEGER NOT NULL DEFAULT 95
  CHECK (knee_rom_percent_at_least BETWEEN 80 AND 100);
ALTER TABLE readiness_thresholds ADD COLUMN knee_strength_lsi_at_least INTEGER NOT NULL DEFAULT 70
  CHECK (knee_strength_lsi_at_least BETWEEN 50 AND 100);
ALTER TABLE readiness_thresholds ADD COLUMN knee_surgery_hop_lsi_at_least INTEGER NOT NULL DEFAULT 70
  CHECK (knee_surgery_hop_lsi_at_least BETWEEN 50 AND 100);
ALTER TABLE readiness_thresholds ADD COLUMN bone_stress_walk_phase_weeks INTEGER NOT NULL DEFAULT 2
  CHECK (bone_stress_walk_phase_weeks BETWEEN 2 AND 12);
ALTER TABLE readiness_thresholds ADD COLUMN postnatal_weeks_at_least INTEGER NOT NULL DEFAULT 12
  CHECK (postnatal_weeks_at_least BETWEEN 12 AND 52);
`,
};
