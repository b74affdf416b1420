/**
 * Version 10: the clinic's emergency number, printed in the handout's urgent box ("Call an
 * ambulance (911)"). Existing clinics get 911 where they write dates month first (North
 * America), else 112 (Europe, and most mobile networks elsewhere); the settings page shows it
 * to check. Digits only, 2 to 6 of them.
 */
import type { Migration } from '../migrate';

export const migration0010: Migration = {
  version: 10,
  name: 'emergency number setting',
  sql: /* sql */ `
ALTER TABLE clinic_settings ADD COLUMN emergency_number TEXT NOT NULL DEFAULT '112'
  CHECK (length(emergency_number) BETWEEN 2 AND 6 AND emergency_number NOT GLOB '*[^0-9]*');
UPDATE clinic_settings SET emergency_number = '911' WHERE date_format = 'MM/DD/YYYY';
`,
};
