/**
 * The words the first screen shows when the records cannot be opened: what happened, the detail,
 * and what the clinic can do about it. Pure: the session decides when a problem applies.
 */
import type { DatabaseOpenError } from '../../db/open';
import type { KeyFileError } from '../../security/key-file';

export interface Problem {
  title: string;
  detail: string;
  whatToDo: string;
}

export const RESTORE_ADVICE =
  'Restore the most recent backup, or ask the person who looks after this computer for help. Nothing has been changed or replaced.';

/**
 * Problems a restore must not paper over: records in use elsewhere, on a network drive, or
 * written by a newer version (restoring an older backup over them would lose their newest work).
 */
export const UNSAFE_TO_RESTORE_OVER: readonly DatabaseOpenError['problem'][] = [
  'locked',
  'network_folder',
  'newer_version',
];

/** Turns a failure to open the records into words for the clinic. */
export function describeOpenProblem(err: DatabaseOpenError): Problem {
  switch (err.problem) {
    case 'corrupt':
      return { title: 'The records file is damaged', detail: err.message, whatToDo: RESTORE_ADVICE };
    case 'not_a_database':
    case 'not_ours':
      return { title: 'This is not a Stride Clinic records file', detail: err.message, whatToDo: RESTORE_ADVICE };
    case 'locked':
      return {
        title: 'The records are in use by another program',
        detail: err.message,
        whatToDo:
          'Close other copies of Stride Clinic (or any program that opened the records file), then start the app again.',
      };
    case 'newer_version':
      return {
        title: 'The records need a newer version of Stride Clinic',
        detail: err.message,
        whatToDo: 'Install the latest version of Stride Clinic. The records have not been changed.',
      };
    case 'network_folder':
      return {
        title: 'The data folder is on a network drive',
        detail: err.message,
        whatToDo: "Move the data folder to this computer's own disk and start the app again.",
      };
    case 'missing':
      return { title: 'The records file is missing', detail: err.message, whatToDo: RESTORE_ADVICE };
    case 'migration_mismatch':
    case 'unreadable':
      return { title: 'The records file cannot be opened', detail: err.message, whatToDo: RESTORE_ADVICE };
  }
}

/** A correct password opened the key file, yet the records file is not one its key opens. */
export function describeOpenWithRightKeyProblem(err: DatabaseOpenError): Problem {
  if (err.problem !== 'not_a_database') return describeOpenProblem(err);
  return {
    title: 'The records file does not match the key file',
    detail: `${err.message} The password was right, so the records file is damaged or was replaced by another clinic's file.`,
    whatToDo: RESTORE_ADVICE,
  };
}

export function describeKeyFileProblem(err: KeyFileError): Problem {
  return {
    title: err.problem === 'missing' ? 'The key file is missing' : 'The key file is damaged',
    detail: `${err.message} The records are encrypted and this file holds the only way to unlock them.`,
    whatToDo:
      'Restore the most recent backup: each backup carries its own copy of the key file. Nothing has been changed or replaced.',
  };
}

/** The plain records file of a clinic whose key file says they are encrypted. */
export function describePlainRecordsProblem(file: string, keyFile: string): Problem {
  return {
    title: 'The records file is not encrypted, but this clinic uses encryption',
    detail: `${file} is a plain database, while ${keyFile} says the records are encrypted. It may have been replaced by an old copy.`,
    whatToDo: RESTORE_ADVICE,
  };
}
