/**
 * Version 11: clinicians have a role. The clinic owner (the first clinician) and administrators
 * manage clinicians; everyone else changes only their own password. Existing clinics: the
 * first clinician (lowest id) becomes the owner, everyone else a clinician. At most one owner
 * (a partial unique index). Clinicians who leave are marked inactive, never deleted, so their
 * notes and audit entries keep their name (the `active` flag exists since version 1).
 */
import type { Migration } from '../migrate';

export const migration0011: Migration = {
  version: 11,
  name: 'clinician roles',
  sql: /* sql */ `
ALTER TABLE clinicians ADD COLUMN role TEXT NOT NULL DEFAULT 'clinician'
  CHECK (role IN ('owner', 'administrator', 'clinician'));
UPDATE clinicians SET role = 'owner' WHERE id = (SELECT min(id) FROM clinicians);
CREATE UNIQUE INDEX clinicians_one_owner ON clinicians (role) WHERE role = 'owner';
`,
};
