/**
 * PLACEHOLDER, to delete at merge: version 9 belongs to another branch's migration, and this
 * branch's emergency number is version 10 (0010-emergency-number.ts). The migration list must
 * run 1, 2, 3... with no gap, so this empty step stands in for 9 until the real one lands.
 * Never ship it: a database that ran it would refuse the real step 9 (its checksum differs).
 */
import type { Migration } from '../migrate';

export const migration0009: Migration = {
  version: 9,
  name: 'placeholder for another branch',
  sql: /* sql */ `SELECT 1;`,
};
