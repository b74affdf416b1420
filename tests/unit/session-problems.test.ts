/**
 * The first screen's words when the records cannot be opened (main/backend/session/problems.ts):
 * each way of failing says what happened and what the clinic can do, and only the problems where
 * a restore could lose newer work forbid one.
 */
import { describe, expect, it } from 'vitest';
import {
  describeKeyFileProblem,
  describeOpenProblem,
  describeOpenWithRightKeyProblem,
  RESTORE_ADVICE,
  UNSAFE_TO_RESTORE_OVER,
} from '../../main/backend/session/problems';
import { DatabaseOpenError } from '../../main/db/open';
import { KeyFileError } from '../../main/security/key-file';

const PROBLEMS: DatabaseOpenError['problem'][] = [
  'corrupt',
  'not_a_database',
  'not_ours',
  'locked',
  'newer_version',
  'network_folder',
  'missing',
  'migration_mismatch',
  'unreadable',
];

describe('a records file that cannot be opened', () => {
  it.each(PROBLEMS)('is explained with a title, the detail and what to do (%s)', (problem) => {
    const words = describeOpenProblem(new DatabaseOpenError(problem, '/data/clinic.sqlite', `detail of ${problem}`));
    expect(words.title.length).toBeGreaterThan(10);
    expect(words.detail).toBe(`detail of ${problem}`);
    expect(words.whatToDo.length).toBeGreaterThan(20);
  });

  it('sends the clinic to a backup only where restoring one is the way out', () => {
    const advice = (p: DatabaseOpenError['problem']) =>
      describeOpenProblem(new DatabaseOpenError(p, '/data/clinic.sqlite', 'x')).whatToDo;
    for (const problem of UNSAFE_TO_RESTORE_OVER) expect(advice(problem)).not.toBe(RESTORE_ADVICE);
    expect(advice('corrupt')).toBe(RESTORE_ADVICE);
    expect(advice('missing')).toBe(RESTORE_ADVICE);
  });

  it('forbids restoring over records in use elsewhere, on a network drive, or from a newer version', () => {
    expect([...UNSAFE_TO_RESTORE_OVER].sort()).toEqual(['locked', 'network_folder', 'newer_version']);
  });

  it('says the records do not match the key file when a right password opened a wrong file', () => {
    const err = new DatabaseOpenError('not_a_database', '/data/clinic.sqlite', 'file is not a database');
    expect(describeOpenWithRightKeyProblem(err).title).toBe('The records file does not match the key file');
    expect(describeOpenWithRightKeyProblem(err).detail).toContain('The password was right');
    const locked = new DatabaseOpenError('locked', '/data/clinic.sqlite', 'busy');
    expect(describeOpenWithRightKeyProblem(locked)).toEqual(describeOpenProblem(locked));
  });

  it('tells a missing key file from a damaged one, and points to the backups that carry a copy', () => {
    expect(describeKeyFileProblem(new KeyFileError('missing', 'No keys.json.')).title).toBe('The key file is missing');
    const damaged = describeKeyFileProblem(new KeyFileError('damaged', 'Not JSON.'));
    expect(damaged.title).toBe('The key file is damaged');
    expect(damaged.whatToDo).toContain('each backup carries its own copy of the key file');
  });
});
