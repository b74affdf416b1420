/**
 * Every schema change the app has shipped, oldest first. Append only: a shipped migration is
 * never edited (its checksum is stored in each database it has run on and checked at open).
 */
import type { Migration } from '../migrate';
import { migration0001 } from './0001-clinic-core';
import { migration0002 } from './0002-episodes';
import { migration0003 } from './0003-auto-lock';
import { migration0004 } from './0004-exercises-prescriptions';
import { migration0005 } from './0005-intake';
import { migration0006 } from './0006-running';
import { migration0007 } from './0007-handouts';
import { migration0008 } from './0008-records-safety';
import { migration0009 } from './0009-readiness-gates';
import { migration0010 } from './0010-emergency-number';
import { migration0011 } from './0011-clinician-roles';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];
